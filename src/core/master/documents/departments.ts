/**
 * Phụ lục 3 — Số liệu các ngành: the figures the departments sent (the indicators the master
 * reads, `master: true` in a template), one section per department template, each on a page of its
 * own (a manual page break) with its own header row and the unit column. Labels
 * as officials write them: a choice is printed as its Vietnamese label, a yes/no as "Có"/"Không",
 * the four levels by their customary abbreviations (explained in the note under the table); no
 * keys or codes. Values from submissions are written as values. Printed landscape at 85 % with
 * 13 pt text (11.05 pt on paper); the widest section (3.8, seven columns) fits the page width, and
 * a section with fewer figures spreads them over the same width (merged cells), so labels such
 * as "Phường đạt chuẩn văn minh đô thị" stay on one line and a department fits its page.
 */
import type { RowIndex } from "../../consolidate/query";
import type { PeriodSettings } from "../../settings/types";
import type { Cell, SheetModel } from "../../sheet/model";
import { unitsForRowSet } from "../../template-sheet/build";
import { enumLabel, LEVEL_ENUM_IDS } from "../../templates/enums";
import type { ColumnSpec, TemplateSpec } from "../../templates/spec";
import type { UnitRegister } from "../../units/types";
import { figureHeader, figureNumFmt, printedNumFmt, ROMAN } from "../figures";
import { SheetBuilder } from "../grid";
import { documentPageSetup, MIN_SCALE, pageRowsHeightPt, type PageMargins } from "../../print/page";
import { wrappedLines } from "../../print/text-width";
import { ANNEX_BODY_PT, ANNEX_HEADER_STYLE, annexGrid, LEVEL_LEGEND } from "./annex";
import { documentHeading, type DraftTest } from "./heading";

/**
 * Phụ lục 3 prints at the smallest scale of the documents (13 pt prints at 11.05 pt): a department
 * of twenty units with a three-line header then fits the first page under the heading.
 */
export const DEPARTMENT_SCALE = MIN_SCALE;

/** STT, unit, then up to seven figures (3.8 has seven). */
export const DEPARTMENT_WIDTHS = [5, 34, 13, 13, 13, 13, 13, 13, 13];
const BODY_PT = ANNEX_BODY_PT;
const MM_PER_CHAR = (7 * 25.4) / 96;

export interface DepartmentAnnexInput {
  sheetName: string;
  settings: PeriodSettings;
  register: UnitRegister;
  catalog: readonly TemplateSpec[];
  /** Templates printed elsewhere (the TCCS's own report: Phụ lục 1; leaders: Phụ lục 2). */
  skip: string[];
  /** The consolidated rows by template and unit (null when nothing was consolidated). */
  index: RowIndex | null;
  draft: DraftTest;
  note: string;
  margins: PageMargins;
}

/** "IV. Phòng Kinh tế: …": the first cell of a section's title row. */
const SECTION_TITLE = /^[IVXL]+\. \S/;

/**
 * The page breaks of a Phụ lục 3 read back from its first column (rows after which a new page
 * starts): before every section title but the first. For printing a workbook whose breaks were
 * lost on the way (ExcelJS does not read them back).
 */
export function sectionBreaks(firstColumn: readonly unknown[]): number[] {
  const titles = firstColumn.flatMap((v, i) =>
    typeof v === "string" && SECTION_TITLE.test(v) ? [i + 1] : []
  );
  return titles.slice(1).map((r) => r - 1);
}

/** A figure as printed: labels, "Có"/"Không", numbers as numbers; null when absent. */
export function departmentValue(col: ColumnSpec, v: unknown): Cell {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "boolean") return v ? "Có" : "Không";
  if (typeof v === "number") return v;
  if (col.type === "enum" && col.enumId && typeof v === "string") {
    if (LEVEL_ENUM_IDS.includes(col.enumId)) return v; // HTXSNV … with the legend under the table
    return enumLabel(col.enumId, v)?.vi ?? v;
  }
  return String(v);
}

/** A figure whose values are words (a choice other than the levels, or free text): wraps first. */
const isWordy = (c: ColumnSpec) =>
  c.type === "text" || (c.type === "enum" && !!c.enumId && !LEVEL_ENUM_IDS.includes(c.enumId));

/**
 * How many of the `slots` figure columns each figure spans: every section's table takes the full
 * width, so a department with few figures gets wide columns (its labels on one line, its rows
 * low, the section on one page) instead of a narrow table of tall rows. The slots left over after
 * an even share go to the wordy figures first, then to the longer headers.
 */
export function figureSpans(cols: readonly ColumnSpec[], slots: number): number[] {
  const base = Math.floor(slots / cols.length);
  const spans = cols.map(() => base);
  const order = cols
    .map((c, i) => ({ i, wordy: isWordy(c), len: figureHeader(c).length }))
    .sort((a, b) => Number(b.wordy) - Number(a.wordy) || b.len - a.len || a.i - b.i);
  for (let k = 0; k < slots - base * cols.length; k++) spans[order[k]!.i]!++;
  return spans;
}

export function buildDepartmentAnnex(input: DepartmentAnnexInput): SheetModel {
  const { settings } = input;
  const b = new SheetBuilder();
  const w = DEPARTMENT_WIDTHS;
  const n = w.length;
  const grid = annexGrid(w);
  let row = documentHeading(b, grid, settings, input.draft, {
    title: "PHỤ LỤC 3",
    subtitle: [`SỐ LIỆU CỦA CÁC BAN, NGÀNH NĂM ${settings.period}`],
    number: false,
    note: input.note,
  });
  /** Room for text in columns from..to (one cell, or a merged span). */
  const room = (from: number, to = from) =>
    w.slice(from - 1, to).reduce((a, x) => a + x, 0) * MM_PER_CHAR - 1.1;
  // One department per page: a new page before every section but the first.
  const rowBreaks: number[] = [];
  let section = 0;
  let usesLevels = false;
  for (const spec of input.catalog) {
    if (input.skip.includes(spec.id) || spec.rowSet === "PEOPLE") continue;
    const cols = spec.columns.filter((c) => c.master && !c.identity).slice(0, n - 2);
    if (cols.length === 0) continue;
    usesLevels ||= cols.some((c) => !!c.enumId && LEVEL_ENUM_IDS.includes(c.enumId));
    const last = n;
    const unitHeader = spec.rowSet === "TCCS" ? "Tổ chức cơ sở đảng" : "Đơn vị";
    const units = unitsForRowSet(spec, input.register).map((unit) => {
      const data = input.index?.get(spec.id, unit.code) ?? null;
      return {
        unit,
        values: data ? cols.map((c) => departmentValue(c, data.values[c.key])) : null,
      };
    });
    /**
     * The section's layout with the unit column widened by `extra` figure slots: its spans, where
     * each figure starts (figure k takes the sheet columns at[k]..at[k] + spans[k] - 1), and the
     * heights of its header and rows (lines from the widths of the words in Times New Roman).
     */
    const layout = (extra: number) => {
      const spans = figureSpans(cols, n - 2 - extra);
      const at = spans.map((_, k) => 3 + extra + spans.slice(0, k).reduce((a, x) => a + x, 0));
      const roomOf = (k: number) => room(at[k]!, at[k]! + spans[k]! - 1);
      const unitRoom = room(2, 2 + extra);
      const headLines = Math.max(
        wrappedLines(unitHeader, unitRoom, BODY_PT, true),
        ...cols.map((c, k) => wrappedLines(figureHeader(c), roomOf(k), BODY_PT, true))
      );
      const rowHeights = units.map(({ unit, values }) => {
        let lines = wrappedLines(unit.name, unitRoom, BODY_PT);
        values?.forEach((v, k) => {
          if (typeof v === "string") lines = Math.max(lines, wrappedLines(v, roomOf(k), BODY_PT));
        });
        return Math.ceil(BODY_PT * 1.15 * lines + 3);
      });
      const headHeight = Math.ceil(BODY_PT * 1.2 * headLines + 6);
      const height = headHeight + rowHeights.reduce((a, h) => a + h, 0);
      return { extra, spans, at, headHeight, rowHeights, height };
    };
    const title = `${ROMAN[section] ?? section + 1}. ${spec.department.name.vi}: ${spec.title.vi} (mẫu ${spec.section})`;
    const titleHeight = Math.ceil(
      BODY_PT * 1.2 * wrappedLines(title, grid.widthChars * MM_PER_CHAR - 2, BODY_PT, true) + 6
    );
    // Room for the table on its page: under the document's heading on the first page.
    let above = titleHeight;
    if (section === 0) for (let r = 1; r < row; r++) above += b.rowHeights[r] ?? 15;
    const room0 = pageRowsHeightPt("landscape", input.margins, DEPARTMENT_SCALE) - above;
    // Long unit names may take figure slots a few short figures do not need, when (only when)
    // that brings a section onto its one page: merged unit cells cost a write each in Excel.
    let plan = layout(0);
    for (let extra = 1; plan.height > room0 && extra <= Math.min(2, n - 2 - cols.length); extra++) {
      const other = layout(extra);
      if (other.height <= room0) plan = other;
    }
    const { extra, spans, at } = plan;
    const put = (r: number, k: number, v: Cell) => {
      if (v !== null) b.put(r, at[k]!, v);
      if (spans[k]! > 1) b.merge(r, at[k]!, r, at[k]! + spans[k]! - 1);
    };
    const putUnit = (r: number, v: Cell) => {
      b.put(r, 2, v);
      if (extra > 0) b.merge(r, 2, r, 2 + extra);
    };
    // Section title: the department and what its template reports.
    const sectionTop = row;
    section++;
    b.put(row, 1, title);
    b.merge(row, 1, row, n);
    b.style(row, 1, row, n, { bold: true, wrap: true, vAlign: "middle", fontSize: BODY_PT });
    b.rowHeights[row] = titleHeight;
    row++;
    const head = row;
    b.put(head, 1, "STT");
    putUnit(head, unitHeader);
    cols.forEach((c, k) => put(head, k, figureHeader(c)));
    b.style(head, 1, head, last, ANNEX_HEADER_STYLE);
    b.rowHeights[head] = plan.headHeight;
    row++;
    const first = row;
    units.forEach(({ unit, values }, i) => {
      b.put(row, 1, i + 1);
      putUnit(row, unit.name);
      if (!values) {
        b.put(row, 3 + extra, "Chưa có số liệu");
        b.merge(row, 3 + extra, row, last);
        b.style(row, 3 + extra, row, last, { italic: true, hAlign: "center" });
      } else
        cols.forEach((c, k) => {
          put(row, k, values[k] ?? null);
          const fmt = figureNumFmt(c);
          if (fmt) b.style(row, at[k]!, row, at[k]!, { numFmt: printedNumFmt(fmt) });
        });
      b.rowHeights[row] = plan.rowHeights[i]!;
      row++;
    });
    const lastRow = row - 1;
    if (lastRow >= first) {
      b.style(first, 1, lastRow, last, {
        border: "thin",
        vAlign: "middle",
        wrap: true,
        fontSize: BODY_PT,
      });
      b.style(first, 1, lastRow, 1, { hAlign: "center" });
      b.style(first, 3 + extra, lastRow, last, { hAlign: "center" });
    }
    // No spacer row at the end of a section: the next starts a new page (a spacer there would
    // only take the page's room, or land alone on a page of its own).
    if (section > 1) rowBreaks.push(sectionTop - 1);
  }
  if (section === 0) {
    b.put(row, 1, "Chưa có số liệu của các ban, ngành.");
    b.merge(row, 1, row, n);
    b.style(row, 1, row, n, { italic: true });
    row++;
  }
  if (usesLevels) {
    if (section > 0) b.rowHeights[row++] = 12; // a gap between the last table and the note
    b.put(row, 1, LEVEL_LEGEND);
    b.merge(row, 1, row, n);
    b.style(row, 1, row, n, { italic: true, wrap: true, vAlign: "top", fontSize: BODY_PT });
    b.rowHeights[row] = 36;
    row++;
  }
  const sheet = b.sheet(input.sheetName, w, {
    protect: true,
    print: {
      ...documentPageSetup({
        orientation: "landscape",
        scale: DEPARTMENT_SCALE,
        margins: input.margins,
        lastRow: row - 1,
        columns: n,
      }),
      ...(rowBreaks.length ? { rowBreaks } : {}),
    },
  });
  sheet.styles[0]!.style = { fontName: "Times New Roman", fontSize: BODY_PT };
  return sheet;
}
