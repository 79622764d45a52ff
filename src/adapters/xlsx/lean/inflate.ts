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

/** A member inflated once and kept: what a later identical member gives without inflating. */
export interface CachedMember {
  /** A copy of its compressed bytes (compared with a later member's). */
  readonly compressed: Uint8Array;
  /** Its inflated length (counted towards the archive's total, as if inflated again). */
  readonly length: number;
  /** Its inflated bytes, when the reader keeps the member (null when it only counts it). */
  readonly out: Uint8Array | null;
  /** What the reader made of it (its text, parsed form): the same for the same bytes. */
  readonly derived: Map<string, unknown>;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Members a reader has already inflated: the files of one round come from the same templates,
 * so their styles, theme, relationships, content types, workbook part and often a whole sheet are
 * byte for byte the same in every file. A member is kept the second time its name, method,
 * CRC-32 and sizes are seen (so parts unique to one file are never copied) and reused only when a
 * later member has the same name, method, CRC-32, sizes and compressed bytes (compared byte by
 * byte): identical compressed bytes inflate to identical bytes. Bounded in entries and bytes
 * (the least recently used go first); a member larger than MAX_MEMBER is never kept.
 */
export class MemberCache {
  static readonly MAX_MEMBER = 256 * 1024;
  private readonly entries = new Map<string, CachedMember>();
  private readonly seen = new Set<string>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 64,
    private readonly maxBytes = 8 * 1024 * 1024
  ) {}

  /** How many members are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }

  private static key(m: ZipMember): string {
    return `${m.method}:${m.crc}:${m.compressed}:${m.uncompressed}:${m.name}`;
  }

  lookup(m: ZipMember, data: Uint8Array): CachedMember | undefined {
    const key = MemberCache.key(m);
    const e = this.entries.get(key);
    if (e === undefined || !sameBytes(e.compressed, data)) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Records a member just inflated; keeps it (and returns its entry) when it was seen before. */
  offer(
    m: ZipMember,
    data: Uint8Array,
    length: number,
    out: Uint8Array | null
  ): CachedMember | undefined {
    if (data.length > MemberCache.MAX_MEMBER || length > 4 * MemberCache.MAX_MEMBER) return;
    const key = MemberCache.key(m);
    if (!this.seen.has(key)) {
      this.seen.add(key);
      if (this.seen.size > 4 * this.maxEntries) this.seen.delete(this.seen.values().next().value!);
      return;
    }
    this.drop(key);
    const entry: CachedMember = {
      // A copy (a Buffer's slice() would be a view holding the whole file).
      compressed: new Uint8Array(data),
      length,
      out,
      derived: new Map(),
    };
    this.entries.set(key, entry);
    this.bytes += weight(entry);
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes)
      this.drop(this.entries.keys().next().value!);
    return this.entries.get(key);
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (e === undefined) return;
    this.entries.delete(key);
    this.bytes -= weight(e);
  }
}

/** Bytes an entry holds: its compressed copy, its output and (at most) twice that as text. */
const weight = (e: CachedMember): number => e.compressed.length + (e.out ? 3 * e.out.length : 0);

export type InflateOutcome =
  | {
      ok: true;
      /** The kept members' uncompressed bytes, by member name. */
      parts: Map<string, Uint8Array>;
      /** The cache entries of kept members that came from (or went into) the cache. */
      cached: Map<string, CachedMember>;
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
  native?: NativeInflateRaw,
  cache?: MemberCache
): InflateOutcome {
  const parts = new Map<string, Uint8Array>();
  const cached = new Map<string, CachedMember>();
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
    const whole = keepBytes === Infinity || keepBytes === 0;
    if (cache && whole) {
      const hit = cache.lookup(m, data);
      // Within this archive's limits as the first time (else inflated again, and refused).
      if (hit && hit.length <= limit && (!wanted || hit.out !== null)) {
        total += hit.length;
        if (wanted) {
          parts.set(m.name, hit.out!);
          cached.set(m.name, hit);
        }
        continue;
      }
    }
    if (native && whole) {
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
      const entry = cache?.offer(m, data, out.length, wanted ? out : null);
      if (wanted && entry) cached.set(m.name, entry);
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
    if (whole) {
      const entry = cache?.offer(m, data, produced, wanted ? parts.get(m.name)! : null);
      if (wanted && entry) cached.set(m.name, entry);
    }
  }
  return { ok: true, parts, cached, damaged };
}
