/**
 * Checks the bytes of an uploaded file BEFORE any parser sees them: is it a zip at all, an old
 * binary .xls, a password-protected workbook, text renamed .xlsx, empty or cut short, or a zip
 * whose uncompressed size is out of proportion (a "zip bomb")? Reads the zip central directory
 * itself (no decompression). Pure TypeScript: works in Node and in the task pane.
 */
import type { LocalizedText } from "../../core/i18n";

export const LIMITS = {
  /** Refuse archives that would expand beyond this. */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Refuse archives expanding more than this ratio… */
  maxRatio: 100,
  /** …once they expand beyond this (tiny files may legitimately compress very well). */
  ratioFloorBytes: 10 * 1024 * 1024,
  maxEntries: 10_000,
};

/** One zip member as the central directory describes it. */
export interface ZipMember {
  name: string;
  method: number;
  localOffset: number;
  compressed: number;
  uncompressed: number;
  /** CRC-32 of the uncompressed data, as the central directory states it. */
  crc: number;
}

export type SniffResult =
  | { ok: true; entries: string[]; members: ZipMember[]; uncompressed: number; compressed: number }
  | {
      ok: false;
      reason:
        "empty" | "xls-old" | "encrypted" | "not-xlsx" | "truncated" | "too-large" | "corrupt";
      message: LocalizedText;
    };

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x);
}

/** Does the byte array contain `text` encoded as UTF-16LE (how OLE2 stores stream names)? */
function containsUtf16(b: Uint8Array, text: string): boolean {
  const pat = [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    for (let j = 0; j < pat.length; j++) if (b[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 9 || c === 10 || c === 13 || c >= 32) printable++;
    if (c === 0) return false;
  }
  return printable / n > 0.95;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const refuse = (
  reason: Exclude<SniffResult, { ok: true }>["reason"],
  vi: string,
  en: string
): SniffResult => ({
  ok: false,
  reason,
  message: { vi, en },
});

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

export function sniffXlsx(bytes: Uint8Array, fileName: string): SniffResult {
  if (bytes.length === 0) {
    return refuse(
      "empty",
      `Tệp ${fileName} rỗng (0 byte). Hãy gửi lại tệp .xlsx đã điền.`,
      `File ${fileName} is empty (0 bytes). Send the filled .xlsx file again.`
    );
  }
  if (startsWith(bytes, OLE2)) {
    if (containsUtf16(bytes, "EncryptedPackage")) {
      return refuse(
        "encrypted",
        `Tệp ${fileName} được đặt mật khẩu nên không đọc được. Hãy mở tệp trong Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, để trống) rồi gửi lại.`,
        `File ${fileName} is password-protected and cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, leave empty) and send it again.`
      );
    }
    return refuse(
      "xls-old",
      `Tệp ${fileName} là tệp .xls cũ (Excel 97–2003), hãy lưu lại dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel .xlsx) rồi gửi lại.`,
      `File ${fileName} is an old .xls file (Excel 97–2003); save it as .xlsx (File → Save As → Excel Workbook .xlsx) and send it again.`
    );
  }
  const isZip =
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
  if (!isZip) {
    const text = looksLikeText(bytes);
    // "Export to Excel" of many web systems: an HTML table or an XML Spreadsheet 2003 named .xls/.xlsx.
    const start = text ? new TextDecoder().decode(bytes.subarray(0, 2048)).toLowerCase() : "";
    if (/<html|<table|urn:schemas-microsoft-com:office:spreadsheet/.test(start)) {
      const what = start.includes("urn:schemas-microsoft-com:office:spreadsheet")
        ? { vi: "bảng tính XML 2003", en: "an XML Spreadsheet 2003" }
        : { vi: "trang web (HTML)", en: "a web page (HTML)" };
      return refuse(
        "not-xlsx",
        `Tệp ${fileName} là ${what.vi} được đặt đuôi Excel, không phải tệp .xlsx thật. Hãy mở tệp trong Excel, chọn Tệp → Lưu thành → Sổ làm việc Excel (.xlsx) rồi gửi lại.`,
        `File ${fileName} is ${what.en} with an Excel extension, not a real .xlsx file. Open it in Excel, choose File → Save As → Excel Workbook (.xlsx) and send it again.`
      );
    }
    return refuse(
      "not-xlsx",
      text
        ? `Tệp ${fileName} là tệp văn bản (CSV hoặc tương tự) chứ không phải tệp Excel .xlsx. Hãy dùng mẫu biểu .xlsx đã phát và lưu dạng .xlsx.`
        : `Tệp ${fileName} không phải là tệp Excel .xlsx. Hãy dùng mẫu biểu .xlsx đã phát.`,
      text
        ? `File ${fileName} is a text file (CSV or similar), not an Excel .xlsx workbook. Use the .xlsx template and save as .xlsx.`
        : `File ${fileName} is not an Excel .xlsx workbook. Use the .xlsx template that was sent out.`
    );
  }
  // End of central directory: signature 0x06054b50 within the last 65 557 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  const truncated = () =>
    refuse(
      "truncated",
      `Tệp ${fileName} bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong). Hãy gửi lại tệp.`,
      `File ${fileName} is damaged or incomplete (perhaps a partial download). Send the file again.`
    );
  if (eocd < 0) return truncated();
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    return refuse(
      "too-large",
      `Tệp ${fileName} quá lớn (ZIP64) để là một mẫu biểu.`,
      `File ${fileName} is too large (ZIP64) to be a template.`
    );
  }
  if (cdOffset + cdSize > bytes.length) return truncated();
  if (count > LIMITS.maxEntries) {
    return refuse(
      "too-large",
      `Tệp ${fileName} chứa quá nhiều phần (${count}).`,
      `File ${fileName} holds too many parts (${count}).`
    );
  }
  const entries: string[] = [];
  const members: ZipMember[] = [];
  let uncompressed = 0;
  let compressed = 0;
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return truncated();
    const csize = u32(bytes, p + 20);
    const usize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    if (csize === 0xffffffff || usize === 0xffffffff) {
      return refuse(
        "too-large",
        `Tệp ${fileName} quá lớn (ZIP64) để là một mẫu biểu.`,
        `File ${fileName} is too large (ZIP64) to be a template.`
      );
    }
    if (localOffset + csize > bytes.length) return truncated();
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push(name);
    members.push({
      name,
      method: u16(bytes, p + 10),
      localOffset,
      compressed: csize,
      uncompressed: usize,
      crc: u32(bytes, p + 16),
    });
    uncompressed += usize;
    compressed += csize;
    p += 46 + nameLen + extraLen + commentLen;
  }
  const ratio = uncompressed / Math.max(1, compressed);
  if (
    uncompressed > LIMITS.maxUncompressedBytes ||
    (uncompressed > LIMITS.ratioFloorBytes && ratio > LIMITS.maxRatio)
  ) {
    return refuse(
      "too-large",
      `Tệp ${fileName} bị từ chối: khi giải nén sẽ chiếm ${mb(uncompressed)} (gấp ${Math.round(ratio)} lần kích thước tệp), bất thường với một mẫu biểu. Hãy kiểm tra lại tệp.`,
      `File ${fileName} was refused: it would expand to ${mb(uncompressed)} (${Math.round(ratio)} times its size), which is abnormal for a template. Check the file.`
    );
  }
  // Two members with one name (part names are case-insensitive): readers disagree on which one
  // counts, so a checker could see one sheet and the parser another. Excel refuses such files too.
  const seen = new Set<string>();
  for (const name of entries) {
    const key = name.toLowerCase();
    if (seen.has(key) && !key.endsWith("/")) {
      return refuse(
        "corrupt",
        `Tệp ${fileName} bị hỏng hoặc đã bị sửa bằng công cụ khác: phần "${name}" xuất hiện hai lần trong tệp nén nên không biết bản nào là thật. Hãy mở tệp trong Excel, lưu lại rồi gửi lại.`,
        `File ${fileName} is damaged or was altered by another tool: part "${name}" appears twice in the archive, so which copy is real is unknown. Open it in Excel, save it again and resend.`
      );
    }
    seen.add(key);
  }
  if (!entries.includes("xl/workbook.xml") && entries.includes("xl/workbook.bin")) {
    return refuse(
      "not-xlsx",
      `Tệp ${fileName} là sổ làm việc nhị phân Excel (.xlsb), không phải .xlsx. Hãy mở tệp trong Excel, chọn Tệp → Lưu thành → Sổ làm việc Excel (.xlsx) rồi gửi lại.`,
      `File ${fileName} is an Excel binary workbook (.xlsb), not .xlsx. Open it in Excel, choose File → Save As → Excel Workbook (.xlsx) and send it again.`
    );
  }
  if (!entries.includes("xl/workbook.xml") && entries.includes("content.xml")) {
    // OpenDocument (LibreOffice, OpenOffice, WPS "Lưu thành .ods"): also a zip, but not OOXML.
    return refuse(
      "not-xlsx",
      `Tệp ${fileName} là bảng tính OpenDocument (.ods, của LibreOffice/OpenOffice/WPS) chứ không phải tệp Excel .xlsx. Hãy mở tệp, chọn Tệp → Lưu thành, chọn định dạng "Excel 2007-365 (.xlsx)" rồi gửi lại.`,
      `File ${fileName} is an OpenDocument spreadsheet (.ods, from LibreOffice/OpenOffice/WPS), not an Excel .xlsx workbook. Open it, choose File → Save As, pick "Excel 2007-365 (.xlsx)" and send it again.`
    );
  }
  if (!entries.includes("xl/workbook.xml")) {
    return refuse(
      "not-xlsx",
      `Tệp ${fileName} là tệp nén nhưng không phải sổ làm việc Excel .xlsx (không có xl/workbook.xml).`,
      `File ${fileName} is a zip archive but not an Excel .xlsx workbook (no xl/workbook.xml).`
    );
  }
  return { ok: true, entries, members, uncompressed, compressed };
}

/** The stored (possibly compressed) bytes of a member, located through its local header. */
export function memberData(bytes: Uint8Array, m: ZipMember): Uint8Array {
  const nameLen = u16(bytes, m.localOffset + 26);
  const extraLen = u16(bytes, m.localOffset + 28);
  const start = m.localOffset + 30 + nameLen + extraLen;
  return bytes.subarray(start, start + m.compressed);
}

/** A member that inflates beyond the size its zip entry declares: refused by both readers. */
export function expandsBeyondDeclared(
  fileName: string,
  m: ZipMember
): Extract<SniffResult, { ok: false }> {
  return {
    ok: false,
    reason: "too-large",
    message: {
      vi: `Tệp ${fileName} bị từ chối: phần "${m.name}" khi giải nén lớn hơn kích thước khai báo (${m.uncompressed} byte), dấu hiệu tệp nén bị sửa hoặc độc hại. Không mở tệp này; hãy đề nghị đơn vị lưu lại bảng bằng Excel (Lưu thành .xlsx) rồi gửi lại.`,
      en: `File ${fileName} was refused: member "${m.name}" expands beyond its declared size (${m.uncompressed} bytes), a sign of a tampered or malicious archive. Do not open it; ask the unit to save the sheet again from Excel (.xlsx) and resend it.`,
    },
  };
}
