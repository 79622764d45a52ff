/**
 * Keeps parsing bounded. A 30 MB file holding 3 million small rows passes the zip checks (7× ratio);
 * a template sheet is well under 1 MB of XML, so a sheet part over maxSheetChars is cut after its
 * last complete row within that budget (and the sheet reported as read only up to that row); a
 * workbook whose sheets would still be too big together, or whose shared strings are huge, is
 * refused. The lean reader (lean/reader.ts) applies these limits. Pure TypeScript, like sniff.ts.
 */
import type { LocalizedText } from "../../core/i18n";
import type { ZipMember } from "./sniff";

export const PARSE_LIMITS = {
  /** A sheet part longer than this (characters of XML) is cut. */
  maxSheetChars: 8 * 1024 * 1024,
  /** All sheet parts together, after cutting. */
  maxAllSheetsChars: 24 * 1024 * 1024,
  /** The shared strings part (30 MB reads in about 2 s and 300 MB of memory). */
  maxSharedStringsBytes: 64 * 1024 * 1024,
};

export const isSheetPart = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

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
