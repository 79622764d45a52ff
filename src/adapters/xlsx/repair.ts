/**
 * A second chance for valid .xlsx files that ExcelJS cannot parse, written by programs other than
 * Excel or LibreOffice (the .NET Open XML SDK and libraries built on it, small exporters):
 * - SpreadsheetML with a namespace prefix ("<x:worksheet xmlns:x=…>", "<x:c>"): ExcelJS matches
 *   element names literally, so every prefixed element is unknown to it;
 * - rows and cells without their optional `r` reference (the position follows from the order).
 * The parts are rewritten to the plain form and the zip is rebuilt (changed parts stored
 * uncompressed, the others copied as they are). Only used after a first parse has failed, so
 * files from Excel take the ordinary path. Pure TypeScript, like sniff.ts.
 */
import { columnLetter } from "../../core/sheet/model";
import { memberData, type ZipMember } from "./sniff";

/** Parts larger than this are left alone (they are what sniff.ts bounds; this is a repair). */
const MAX_PART_CHARS = 64 * 1024 * 1024;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function inflate(bytes: Uint8Array, m: ZipMember): Promise<Uint8Array | null> {
  const data = memberData(bytes, m);
  if (m.method === 0) return data;
  const DS = (
    globalThis as {
      DecompressionStream?: new (f: string) => TransformStream<Uint8Array, Uint8Array>;
    }
  ).DecompressionStream;
  if (m.method !== 8 || !DS) return null;
  try {
    const out = await new Response(
      new Blob([data as BlobPart]).stream().pipeThrough(new DS("deflate-raw"))
    ).arrayBuffer();
    return new Uint8Array(out);
  } catch {
    return null;
  }
}

/** "<x:worksheet xmlns:x=…>…</x:worksheet>" → "<worksheet xmlns=…>…</worksheet>". */
export function unprefixRoot(xml: string): string {
  const root = /^(?:\s*<\?[^>]*\?>|\s*<!--[\s\S]*?-->)*\s*<([A-Za-z_][\w.-]*):[A-Za-z_]/.exec(xml);
  if (!root) return xml;
  const p = root[1]!;
  // Only a prefix that is declared on the root and stands for the part's own namespace.
  if (!new RegExp(`xmlns:${p}="[^"]+"`).test(xml)) return xml;
  const start = xml.indexOf(`<${p}:`);
  if (/\sxmlns="/.test(xml.slice(start, xml.indexOf(">", start)))) return xml; // a default already

  return xml
    .replace(new RegExp(`<(/?)${p}:`, "g"), "<$1")
    .replace(new RegExp(`xmlns:${p}=`), "xmlns=");
}

const ROW_OR_CELL = /<(row|c)(\s[^>]*?)?(\/?)>/g;

/** Adds the `r` attribute to rows and cells that lack it, counting from the previous one. */
export function addMissingRefs(xml: string): string {
  if (!/<(?:row|c)(?=[\s/>])(?![^>]*\sr=")/.test(xml)) return xml;
  let row = 0;
  let col = 0;
  return xml.replace(
    ROW_OR_CELL,
    (whole, tag: string, attrs: string | undefined, close: string) => {
      const a = attrs ?? "";
      const r = /\sr="([^"]*)"/.exec(a);
      if (tag === "row") {
        row = r ? Number(r[1]) || row + 1 : row + 1;
        col = 0;
        return r ? whole : `<row r="${row}"${a}${close}>`;
      }
      if (r) {
        const m = /^([A-Z]+)(\d+)$/.exec(r[1]!);
        if (m) col = m[1]!.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        return whole;
      }
      col++;
      return `<c r="${columnLetter(col)}${Math.max(row, 1)}"${a}${close}>`;
    }
  );
}

function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/** The repaired zip, or null when nothing needed (or could be) repaired. */
export async function repairForParser(
  bytes: Uint8Array,
  members: ZipMember[]
): Promise<Uint8Array | null> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const parts: { m: ZipMember; data: Uint8Array | null }[] = [];
  let changed = 0;
  for (const m of members) {
    let data: Uint8Array | null = null;
    if (isXmlPart(m.name) && m.uncompressed <= MAX_PART_CHARS) {
      const raw = await inflate(bytes, m);
      if (raw) {
        const xml = decoder.decode(raw);
        let fixed = unprefixRoot(xml);
        if (/^xl\/worksheets\/[^/]+\.xml$/i.test(m.name)) fixed = addMissingRefs(fixed);
        if (fixed !== xml) {
          data = encoder.encode(fixed);
          changed++;
        }
      }
    }
    parts.push({ m, data });
  }
  return changed === 0 ? null : buildZip(bytes, parts);
}

/** A new zip: repaired parts stored, the others copied compressed as they were. */
export function buildZip(
  bytes: Uint8Array,
  parts: { m: ZipMember; data: Uint8Array | null }[]
): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const { m, data } of parts) {
    const name = encoder.encode(m.name);
    const payload = data ?? memberData(bytes, m);
    const method = data ? 0 : m.method;
    const crc = data ? crc32(data) : m.crc;
    const usize = data ? data.length : m.uncompressed;
    const local = new Uint8Array(30);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // names are UTF-8
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, payload.length, true);
    lv.setUint32(22, usize, true);
    lv.setUint16(26, name.length, true);
    const cd = new Uint8Array(46);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, payload.length, true);
    cv.setUint32(24, usize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    chunks.push(local, name, payload);
    central.push(cd, name);
    offset += 30 + name.length + payload.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, eocd];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of all) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
