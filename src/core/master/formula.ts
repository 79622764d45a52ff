/**
 * Formulas of the master (the live quota and summary). A sheet is laid out from row 1 and the print
 * layout then moves it down (applyPrintLayout) without touching formula text, so a formula names
 * its own sheet's rows with a placeholder that is resolved once the offset is known. References to
 * another sheet use final row numbers (that sheet is laid out first). Ranges are always bounded.
 */
import type { Cell, Scalar, SheetModel } from "../sheet/model";
import { columnLetter } from "../sheet/model";

const TOKEN = /⟦(\d+)⟧/g;

/** A row of the sheet being built, before the print layout moves it. */
export const rowRef = (row: number): string => `⟦${row}⟧`;

/** "$C$⟦12⟧": an absolute reference to a cell of the sheet being built. */
export const cellRef = (row: number, col: number, absolute = true): string =>
  absolute ? `$${columnLetter(col)}$${rowRef(row)}` : `${columnLetter(col)}${rowRef(row)}`;

/** Replaces the row placeholders of every formula of a sheet by the rows after a shift of `offset`. */
export function resolveRows(sheet: SheetModel, offset: number): SheetModel {
  const fix = (c: Cell): Cell =>
    c !== null && typeof c === "object"
      ? { ...c, formula: c.formula.replace(TOKEN, (_, n: string) => String(Number(n) + offset)) }
      : c;
  return {
    ...sheet,
    blocks: sheet.blocks.map((b) => ({ ...b, cells: b.cells.map((r) => r.map(fix)) })),
  };
}

/** Quotes a sheet name for a formula when needed ('Tổng hợp'). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A bounded absolute column range on another sheet: 'Tổng hợp'!$X$10:$X$40. */
export function columnRange(sheet: string, col: number, first: number, last: number): string {
  const l = columnLetter(col);
  return `${quoteSheet(sheet)}!$${l}$${first}:$${l}$${last}`;
}

/** A string literal for a formula (quotes doubled; Excel caps a literal at 255 characters). */
export function str(s: string): string {
  const parts: string[] = [];
  for (let i = 0; i < s.length || i === 0; i += 250) parts.push(s.slice(i, i + 250));
  return parts.map((p) => `"${p.replace(/"/g, '""')}"`).join("&");
}

export const formula = (f: string, result: Scalar): Cell => ({ formula: f, result });

/** A percentage as the core writes it in sentences ("66,67"): both Excel and LibreOffice agree. */
export function pctText(num: string, den: string): string {
  return `IF(${den}>0,SUBSTITUTE(ROUND(${num}/${den}*100,2)&"",".",",")&"%","n/a")`;
}
