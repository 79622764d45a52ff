/**
 * One pass over a zip's members with fflate: every member is inflated as a stream, counted and
 * stopped as soon as it expands beyond what the central directory declared (or beyond the
 * archive's total limit); the members the reader needs are kept, the others only counted. Pure TypeScript: Node and the task pane.
 */
import { Inflate } from "fflate";
import {
  expandsBeyondDeclared,
  LIMITS,
  memberData,
  type SniffResult,
  type ZipMember,
} from "../sniff";

/** Compressed bytes handed to the inflater at a time: bounds what one push can produce. */
const SLICE = 16 * 1024;

export type InflateOutcome =
  | {
      ok: true;
      /** The kept members' uncompressed bytes, by member name. */
      parts: Map<string, Uint8Array>;
      /** A member that could not be inflated (reported as a damaged file if it is needed). */
      damaged: { name: string; why: string } | null;
    }
  | { ok: false; refused: Extract<SniffResult, { ok: false }> };

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/**
 * A native raw-deflate inflater (Node's zlib.inflateRawSync): throws an error whose `code` is
 * "ERR_BUFFER_TOO_LARGE" when the output would exceed `maxOutputLength`, any other error when the
 * data is damaged. Several times faster than fflate; the task pane has none and uses fflate.
 */
export type NativeInflateRaw = (data: Uint8Array, maxOutputLength: number) => Uint8Array;

/**
 * Inflates (or only counts) every member; `keep(name)` says how many leading bytes of a member to
 * return (0: none, Infinity: all), so an oversized sheet that will be cut is never held whole.
 * With `native`, members inflated whole (or only counted) go through it, bounded the same way.
 */
export function inflateMembers(
  bytes: Uint8Array,
  members: ZipMember[],
  fileName: string,
  keep: (name: string) => number,
  native?: NativeInflateRaw
): InflateOutcome {
  const parts = new Map<string, Uint8Array>();
  let damaged: { name: string; why: string } | null = null;
  let total = 0;
  for (const m of members) {
    if (m.name.endsWith("/")) continue;
    const keepBytes = keep(m.name);
    const wanted = keepBytes > 0;
    const data = memberData(bytes, m);
    if (m.method === 0) {
      if (wanted) parts.set(m.name, data.subarray(0, Math.min(data.length, keepBytes)));
      continue;
    }
    if (m.method !== 8) {
      damaged ??= { name: m.name, why: `compression method ${m.method} unknown` };
      continue;
    }
    if (m.compressed === 0) {
      if (wanted) parts.set(m.name, new Uint8Array(0));
      continue;
    }
    const limit = Math.min(m.uncompressed + 1024, LIMITS.maxUncompressedBytes - total);
    if (native && (keepBytes === Infinity || keepBytes === 0)) {
      let out: Uint8Array;
      try {
        out = native(data, Math.max(0, limit));
      } catch (e) {
        if ((e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE")
          return { ok: false, refused: expandsBeyondDeclared(fileName, m) };
        damaged ??= { name: m.name, why: e instanceof Error ? e.message : String(e) };
        continue;
      }
      total += out.length;
      if (wanted) parts.set(m.name, out);
      continue;
    }
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let kept = 0;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      if (wanted && produced <= limit && kept < keepBytes) {
        const part = kept + chunk.length > keepBytes ? chunk.subarray(0, keepBytes - kept) : chunk;
        chunks.push(part);
        kept += part.length;
      }
    });
    let over = false;
    try {
      for (let p = 0; p < data.length; p += SLICE) {
        const end = Math.min(p + SLICE, data.length);
        inflater.push(data.subarray(p, end), end === data.length);
        if (produced > limit) {
          over = true;
          break;
        }
      }
    } catch (e) {
      damaged ??= { name: m.name, why: e instanceof Error ? e.message : String(e) };
      continue;
    }
    if (over) {
      return { ok: false, refused: expandsBeyondDeclared(fileName, m) };
    }
    total += produced;
    if (wanted) parts.set(m.name, concat(chunks, kept));
  }
  return { ok: true, parts, damaged };
}
