/**
 * A blank template workbook as plain data (WorkbookModel): the template sheet in the HD 36 document
 * format, a hidden `_lists` sheet feeding the dropdowns, and the very hidden `_meta` sheet that lets
 * a returned file be recognised. Both adapters (ExcelJS files, Office.js sheets) render this model.
 */
import { invalidHighlights } from "./invalid-highlight";
import type { PeriodSettings } from "../settings/types";
import { formatIsoDateVi } from "../settings/defaults";
import {
  columnLetter,
  type Block,
  type Cell,
  type CellStyle,
  type DataValidation,
  type Rect,
  type SheetModel,
  type StyledRange,
  type WorkbookModel,
} from "../sheet/model";
import type { TemplateMeta } from "../submission/types";
import { getEnum } from "../templates/enums";
import type { ColumnSpec, TemplateSpec } from "../templates/spec";
import { unitsOfKind } from "../units/register";
import type { Unit, UnitKind, UnitRegister } from "../units/types";
import { computedFormula } from "./formulas";
import { writeMeta } from "./meta";

export const LISTS_SHEET = "_lists";
/** Rows offered for free entry in PEOPLE templates (3.15). */
export const DEFAULT_PEOPLE_ROWS = 60;
const TITLE_ROWS = 9; // rows 1–8 title block, row 9 blank

export interface BuildOptions {
  generatedAt?: string;
  peopleRows?: number;
}

const KIND_LABEL: Record<UnitKind, string> = {
  phuong: "Phường",
  xa: "Xã",
  tccs: "TCCS",
  coQuan: "Cơ quan",
};

/** Labels of the rows that hold subtotals (skipped by the reader). */
export const SUBTOTAL_LABELS = {
  urban: "Khu vực thành thị",
  rural: "Khu vực nông thôn",
  total: "Tổng cộng",
} as const;

/** The register units a row set lists, in display order. */
export function unitsForRowSet(spec: TemplateSpec, register: UnitRegister): Unit[] {
  const kinds: UnitKind[] =
    spec.rowSet === "DB"
      ? ["phuong", "xa"]
      : spec.rowSet === "XA"
        ? ["xa"]
        : spec.rowSet === "DB_CQ"
          ? ["phuong", "xa", "coQuan"]
          : spec.rowSet === "TCCS"
            ? ["tccs"]
            : [];
  return unitsOfKind(register, kinds);
}

/** One planned data row of the template sheet. */
type PlannedRow =
  | { type: "unit"; row: number; unit: Unit; stt: number }
  | { type: "blank"; row: number; stt: number }
  | { type: "subtotal"; row: number; label: string; stt: string; sumRows: number[] };

const BORDER: CellStyle = { border: "thin" };
const HEADER_FILL = "DDEBF7";
const COMPUTED_FILL = "F2F2F2";
const SUBTOTAL_FILL = "FFF2CC";

function numFmtOf(col: ColumnSpec): string | undefined {
  if (col.computed?.kind === "countEquals") return `0"/${col.computed.keys.length}"`;
  switch (col.type) {
    case "int":
      return "#,##0";
    case "number":
    case "percent":
      return "0.00";
    case "year":
      return "0";
    case "text":
    case "enum":
      return "@";
    default:
      return undefined;
  }
}

/** A width (Excel characters) that lets a wrapped Vietnamese header fit in about three lines. */
export function columnWidthFor(col: ColumnSpec): number {
  if (col.width) return col.width;
  const header = col.header.vi;
  const longestWord = Math.max(...header.split(/\s+/).map((w) => w.length));
  let width = Math.max(9, longestWord + 2, Math.ceil(header.length / 3) + 2);
  if (col.type === "enum" && col.enumId) {
    const longest = Math.max(...getEnum(col.enumId).values.map((v) => v.label.vi.length));
    width = Math.max(width, Math.min(longest + 2, 30));
  }
  if (col.type === "text") width = Math.max(width, 16);
  return Math.min(width, 40);
}

function estimateLines(text: string, width: number): number {
  const words = text.split(/\s+/);
  let lines = 1;
  let used = 0;
  for (const w of words) {
    if (used === 0) used = w.length;
    else if (used + 1 + w.length <= width - 1) used += 1 + w.length;
    else {
      lines++;
      used = w.length;
    }
  }
  return lines;
}

const isEntry = (col: ColumnSpec) => !col.identity && !col.computed;

export function buildTemplateWorkbook(
  spec: TemplateSpec,
  register: UnitRegister,
  settings: PeriodSettings,
  opts: BuildOptions = {}
): WorkbookModel {
  const cols = spec.columns;
  const n = cols.length;
  const colIndex = new Map(cols.map((c, i) => [c.key, i + 1]));
  const letterOf = (key: string) => {
    const i = colIndex.get(key);
    return i === undefined ? undefined : columnLetter(i);
  };
  const people = spec.rowSet === "PEOPLE";

  // ---- header rows -------------------------------------------------------------------------
  const hasGroups = cols.some((c) => c.group);
  const hasUnits = cols.some((c) => c.unitOfMeasure);
  const headerTop = TITLE_ROWS + 1;
  const headerRow = hasGroups ? headerTop + 1 : headerTop;
  const unitRow = hasUnits ? headerRow + 1 : undefined;
  const headerBottom = unitRow ?? headerRow;
  const firstDataRow = headerBottom + 1;

  // ---- data rows ---------------------------------------------------------------------------
  const planned: PlannedRow[] = [];
  let next = firstDataRow;
  if (people) {
    const count = opts.peopleRows ?? DEFAULT_PEOPLE_ROWS;
    for (let i = 1; i <= count; i++) planned.push({ type: "blank", row: next++, stt: i });
  } else if (spec.groupBy === "urbanRural") {
    const units = unitsForRowSet(spec, register);
    const groups: { label: string; stt: string; units: Unit[] }[] = [
      { label: SUBTOTAL_LABELS.urban, stt: "I", units: units.filter((u) => u.kind === "phuong") },
      { label: SUBTOTAL_LABELS.rural, stt: "II", units: units.filter((u) => u.kind !== "phuong") },
    ];
    const subtotalRows: number[] = [];
    let stt = 1;
    for (const g of groups) {
      const sub: PlannedRow & { type: "subtotal" } = {
        type: "subtotal",
        row: next++,
        label: g.label,
        stt: g.stt,
        sumRows: [],
      };
      planned.push(sub);
      subtotalRows.push(sub.row);
      for (const unit of g.units) {
        sub.sumRows.push(next);
        planned.push({ type: "unit", row: next++, unit, stt: stt++ });
      }
    }
    planned.push({
      type: "subtotal",
      row: next++,
      label: SUBTOTAL_LABELS.total,
      stt: "",
      sumRows: subtotalRows,
    });
  } else {
    unitsForRowSet(spec, register).forEach((unit, i) =>
      planned.push({ type: "unit", row: next++, unit, stt: i + 1 })
    );
  }
  const lastDataRow = Math.max(firstDataRow, next - 1);
  const entryRows = planned.filter((p) => p.type !== "subtotal").map((p) => p.row);

  // ---- _lists ------------------------------------------------------------------------------
  const lists: { id: string; values: string[] }[] = [];
  const listSource = (id: string, values: () => string[]): string => {
    let idx = lists.findIndex((l) => l.id === id);
    if (idx < 0) {
      lists.push({ id, values: values() });
      idx = lists.length - 1;
    }
    const letter = columnLetter(idx + 1);
    return `=${LISTS_SHEET}!$${letter}$2:$${letter}$${lists[idx]!.values.length + 1}`;
  };

  // ---- cells -------------------------------------------------------------------------------
  const grid = new Map<number, Cell[]>();
  const put = (row: number, col: number, v: Cell) => {
    const r = grid.get(row) ?? [];
    while (r.length < col - 1) r.push(null);
    r[col - 1] = v;
    grid.set(row, r);
  };
  const styles: StyledRange[] = [];
  const style = (range: Rect, s: CellStyle) => styles.push({ range, style: s });
  const merges: Rect[] = [];
  const rect = (top: number, left: number, bottom: number, right: number): Rect => ({
    top,
    left,
    bottom,
    right,
  });

  // Title block (HD 36): left = superior + issuing body + "*", right = the Party's name, underlined.
  const split = Math.max(1, Math.min(n - 1, Math.ceil(n * 0.45)));
  const leftEnd = split;
  const rightStart = Math.min(n, split + 1);
  const titleLine = (row: number, left: number, right: number, text: string, s: CellStyle) => {
    put(row, left, text);
    if (right > left) merges.push(rect(row, left, row, right));
    style(rect(row, left, row, right), { hAlign: "center", vAlign: "middle", ...s });
  };
  titleLine(1, 1, leftEnd, settings.parentBody.toUpperCase(), { fontSize: 14 });
  titleLine(1, rightStart, n, "ĐẢNG CỘNG SẢN VIỆT NAM", {
    fontSize: 15,
    bold: true,
    underline: true,
  });
  titleLine(2, 1, leftEnd, settings.issuingBody.toUpperCase(), { fontSize: 14, bold: true });
  titleLine(3, 1, leftEnd, "*", { fontSize: 14 });
  titleLine(5, 1, n, spec.department.name.vi, { fontSize: 14 });
  titleLine(6, 1, n, spec.title.vi, { fontSize: 14, bold: true, wrap: true });
  titleLine(7, 1, n, `Năm ${settings.period}`, { fontSize: 14 });
  titleLine(
    8,
    1,
    n,
    // The template's own deadline first (3.8: 20/11 in the 2019 plan), else the general one.
    `Hạn nộp: ${formatIsoDateVi(settings.templateDeadlines?.[spec.id] ?? settings.deadline)} về ${settings.organizationCommittee}`,
    { fontSize: 13, italic: true }
  );

  // Header rows.
  cols.forEach((col, i) => {
    const c = i + 1;
    if (hasGroups && !col.group) {
      put(headerTop, c, col.header.vi);
      merges.push(rect(headerTop, c, headerRow, c));
    } else put(headerRow, c, col.header.vi);
    if (unitRow && col.unitOfMeasure) put(unitRow, c, `(${col.unitOfMeasure.vi})`);
  });
  if (hasGroups) {
    let i = 0;
    while (i < n) {
      const g = cols[i]!.group;
      if (!g) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < n && cols[j + 1]!.group?.vi === g.vi) j++;
      put(headerTop, i + 1, g.vi);
      if (j > i) merges.push(rect(headerTop, i + 1, headerTop, j + 1));
      i = j + 1;
    }
  }
  style(rect(headerTop, 1, headerRow, n), {
    bold: true,
    hAlign: "center",
    vAlign: "middle",
    wrap: true,
    fill: HEADER_FILL,
    ...BORDER,
    fontSize: 12,
  });
  if (unitRow)
    style(rect(unitRow, 1, unitRow, n), {
      italic: true,
      hAlign: "center",
      fill: HEADER_FILL,
      ...BORDER,
      fontSize: 11,
    });

  // Data rows.
  const enumIdOf = (key: string) => cols.find((c) => c.key === key)?.enumId;
  for (const p of planned) {
    const refOf = (key: string) => {
      const l = letterOf(key);
      return l ? `${l}${p.row}` : undefined;
    };
    if (p.type === "subtotal") {
      if (p.stt) put(p.row, colIndex.get("stt") ?? 1, p.stt);
      put(p.row, colIndex.get("unitName") ?? 2, p.label);
      cols.forEach((col, i) => {
        const l = columnLetter(i + 1);
        const summable = (col.type === "int" || col.type === "number") && !col.identity;
        if (col.computed && (col.computed.kind === "percent" || col.computed.kind === "sum")) {
          const f = computedFormula(col.computed, refOf, getEnum, enumIdOf);
          if (f) put(p.row, i + 1, { formula: f, result: null });
        } else if (summable && !col.computed && p.sumRows.length > 0) {
          const contiguous = p.sumRows.every((r, k) => k === 0 || r === p.sumRows[k - 1]! + 1);
          const arg = contiguous
            ? `${l}${p.sumRows[0]}:${l}${p.sumRows[p.sumRows.length - 1]}`
            : p.sumRows.map((r) => `${l}${r}`).join(",");
          // Blank while any row of the group lacks the value (as validate's aggregateRows).
          put(p.row, i + 1, {
            formula: `IF(COUNT(${arg})<${p.sumRows.length},"",SUM(${arg}))`,
            result: null,
          });
        }
      });
      style(rect(p.row, 1, p.row, n), { bold: true, fill: SUBTOTAL_FILL, locked: true });
      continue;
    }
    put(p.row, colIndex.get("stt") ?? 1, p.stt);
    if (p.type === "unit") {
      if (colIndex.has("unitName")) put(p.row, colIndex.get("unitName")!, p.unit.name);
      if (colIndex.has("unitCode")) put(p.row, colIndex.get("unitCode")!, p.unit.code);
      if (colIndex.has("unitType")) put(p.row, colIndex.get("unitType")!, KIND_LABEL[p.unit.kind]);
    }
    cols.forEach((col, i) => {
      if (!col.computed) return;
      const f = computedFormula(col.computed, refOf, getEnum, enumIdOf);
      if (f) put(p.row, i + 1, { formula: f, result: null });
    });
  }
  if (planned.length > 0) {
    style(rect(firstDataRow, 1, lastDataRow, n), { ...BORDER, fontSize: 12, vAlign: "middle" });
  }

  // Column styles and validations, bounded to the entry rows (runs of consecutive rows).
  const runs: { top: number; bottom: number }[] = [];
  for (const r of entryRows) {
    const last = runs[runs.length - 1];
    if (last && last.bottom === r - 1) last.bottom = r;
    else runs.push({ top: r, bottom: r });
  }
  const validations: DataValidation[] = [];
  const unitList = () =>
    unitsOfKind(register, ["phuong", "xa", "tccs", "coQuan"]).map((u) => u.name);
  cols.forEach((col, i) => {
    const c = i + 1;
    const fmt = numFmtOf(col);
    const whole = rect(firstDataRow, c, lastDataRow, c);
    if (fmt) style(whole, { numFmt: fmt });
    if (col.type !== "text" || col.key === "stt") style(whole, { hAlign: "center" });
    if (col.computed) style(whole, { fill: COMPUTED_FILL, hAlign: "center" });
    if (col.identity) return;
    const entryOnPeople = people && col.key !== "stt";
    if (!isEntry(col) && !entryOnPeople) return;
    const rule = validationFor(col, spec, listSource, people ? unitList : undefined);
    for (const run of runs) {
      const range = rect(run.top, c, run.bottom, c);
      style(range, { locked: false });
      if (rule) validations.push({ ...rule, range });
    }
  });
  // Subtotal rows stay locked even if a column style above unlocked them.
  for (const p of planned)
    if (p.type === "subtotal") style(rect(p.row, 1, p.row, n), { locked: true });

  // Widths and heights.
  const widths = cols.map(columnWidthFor);
  const rowHeights: Record<number, number> = {
    6:
      20 *
      Math.max(
        1,
        estimateLines(
          spec.title.vi,
          widths.reduce((a, b) => a + b, 0)
        )
      ),
  };
  const headerLines = Math.max(...cols.map((col, i) => estimateLines(col.header.vi, widths[i]!)));
  rowHeights[headerRow] = Math.max(18, 16 * headerLines + 4);
  const hiddenColumns = people
    ? []
    : [colIndex.get("unitCode")].filter((x): x is number => x !== undefined);

  const blocks: Block[] = [...grid.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => ({ top: row, left: 1, cells: [cells] }));

  const freezeCol = (colIndex.get(people ? "ten" : "unitName") ?? 1) + 1;
  const templateSheet: SheetModel = {
    name: spec.sheetName,
    visibility: "visible",
    blocks,
    styles: [
      { range: rect(1, 1, lastDataRow, n), style: { fontName: "Times New Roman", fontSize: 12 } },
      ...styles,
    ],
    merges,
    columnWidths: widths,
    hiddenColumns,
    rowHeights,
    freeze: { row: firstDataRow, col: freezeCol },
    validations,
    conditionalFormats: invalidHighlights(validations),
    protect: true,
    print: {
      paperSize: "A4",
      orientation: spec.orientation,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: { first: headerTop, last: headerBottom },
      printArea: rect(1, 1, lastDataRow, n),
      margins: { top: 20, bottom: 20, left: 25, right: 15, header: 8, footer: 8 },
      centerHorizontally: true,
      footer: "&CTrang &P/&N",
    },
  };

  const listsSheet: SheetModel = {
    name: LISTS_SHEET,
    visibility: "hidden",
    blocks: lists.map((l, i) => ({
      top: 1,
      left: i + 1,
      cells: [[l.id], ...l.values.map((v) => [v])],
    })),
    styles: [],
    merges: [],
    columnWidths: lists.map(() => 30),
    validations: [],
    protect: true,
  };

  const meta: TemplateMeta = {
    templateId: spec.id,
    templateVersion: spec.version,
    period: settings.period,
    department: spec.department.code,
    generatedAt: opts.generatedAt ?? new Date().toISOString(),
    columns: Object.fromEntries(cols.map((c, i) => [c.key, columnLetter(i + 1)])),
    sheet: spec.sheetName,
    firstDataRow,
    registerId: register.id,
  };

  const sheets = [templateSheet];
  if (lists.length > 0) sheets.push(listsSheet);
  sheets.push(writeMeta(meta));
  return { sheets };
}

type RuleNoRange = Omit<DataValidation, "range">;

const fmt = (x: number) => String(x).replace(".", ",");

/** Excel limits: prompt/error title ≤ 32 characters, message ≤ 255. */
function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + "…";
}

function validationFor(
  col: ColumnSpec,
  spec: TemplateSpec,
  listSource: (id: string, values: () => string[]) => string,
  unitList?: () => string[]
): RuleNoRange | null {
  const title = clip(col.header.vi, 32);
  const hint = col.hint?.vi ? ` ${col.hint.vi}` : "";
  const make = (rule: DataValidation["rule"], prompt: string, error: string): RuleNoRange => ({
    rule,
    allowBlank: true,
    prompt: { title, message: clip(prompt + hint, 255) },
    error: { title: "Giá trị không hợp lệ", message: clip(error, 255) },
  });
  const range = (lo?: number, hi?: number) =>
    lo !== undefined && hi !== undefined
      ? `từ ${fmt(lo)} đến ${fmt(hi)}`
      : lo !== undefined
        ? `từ ${fmt(lo)} trở lên`
        : hi !== undefined
          ? `không quá ${fmt(hi)}`
          : "";
  switch (col.type) {
    case "enum": {
      if (!col.enumId) return null;
      const e = getEnum(col.enumId);
      const src = listSource(e.id, () => e.values.map((v) => v.label.vi));
      return make(
        { kind: "list", source: src },
        "Chọn một giá trị trong danh sách.",
        `Hãy chọn một giá trị trong danh sách (${clip(e.name.vi, 80)}).`
      );
    }
    case "boolean": {
      const src = listSource("coKhong", () => ["Có", "Không"]);
      return make({ kind: "list", source: src }, "Chọn Có hoặc Không.", "Hãy chọn Có hoặc Không.");
    }
    case "int":
    case "year": {
      const lo = col.min ?? (col.type === "year" ? 1990 : undefined);
      const hi = col.max ?? (col.type === "year" ? 2100 : undefined);
      const what = col.type === "year" ? "một năm" : "một số nguyên";
      return make(
        { kind: "whole", min: lo, max: hi },
        `Nhập ${what} ${range(lo, hi)}.`.replace(" .", "."),
        `Ô này chỉ nhận ${what} ${range(lo, hi)}. Hãy nhập lại.`.replace("  ", " ")
      );
    }
    case "number":
    case "percent": {
      const suffix = col.type === "percent" ? " (phần trăm, ví dụ 12,5)" : "";
      return make(
        { kind: "decimal", min: col.min, max: col.max },
        `Nhập một số ${range(col.min, col.max)}${suffix}.`.replace(" .", "."),
        `Ô này chỉ nhận một số ${range(col.min, col.max)}. Hãy nhập lại.`.replace("  ", " ")
      );
    }
    case "text": {
      if (unitList && col.key === "unitCode") {
        const src = listSource("donVi", unitList);
        return {
          ...make(
            { kind: "list", source: src },
            "Chọn đơn vị trong danh sách.",
            "Hãy chọn một đơn vị trong danh sách."
          ),
          allowBlank: true,
        };
      }
      void spec;
      return null;
    }
  }
}
