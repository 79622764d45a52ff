/**
 * Writes a zip from its parts with a deflater and CRC-32 of the caller's choice: Node's zlib in the
 * command line (node-writer.ts), fflate in the task pane. ExcelJS zips through JSZip (JavaScript
 * deflate and CRC-32 over every part), a large part of writing a big workbook; the fast writer
 * (writer.ts) takes ExcelJS's parts as they are made and zips them here. Pure TypeScript.
 */

/** Raw deflate (RFC 1951, no zlib or gzip wrapper), as zlib.deflateRawSync or fflate.deflateSync. */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;

/** CRC-32 as zip uses it (zlib.crc32 where there is one; crc32 below otherwise). */
export type Crc32 = (data: Uint8Array) => number;

export interface ZipPart {
  name: string;
  data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** "Version needed to extract": 2.0 (deflate). */
const VERSION = 20;
/** Bit 11 of the flags: names are UTF-8. */
const UTF8_NAMES = 0x0800;

/** A zip of `parts` in their order, each deflated, stamped with `date` (local time, as zip has it). */
export function zipParts(
  parts: readonly ZipPart[],
  deflateRaw: DeflateRaw,
  crc: Crc32 = crc32,
  date = new Date()
): Uint8Array {
  if (parts.length > 0xffff) throw new Error("zipParts: more than 65,535 parts");
  const encoder = new TextEncoder();
  const dosTime = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const dosDate =
    ((Math.max(1980, date.getFullYear()) - 1980) << 9) |
    ((date.getMonth() + 1) << 5) |
    date.getDate();
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = encoder.encode(part.name);
    const data = deflateRaw(part.data);
    const sum = crc(part.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL, true);
    lv.setUint16(4, VERSION, true);
    lv.setUint16(6, UTF8_NAMES, true);
    lv.setUint16(8, 8, true); // deflate
    lv.setUint16(10, dosTime, true);
    lv.setUint16(12, dosDate, true);
    lv.setUint32(14, sum, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, part.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const entry = new Uint8Array(46 + name.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, CENTRAL, true);
    cv.setUint16(4, VERSION, true); // made by: MS-DOS, 2.0
    cv.setUint16(6, VERSION, true);
    cv.setUint16(8, UTF8_NAMES, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(12, dosTime, true);
    cv.setUint16(14, dosDate, true);
    cv.setUint32(16, sum, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, part.data.length, true);
    cv.setUint16(28, name.length, true);
    // extra and comment lengths, disk number, internal and external attributes: 0
    cv.setUint32(42, offset, true);
    entry.set(name, 46);
    out.push(local, data);
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
  const bytes = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const p of [...out, ...central, end]) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

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
