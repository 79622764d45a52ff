/**
 * The "Quyết định chưa khớp" sections of the Tổng hợp and Lãnh đạo sheets: the hand-entered
 * decisions whose row is absent from this run, in the same columns as the table above them.
 */
import { formatTimeVi } from "../consolidate/time";
import { unitName } from "../consolidate/units";
import type { SheetModel } from "../sheet/model";
import type { UnitRegister } from "../units/types";
import { appendUnmatchedSection, type DecisionsOfRun, type UnmatchedColumn } from "./decisions";
import { MASTER_HEADERS } from "./labels";
import type { ManualEntry } from "./types";

const level = (raw: keyof ManualEntry, code: keyof ManualEntry) => (_k: string, e: ManualEntry) =>
  (e[code] as string | null) ?? (e[raw] as string | undefined) ?? null;

function manualColumns(colOf: Record<string, number>): UnmatchedColumn[] {
  return [
    {
      col: colOf["deXuatBtc"]!,
      header: MASTER_HEADERS.deXuatBtc,
      value: level("rawDeXuatBtc", "deXuatBtc"),
    },
    {
      col: colOf["quyetDinhBtv"]!,
      header: MASTER_HEADERS.quyetDinhBtv,
      value: level("rawQuyetDinhBtv", "quyetDinhBtv"),
    },
    {
      col: colOf["lyDoVuotTran"]!,
      header: MASTER_HEADERS.lyDoVuotTran,
      value: (_k, e) => e.lyDoVuotTran,
    },
    { col: colOf["ghiChu"]!, header: MASTER_HEADERS.ghiChu, value: (_k, e) => e.ghiChu },
  ];
}

const since = (_k: string, e: ManualEntry) =>
  e.unmatchedSince ? `Chưa khớp từ lần tổng hợp ${formatTimeVi(e.unmatchedSince)}` : null;

/** Below the Tổng hợp table (after its print area): decisions for units not in the register. */
export function withUnmatchedUnits(
  sheet: SheetModel,
  top: number,
  colOf: Record<string, number>,
  decisions: DecisionsOfRun,
  register: UnitRegister
): SheetModel {
  const rows = decisions.units.map((u) => ({
    key: u.key,
    entry: { ...u.entry, unitCode: u.key, ten: u.entry.ten ?? "", chucVu: "" },
  }));
  return appendUnmatchedSection(
    sheet,
    top,
    "Các quyết định dưới đây đã được nhập tay cho đơn vị không có dòng trong bảng của lần tổng hợp này (đơn vị không còn trong danh mục đơn vị). XếpLoại giữ nguyên và tự điền lại vào dòng của đơn vị khi đơn vị trở lại danh mục; không cần nhập lại, không sửa ở đây.",
    [
      { col: 1, header: "TT", value: (_k, _e, i) => i + 1 },
      {
        col: 2,
        header: "Tổ chức cơ sở đảng",
        value: (k, e) => {
          const name = e.ten || unitName(register, k.replace(/ #\d+$/, ""));
          return name === k ? k : `${name} (mã ${k})`;
        },
      },
      { col: colOf["loaiHinh"] ?? 4, header: "Tình trạng", value: since },
      ...manualColumns(colOf),
    ],
    rows
  );
}

/** Below the Lãnh đạo table (after its print area): decisions for leaders without a 3.15 row. */
export function withUnmatchedLeaders(
  sheet: SheetModel,
  top: number,
  colOf: Record<string, number>,
  decisions: DecisionsOfRun,
  register: UnitRegister
): SheetModel {
  return appendUnmatchedSection(
    sheet,
    top,
    "Các quyết định dưới đây đã được nhập tay nhưng trong lần tổng hợp này không có dòng mẫu 3.15 tương ứng (tệp chưa nộp hoặc bị loại, dòng bị loại vì lỗi, hoặc họ tên, chức vụ, đơn vị ghi khác). XếpLoại giữ nguyên và tự điền lại khi dòng trở lại (họ tên, chức vụ so khớp không phân biệt hoa thường, khoảng trắng, vị trí dấu thanh); không sửa ở đây. Nếu họ tên hoặc chức vụ đã đổi hẳn, hãy nhập lại vào dòng mới.",
    [
      { col: 1, header: "TT", value: (_k, _e, i) => i + 1 },
      { col: 2, header: "Họ và tên / Tên tập thể", value: (_k, e) => e.ten },
      { col: 3, header: "Chức vụ", value: (_k, e) => e.chucVu },
      { col: 4, header: "Đơn vị", value: (_k, e) => unitName(register, e.unitCode) },
      ...manualColumns(colOf),
      { col: colOf["leaderKey"]! - 1, header: "Tình trạng", value: since },
    ],
    decisions.leaders
  );
}
