/**
 * The <sheetData> of a worksheet (its rows and cells), written as text straight from the sheet
 * model. ExcelJS builds an object per cell and turns each into XML through several layers, most of
 * the cost of writing a large workbook; the fast writer (writer.ts) lets ExcelJS write everything
 * else (workbook, styles and shared-string parts, columns, merges, validations, print setup,
 * protection, notes) and puts this in place of ExcelJS's sheetData. Cells come out as ExcelJS
 * writes them: the same value types, shared strings, style ids and merged-cell styles.
 */
import type ExcelJSNs from "exceljs";
import { columnLetter, type Cell, type SheetModel } from "../../core/sheet/model";
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
 * heights. Works on a dense grid of the used rectangle (gridSize ≤ MAX_GRID_CELLS).
 */
export function sheetDataXml(s: SheetModel, tables: CellTables): SheetData {
  const { rows, cols } = gridSize(s);
  const at = (r: number, c: number) => (r - 1) * cols + (c - 1);
  // Values: valueAt[cell] indexes `values` (0 = no value); a packed list, not a sparse array.
  const values: Cell[] = [null];
  const valueAt = new Int32Array(rows * cols);
  for (const b of s.blocks) {
    for (let i = 0; i < b.cells.length; i++) {
      const row = b.cells[i]!;
      const base = at(b.top + i, b.left);
      for (let j = 0; j < row.length; j++) {
        const c = row[j];
        if (c === null || c === undefined) continue;
        valueAt[base + j] = values.length;
        values.push(c);
      }
    }
  }
  // Style ids (0 = none), layer by layer; a run of cells with the same id before a layer shares
  // the id after it.
  const ids = new Int32Array(rows * cols);
  const folder = new StyleFolder(s.styles);
  s.styles.forEach(({ range }, layer) => {
    let prev = -1;
    let id = 0;
    for (let r = range.top; r <= range.bottom; r++)
      for (let i = at(r, range.left), end = at(r, range.right); i <= end; i++) {
        if (ids[i] !== prev) {
          prev = ids[i]!;
          id = folder.apply(prev, layer);
        }
        ids[i] = id;
      }
  });
  // Covered cells of merged ranges: 1 = covered (written even without a style, never with a value).
  const covered = new Uint8Array(rows * cols);
  for (const m of s.merges) {
    const style = ids[at(m.top, m.left)]!;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const i = at(r, c);
        ids[i] = style;
        valueAt[i] = 0;
        covered[i] = 1;
      }
  }
  // Style id → ExcelJS's xf index, asked for once per style actually written (-1 = not yet).
  const xfs: number[] = folder.objects.map((_, id) => (id === 0 ? 0 : -1));
  const xf = (id: number) => {
    if (xfs[id]! < 0) xfs[id] = tables.styleId(folder.objects[id]!);
    return xfs[id]!;
  };
  const heights = s.rowHeights ?? {};
  const letters: string[] = [];
  for (let c = 1; c <= cols; c++) letters.push(columnLetter(c));

  const parts: string[] = ["<sheetData>"];
  let minRow = 0;
  let maxRow = 0;
  let minCol = 0;
  let maxCol = 0;
  const maxHeightRow = Object.keys(heights).reduce((n, k) => Math.max(n, Number(k)), 0);
  for (let r = 1; r <= Math.max(rows, maxHeightRow); r++) {
    let cells = "";
    let first = 0;
    let last = 0;
    if (r <= rows) {
      for (let c = 1, i = at(r, 1); c <= cols; c++, i++) {
        const v = valueAt[i] ? values[valueAt[i]!] : undefined;
        const id = ids[i]!;
        if (v === undefined && id === 0 && !covered[i]) continue;
        if (!first) first = c;
        last = c;
        cells += cellXml(`${letters[c - 1]}${r}`, v, id ? xf(id) : 0, covered[i] === 1, tables);
      }
    }
    const h = heights[r];
    if (!first && !h) continue;
    if (first) {
      if (!minRow) minRow = r;
      maxRow = r;
      if (!minCol || first < minCol) minCol = first;
      if (last > maxCol) maxCol = last;
    }
    parts.push(
      `<row r="${r}"${h ? ` ht="${h}" customHeight="1"` : ""}${first ? ` spans="${first}:${last}"` : ""} x14ac:dyDescent="0.25">${cells}</row>`
    );
  }
  parts.push("</sheetData>");
  const dimension = minRow
    ? `${columnLetter(minCol)}${minRow}:${columnLetter(maxCol)}${maxRow}`
    : null;
  return { xml: parts.join(""), dimension };
}

/** One <c> element, "" for a cell ExcelJS would not write (no value, no style, not covered). */
function cellXml(
  ref: string,
  v: Cell | undefined,
  id: number,
  covered: boolean,
  tables: CellTables
): string {
  const s = id ? ` s="${id}"` : "";
  if (v === null || v === undefined) return id || covered ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}"${s} t="s"><v>${tables.sharedString(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
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
