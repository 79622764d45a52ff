/**
 * What a workbook is when it is not a submission: the master made by XếpLoại, or a workbook of
 * another program. Said in those words, not as "thiếu cột bắt buộc" on a sheet that happened to
 * look like a template (the master's Tổng hợp sheet carries most columns of mẫu 3.14).
 */
import type { LocalizedText } from "../i18n";
import { normalizeText } from "../normalize/text";
import type { RawCell } from "../validate/types";
import type { WorkbookGrids } from "./types";

/** The master's key/value sheet (core/master/labels SHEETS.meta; a test keeps the two equal). */
export const MASTER_META_SHEET = "_meta_master";

const text = (c: RawCell) =>
  typeof c === "string" || typeof c === "number" ? normalizeText(String(c)) : "";

/** The master's period when the workbook is a master made by XếpLoại, else undefined. */
function masterPeriod(grids: WorkbookGrids): number | null | undefined {
  const meta = grids.sheets.find((s) => s.name === MASTER_META_SHEET);
  if (!meta) return undefined;
  const kv = new Map(meta.rows.map((r) => [text(r?.[0]), text(r?.[1])]));
  if (kv.get("kind") !== "master") return undefined;
  const p = Number(kv.get("period"));
  return Number.isInteger(p) ? p : null;
}

/** The refusal for a master passed where a submission is expected; null for anything else. */
export function masterRefusal(grids: WorkbookGrids): LocalizedText | null {
  const period = masterPeriod(grids);
  if (period === undefined) return null;
  const file = grids.source;
  const year = period ? ` năm ${period}` : "";
  return {
    vi: `Tệp ${file}: đây là bảng tổng hợp${year} do XếpLoại tạo, không phải mẫu biểu đơn vị gửi về, nên không kiểm tra hay tổng hợp như một mẫu biểu. Hãy chọn các tệp mẫu biểu đã điền. Các cột nhập tay của bảng tổng hợp được giữ khi tổng hợp lại vào chính bảng tổng hợp đó (trong Excel: mở nó rồi tổng hợp; trên dòng lệnh: chỉ ra nó là bảng tổng hợp).`,
    en: `File ${file}: this is a master${period ? ` for ${period}` : ""} made by XếpLoại, not a template a unit sends back, so it is not checked or consolidated as one. Choose the filled template files. A master's hand-filled columns are kept when you consolidate into that master itself (in Excel: open it, then consolidate; on the command line: name it as the master).`,
  };
}

/** What to say about a workbook whose sheets match no template and that has no _meta sheet. */
export function unknownWorkbookMessage(grids: WorkbookGrids): LocalizedText {
  const file = grids.source;
  const names = grids.sheets.filter((s) => s.visibility === "visible").map((s) => `"${s.name}"`);
  const list = names.slice(0, 6).join(", ") + (names.length > 6 ? ", …" : "");
  return {
    vi: `Tệp ${file}: không phải mẫu biểu của XếpLoại (không có phần nhận dạng ẩn của mẫu biểu, và dòng tiêu đề của ${names.length ? `các trang ${list}` : "tệp"} không khớp mẫu biểu nào); có thể là tệp của chương trình khác hoặc mẫu tự lập. Hãy chép số liệu vào mẫu biểu đã phát (không xóa hay đổi tên các cột) rồi gửi lại.`,
    en: `File ${file}: not a XếpLoại template (no hidden template identification, and the header rows of ${names.length ? `sheets ${list}` : "the file"} match no template); probably another program's workbook or a home-made form. Copy the data into the issued template (do not delete or rename columns) and send it again.`,
  };
}
