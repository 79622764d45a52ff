/**
 * Pure conversions between the core's cells and what Office.js sends and returns. No Office.js
 * here, so every rule is unit-testable.
 */
import type { Cell } from "../../core/sheet/model";
import type { RawCell } from "../../core/validate/types";

/**
 * Excel parses strings written through `Range.values`/`formulas` as if typed: "012" becomes 12,
 * "2019-11-20" a date, "=x" a formula, "TRUE" a boolean. Text that Excel could reinterpret gets a
 * leading apostrophe, which Excel stores as "this is text" (the apostrophe is not part of the value).
 */
export function needsTextGuard(s: string): boolean {
  if (s === "") return false;
  const t = s.trimStart();
  if (t === "") return false;
  if (/^[0-9+\-=.'(@#$€₫]/.test(t)) return true;
  if (/^(true|false)$/i.test(t.trim())) return true;
  // English month names followed by a number ("Mar 2019") are read as dates.
  if (/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i.test(t)) return true;
  return false;
}

/** One model cell → one entry of a `Range.formulas` array (null = leave the cell unchanged). */
export function encodeCell(c: Cell | undefined): string | number | boolean | null {
  if (c === null || c === undefined) return null;
  if (typeof c === "object") {
    const f = c.formula.trim();
    return f.startsWith("=") ? f : `=${f}`;
  }
  if (typeof c === "string") return needsTextGuard(c) ? `'${c}` : c;
  if (typeof c === "number" && !Number.isFinite(c)) return null;
  return c;
}

/** Removes quoted literals, escapes and [..] sections so format codes can be inspected. */
function formatCodes(numberFormat: string): string {
  return numberFormat
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
}

export function isPercentFormat(numberFormat: string | null | undefined): boolean {
  return !!numberFormat && formatCodes(numberFormat).includes("%");
}

export function isDateFormat(numberFormat: string | null | undefined): boolean {
  if (!numberFormat || /^general$/i.test(numberFormat) || numberFormat === "@") return false;
  // Only the first section (positive numbers) decides.
  const first = formatCodes(numberFormat).split(";")[0] ?? "";
  return /[dmyhs]/i.test(first) && !/[0#?]/.test(first.replace(/[hs]+[:.]?0+/gi, ""));
}

/** Excel serial date (1900 system) → a Date at that UTC instant, as ExcelJS returns dates. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
];

/**
 * One cell as read through Office.js (`values`, `numberFormat`, `valueTypes`) → the core's RawCell.
 * valueTypes tells an error value from text that merely looks like one.
 */
export function toRawCell(
  value: unknown,
  numberFormat: string | null | undefined,
  valueType: string | null | undefined
): RawCell {
  if (valueType === "Empty" || value === "" || value === null || value === undefined) return null;
  if (valueType === "Error") return { error: String(value) };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { error: "#NUM!" };
    if (isPercentFormat(numberFormat)) return { percentFraction: value };
    if (isDateFormat(numberFormat)) return serialToDate(value);
    return value;
  }
  if (typeof value === "boolean") return value;
  const s = String(value);
  // Without valueTypes (older callers), an exact error code is taken as an error.
  if (valueType === undefined && EXCEL_ERRORS.includes(s)) return { error: s };
  return s;
}

/** UTF-8 size of a JSON value: what the request to Excel will weigh. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? "null";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
