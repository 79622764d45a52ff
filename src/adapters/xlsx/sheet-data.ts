/**
 * The <sheetData> of a worksheet (its rows and cells), written as text straight from the sheet
 * model. ExcelJS builds an object per cell and turns each into XML through several layers, most of
 * the cost of writing a large workbook; the fast writer (writer.ts) lets ExcelJS write everything
 * else (workbook, styles and shared-string parts, columns, merges, validations, print setup,
 * protection, notes) and puts this in place of ExcelJS's sheetData. Cells come out as ExcelJS
 * writes them: the same value types, shared strings, style ids and merged-cell styles.
 */
import type ExcelJSNs from "exceljs";
import { columnLetter, type Cell, type Rect, type SheetModel } from "../../core/sheet/model";
import { StyleFolder } from "./cell-styles";

/** ExcelJS's tables the cells refer to, filled while the sheet data is written. */
export interface CellTables {
  /** Index of a text in the shared-string table (added when new). */
  sharedString(text: string): number;
  /** Style id (xf index) of a style object; 0 = the default style. */
  styleId(style: Partial<ExcelJSNs.Style>): number;
}

export interface SheetData {
  /** `<sheetData>…</sheetData>`. */
  xml: string;
  /** The used range ("A1:K40"), null when the sheet has no cells. */
  dimension: string | null;
  /** `<mergeCells>…</mergeCells>`, "" without merged ranges. */
  mergeCells: string;
}

// Control characters XML 1.0 cannot hold are dropped, as ExcelJS does.
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;

/** Text for XML content and attributes, as ExcelJS encodes it (control characters dropped). */
export function xmlText(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) out += "&quot;";
    else if (code === 38) out += "&amp;";
    else if (code === 39) out += "&apos;";
    else if (code === 60) out += "&lt;";
    else if (code === 62) out += "&gt;";
    else if (code === 127 || (code <= 31 && code !== 9 && code !== 10 && code !== 13)) continue;
    else out += text[i];
  }
  return out;
}

/** Sheets whose used rectangle is larger than this are left to ExcelJS (a dense grid each). */
export const MAX_GRID_CELLS = 8_000_000;

/** Rows × columns of the rectangle from A1 holding every cell, style and merge of the sheet. */
export function gridSize(s: SheetModel): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const b of s.blocks) {
    rows = Math.max(rows, b.top + b.cells.length - 1);
    for (const r of b.cells) cols = Math.max(cols, b.left + r.length - 1);
  }
  for (const { range } of s.styles) {
    rows = Math.max(rows, range.bottom);
    cols = Math.max(cols, range.right);
  }
  for (const m of s.merges) {
    rows = Math.max(rows, m.bottom);
    cols = Math.max(cols, m.right);
  }
  return { rows, cols };
}

/**
 * The cells of `s`: block values, the style layers folded cell by cell (cell-styles.ts), merged
 * ranges (covered cells take the top-left cell's style and lose any value, as in ExcelJS) and row
 * heights. Works on a dense grid of the used rectangle (gridSize ≤ MAX_GRID_CELLS). The work is
 * split into small functions: V8 compiles each quickly, and a write is mostly run once, cold.
 */
export function sheetDataXml(s: SheetModel, tables: CellTables): SheetData {
  const { rows, cols } = gridSize(s);
  const grid: Grid = {
    rows,
    cols,
    values: [null],
    valueAt: new Int32Array(rows * cols),
    ids: new Int32Array(rows * cols),
    covered: new Uint8Array(rows * cols),
  };
  placeValues(grid, s.blocks);
  const folder = new StyleFolder(s.styles);
  s.styles.forEach(({ range }, layer) => foldLayer(grid, range, folder, layer));
  for (const m of s.merges) coverMerge(grid, m, s.name);
  // Style id → ExcelJS's xf index, asked for once per style actually written (-1 = not yet).
  const xfs = new Int32Array(folder.objects.length).fill(-1);
  xfs[0] = 0;
  const xf = (id: number) => {
    if (xfs[id]! < 0) xfs[id] = tables.styleId(folder.objects[id]!);
    return xfs[id]!;
  };
  const letters: string[] = [];
  for (let c = 1; c <= cols; c++) letters.push(columnLetter(c));
  const heights = s.rowHeights ?? {};
  const lastRow = Object.keys(heights).reduce((n, k) => Math.max(n, Number(k)), rows);

  const parts: string[] = ["<sheetData>"];
  const used = { minRow: 0, maxRow: 0, minCol: 0, maxCol: 0 };
  const span = { first: 0, last: 0 };
  for (let r = 1; r <= lastRow; r++) {
    const cells = r <= rows ? rowCells(grid, r, letters, xf, tables.sharedString, span) : "";
    const h = heights[r];
    if (!cells && !span.first && !h) continue;
    if (span.first) {
      if (!used.minRow) used.minRow = r;
      used.maxRow = r;
      if (!used.minCol || span.first < used.minCol) used.minCol = span.first;
      if (span.last > used.maxCol) used.maxCol = span.last;
    }
    parts.push(
      `<row r="${r}"${h ? ` ht="${h}" customHeight="1"` : ""}${span.first ? ` spans="${span.first}:${span.last}"` : ""} x14ac:dyDescent="0.25">${cells}</row>`
    );
  }
  parts.push("</sheetData>");
  const dimension = used.minRow
    ? `${columnLetter(used.minCol)}${used.minRow}:${columnLetter(used.maxCol)}${used.maxRow}`
    : null;
  return { xml: parts.join(""), dimension, mergeCells: mergeCellsXml(s.merges) };
}

/** A sheet's cells on a dense grid; index (row − 1) × cols + (col − 1). */
interface Grid {
  rows: number;
  cols: number;
  /** The cells' values, in a packed list (index 0 unused). */
  values: Cell[];
  /** Index into `values` (0 = no value). */
  valueAt: Int32Array;
  /** Style id of StyleFolder (0 = none). */
  ids: Int32Array;
  /** 1 = a covered cell of a merged range (written even without a style, never with a value). */
  covered: Uint8Array;
}

function placeValues(g: Grid, blocks: SheetModel["blocks"]): void {
  for (const b of blocks) {
    for (let i = 0; i < b.cells.length; i++) {
      const row = b.cells[i]!;
      const base = (b.top + i - 1) * g.cols + (b.left - 1);
      for (let j = 0; j < row.length; j++) {
        const c = row[j];
        if (c === null || c === undefined) continue;
        g.valueAt[base + j] = g.values.length;
        g.values.push(c);
      }
    }
  }
}

/** One style layer over its range; a run of cells with the same style before it shares the result. */
function foldLayer(g: Grid, range: Rect, folder: StyleFolder, layer: number): void {
  const ids = g.ids;
  let prev = -1;
  let id = 0;
  for (let r = range.top; r <= range.bottom; r++) {
    const base = (r - 1) * g.cols - 1;
    for (let i = base + range.left, end = base + range.right; i <= end; i++) {
      if (ids[i] !== prev) {
        prev = ids[i]!;
        id = folder.apply(prev, layer);
      }
      ids[i] = id;
    }
  }
}

/** A merged range: covered cells take the top-left cell's style and lose their value. */
function coverMerge(g: Grid, m: Rect, sheet: string): void {
  const style = g.ids[(m.top - 1) * g.cols + (m.left - 1)]!;
  for (let r = m.top; r <= m.bottom; r++)
    for (let c = m.left; c <= m.right; c++) {
      const i = (r - 1) * g.cols + (c - 1);
      // ExcelJS refuses overlapping merges (Excel would call the file damaged): so does this.
      if (g.covered[i] !== 0)
        throw new Error(`Cannot merge already merged cells: ${sheet}!${rangeRef(m)}`);
      if (r === m.top && c === m.left) {
        g.covered[i] = 2; // the top-left cell of a merge, written as it is
        continue;
      }
      g.ids[i] = style;
      g.valueAt[i] = 0;
      g.covered[i] = 1;
    }
}

/** The <c> elements of row `r`; `span` receives its first and last written column (0 if none). */
function rowCells(
  g: Grid,
  r: number,
  letters: string[],
  xf: (id: number) => number,
  sharedString: (text: string) => number,
  span: { first: number; last: number }
): string {
  let cells = "";
  span.first = 0;
  span.last = 0;
  const base = (r - 1) * g.cols;
  for (let c = 1; c <= g.cols; c++) {
    const i = base + c - 1;
    const at = g.valueAt[i]!;
    const id = g.ids[i]!;
    const covered = g.covered[i] === 1;
    if (at === 0 && id === 0 && !covered) continue;
    if (!span.first) span.first = c;
    span.last = c;
    const ref = letters[c - 1]! + r;
    const s = id ? xf(id) : 0;
    cells += at === 0 ? emptyCellXml(ref, s) : cellXml(ref, g.values[at]!, s, sharedString);
  }
  return cells;
}

function rangeRef(m: Rect): string {
  return `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;
}

/** `<mergeCells>` of the sheet's merged ranges, "" when it has none. */
function mergeCellsXml(merges: readonly Rect[]): string {
  if (merges.length === 0) return "";
  let xml = `<mergeCells count="${merges.length}">`;
  for (const m of merges) xml += `<mergeCell ref="${rangeRef(m)}"/>`;
  return xml + "</mergeCells>";
}

/** A cell without a value: written for its style, or as a covered cell of a merged range. */
function emptyCellXml(ref: string, s: number): string {
  return s ? `<c r="${ref}" s="${s}"/>` : `<c r="${ref}"/>`;
}

/** One <c> element with a value (from the model: a scalar, or a formula with its cached result). */
function cellXml(ref: string, v: Cell, id: number, sharedString: (text: string) => number): string {
  const s = id ? ` s="${id}"` : "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}"${s} t="s"><v>${sharedString(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v === null) return emptyCellXml(ref, id);
  // A formula (the leading "=" dropped), with its cached result when it has one; a string result
  // is written in the cell (t="str"), never as a shared string.
  const f = `<f>${xmlText(v.formula.startsWith("=") ? v.formula.slice(1) : v.formula)}</f>`;
  const result = v.result;
  if (result === null || result === undefined) return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof result === "string")
    return `<c r="${ref}"${s} t="str">${f}<v>${xmlText(result)}</v></c>`;
  if (typeof result === "boolean")
    return `<c r="${ref}"${s} t="b">${f}<v>${result ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s}>${f}<v>${result}</v></c>`;
}
