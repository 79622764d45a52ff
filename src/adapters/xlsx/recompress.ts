/**
 * Deflates a stored (uncompressed) zip with a deflater of the caller's choice. ExcelJS compresses
 * through JSZip's pure-JavaScript deflate, a large part of writing a big workbook; the writer asks
 * it for a STORE zip and compresses here instead: with Node's zlib in the command line
 * (node-writer.ts), with fflate in the task pane. Names, order, CRC-32s and timestamps of the
 * members are kept; only the method and compressed sizes change. Pure TypeScript.
 */
import { sniffXlsx, memberData } from "./sniff";

/** Raw deflate (RFC 1951, no zlib or gzip wrapper), as zlib.deflateRawSync or fflate.deflateSync. */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;

/** CRC-32 as zip uses it (zlib.crc32 where there is one; crc32 below otherwise). */
export type Crc32 = (data: Uint8Array) => number;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Local header: "version needed" (2.0: deflate), general flags, then the DOS time and date. */
const VERSION = 20;
/** Bit 11 of the flags: names are UTF-8. */
const UTF8_NAMES = 0x0800;

/**
 * A part's new text, or null to keep it as it is (`transform` of recompressZip).
 */
export type PartTransform = (name: string, text: string) => string | null;

/**
 * A stored zip (as ExcelJS writes with compression STORE) with every member deflated; `transform`
 * may replace the text of XML parts on the way (their CRC-32 and size are computed again).
 */
export function recompressZip(
  stored: Uint8Array,
  deflateRaw: DeflateRaw,
  transform?: PartTransform,
  crc: Crc32 = crc32
): Uint8Array {
  const sniff = sniffXlsx(stored, "workbook.xlsx");
  if (!sniff.ok) throw new Error(`recompressZip: not a readable zip (${sniff.message.en})`);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const m of sniff.members) {
    let raw = memberData(stored, m);
    let sum = m.crc;
    const changed =
      transform && m.method === 0 && m.name.endsWith(".xml")
        ? transform(m.name, decoder.decode(raw))
        : null;
    if (changed !== null) {
      raw = encoder.encode(changed);
      sum = crc(raw);
    }
    const data = m.method === 0 ? deflateRaw(raw) : raw;
    const method = m.method === 0 ? 8 : m.method;
    const name = encoder.encode(m.name);
    // The member's DOS time and date, as the original local header has them.
    const time = u16(stored, m.localOffset + 10);
    const date = u16(stored, m.localOffset + 12);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL, true);
    lv.setUint16(4, VERSION, true);
    lv.setUint16(6, UTF8_NAMES, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, sum, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, raw.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);
    const entry = new Uint8Array(46 + name.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, CENTRAL, true);
    cv.setUint16(4, VERSION, true); // made by: MS-DOS, 2.0
    cv.setUint16(6, VERSION, true);
    cv.setUint16(8, UTF8_NAMES, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, sum, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, raw.length, true);
    cv.setUint16(28, name.length, true);
    // extra, comment, disk number, internal and external attributes: 0
    cv.setUint32(42, offset, true);
    entry.set(name, 46);
    parts.push(local, data);
    central.push(entry);
    offset += local.length + data.length;
  }
  const centralSize = central.reduce((n, e) => n + e.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, END, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);

let table: Uint32Array | null = null;

/** CRC-32 (ISO 3309, as zip uses it). */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
