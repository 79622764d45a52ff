/**
 * A department's figure as the master shows it, on the working sheet (Tổng hợp) and on paper
 * (Phụ lục 3): its header with the unit of measure, and its number format.
 */
import type { ColumnSpec } from "../templates/spec";

/** "Hộ nghèo (hộ)": the header, with the unit of measure unless it is "%" (already in the header). */
export const figureHeader = (c: ColumnSpec): string =>
  c.header.vi + (c.unitOfMeasure && c.unitOfMeasure.vi !== "%" ? ` (${c.unitOfMeasure.vi})` : "");

/** "0/19" for a count of criteria met, two decimals for rates and numbers, thousands for counts. */
export function figureNumFmt(c: ColumnSpec): string | undefined {
  if (c.computed?.kind === "countEquals") return `0"/${c.computed.keys.length}"`;
  if (c.type === "percent" || c.type === "number") return "0.00";
  if (c.type === "int") return "#,##0";
  return undefined;
}

/**
 * A number format for paper in Vietnamese: the locale tag [$-42A] (vi-VN) makes LibreOffice print
 * a decimal comma and a thousands dot ("88,50", "1.234") whatever its own locale; Excel keeps
 * taking its separators from Windows' regional settings (a comma on a Vietnamese system). The
 * cell stays a number.
 */
export const printedNumFmt = (fmt: string): string => `[$-42A]${fmt}`;

/** Section numbers of the printed documents. */
export const ROMAN = [
  "I",
  "II",
  "III",
  "IV",
  "V",
  "VI",
  "VII",
  "VIII",
  "IX",
  "X",
  "XI",
  "XII",
  "XIII",
  "XIV",
  "XV",
  "XVI",
];
