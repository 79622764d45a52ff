/**
 * The "Tổng hợp" sheet: one row per TCCS with its report (3.14), flags from 3.8 and 3.11, the
 * suggested level with reasons, the hand-filled columns (dropdowns, unlocked) and warnings, then
 * the department indicators grouped under their department. Every value is written as a value.
 */
import { templateLabel } from "../templates/catalog";
import type {
  Classification,
  ManualColumns,
  QuotaResult,
  TccsClassification,
} from "../classify/types";
import { RowIndex } from "../consolidate/query";
import type { CellSource, ConsolidatedRow, Consolidation } from "../consolidate/types";
import { sortedUnits } from "../consolidate/units";
import { isLevel, rankOf } from "../rules/levels";
import type { RuleSet } from "../rules/types";
import type { Cell, CellStyle, Scalar, SheetModel } from "../sheet/model";
import { enumLabel, getEnum, LEVEL_ENUM_IDS } from "../templates/enums";
import type { ColumnSpec, TemplateSpec } from "../templates/spec";
import type { Unit, UnitRegister } from "../units/types";
import { effectiveLevel } from "../classify/classify";
import { figureHeader, figureNumFmt } from "./figures";
import { cellRef } from "./formula";
import { BODY_STYLE, HEADER_STYLE, MANUAL_FILL, SheetBuilder, WARN_COLOR } from "./grid";
import { LOAI_HINH_VI, MASTER_HEADERS, SHEETS } from "./labels";

export interface RowCtx {
  unit: Unit;
  t: TccsClassification;
  report: ConsolidatedRow | null;
  idx: RowIndex;
}

export interface MasterColumn {
  key: string;
  header: string;
  group?: string;
  width: number;
  style?: CellStyle;
  manual?: boolean;
  value(r: RowCtx): Cell;
  /** A formula for the cell at `row` (before the print layout moves it), with value() as its cached result. */
  formulaAt?(row: number, colOf: Record<string, number>): string;
  /** Source of the value, for the provenance sheet. */
  source?(r: RowCtx): CellSource | undefined;
}

const x = (v: unknown): string => (v === true ? "x" : "");

/**
 * Text meant for people on the master: without the confidence tags ([M], [V], [P]) of the rule
 * set's sources; the provenance stays in the rule set and on "Nguồn số liệu".
 */
export function forPeople(text: string): string {
  let out = FOR_PEOPLE.get(text);
  if (out === undefined) {
    out = text
      .replace(/\s*\[[MVP]\]/g, "")
      .replace(/\(\s*\)/g, "")
      .replace(/ +([.,;)])/g, "$1");
    if (FOR_PEOPLE.size >= 20_000) FOR_PEOPLE.clear();
    FOR_PEOPLE.set(text, out);
  }
  return out;
}
/** forPeople per text: many units get the same reasons word for word. */
const FOR_PEOPLE = new Map<string, string>();
const lvl = (v: unknown): string => (isLevel(v) ? v : "");

function reportCol(
  key: string,
  header: string,
  group: string | undefined,
  width = 7,
  kind: "num" | "bool" | "level" = "num"
): MasterColumn {
  return {
    key,
    header,
    group,
    width,
    style: { hAlign: "center", ...(kind === "num" ? { numFmt: "#,##0" } : {}) },
    value: (r) => {
      const v = r.report?.values[key];
      if (kind === "bool") return r.report ? x(v) : null;
      if (kind === "level") return lvl(v);
      return typeof v === "number" ? v : null;
    },
    source: (r) => r.report?.provenance[key],
  };
}

function formatDeptValue(col: ColumnSpec, v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v ? "x" : "";
  if (typeof v === "number") return v;
  if (col.type === "enum" && col.enumId && typeof v === "string") {
    if (LEVEL_ENUM_IDS.includes(col.enumId)) return v; // the abbreviations, like the decisions
    return enumLabel(col.enumId, v)?.vi ?? v;
  }
  return String(v);
}

/** A choice column shows its labels: wide enough for the longest on two lines, wrapped. */
function choiceLabelWidth(col: ColumnSpec): number | undefined {
  if (col.type !== "enum" || !col.enumId || LEVEL_ENUM_IDS.includes(col.enumId)) return undefined;
  const longest = Math.max(...getEnum(col.enumId).values.map((e) => e.label.vi.length));
  return Math.min(22, Math.ceil(longest / 2) + 2);
}

/** The department columns (spec columns with master: true), joined to each TCCS. */
export function departmentColumns(
  catalog: readonly TemplateSpec[],
  skip: string[]
): MasterColumn[] {
  const out: MasterColumn[] = [];
  for (const spec of catalog) {
    if (skip.includes(spec.id) || spec.rowSet === "PEOPLE") continue;
    const cols = spec.columns.filter((c) => c.master && !c.identity);
    if (!cols.length) continue;
    const group = `${spec.department.name.vi} (mẫu ${spec.section})`;
    const row = (r: RowCtx) =>
      r.idx.get(spec.id, spec.rowSet === "TCCS" ? r.unit.code : r.unit.localityCode);
    for (const c of cols) {
      const fmt = figureNumFmt(c);
      const labelWidth = choiceLabelWidth(c);
      out.push({
        key: `${spec.id}.${c.key}`,
        header: figureHeader(c),
        group,
        width: Math.max(8, Math.min(16, Math.ceil(c.header.vi.length / 2) + 2), labelWidth ?? 0),
        style: {
          hAlign: "center",
          ...(fmt ? { numFmt: fmt } : {}),
          ...(labelWidth ? { wrap: true } : {}),
        },
        value: (r) => formatDeptValue(c, row(r)?.values[c.key]),
        source: (r) => row(r)?.provenance[c.key],
      });
    }
  }
  return out;
}

function flag38(r: RowCtx, ruleSet: RuleSet, catalog: readonly TemplateSpec[]): string {
  const cap = ruleSet.caps.find((c) => c.triggers.some((t) => t.kind === "anyLevelBelow"));
  if (!cap) return "";
  const lh = cap.appliesTo?.loaiHinh;
  if (lh && (!r.unit.loaiHinh || !lh.includes(r.unit.loaiHinh))) return "Không áp dụng";
  const row = r.idx.get(cap.data.templateId, r.unit.localityCode);
  if (!row) return "Chưa có số liệu";
  const test = cap.triggers.find((t) => t.kind === "anyLevelBelow")!;
  if (test.kind !== "anyLevelBelow") return "";
  const below = test.keys.filter(
    (k) => isLevel(row.values[k]) && rankOf(row.values[k] as string) < rankOf(test.level)
  );
  // Named by the column headers the department filled in ("Hội Nông dân: HTNV"), never by key.
  const header = (k: string) =>
    catalog.find((s) => s.id === cap.data.templateId)?.columns.find((c) => c.key === k)?.header
      .vi ?? k;
  return below.length
    ? `Chưa đạt (${below.map((k) => `${header(k)}: ${row.values[k]}`).join(", ")})`
    : "Đạt";
}

function flag311(r: RowCtx, ruleSet: RuleSet): string {
  const cap = ruleSet.caps.find((c) => c.triggers.some((t) => t.kind === "anyTrue"));
  if (!cap) return "";
  const row = r.idx.get(cap.data.templateId, r.unit.code);
  if (!row) return "Chưa có số liệu";
  const t = cap.triggers.find((tt) => tt.kind === "anyTrue");
  if (!t || t.kind !== "anyTrue") return "";
  const v = t.keys.map((k) => row.values[k]);
  return v.some((y) => y === true) ? "Có" : v.every((y) => y === false) ? "Không" : "Chưa rõ";
}

export interface MasterSheetResult {
  sheet: SheetModel;
  columns: MasterColumn[];
  /** Column numbers by key (1-based). */
  colOf: Record<string, number>;
  firstDataRow: number;
  lastDataRow: number;
  headerRows: { first: number; last: number };
  /** Number of columns printed (through "Cảnh báo"). */
  printColumns: number;
  rows: RowCtx[];
}

export function buildTongHop(args: {
  consolidation: Consolidation;
  classification: Classification;
  quota: QuotaResult;
  register: UnitRegister;
  catalog: readonly TemplateSpec[];
  ruleSet: RuleSet;
  manual: ManualColumns;
  levelListSource: string;
}): MasterSheetResult {
  const { consolidation: c, classification, register, catalog, ruleSet, manual } = args;
  const idx = new RowIndex(c);
  const reportId = ruleSet.quota.members.templateId;
  const byCode = new Map(classification.tccs.map((t) => [t.unitCode, t]));
  const rows: RowCtx[] = sortedUnits(register, ["tccs"])
    .filter((u) => byCode.has(u.code))
    .map((unit) => ({
      unit,
      t: byCode.get(unit.code)!,
      report: idx.get(reportId, unit.code),
      idx,
    }));

  const warnings = rowWarnings(args, rows);
  const G_TC = "Tổ chức đảng trực thuộc";
  const G_DV = "Đảng viên";
  const G_TCHI = "Tiêu chí chất lượng";
  const G_CO = "Điều kiện từ các phòng, ban";
  const G_XL = "Xếp loại";
  const man = (r: RowCtx) => manual[r.unit.code];
  const core: MasterColumn[] = [
    { key: "stt", header: "TT", width: 5, style: { hAlign: "center" }, value: () => null },
    {
      key: "unitName",
      header: "Tổ chức cơ sở đảng",
      width: 30,
      style: { wrap: true },
      value: (r) => r.unit.name,
    },
    { key: "unitCode", header: MASTER_HEADERS.unitCode, width: 14, value: (r) => r.unit.code },
    {
      key: "loaiHinh",
      header: "Loại hình",
      width: 12,
      style: { hAlign: "center", wrap: true },
      value: (r) => (r.unit.loaiHinh ? (LOAI_HINH_VI[r.unit.loaiHinh] ?? r.unit.loaiHinh) : ""),
    },
    reportCol("soTcTrucThuoc", "Tổng số", G_TC),
    reportCol("tc_Htxs", "HTXSNV", G_TC),
    reportCol("tc_Httn", "HTTNV", G_TC),
    reportCol("tc_Htnv", "HTNV", G_TC),
    reportCol("tc_Khtnv", "KHTNV", G_TC),
    reportCol("tongDv", "Tổng số", G_DV),
    reportCol("dv_Htxs", "HTXSNV", G_DV),
    reportCol("dv_Httn", "HTTNV", G_DV),
    reportCol("dv_Htnv", "HTNV", G_DV),
    reportCol("dv_Khtnv", "KHTNV", G_DV),
    reportCol("tcXdDangXuatSac", "XD Đảng, HTCT xuất sắc", G_TCHI, 10, "bool"),
    reportCol("tcKtxhXuatSac", "KT-XH, QP-AN xuất sắc", G_TCHI, 10, "bool"),
    reportCol("tcConLaiTot", "Còn lại từ Tốt trở lên", G_TCHI, 10, "bool"),
    {
      key: "flag38",
      header: "CQ, MTTQ, đoàn thể từ HTTNV (3.8)",
      group: G_CO,
      width: 14,
      style: { hAlign: "center", wrap: true },
      value: (r) => flag38(r, ruleSet, catalog),
    },
    {
      key: "flag311",
      header: "TCCS bị kỷ luật (3.11)",
      group: G_CO,
      width: 11,
      style: { hAlign: "center", wrap: true },
      value: (r) => flag311(r, ruleSet),
    },
    { ...reportCol("tuXepLoai", "Tự xếp loại", G_XL, 10, "level") },
    {
      key: "cap",
      header: "Mức tối đa theo quy tắc",
      group: G_XL,
      width: 10,
      style: { hAlign: "center" },
      value: (r) => (r.t.suggested || r.t.reasons.some((x) => x.maxLevel) ? r.t.cap : ""),
    },
    {
      key: "suggested",
      header: "Hệ thống đề xuất",
      group: G_XL,
      width: 10,
      style: { hAlign: "center", bold: true },
      value: (r) => r.t.suggested ?? "",
    },
    {
      key: "reasons",
      header: "Căn cứ, lý do",
      group: G_XL,
      width: 48,
      style: { wrap: true, fontSize: 10, vAlign: "top" },
      value: (r) =>
        r.t.reasons
          .filter((x) => x.kind !== "info")
          .map((x) => `- ${forPeople(x.message.vi)}`)
          .join("\n"),
    },
    {
      key: "deXuatBtc",
      header: MASTER_HEADERS.deXuatBtc,
      group: G_XL,
      width: 11,
      manual: true,
      style: { hAlign: "center" },
      value: (r) => man(r)?.deXuatBtc ?? man(r)?.rawDeXuatBtc ?? null,
    },
    {
      key: "quyetDinhBtv",
      header: MASTER_HEADERS.quyetDinhBtv,
      group: G_XL,
      width: 11,
      manual: true,
      style: { hAlign: "center", bold: true },
      value: (r) => man(r)?.quyetDinhBtv ?? man(r)?.rawQuyetDinhBtv ?? null,
    },
    {
      // Live: the Standing Committee's decision typed in Excel counts at once in the quota sheet.
      key: "mucTinhChiTieu",
      header: MASTER_HEADERS.mucTinhChiTieu,
      group: G_XL,
      width: 11,
      style: { hAlign: "center", bold: true, fill: "E2EFDA" },
      value: (r) => effectiveLevel(r.t, manual)?.level ?? "",
      formulaAt: (row, colOf) => {
        const isLevel = (key: string) =>
          `ISNUMBER(MATCH(${cellRef(row, colOf[key]!, false)},${args.levelListSource.replace(/^=/, "")},0))`;
        const ref = (key: string) => cellRef(row, colOf[key]!, false);
        return `IF(${isLevel("quyetDinhBtv")},${ref("quyetDinhBtv")},IF(${isLevel("deXuatBtc")},${ref("deXuatBtc")},${ref("suggested")}&""))`;
      },
    },
    {
      key: "lyDoVuotTran",
      header: MASTER_HEADERS.lyDoVuotTran,
      width: 20,
      manual: true,
      style: { wrap: true, fontSize: 10 },
      value: (r) => man(r)?.lyDoVuotTran ?? null,
    },
    {
      key: "ghiChu",
      header: MASTER_HEADERS.ghiChu,
      width: 16,
      manual: true,
      style: { wrap: true, fontSize: 10 },
      value: (r) => man(r)?.ghiChu ?? null,
    },
    {
      key: "canhBao",
      header: "Cảnh báo",
      width: 34,
      style: { wrap: true, fontSize: 10, color: WARN_COLOR, vAlign: "top" },
      value: (r) => (warnings.get(r.unit.code) ?? []).map((w) => `- ${forPeople(w)}`).join("\n"),
    },
  ];
  const dept = departmentColumns(catalog, [reportId, ruleSet.leaders.templateId]);
  const columns = [...core, ...dept];
  const colOf: Record<string, number> = {};
  columns.forEach((col, i) => (colOf[col.key] = i + 1));

  const b = new SheetBuilder();
  const HEAD1 = 1;
  const HEAD2 = 2;
  const first = 3;
  // Header: group row over grouped columns; ungrouped headers span both rows.
  let i = 0;
  while (i < columns.length) {
    const col = columns[i]!;
    if (!col.group) {
      b.put(HEAD1, i + 1, col.header);
      b.merge(HEAD1, i + 1, HEAD2, i + 1);
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < columns.length && columns[j + 1]!.group === col.group) j++;
    b.put(HEAD1, i + 1, col.group);
    b.merge(HEAD1, i + 1, HEAD1, j + 1);
    for (let k = i; k <= j; k++) b.put(HEAD2, k + 1, columns[k]!.header);
    i = j + 1;
  }
  b.style(HEAD1, 1, HEAD2, columns.length, HEADER_STYLE);
  b.style(HEAD1, core.length + 1, HEAD2, columns.length, { fill: "E2EFDA" });
  b.rowHeights[HEAD1] = 30;
  b.rowHeights[HEAD2] = 58;

  rows.forEach((r, n) => {
    const row = first + n;
    columns.forEach((col, ci) => {
      const v = col.key === "stt" ? n + 1 : col.value(r);
      if (col.formulaAt)
        b.put(row, ci + 1, { formula: col.formulaAt(row, colOf), result: v as Scalar });
      else if (v !== null && v !== "") b.put(row, ci + 1, v);
    });
  });
  const last = Math.max(first, first + rows.length - 1);
  // Wrapped text: a height from the longest wrapped cell (renderers do not auto-fit on open).
  rows.forEach((r, n) => {
    let lines = 1;
    columns.forEach((col) => {
      if (!col.style?.wrap) return;
      const v = col.key === "stt" ? null : col.value(r);
      if (typeof v !== "string" || !v) return;
      const perLine = Math.max(4, Math.floor(col.width * (12 / (col.style.fontSize ?? 12)) * 1.1));
      lines = Math.max(
        lines,
        v.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0)
      );
    });
    b.rowHeights[first + n] = Math.min(400, Math.max(18, 13 * lines + 3));
  });
  b.style(first, 1, last, columns.length, BODY_STYLE);
  columns.forEach((col, ci) => {
    if (col.style) b.style(first, ci + 1, last, ci + 1, col.style);
    if (col.manual) b.style(first, ci + 1, last, ci + 1, { locked: false, fill: MANUAL_FILL });
  });
  for (const key of ["deXuatBtc", "quyetDinhBtv"]) {
    const c = colOf[key]!;
    b.validations.push({
      range: { top: first, left: c, bottom: last, right: c },
      rule: { kind: "list", source: args.levelListSource },
      allowBlank: true,
      prompt: {
        title: "Mức xếp loại",
        message:
          "Chọn HTXSNV, HTTNV, HTNV hoặc KHTNV. Cột này do cán bộ nhập, lần tổng hợp sau không ghi đè.",
      },
      error: {
        title: "Giá trị không hợp lệ",
        message: "Hãy chọn một mức trong danh sách: HTXSNV, HTTNV, HTNV, KHTNV.",
      },
    });
  }
  // Rows whose self-rating or decision is above the cap are highlighted.
  rows.forEach((r, n) => {
    const m = manual[r.unit.code];
    const over = [m?.deXuatBtc, m?.quyetDinhBtv].some((l) => l && rankOf(l) > rankOf(r.t.cap));
    if (over && !(m?.lyDoVuotTran ?? "").trim())
      b.style(first + n, colOf["lyDoVuotTran"]!, first + n, colOf["lyDoVuotTran"]!, {
        fill: "F8CBAD",
      });
  });

  const widths = columns.map((c) => c.width);
  const sheet = b.sheet(SHEETS.master, widths, {
    hiddenColumns: [colOf["unitCode"]!],
    freeze: { row: first, col: 3 },
    protect: true,
  });
  return {
    sheet,
    columns,
    colOf,
    firstDataRow: first,
    lastDataRow: last,
    headerRows: { first: HEAD1, last: HEAD2 },
    printColumns: core.length,
    rows,
  };
}

function rowWarnings(
  args: {
    consolidation: Consolidation;
    classification: Classification;
    quota: QuotaResult;
    register: UnitRegister;
    ruleSet: RuleSet;
  },
  rows: RowCtx[]
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (code: string, w: string) => out.set(code, [...(out.get(code) ?? []), w]);
  const byLocality = new Map<string, string>();
  for (const r of rows) if (r.unit.localityCode) byLocality.set(r.unit.localityCode, r.unit.code);
  const tccsOf = (code: string) =>
    rows.some((r) => r.unit.code === code) ? code : byLocality.get(code);
  for (const row of args.consolidation.rows) {
    if (!row.marked) continue;
    const code = tccsOf(row.unitCode);
    if (code)
      add(
        code,
        `Số liệu ${templateLabel(row.templateId).vi} có lỗi nhưng vẫn được lấy (tệp ${row.source.file}, dòng ${row.rowNumber}).`
      );
  }
  for (const w of args.consolidation.warnings) {
    const code = tccsOf(w.unitCode);
    if (code) add(code, w.message.vi);
  }
  for (const w of args.classification.warnings) {
    const code = tccsOf(w.unitCode);
    if (code) add(code, w.severity === "error" ? `LỖI SỐ LIỆU: ${w.message.vi}` : w.message.vi);
  }
  for (const g of args.quota.members) if (g.excess > 0) add(g.group, g.message.vi);
  for (const g of args.quota.organisations) {
    for (const code of g.candidates)
      add(
        code,
        `Nhóm "${g.label}" vượt chỉ tiêu HTXSNV (${g.used}/${g.allowed}); Ban Thường vụ xem xét.`
      );
  }
  for (const conflict of args.consolidation.conflicts) {
    const code = tccsOf(conflict.unitCode);
    if (code) add(code, conflict.message.vi);
  }
  return out;
}
