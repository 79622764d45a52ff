/**
 * The <sheetData> of a worksheet (its rows and cells), written as text straight from the sheet
 * model. ExcelJS builds an object per cell and turns each into XML through several layers, most of
 * the cost of writing a large workbook; the fast writer (writer.ts) lets ExcelJS write everything
 * else (workbook, styles and shared-string parts, columns, merges, validations, print setup,
 * protection, notes) and puts this in place of ExcelJS's sheetData. Cells come out as ExcelJS
 * writes them: the same value types, shared strings, style ids and merged-cell styles.
 */
import type ExcelJSNs from "exceljs";
import {
  columnLetter,
  type Cell,
  type Rect,
  type SheetModel,
  type StyledRange,
} from "../../core/sheet/model";
import { ByteSink } from "./byte-sink";
import { StyleFolder } from "./cell-styles";

/** ExcelJS's tables the cells refer to, filled while the sheet data is written. */
export interface CellTables {
  /** Index of a text in the shared-string table (added when new). */
  sharedString(text: string): number;
  /** Style id (xf index) of a style object; 0 = the default style. */
  styleId(style: Partial<ExcelJSNs.Style>): number;
}

export interface SheetData {
  /** `<sheetData>…</sheetData>`, as UTF-8. */
  xml: Uint8Array;
  /** The used range ("A1:K40"), null when the sheet has no cells. */
  dimension: string | null;
  /** `<mergeCells>…</mergeCells>`, "" without merged ranges. */
  mergeCells: string;
}

/** Sheets whose used rectangle is larger than this are left to ExcelJS (a dense grid each). */
export const MAX_GRID_CELLS = 8_000_000;

/** Rows × columns of the rectangle from A1 holding every cell, style and merge of the sheet. */
export function gridSize(s: SheetModel): { rows: number; cols: number } {
  const size = { rows: 0, cols: 0 };
  blocksSize(s.blocks, size);
  const ranges: Rect[] = [];
  for (let i = 0; i < s.styles.length; i++) ranges.push(s.styles[i]!.range);
  rectsSize(ranges, size);
  rectsSize(s.merges, size);
  return size;
}

function blocksSize(blocks: SheetModel["blocks"], size: { rows: number; cols: number }): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const cells = b.cells;
    if (b.top + cells.length - 1 > size.rows) size.rows = b.top + cells.length - 1;
    let width = 0;
    for (let r = 0; r < cells.length; r++) if (cells[r]!.length > width) width = cells[r]!.length;
    if (b.left + width - 1 > size.cols) size.cols = b.left + width - 1;
  }
}

function rectsSize(rects: readonly Rect[], size: { rows: number; cols: number }): void {
  for (let i = 0; i < rects.length; i++) {
    const m = rects[i]!;
    if (m.bottom > size.rows) size.rows = m.bottom;
    if (m.right > size.cols) size.cols = m.right;
  }
}

/**
 * The cells of `s`: block values, the style layers folded cell by cell (cell-styles.ts), merged
 * ranges (covered cells take the top-left cell's style and lose any value, as in ExcelJS) and row
 * heights. Works on a dense grid of the used rectangle (`size`, gridSize(s), ≤ MAX_GRID_CELLS).
 * A write runs mostly once, cold, so the time V8 takes to compile counts: the work is split into
 * small functions, and the loops over rows and cells see only the writer's own objects (the
 * model's sheets, blocks and rows come in many shapes, each a recompilation of a loop using them).
 */
export function sheetDataXml(
  s: SheetModel,
  tables: CellTables,
  size: { rows: number; cols: number } = gridSize(s)
): SheetData {
  const { rows, cols } = size;
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
  foldStyles(grid, s.styles, folder);
  coverMerges(grid, s.merges, s.name);
  const starts: Uint8Array[] = [];
  for (let c = 1; c <= cols; c++) starts.push(asciiBytes(`<c r="${columnLetter(c)}`));
  const writer: RowWriter = {
    grid,
    starts,
    attrs: new Array<Uint8Array | undefined>(folder.objects.length),
    style: (id) => tables.styleId(folder.objects[id]!),
    sharedString: tables.sharedString,
    heights: rowHeights(s.rowHeights ?? {}, rows),
    used: new Int32Array(4),
  };
  const out = new ByteSink(Math.min(rows * cols, 1 << 20) * 16);
  out.ascii("<sheetData>");
  writeRows(out, writer);
  out.ascii("</sheetData>");
  const [minRow, maxRow, minCol, maxCol] = writer.used;
  const dimension = minRow
    ? `${columnLetter(minCol!)}${minRow}:${columnLetter(maxCol!)}${maxRow}`
    : null;
  return { xml: out.done(), dimension, mergeCells: mergeCellsXml(s.merges) };
}

/** Row heights by row number (0 = none), up to the last row with a cell or a height. */
function rowHeights(heights: Record<number, number>, rows: number): Float64Array {
  const keys = Object.keys(heights);
  let last = rows;
  for (let i = 0; i < keys.length; i++) last = Math.max(last, Number(keys[i]));
  const out = new Float64Array(last + 1);
  for (let i = 0; i < keys.length; i++) {
    const r = Number(keys[i]);
    if (Number.isInteger(r) && r >= 1) out[r] = heights[r]!;
  }
  return out;
}

/** Every row with a cell or a height: `<row …>` and its cells; `used` gets the used range. */
function writeRows(out: ByteSink, w: RowWriter): void {
  const g = w.grid;
  const heights = w.heights;
  const used = w.used;
  const span = { first: 0, last: 0 };
  for (let r = 1; r < heights.length; r++) {
    if (r <= g.rows) rowSpan(g, r, span);
    else span.first = span.last = 0;
    const h = heights[r]!;
    if (!span.first && !h) continue;
    if (span.first) {
      if (!used[0]) used[0] = r;
      used[1] = r;
      if (!used[2] || span.first < used[2]) used[2] = span.first;
      if (span.last > used[3]!) used[3] = span.last;
    }
    out.ascii('<row r="');
    out.uint(r);
    if (h) {
      out.ascii('" ht="');
      out.number(h);
      out.ascii('" customHeight="1');
    }
    if (span.first) {
      out.ascii('" spans="');
      out.uint(span.first);
      out.ascii(":");
      out.uint(span.last);
    }
    out.ascii('" x14ac:dyDescent="0.25">');
    if (span.first) rowCells(out, w, r, span);
    out.ascii("</row>");
  }
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

/** The blocks' values into the grid: a later block's value takes the place of an earlier one's. */
function placeValues(g: Grid, blocks: SheetModel["blocks"]): void {
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    for (let i = 0; i < b.cells.length; i++)
      placeRow(g, b.cells[i]!, (b.top + i - 1) * g.cols + (b.left - 1));
  }
}

function placeRow(g: Grid, row: readonly Cell[], base: number): void {
  for (let j = 0; j < row.length; j++) {
    const c = row[j];
    if (c === null || c === undefined) continue;
    g.valueAt[base + j] = g.values.length;
    g.values.push(c);
  }
}

/**
 * The style layers over their ranges, in order: each cell's style id becomes the fold of the
 * layer over it. Per layer, the distinct ids under its range are folded once each; the loops over
 * cells hold no calls (V8 compiles them quickly: a write runs once, cold).
 */
function foldStyles(g: Grid, layers: readonly StyledRange[], folder: StyleFolder): void {
  let seen = new Int32Array(64); // the layer (+ 1) that last met each id
  let under = new Int32Array(64); // the distinct ids under the layer's range
  let folded = new Int32Array(64); // id under the layer → its fold with the layer
  for (let layer = 0; layer < layers.length; layer++) {
    const range = layers[layer]!.range;
    const ids = folder.objects.length;
    if (seen.length < ids) {
      seen = new Int32Array(ids * 2);
      under = new Int32Array(ids * 2);
      folded = new Int32Array(ids * 2);
    }
    const n = idsUnder(g, range, seen, layer + 1, under);
    for (let k = 0; k < n; k++) folded[under[k]!] = folder.apply(under[k]!, layer);
    refold(g, range, folded);
  }
}

/** The distinct style ids in `range` into `under`, marking each in `seen` with `stamp`; their count. */
function idsUnder(
  g: Grid,
  range: Rect,
  seen: Int32Array,
  stamp: number,
  under: Int32Array
): number {
  const ids = g.ids;
  let n = 0;
  for (let r = range.top; r <= range.bottom; r++) {
    const base = (r - 1) * g.cols - 1;
    for (let i = base + range.left, end = base + range.right; i <= end; i++) {
      const id = ids[i]!;
      if (seen[id] !== stamp) {
        seen[id] = stamp;
        under[n++] = id;
      }
    }
  }
  return n;
}

/** Each style id in `range` replaced by its fold. */
function refold(g: Grid, range: Rect, folded: Int32Array): void {
  const ids = g.ids;
  for (let r = range.top; r <= range.bottom; r++) {
    const base = (r - 1) * g.cols - 1;
    for (let i = base + range.left, end = base + range.right; i <= end; i++)
      ids[i] = folded[ids[i]!]!;
  }
}

function coverMerges(g: Grid, merges: readonly Rect[], sheet: string): void {
  for (let i = 0; i < merges.length; i++) coverMerge(g, merges[i]!, sheet);
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

/** Whether grid cell `i` is written: it has a value or a style, or is covered by a merge. */
function written(g: Grid, i: number): boolean {
  return g.valueAt[i] !== 0 || g.ids[i] !== 0 || g.covered[i] === 1;
}

/** The first and last written column of row `r` into `span` (0 if none). */
function rowSpan(g: Grid, r: number, span: { first: number; last: number }): void {
  const base = (r - 1) * g.cols - 1;
  let first = 0;
  for (let c = 1; c <= g.cols; c++)
    if (written(g, base + c)) {
      first = c;
      break;
    }
  let last = first;
  if (first)
    for (let c = g.cols; c > first; c--)
      if (written(g, base + c)) {
        last = c;
        break;
      }
  span.first = first;
  span.last = last;
}

/** What the cells of a sheet's rows are written with. */
interface RowWriter {
  grid: Grid;
  /** `<c r="` and the column's letters, by column − 1. */
  starts: Uint8Array[];
  /** ` s="…"` (the xf index) by style id, once asked for; empty for the default style. */
  attrs: (Uint8Array | undefined)[];
  /** ExcelJS's xf index of a style id, asked for once per style actually written. */
  style: (id: number) => number;
  sharedString: (text: string) => number;
  /** Row heights by row (0 = none); its length − 1 is the last row written. */
  heights: Float64Array;
  /** The used range, filled by writeRows: first row, last row, first column, last column. */
  used: Int32Array;
}

const NO_BYTES = new Uint8Array(0);

/** The bytes of ASCII text. */
function asciiBytes(text: string): Uint8Array {
  const b = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) b[i] = text.charCodeAt(i);
  return b;
}

/** ` s="…"` of style id `id` (nothing for the default style, xf 0). */
function styleAttr(w: RowWriter, id: number): Uint8Array {
  let a = w.attrs[id];
  if (a === undefined) {
    const s = id ? w.style(id) : 0;
    a = w.attrs[id] = s ? asciiBytes(` s="${s}"`) : NO_BYTES;
  }
  return a;
}

/**
 * The <c> elements of row `r`, from its first to its last written column: `<c r="A1"`, the style,
 * and `/>` (the most of them: empty cells written for their style) or the value.
 */
function rowCells(
  out: ByteSink,
  w: RowWriter,
  r: number,
  span: { first: number; last: number }
): void {
  const g = w.grid;
  const row = asciiBytes(String(r));
  const base = (r - 1) * g.cols - 1;
  for (let c = span.first; c <= span.last; c++) {
    const i = base + c;
    const k = g.valueAt[i]!;
    const id = g.ids[i]!;
    if (k === 0 && id === 0 && g.covered[i] !== 1) continue;
    const start = w.starts[c - 1]!;
    const attr = styleAttr(w, id);
    const buf = out.reserve(start.length + row.length + attr.length + 3);
    let p = out.length;
    for (let x = 0; x < start.length; x++) buf[p++] = start[x]!;
    for (let x = 0; x < row.length; x++) buf[p++] = row[x]!;
    buf[p++] = 34; // "
    for (let x = 0; x < attr.length; x++) buf[p++] = attr[x]!;
    if (k === 0) {
      buf[p++] = 47; // /
      buf[p++] = 62; // >
      out.advanceTo(p);
    } else {
      out.advanceTo(p);
      cellValue(out, g.values[k]!, w.sharedString);
    }
  }
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

/**
 * The rest of a <c> element with a value (after `<c r="A1" s="…"`): a scalar, or a formula with
 * its cached result.
 */
function cellValue(out: ByteSink, v: Cell, sharedString: (text: string) => number): void {
  if (typeof v === "string") {
    out.ascii(' t="s"><v>');
    out.uint(sharedString(v));
  } else if (typeof v === "number") {
    out.ascii("><v>");
    out.number(v);
  } else if (typeof v === "boolean") {
    out.ascii(v ? ' t="b"><v>1' : ' t="b"><v>0');
  } else if (v === null) {
    out.ascii("/>");
    return;
  } else {
    // A formula (the leading "=" dropped), with its cached result when it has one; a string result
    // is written in the cell (t="str"), never as a shared string.
    const result = v.result;
    if (typeof result === "string") out.ascii(' t="str"><f>');
    else if (typeof result === "boolean") out.ascii(' t="b"><f>');
    else out.ascii("><f>");
    out.xmlText(v.formula.startsWith("=") ? v.formula.slice(1) : v.formula);
    out.ascii("</f>");
    if (result === null || result === undefined) {
      out.ascii("</c>");
      return;
    }
    out.ascii("<v>");
    if (typeof result === "string") out.xmlText(result);
    else if (typeof result === "boolean") out.ascii(result ? "1" : "0");
    else out.number(result);
  }
  out.ascii("</v></c>");
}
