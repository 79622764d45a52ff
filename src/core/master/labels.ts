/** Vietnamese labels used across the master sheets. */
import type { CompletenessEntry, ErrorPolicy } from "../consolidate/types";
import type { LogEntry } from "./types";

export const SHEETS = {
  master: "Tổng hợp",
  leaders: "Lãnh đạo",
  summary: "Chỉ tiêu & tổng hợp",
  status: "Tình hình nộp",
  register: "Danh mục đơn vị",
  provenance: "Nguồn số liệu",
  log: "Nhật ký",
  lists: "_lists_master",
  // Not "_meta": that name belongs to a template sheet, and a template may share the workbook with the master.
  meta: "_meta_master",
} as const;

/** Headers of the columns read back from an existing master (also used to find them if columns moved). */
export const MASTER_HEADERS = {
  unitCode: "Mã đơn vị",
  deXuatBtc: "Đề xuất của Ban Tổ chức",
  quyetDinhBtv: "Quyết định của Ban Thường vụ",
  mucTinhChiTieu: "Mức tính chỉ tiêu",
  lyDoVuotTran: "Lý do vượt mức tối đa",
  ghiChu: "Ghi chú",
} as const;

/** Headers of the "Lãnh đạo" sheet's columns read back (the hand-filled ones and the identity key). */
export const LEADER_HEADERS = {
  leaderKey: "Mã định danh (đơn vị | họ tên | chức vụ)",
  deXuatBtc: MASTER_HEADERS.deXuatBtc,
  quyetDinhBtv: MASTER_HEADERS.quyetDinhBtv,
  lyDoVuotTran: MASTER_HEADERS.lyDoVuotTran,
  ghiChu: MASTER_HEADERS.ghiChu,
} as const;

export const LOAI_HINH_VI: Record<string, string> = {
  DB_XA: "Đảng bộ xã",
  DB_PHUONG: "Đảng bộ phường",
  CO_QUAN: "Cơ quan",
  SU_NGHIEP: "Sự nghiệp",
  DOANH_NGHIEP: "Doanh nghiệp",
  LLVT: "Lực lượng vũ trang",
  THON_TDP: "Thôn, tổ dân phố",
};

export const KIND_VI: Record<string, string> = {
  phuong: "Phường",
  xa: "Xã",
  tccs: "TCCS",
  coQuan: "Cơ quan",
  tapThe: "Cơ quan, đơn vị (tập thể lãnh đạo)",
};

export const POLICY_VI: Record<ErrorPolicy, string> = {
  dropErroneousRows: "bỏ các dòng có lỗi, lấy phần còn lại",
  takeMarked: "lấy cả dòng có lỗi và đánh dấu",
  dropFile: "bỏ cả tệp có lỗi",
};

export const LOG_KIND_VI: Record<LogEntry["kind"], string> = {
  run: "Lần tổng hợp",
  "file-taken": "Tệp được nhận",
  "file-partly": "Tệp nhận một phần",
  "file-left-out": "Tệp bị loại",
  "file-refused": "Tệp không đọc được",
  "row-left-out": "Dòng bị loại",
  conflict: "Trùng số liệu",
  warning: "Cảnh báo",
};

export function statusVi(e: CompletenessEntry): string {
  if (!e.received) return "Chưa nhận";
  if (e.status === "valid") return "Đã nhận, hợp lệ";
  return e.taken ? "Đã nhận, có lỗi (lấy có đánh dấu)" : "Đã nhận, có lỗi (chưa lấy)";
}
