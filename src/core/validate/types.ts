import type { LocalizedText } from "../i18n";
import type { Severity } from "../templates/spec";

/**
 * A raw cell value as a reader hands it over, before normalisation: what a person typed or what a
 * formula cached. Readers (Office.js, ExcelJS) convert their own cell objects to this.
 */
export type RawCell =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  /** An Excel error value such as "#REF!", "#DIV/0!". */
  | { error: string }
  /** A number from a cell whose number format is a percentage (Excel stores 12,5 % as 0.125). */
  | { percentFraction: number };

/** One sheet row as read: the sheet row number and the raw cell per column key. */
export interface RawRow {
  /** 1-based row number in the sheet (for cell addresses). */
  rowNumber: number;
  cells: Record<string, RawCell>;
}

/** A normalised value: number (int/number/percent/year), enum code or text (string), boolean, or null (empty). */
export type Value = number | string | boolean | null;

export interface ValidRow {
  rowNumber: number;
  /** Register code of the row's unit (null for rows whose unit could not be matched). */
  unitCode: string | null;
  values: Record<string, Value>;
}

export interface ValidationIssue {
  severity: Severity;
  /** Rule id ("required", "int", "min", "enum", "unit.unknown", or a spec rule id). */
  rule: string;
  /** 1-based sheet row; 0 for file/sheet-level issues. */
  row: number;
  /** Column key, or null for row-level or file-level issues. */
  column: string | null;
  /** A1 address, e.g. "D7"; null when it has none. */
  cell: string | null;
  /** Register code of the row's unit when known. */
  unitCode?: string | null;
  message: LocalizedText;
}

/** Where columns sit in a sheet: the reader fills it from `_meta` or the header row. */
export interface SheetLayout {
  /** Column letter per key, e.g. { unitName: "B", diemCchc: "F" }. */
  columnLetters: Record<string, string>;
  firstDataRow: number;
}

export interface ValidationResult {
  rows: ValidRow[];
  issues: ValidationIssue[];
}
