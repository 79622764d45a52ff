/**
 * One worksheet part → SheetGrid, in one pass of a strict tokenizer, with the cell semantics of
 * ExcelJS 4.4 (what the former reader saw): cell types (shared, inline and formula strings,
 * numbers, booleans, errors; a formula stands for its cached result), dates by number format,
 * percent formats, hyperlinked cells as their text, merged cells (the value in the top-left cell
 * only), and rows or cells without their optional `r` reference placed after the previous one.
 */
import type { SheetGrid } from "../../../core/submission/types";
import type { RawCell } from "../../../core/validate/types";
import { UNCALCULATED_FORMULA } from "../../../core/normalize/describe";
import { columnLetter } from "../../../core/sheet/model";
import { unescapeOoxml } from "./parts";
import { parseXml } from "./xml";

/** Beyond this, a sheet is cut (a template has a few hundred rows at most). */
export const MAX_ROWS = 50_000;
export const MAX_COLS = 500;

export interface SheetContext {
  sharedStrings: string[] | null;
  /** Number format per cell style index. */
  numFmts: (string | undefined)[] | null;
  date1904: boolean;
  /** The sheet's relationships (for hyperlinks), by Id; null when the sheet has none. */
  rels: Map<string, string> | null;
}

/** Cell present, counted as a value by ExcelJS (row kept) but holding no value for us. */
const COUNTED = Symbol("counted");
/** Cell present without value and with a style: ExcelJS's "Null" cell (not counted). */
const STYLED_EMPTY = Symbol("styled-empty");
type Entry = RawCell | typeof COUNTED | typeof STYLED_EMPTY | undefined;

interface RowAcc {
  entries: Entry[];
  /** A counted cell beyond MAX_COLS. */
  beyond: boolean;
}

export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}

function isPercentFormat(numFmt: string | undefined): boolean {
  // A literal "%" inside quotes is not a percent format.
  return !!numFmt && numFmt.replace(/"[^"]*"/g, "").includes("%");
}

function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** ExcelJS decodes entities of t="str" results once more. */
function xmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** "$B$12" → { col: 2, row: 12 } (upper-case letters only, as Excel writes them; col 0 if none). */
export function decodeAddress(value: string): { col: number; row: number } {
  let col = 0;
  let row = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!hasRow && c >= 65 && c <= 90) {
      hasCol = true;
      col = col * 26 + c - 64;
    } else if (c >= 48 && c <= 57) {
      hasRow = true;
      row = row * 10 + c - 48;
    } else if (hasRow && hasCol && c !== 36) break;
  }
  return { col, row };
}

/** The column of a cell reference ("B12" → 2), as decodeAddress(ref).col, without an object. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 48 && c <= 57) return col;
    else if (c !== 36) return decodeAddress(ref).col;
  }
  return col;
}

/** Column letters by number, made once per column. */
const LETTERS: string[] = [];
const letterOf = (col: number): string => (LETTERS[col] ??= columnLetter(col));

type CellValue = string | number | boolean | Date | { error: string } | undefined;

function toRaw(value: CellValue, numFmt: string | undefined): RawCell {
  if (value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { error: "#NUM!" };
    return isPercentFormat(numFmt) ? { percentFraction: value } : value;
  }
  if (typeof value === "object" && !(value instanceof Date)) return { error: String(value.error) };
  return value;
}

/** A hyperlinked cell reads as its text (ExcelJS: { text, hyperlink }). */
function hyperlinkText(value: CellValue): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

/** Addresses of cells carrying an external hyperlink (a relationship id). */
function hyperlinkCells(xml: string, rels: Map<string, string> | null): Set<string> {
  const out = new Set<string>();
  parseXml(xml, {
    open(name, a) {
      if (name !== "hyperlink") return;
      const id = a.prefixed("id");
      if (!id) return;
      if (!rels?.has(id))
        throw new TypeError("Cannot read properties of undefined (reading 'Target')");
      const ref = a.get("ref");
      if (ref !== undefined) out.add(ref);
    },
  });
  return out;
}

export function parseSheet(
  xml: string,
  ctx: SheetContext
): Pick<SheetGrid, "rows" | "mergedInto" | "truncatedAfterRow"> {
  const links =
    xml.indexOf("hyperlink") >= 0 && /<(\w+:)?hyperlink[\s/>]/.test(xml)
      ? hyperlinkCells(xml, ctx.rels)
      : null;
  const acc: RowAcc[] = [];
  const rowNumbers: number[] = [];
  const merges: string[] = [];
  let truncated = false;

  let inSheetData = false;
  let row: RowAcc | null = null;
  let rowNumber = 0;
  let prevCol = 0;
  // The cell being read.
  let inCell = false;
  let cellRef: string | undefined;
  let cellCol = 0;
  let cellType: string | undefined;
  let styleId = 0;
  let formula = "";
  let shareType: string | undefined;
  let value: string | undefined;
  let node: "f" | "v" | "t" | undefined;
  let runs: string[] | null = null;
  let inRun = false;
  let inRunText = false;
  let runText: string[] = [];

  const numFmtOf = (id: number): string | undefined => (id ? ctx.numFmts?.[id] : undefined);

  function closeCell(): void {
    inCell = false;
    if (!row || cellCol <= 0) return;
    const numFmt = numFmtOf(styleId);
    const linked = links !== null && cellRef !== undefined && links.has(cellRef);
    let entry: Entry;
    const text = runs ? runs.join("") : value;
    if (formula || shareType) {
      let result: CellValue;
      if (text) {
        if (cellType === "str") result = xmlDecode(text);
        else if (cellType === "b") result = parseInt(text, 10) !== 0;
        else if (cellType === "e") result = { error: text };
        else {
          result = parseFloat(text);
          if (isDateFmt(numFmt)) result = excelToDate(result, ctx.date1904);
        }
      }
      // No cached result (written by a program that does not calculate): the value is unknown.
      // A cached 0, FALSE or "" is a result (ExcelJS dropped those, reading them as missing).
      if (linked) entry = hyperlinkText(result);
      else entry = result === undefined ? { error: UNCALCULATED_FORMULA } : toRaw(result, numFmt);
    } else if (text !== undefined) {
      let v: CellValue;
      switch (cellType) {
        case "s": {
          const index = parseInt(text, 10);
          if (ctx.sharedStrings) {
            v = ctx.sharedStrings[index];
            if (v === undefined)
              throw new TypeError("Cannot read properties of undefined (reading 'richText')");
          } else v = index;
          break;
        }
        case "str":
          v = runs ? text : xmlDecode(text);
          break;
        case "inlineStr":
          v = text;
          break;
        case "b":
          v = parseInt(text, 10) !== 0;
          break;
        case "e":
          v = { error: text };
          break;
        default:
          v = parseFloat(text);
          if (isDateFmt(numFmt)) v = excelToDate(v, ctx.date1904);
      }
      entry = linked ? hyperlinkText(v) : toRaw(v, numFmt);
      if (entry === null) entry = COUNTED;
    } else if (linked) entry = "";
    else if (styleId) entry = STYLED_EMPTY;
    else return; // ExcelJS drops a bare <c/> (no value, no style)
    if (rowNumber > MAX_ROWS) {
      if (entry !== STYLED_EMPTY) truncated = true;
      return;
    }
    if (cellCol > MAX_COLS) {
      if (entry !== STYLED_EMPTY) row.beyond = true;
      return;
    }
    row.entries[cellCol - 1] = entry;
  }

  parseXml(xml, {
    open(name, a) {
      if (inCell) {
        if (inRun) {
          if (name === "t") {
            inRunText = true;
            runText = [];
          }
          return;
        }
        switch (name) {
          case "f":
            node = "f";
            shareType = a.get("t");
            return;
          case "v":
            node = "v";
            return;
          case "t":
            node = "t";
            return;
          case "r":
            inRun = true;
            runs ??= [];
            return;
          default:
            return;
        }
      }
      if (name === "sheetData") inSheetData = true;
      else if (name === "row" && inSheetData) {
        const r = a.get("r");
        const n = r === undefined ? NaN : parseInt(r, 10);
        rowNumber = Number.isNaN(n) ? rowNumber + 1 : n;
        prevCol = 0;
        if (rowNumber < 1) {
          row = null;
          return;
        }
        row = { entries: [], beyond: false };
        if (rowNumber <= MAX_ROWS) {
          if (!acc[rowNumber - 1]) rowNumbers.push(rowNumber);
          acc[rowNumber - 1] = row; // a repeated row number replaces the earlier row
        }
      } else if (name === "c" && row) {
        inCell = true;
        cellRef = a.get("r");
        cellCol = cellRef !== undefined ? columnOf(cellRef) : prevCol + 1;
        if (cellRef !== undefined && cellCol === 0 && !/[A-Za-z]/.test(cellRef))
          cellCol = prevCol + 1;
        prevCol = cellCol;
        cellType = a.get("t");
        const s = a.get("s");
        styleId = s !== undefined ? parseInt(s, 10) || 0 : 0;
        formula = "";
        shareType = undefined;
        value = undefined;
        node = undefined;
        runs = null;
        inRun = false;
      } else if (name === "mergeCell") {
        const ref = a.get("ref");
        if (ref !== undefined) merges.push(ref);
      }
    },
    text(t) {
      if (!inCell) return;
      if (inRun) {
        if (inRunText) runText.push(t);
        return;
      }
      if (node === "f") formula += t;
      else if (node === "v" || node === "t") value = value === undefined ? t : value + t;
    },
    close(name) {
      if (inCell) {
        if (inRun) {
          if (name === "t" && inRunText) {
            inRunText = false;
            runs!.push(unescapeOoxml(runText.join("")));
          } else if (name === "r") inRun = false;
          return;
        }
        if (name === "f" || name === "v" || name === "is" || name === "t") node = undefined;
        else if (name === "c") closeCell();
        return;
      }
      if (name === "sheetData") inSheetData = false;
      else if (name === "row") row = null;
    },
  });

  // Merged ranges: every cell but the top-left one is covered (its own value dropped).
  const mergedInto: Record<string, string> = {};
  const slaveRows = new Set<number>();
  const covered = new Set<number>();
  for (const ref of merges) {
    const parts = ref.split(":");
    if (parts.length !== 2) continue;
    const a = decodeAddress(parts[0]!);
    const b = decodeAddress(parts[1]!);
    const top = Math.min(a.row, b.row);
    const bottom = Math.max(a.row, b.row);
    const left = Math.min(a.col, b.col);
    const right = Math.max(a.col, b.col);
    if (top < 1 || left < 1) continue;
    const master = `${letterOf(left)}${top}`;
    if (bottom > MAX_ROWS && (bottom > top || right > left)) truncated = true;
    for (let i = top; i <= Math.min(bottom, MAX_ROWS); i++) {
      for (let j = left; j <= Math.min(right, MAX_COLS + 1); j++) {
        const key = i * 20_000 + j;
        if (covered.has(key)) throw new Error("Cannot merge already merged cells");
        covered.add(key);
        if (i === top && j === left) continue;
        let r = acc[i - 1];
        if (!r) {
          r = { entries: [], beyond: false };
          acc[i - 1] = r;
          rowNumbers.push(i);
        }
        slaveRows.add(i);
        if (j > MAX_COLS) {
          r.beyond = true;
          continue;
        }
        r.entries[j - 1] = COUNTED;
        mergedInto[`${letterOf(j)}${i}`] = master;
      }
    }
  }

  const rows: RawCell[][] = [];
  rowNumbers.sort((x, y) => x - y);
  for (const n of rowNumbers) {
    const r = acc[n - 1]!;
    const cells: RawCell[] = [];
    let counted = r.beyond;
    const entries = r.entries;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e === undefined || e === STYLED_EMPTY) continue;
      counted = true;
      if (e === COUNTED || e === null) continue;
      while (cells.length < i) cells.push(null);
      cells[i] = e;
    }
    if (!counted) continue;
    while (rows.length < n - 1) rows.push([]);
    rows[n - 1] = cells;
  }
  const out: Pick<SheetGrid, "rows" | "mergedInto" | "truncatedAfterRow"> = { rows };
  if (truncated) out.truncatedAfterRow = MAX_ROWS;
  if (Object.keys(mergedInto).length > 0) out.mergedInto = mergedInto;
  return out;
}
