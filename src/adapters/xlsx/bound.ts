/**
 * Keeps the parser's memory bounded. ExcelJS builds an object per cell of the whole sheet before
 * we can stop it: a 30 MB file holding 3 million small rows passes the zip checks (7× ratio) and
 * then needs more than 4 GB. A template sheet is well under 1 MB of XML, so before parsing, a sheet
 * part over MAX_SHEET_CHARS is cut after its last complete row within that budget (and the sheet
 * reported as read only up to that row); a workbook whose sheets would still be too big together,
 * or whose shared strings are huge, is refused. Pure TypeScript, like sniff.ts.
 */
import type { LocalizedText } from "../../core/i18n";
import { buildZip } from "./repair";
import { memberData, type ZipMember } from "./sniff";

export const PARSE_LIMITS = {
  /** A sheet part longer than this (characters of XML) is cut. */
  maxSheetChars: 8 * 1024 * 1024,
  /** All sheet parts together, after cutting. */
  maxAllSheetsChars: 24 * 1024 * 1024,
  /** The shared strings part (30 MB reads in about 2 s and 300 MB of memory). */
  maxSharedStringsBytes: 64 * 1024 * 1024,
};

export type Bounded =
  | { kind: "as-is" }
  | { kind: "cut"; bytes: Uint8Array; lastRowBySheet: Map<string, number> }
  | { kind: "refused"; message: LocalizedText };

const isSheetPart = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/** Up to `maxChars` characters of a member's text (the rest is never inflated). */
async function inflatePrefix(
  bytes: Uint8Array,
  m: ZipMember,
  maxChars: number
): Promise<string | null> {
  const DS = (
    globalThis as {
      DecompressionStream?: new (f: string) => TransformStream<Uint8Array, Uint8Array>;
    }
  ).DecompressionStream;
  let stream: ReadableStream<Uint8Array> = new Blob([memberData(bytes, m) as BlobPart]).stream();
  if (m.method === 8) {
    if (!DS) return null;
    stream = stream.pipeThrough(new DS("deflate-raw"));
  } else if (m.method !== 0) return null;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.length >= maxChars) {
        await reader.cancel();
        break;
      }
    }
  } catch {
    return null;
  }
  return text;
}

/**
 * The sheet XML cut before the row that crosses `maxChars`, closed again; with the number of the
 * last row kept. Null when not even one complete row fits.
 */
export function cutSheetXml(
  xml: string,
  maxChars: number
): { xml: string; lastRow: number } | null {
  const head = xml.slice(0, maxChars);
  // Row starts, the last one possibly cut inside its tag; every row before it is complete.
  const rowStart = /<(\w+:)?row(?=[\s/>]|$)/g;
  const starts: { index: number; prefix: string }[] = [];
  for (let m = rowStart.exec(head); m; m = rowStart.exec(head))
    starts.push({ index: m.index, prefix: m[1] ?? "" });
  if (starts.length < 2) return null;
  const cutAt = starts[starts.length - 1]!;
  const lastKept = starts[starts.length - 2]!;
  const tag = head.slice(lastKept.index, head.indexOf(">", lastKept.index));
  const r = /\sr="(\d+)"/.exec(tag);
  const lastRow = r ? Number(r[1]) : starts.length - 1;
  const p = cutAt.prefix;
  return { xml: `${head.slice(0, cutAt.index)}</${p}sheetData></${p}worksheet>`, lastRow };
}

const decodeXml = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

const attr = (attrs: string, name: string) =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

/** Sheet name per sheet part ("xl/worksheets/sheet1.xml" → "Y tế"), from workbook.xml and its rels. */
async function sheetNamesByPart(
  bytes: Uint8Array,
  members: ZipMember[]
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wbM = members.find((m) => m.name === "xl/workbook.xml");
  const relM = members.find((m) => m.name === "xl/_rels/workbook.xml.rels");
  if (!wbM || !relM) return out;
  const wb = await inflatePrefix(bytes, wbM, 4 * 1024 * 1024);
  const rels = await inflatePrefix(bytes, relM, 4 * 1024 * 1024);
  if (!wb || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, "Id");
    const target = attr(m[1]!, "Target");
    if (!id || !target) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    targets.set(id, decodeXml(path));
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attr(m[1]!, "name");
    const id = /(?:^|\s)\w+:id="([^"]*)"/.exec(m[1]!)?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) out.set(part, decodeXml(name));
  }
  return out;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** The message for sheets too large together (or one that cannot be cut after a whole row). */
export function tooLargeSheetsMessage(fileName: string): LocalizedText {
  return {
    vi: `Tệp ${fileName} bị từ chối: các trang tính quá lớn với một mẫu biểu (hàng triệu ô). Hãy chỉ giữ trang mẫu biểu, xóa nội dung thừa rồi gửi lại.`,
    en: `File ${fileName} was refused: its sheets are too large for a template (millions of cells). Keep only the template sheet, delete extra content and send it again.`,
  };
}

/**
 * The refusals that follow from the sizes the zip declares (checked against the inflated sizes
 * before this): huge shared strings, or sheets too large together even after cutting.
 */
export function declaredSizeRefusal(
  members: ZipMember[],
  fileName: string,
  limits = PARSE_LIMITS
): LocalizedText | null {
  const sst = members.find((m) => /^xl\/sharedStrings\.xml$/i.test(m.name));
  if (sst && sst.uncompressed > limits.maxSharedStringsBytes) {
    return {
      vi: `Tệp ${fileName} bị từ chối: bảng chuỗi văn bản trong tệp chiếm ${mb(sst.uncompressed)}, quá lớn với một mẫu biểu. Hãy xóa các trang và nội dung thừa rồi gửi lại.`,
      en: `File ${fileName} was refused: its shared strings take ${mb(sst.uncompressed)}, too large for a template. Delete extra sheets and content and send it again.`,
    };
  }
  const total = members
    .filter((m) => isSheetPart(m.name))
    .reduce((n, m) => n + Math.min(m.uncompressed, limits.maxSheetChars), 0);
  if (total > limits.maxAllSheetsChars) return tooLargeSheetsMessage(fileName);
  return null;
}

export async function boundForParser(
  bytes: Uint8Array,
  members: ZipMember[],
  fileName: string,
  limits = PARSE_LIMITS
): Promise<Bounded> {
  const refusal = declaredSizeRefusal(members, fileName, limits);
  if (refusal) return { kind: "refused", message: refusal };
  const big = members.filter((m) => isSheetPart(m.name) && m.uncompressed > limits.maxSheetChars);
  const tooBig: Bounded = { kind: "refused", message: tooLargeSheetsMessage(fileName) };
  if (big.length === 0) return { kind: "as-is" };

  const names = await sheetNamesByPart(bytes, members);
  const lastRowBySheet = new Map<string, number>();
  const replaced = new Map<string, Uint8Array>();
  for (const m of big) {
    const head = await inflatePrefix(bytes, m, limits.maxSheetChars);
    const cut = head === null ? null : cutSheetXml(head, limits.maxSheetChars);
    if (!cut) return tooBig;
    replaced.set(m.name, new TextEncoder().encode(cut.xml));
    lastRowBySheet.set(names.get(m.name) ?? m.name, cut.lastRow);
  }
  const cutBytes = buildZip(
    bytes,
    members.map((m) => ({ m, data: replaced.get(m.name) ?? null }))
  );
  return { kind: "cut", bytes: cutBytes, lastRowBySheet };
}
