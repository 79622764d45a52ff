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
import { parseXml, parseXmlUntil, type XmlHandlers } from "./xml";

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

type ParsedSheet = Pick<SheetGrid, "rows" | "mergedInto" | "truncatedAfterRow">;

/** The sheet's part after its cells met in another file (the files of one template). */
class TailMissed extends Error {}

export function parseSheet(xml: string, ctx: SheetContext): ParsedSheet {
  // What follows the cells (merged ranges, conditional formats, data validations, page set-up)
  // is often the very text of another file's: read (and checked) once, then only compared.
  const end = xml.lastIndexOf("</sheetData>");
  if (end > 0 && xml.length - end > MIN_TAIL) {
    try {
      return parseSheetParts(xml, ctx, end + 12);
    } catch (e) {
      // A rest not known (TailMissed), a stop inside a token (MissedStop), or a refusal: read
      // again whole, so a refusal is the one (and its message the one) reading whole gives.
      if (!(e instanceof Error)) throw e;
    }
  }
  return parseSheetParts(xml, ctx, -1);
}

/**
 * The sheet read whole (split < 0), or its cells up to `split` and the rest known from a sheet
 * with the very same rest, read before as a document of its own under the same root element:
 * the same merged ranges, checked the same way. TailMissed when that is not the case.
 */
function parseSheetParts(xml: string, ctx: SheetContext, split: number): ParsedSheet {
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

  /**
   * The cells Excel and our writer write, read without the tokenizer's events: `<c r="B1" s="1"/>`
   * (most cells of a template: styled, empty), `<c r="A1" s="3" t="s"><v>0</v></c>` and the same
   * without s or t, or with `></c>` for "/>". Checked character by character as the tokenizer
   * would (an upper-case column and a row number, a number for s, letters for t, text without
   * "&", "\r" or ">"); anything else (other attributes, another order, white space, a formula,
   * an entity, a prefix) returns -1 and goes through the tokenizer and the handlers below.
   */
  function fast(lt: number): number {
    if (row === null || inCell) return -1;
    let k = lt + 6;
    if (
      xml.charCodeAt(lt + 1) !== 99 /* c */ ||
      xml.charCodeAt(lt + 2) !== 32 ||
      xml.charCodeAt(lt + 3) !== 114 /* r */ ||
      xml.charCodeAt(lt + 4) !== 61 /* = */ ||
      xml.charCodeAt(lt + 5) !== 34 /* " */
    )
      return -1;
    let c = xml.charCodeAt(k);
    let col = 0;
    while (c >= 65 && c <= 90) {
      col = col * 26 + c - 64;
      c = xml.charCodeAt(++k);
    }
    if (col === 0 || k - lt - 6 > 3) return -1;
    const digits = k;
    while (c >= 48 && c <= 57) c = xml.charCodeAt(++k);
    if (k === digits || c !== 34) return -1;
    const refEnd = k;
    c = xml.charCodeAt(++k);
    let style = 0;
    if (
      c === 32 &&
      xml.charCodeAt(k + 1) === 115 /* s */ &&
      xml.charCodeAt(k + 2) === 61 &&
      xml.charCodeAt(k + 3) === 34
    ) {
      k += 4;
      const from = k;
      c = xml.charCodeAt(k);
      while (c >= 48 && c <= 57) {
        style = style * 10 + c - 48;
        c = xml.charCodeAt(++k);
      }
      if (k === from || k - from > 9 || c !== 34) return -1;
      c = xml.charCodeAt(++k);
    }
    let type: string | undefined;
    if (
      c === 32 &&
      xml.charCodeAt(k + 1) === 116 /* t */ &&
      xml.charCodeAt(k + 2) === 61 &&
      xml.charCodeAt(k + 3) === 34
    ) {
      k += 4;
      const from = k;
      c = xml.charCodeAt(k);
      while ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) c = xml.charCodeAt(++k);
      if (k === from || c !== 34) return -1;
      type = xml.slice(from, k);
      c = xml.charCodeAt(++k);
    }
    let text: string | undefined;
    let end: number;
    if (c === 47 /* / */) {
      if (xml.charCodeAt(k + 1) !== 62) return -1;
      end = k + 2;
    } else if (c === 62 /* > */) {
      k++;
      if (xml.startsWith("</c>", k)) end = k + 4;
      else {
        if (!xml.startsWith("<v>", k)) return -1;
        const from = k + 3;
        const close = xml.indexOf("<", from);
        if (close < 0 || !xml.startsWith("</v></c>", close)) return -1;
        for (let j = from; j < close; j++) {
          const t = xml.charCodeAt(j);
          if (t === 38 /* & */ || t === 13 || t === 62 /* > */) return -1;
        }
        if (close > from) text = xml.slice(from, close);
        end = close + 8;
      }
    } else return -1;
    if (text === undefined && links === null) {
      // No value: what closeCell does with it (a styled cell marks its place, a bare one is dropped).
      prevCol = col;
      if (style !== 0 && rowNumber <= MAX_ROWS && col <= MAX_COLS)
        row.entries[col - 1] = STYLED_EMPTY;
      return end;
    }
    // As the handlers below would leave it after <c …>, its <v> and </c>.
    inCell = true;
    cellRef = links !== null ? xml.slice(lt + 6, refEnd) : undefined;
    cellCol = col;
    prevCol = col;
    cellType = type;
    styleId = style;
    formula = "";
    shareType = undefined;
    value = text;
    node = undefined;
    runs = null;
    inRun = false;
    closeCell();
    return end;
  }

  const handlers: XmlHandlers = {
    fast,
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
  };
  if (split < 0) parseXml(xml, handlers);
  else {
    const open = parseXmlUntil(xml, handlers, split);
    if (open.length !== 1 || inSheetData || row !== null || inCell) throw new TailMissed();
    const tail = knownTail(open[0]!, xml.slice(split));
    if (tail === null) throw new TailMissed();
    for (const ref of tail) merges.push(ref);
  }

  // Merged ranges: every cell but the top-left one is covered (its own value dropped).
  const plan = merges.length > 0 ? mergePlan(merges) : null;
  if (plan) {
    if (plan.overlap) throw new Error("Cannot merge already merged cells");
    if (plan.truncated) truncated = true;
    const cells = plan.cells;
    for (let k = 0; k < cells.length; k += 2) {
      const i = cells[k]!;
      const j = cells[k + 1]!;
      let r = acc[i - 1];
      if (!r) {
        r = { entries: [], beyond: false };
        acc[i - 1] = r;
        rowNumbers.push(i);
      }
      if (j > MAX_COLS) r.beyond = true;
      else r.entries[j - 1] = COUNTED;
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
  if (plan?.mergedInto) out.mergedInto = plan.mergedInto;
  return out;
}

/** Below this many characters after the cells, a sheet is read whole (nothing to gain). */
const MIN_TAIL = 1024;
const MAX_TAILS = 16;
const MAX_TAIL_CHARS = 4 * 1024 * 1024;
/** Checked tails (the part after </sheetData>) → their root element and merged ranges. */
const TAILS = new Map<string, { root: string; merges: readonly string[] }>();
let tailChars = 0;

/**
 * The merged ranges of `tail` (what follows </sheetData> in a sheet whose root element `root` is
 * the only one open there), or null when it cannot stand for the sheet's own reading: it opens
 * another sheetData, or it is not well-formed (the sheet is then read whole, for its message).
 * Checked as `<root>` + tail, a document of its own: the tokenizer's state at that point of the
 * sheet is just that open root element, so the same checks apply.
 */
function knownTail(root: string, tail: string): readonly string[] | null {
  const hit = TAILS.get(tail);
  if (hit) {
    if (hit.root !== root) return null;
    TAILS.delete(tail);
    TAILS.set(tail, hit);
    return hit.merges;
  }
  const merges: string[] = [];
  let cells = false;
  try {
    parseXml(`<${root}>${tail}`, {
      open(name, a) {
        if (name === "sheetData") cells = true;
        else if (name === "mergeCell") {
          const ref = a.get("ref");
          if (ref !== undefined) merges.push(ref);
        }
      },
      text() {}, // text is decoded (and its entities checked) as in the sheet
    });
  } catch {
    return null;
  }
  if (cells) return null;
  if (tail.length <= MAX_TAIL_CHARS / MAX_TAILS) {
    // A copy as the key: a slice would keep the whole sheet's text alive.
    TAILS.set(` ${tail}`.slice(1), { root, merges });
    tailChars += tail.length;
    while (TAILS.size > MAX_TAILS || tailChars > MAX_TAIL_CHARS) {
      const [oldest, entry] = TAILS.entries().next().value!;
      void entry;
      TAILS.delete(oldest);
      tailChars -= oldest.length;
    }
  }
  return merges;
}

/** What a sheet's merged ranges cover: the same for every file of one template. */
interface MergePlan {
  /** Row and column of each covered cell but the top-left ones, in pairs, in order. */
  cells: number[];
  /** A range reaching beyond MAX_ROWS. */
  truncated: boolean;
  /** Two ranges overlap (the file is refused). */
  overlap: boolean;
  /** Covered cell → its range's top-left cell; undefined when none (read-only, shared). */
  mergedInto: Record<string, string> | undefined;
}

/** The last plans made, by the sheet's list of ranges (small ones only: memory stays bounded). */
const MERGE_PLANS = new Map<string, MergePlan>();
const MAX_PLANS = 32;
const MAX_PLAN_CELLS = 20_000;

function mergePlan(merges: string[]): MergePlan {
  const key = merges.join(" ");
  const hit = MERGE_PLANS.get(key);
  if (hit) return hit;
  const mergedInto: Record<string, string> = {};
  const cells: number[] = [];
  const covered = new Set<number>();
  let truncated = false;
  let overlap = false;
  let count = 0;
  ranges: for (const ref of merges) {
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
        if (covered.has(key)) {
          overlap = true;
          break ranges;
        }
        covered.add(key);
        if (i === top && j === left) continue;
        cells.push(i, j);
        if (j <= MAX_COLS) {
          mergedInto[`${letterOf(j)}${i}`] = master;
          count++;
        }
      }
    }
  }
  const plan: MergePlan = {
    cells,
    truncated,
    overlap,
    mergedInto: count > 0 ? mergedInto : undefined,
  };
  if (cells.length / 2 <= MAX_PLAN_CELLS) {
    if (MERGE_PLANS.size >= MAX_PLANS) MERGE_PLANS.delete(MERGE_PLANS.keys().next().value!);
    MERGE_PLANS.set(key, plan);
  }
  return plan;
}
