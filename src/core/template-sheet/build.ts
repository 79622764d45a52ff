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
import { headerSplit } from "../print/layout";
import { longestWordMm, textWidthMm, wrappedLines } from "../print/text-width";
import {
  formNumberLine,
  NATIONAL_MOTTO,
  PARTY_NAME,
  templateFooter,
  templateHeading,
} from "./document";
import {
  fitColumns,
  TABLE_PT,
  TEMPLATE_MARGINS,
  textRoomMm,
  widthForMm,
  type ColumnNeed,
} from "./page-fit";

export const LISTS_SHEET = "_lists";
/** Rows offered for free entry in PEOPLE templates (3.15). */
export const DEFAULT_PEOPLE_ROWS = 60;
/**
 * Rows 1–4 heading (body left, Party's name or national motto right, "*"), 5 "Mẫu số …",
 * 6 title, 7 year, 8 deadline, 9 blank.
 */
const TITLE_ROWS = 9;

export interface BuildOptions {
  generatedAt?: string;
  peopleRows?: number;
  /**
   * List only these units (register codes; a unit's own report, e.g. one TCCS's 3.14: one row),
   * without subtotal rows; recorded in `_meta` so the other units' rows are not expected back.
   * Codes outside the template's row set are ignored (templateUnits says which are valid).
   */
  units?: readonly string[];
}

const KIND_LABEL: Record<UnitKind, string> = {
  phuong: "Phường",
  xa: "Xã",
  tccs: "TCCS",
  coQuan: "Cơ quan",
  tapThe: "Cơ quan, đơn vị",
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

/** The units a template lists: its row set's, or only `units` among them (a unit's own report). */
export function templateUnits(
  spec: TemplateSpec,
  register: UnitRegister,
  units?: readonly string[]
): Unit[] {
  const all = unitsForRowSet(spec, register);
  if (!units) return all;
  const only = new Set(units);
  return all.filter((u) => only.has(u.code));
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

/** A sample of the widest value a column shows (numbers as Excel formats them). */
function sampleValues(col: ColumnSpec): string[] {
  if (col.computed?.kind === "countEquals") return [`19/${col.computed.keys.length}`];
  switch (col.type) {
    case "int":
      return ["9,999"];
    case "number":
      return ["99999.00"];
    case "percent":
      return ["100.00", "n/a"];
    case "year":
      return ["2019"];
    case "boolean":
      return ["Không"];
    case "enum":
      return col.enumId ? getEnum(col.enumId).values.map((v) => v.label.vi) : [];
    default:
      return [];
  }
}

/**
 * A header of one word much wider than the column's values (a level code such as "HTXSNV" over
 * counts) is turned up 90°: the column then needs only its values' width, which is what lets
 * 3.14's eight count columns fit one A4 width at a readable scale.
 */
function turnedHeader(col: ColumnSpec): boolean {
  if (col.identity || col.type === "text" || /\s/.test(col.header.vi.trim())) return false;
  // Numbers, or short choices (Đạt / Chưa đạt); never a column of long labels (the levels).
  if (
    col.type === "enum" &&
    col.enumId &&
    getEnum(col.enumId).values.some((v) => v.label.vi.split(/\s+/).length > 2)
  )
    return false;
  const header = textWidthMm(col.header.vi, TABLE_PT, true);
  const others = [
    ...(col.unitOfMeasure ? [`(${col.unitOfMeasure.vi})`] : []),
    ...sampleValues(col),
  ].map((t) => longestWordMm(t, TABLE_PT));
  return header > Math.max(0, ...others) + 1;
}

/** Turned headers by column: one turned header turns its group's one-word headers too. */
function turnedHeaders(cols: ColumnSpec[]): boolean[] {
  const own = cols.map(turnedHeader);
  const groups = new Set(cols.filter((c, i) => own[i] && c.group).map((c) => c.group!.vi));
  return cols.map(
    (c, i) =>
      own[i]! ||
      (c.group !== undefined &&
        groups.has(c.group.vi) &&
        !c.identity &&
        c.type !== "text" &&
        !/\s/.test(c.header.vi.trim()))
  );
}

/** What a column must hold on paper: header, unit of measure, the values it lists or takes. */
function columnNeed(
  col: ColumnSpec,
  turned: boolean,
  people: boolean,
  units: Unit[],
  hidden: boolean
): ColumnNeed {
  const words: ColumnNeed["words"] = turned ? [] : [{ text: col.header.vi, bold: true }];
  let preferred = turned ? 6 : columnWidthFor(col);
  if (col.unitOfMeasure) words.push({ text: `(${col.unitOfMeasure.vi})` });
  for (const v of sampleValues(col)) words.push({ text: v });
  let minMm: number | undefined;
  if (col.key === "stt") words.splice(1, words.length, { text: "999" });
  else if (col.key === "unitName") {
    for (const u of units) words.push({ text: u.name });
    // A unit's name on at most two lines; its screen width (one line) when the page has room.
    const longest = Math.max(0, ...units.map((u) => textWidthMm(u.name, TABLE_PT)));
    minMm = Math.min(longest / 2 + 4, 45);
    preferred = Math.max(preferred, widthForMm(Math.min(longest + 3, 80)));
  } else if (col.key === "unitType")
    for (const u of units) words.push({ text: KIND_LABEL[u.kind] });
  else if (col.type === "text") minMm = people ? 32 : 12;
  else if (
    col.type === "enum" &&
    col.enumId &&
    getEnum(col.enumId).values.some((v) => v.label.vi.split(/\s+/).length > 2)
  ) {
    // A choice ("Hoàn thành xuất sắc nhiệm vụ") on at most two lines.
    const longest = Math.max(
      0,
      ...getEnum(col.enumId).values.map((v) => textWidthMm(v.label.vi, TABLE_PT))
    );
    minMm = Math.min(longest / 2 + 4, 45);
  }
  const shrinkOrder =
    col.type === "text" && col.key !== "unitName" ? 0 : col.key === "unitName" ? 2 : 1;
  return { preferred, words, ...(minMm ? { minMm } : {}), hidden, shrinkOrder };
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
  } else if (spec.groupBy === "urbanRural" && !opts.units) {
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
    templateUnits(spec, register, opts.units).forEach((unit, i) =>
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

  // Widths: the screen widths, narrowed as far as one A4 width at ≥ 92 % needs (page-fit.ts).
  const unitsListed = planned.flatMap((p) => (p.type === "unit" ? [p.unit] : []));
  // The code column is for the readers; the type column too where every row is of one kind.
  const oneKind = new Set(unitsListed.map((u) => u.kind)).size <= 1;
  const hiddenColumns = people
    ? []
    : [colIndex.get("unitCode"), oneKind ? colIndex.get("unitType") : undefined].filter(
        (x): x is number => x !== undefined
      );
  const turned = turnedHeaders(cols);
  const fit = fitColumns(
    cols.map((col, i) =>
      columnNeed(col, turned[i]!, people, unitsListed, hiddenColumns.includes(i + 1))
    ),
    spec.orientation
  );
  const widths = fit.widths;
  const { leftEnd, rightStart } = headerSplit(fit.paperMm);
  const blockMm = (left: number, right: number) =>
    fit.paperMm.slice(left - 1, right).reduce((a, b) => a + b, 0) / (fit.scale / 100);
  const rowHeights: Record<number, number> = {};
  const fitHeight = (row: number, text: string, mm: number, pt: number, bold = false) => {
    const lines = wrappedLines(text, Math.max(10, mm - 3), pt, bold);
    rowHeights[row] = Math.max(rowHeights[row] ?? 0, Math.ceil(pt * 1.25 * lines + 2));
  };
  const titleLine = (row: number, left: number, right: number, text: string, s: CellStyle) => {
    put(row, left, text);
    if (right > left) merges.push(rect(row, left, row, right));
    style(rect(row, left, row, right), { hAlign: "center", vAlign: "middle", wrap: true, ...s });
    fitHeight(row, text, blockMm(left, right), s.fontSize ?? TABLE_PT, s.bold);
  };

  // Heading: the body that asks for the template on the left (HD 36 for Party organs, the
  // settings' heading for state departments), the Party's name or the national motto right.
  const heading = templateHeading(spec, settings);
  const body =
    heading.body.length > 3
      ? [...heading.body.slice(0, 2), heading.body.slice(2).join(" ")]
      : heading.body;
  body.forEach((text, i) =>
    titleLine(1 + i, 1, leftEnd, text, { fontSize: 13, bold: i === body.length - 1 })
  );
  if (heading.party) {
    titleLine(body.length + 1, 1, leftEnd, "*", { fontSize: 13 });
    titleLine(1, rightStart, n, PARTY_NAME, { fontSize: 14, bold: true, underline: true });
  } else {
    titleLine(1, rightStart, n, NATIONAL_MOTTO[0]!, { fontSize: 12, bold: true });
    titleLine(2, rightStart, n, NATIONAL_MOTTO[1]!, { fontSize: 13, bold: true, underline: true });
  }
  for (const r of [4, TITLE_ROWS]) rowHeights[r] ??= 8;
  titleLine(5, 1, n, formNumberLine(spec, settings), { fontSize: 13, italic: true });
  titleLine(6, 1, n, spec.title.vi, { fontSize: 14, bold: true });
  titleLine(7, 1, n, `Năm ${settings.period}`, { fontSize: 13 });
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
    fontSize: TABLE_PT,
  });
  if (unitRow)
    style(rect(unitRow, 1, unitRow, n), {
      italic: true,
      hAlign: "center",
      vAlign: "middle",
      wrap: true,
      fill: HEADER_FILL,
      ...BORDER,
      fontSize: TABLE_PT,
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
    style(rect(firstDataRow, 1, lastDataRow, n), {
      ...BORDER,
      fontSize: TABLE_PT,
      vAlign: "middle",
      wrap: true,
    });
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
    unitsOfKind(register, ["phuong", "xa", "tccs", "coQuan", "tapThe"]).map((u) => u.name);
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

  // Header heights from the wrapped headers (units of measure and groups too).
  const headerLines = Math.max(
    1,
    ...cols.map((col, i) =>
      hiddenColumns.includes(i + 1)
        ? 1
        : wrappedLines(col.header.vi, textRoomMm(widths[i]!), TABLE_PT, true)
    )
  );
  const linesHeight = (lines: number) => Math.ceil(TABLE_PT * 1.3 * lines + 6);
  if (hasGroups) {
    // Group titles over their columns; a header without a group spans both header rows.
    let groupLines = 1;
    let groupedLines = 1;
    let loneLines = 1;
    let i = 0;
    while (i < n) {
      const g = cols[i]!.group;
      let j = i;
      while (g && j + 1 < n && cols[j + 1]!.group?.vi === g.vi) j++;
      const room = widths
        .slice(i, j + 1)
        .reduce((a, w, k) => a + (hiddenColumns.includes(i + k + 1) ? 0 : textRoomMm(w)), 0);
      const own = (k: number) =>
        hiddenColumns.includes(k + 1)
          ? 1
          : wrappedLines(cols[k]!.header.vi, textRoomMm(widths[k]!), TABLE_PT, true);
      if (g) {
        groupLines = Math.max(groupLines, wrappedLines(g.vi, room, TABLE_PT, true));
        for (let k = i; k <= j; k++) groupedLines = Math.max(groupedLines, own(k));
      } else loneLines = Math.max(loneLines, own(i));
      i = j + 1;
    }
    rowHeights[headerTop] = linesHeight(groupLines);
    rowHeights[headerRow] = Math.max(
      linesHeight(groupedLines),
      linesHeight(loneLines) - rowHeights[headerTop]!
    );
  } else rowHeights[headerRow] = Math.max(18, linesHeight(headerLines));
  if (unitRow) {
    const uomLines = Math.max(
      1,
      ...cols.map((col, i) =>
        col.unitOfMeasure && !hiddenColumns.includes(i + 1)
          ? wrappedLines(`(${col.unitOfMeasure.vi})`, textRoomMm(widths[i]!), TABLE_PT)
          : 1
      )
    );
    rowHeights[unitRow] = Math.ceil(TABLE_PT * 1.3 * uomLines + 4);
  }

  // Headers turned up 90° (turnedHeader): the header rows are as tall as the text is long.
  cols.forEach((col, i) => {
    if (hiddenColumns.includes(i + 1) || !turned[i]) return;
    const tallPt = Math.ceil(((textWidthMm(col.header.vi, TABLE_PT, true) + 4) * 72) / 25.4);
    const top = hasGroups && !col.group ? headerTop : headerRow;
    style(rect(top, i + 1, headerRow, i + 1), { rotation: 90 });
    const above = top === headerTop && hasGroups ? (rowHeights[headerTop] ?? 0) : 0;
    rowHeights[headerRow] = Math.max(rowHeights[headerRow] ?? 0, tallPt - above);
  });

  // Footer: the sending unit's place and date, "NGƯỜI LẬP BIỂU" left, "THỦ TRƯỞNG ĐƠN VỊ" (or
  // "T/M ĐẢNG ỦY") right, room to sign. The readers stop at it (document.ts, isFooterText).
  const footer = templateFooter(spec, settings);
  const footerTop = lastDataRow + 2;
  rowHeights[lastDataRow + 1] = 8;
  // Rows as tall as their longest wrapped text: the unit's name, or the longest label a
  // dropdown offers (Excel does not grow a row when a file opens, LibreOffice not when it prints).
  const nameAt = colIndex.get(people ? "ten" : "unitName");
  let valueLines = 1;
  cols.forEach((col, i) => {
    if (hiddenColumns.includes(i + 1) || col.type !== "enum" || !col.enumId) return;
    for (const v of getEnum(col.enumId).values)
      valueLines = Math.max(valueLines, wrappedLines(v.label.vi, textRoomMm(widths[i]!), TABLE_PT));
  });
  for (const p of planned) {
    const text = p.type === "unit" ? p.unit.name : p.type === "subtotal" ? p.label : "";
    const nameLines = nameAt
      ? wrappedLines(text, textRoomMm(widths[nameAt - 1]!), TABLE_PT, p.type === "subtotal")
      : 1;
    const lines = Math.max(nameLines, p.type === "subtotal" ? 1 : valueLines);
    if (lines > 1) rowHeights[p.row] = Math.ceil(TABLE_PT * 1.15 * lines + 3);
  }
  titleLine(footerTop, rightStart, n, footer.dateLine, { fontSize: 13, italic: true });
  const sigRows = Math.max(footer.preparer.length, footer.head.length);
  footer.preparer.forEach((t, i) =>
    titleLine(footerTop + 1 + i, 1, leftEnd, t, { fontSize: 13, bold: i === 0, italic: i > 0 })
  );
  footer.head.forEach((t, i) =>
    titleLine(footerTop + 1 + i, rightStart, n, t, {
      fontSize: 13,
      bold: !t.startsWith("("),
      italic: t.startsWith("("),
    })
  );
  // Blank rows to sign in, then a line for the names (typed by the unit: unlocked).
  const nameRow = footerTop + 1 + sigRows + 3;
  for (let r = footerTop + 1 + sigRows; r < nameRow; r++) rowHeights[r] = 18;
  merges.push(rect(nameRow, 1, nameRow, leftEnd), rect(nameRow, rightStart, nameRow, n));
  style(rect(nameRow, 1, nameRow, n), { fontSize: 13, bold: true, hAlign: "center" });
  style(rect(nameRow, 1, nameRow, leftEnd), { locked: false });
  style(rect(nameRow, rightStart, nameRow, n), { locked: false });
  style(rect(footerTop, rightStart, footerTop, n), { locked: false });
  rowHeights[nameRow] = 20;
  const lastRow = nameRow;

  const blocks: Block[] = [...grid.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => ({ top: row, left: 1, cells: [cells] }));

  const freezeCol = (colIndex.get(people ? "ten" : "unitName") ?? 1) + 1;
  const templateSheet: SheetModel = {
    name: spec.sheetName,
    visibility: "visible",
    blocks,
    styles: [
      { range: rect(1, 1, lastRow, n), style: { fontName: "Times New Roman", fontSize: TABLE_PT } },
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
    // One A4 width at a fixed, readable scale (never "fit to one page wide", which shrinks a
    // wide table below 11 pt on paper).
    print: {
      paperSize: "A4",
      orientation: fit.orientation,
      fitToWidth: 0,
      fitToHeight: 0,
      scale: fit.scale,
      printTitleRows: { first: headerTop, last: headerBottom },
      printArea: rect(1, 1, lastRow, n),
      margins: { ...TEMPLATE_MARGINS, header: 8, footer: 6 },
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
  if (opts.units && !people)
    meta.units = templateUnits(spec, register, opts.units).map((u) => u.code);

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
