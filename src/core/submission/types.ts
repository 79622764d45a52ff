/**
 * A returned workbook as the core sees it, independent of how it was read (ExcelJS from a file,
 * Office.js from the open workbook).
 */
import type { LocalizedText } from "../i18n";
import type { RawCell, SheetLayout, ValidationIssue, ValidationResult } from "../validate/types";

/** One worksheet's used range as raw cells: rows[0] is sheet row 1, rows[r][0] is column A. */
export interface SheetGrid {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  rows: RawCell[][];
  /** Set by a reader that stopped early: rows after this one were not read. */
  truncatedAfterRow?: number;
  /** Cells covered by a merge (address → the merge's top-left address), when the reader knows. */
  mergedInto?: Record<string, string>;
}

/** What an adapter hands the core for one workbook. */
export interface WorkbookGrids {
  /** File name (or "Sổ làm việc hiện tại" for the open workbook), used in every message. */
  source: string;
  sheets: SheetGrid[];
  /** Last-modified time recorded in the workbook's properties, ISO, when known. */
  modifiedAt?: string | null;
}

/** The `_meta` sheet's content (key/value rows). */
export interface TemplateMeta {
  templateId: string;
  templateVersion: number;
  period: number;
  department: string;
  generatedAt: string; // ISO
  /** Column letter per column key in the template sheet. */
  columns: Record<string, string>;
  /** Name of the template sheet. */
  sheet: string;
  firstDataRow: number;
  /** Register id the unit rows came from. */
  registerId?: string;
  /**
   * Codes of the only units the template lists (a unit's own report: one TCCS's 3.14); absent when
   * it lists every unit of its row set. Rows of other units are then not expected in the file.
   */
  units?: string[];
}

/** One template sheet found in a workbook, read and validated. */
export interface Submission {
  file: string;
  sheet: string;
  templateId: string;
  templateVersion: number;
  period: number | null;
  /** From `_meta` (or the workbook's modified time) — used to decide which of two submissions is newer. */
  generatedAt: string | null;
  modifiedAt: string | null;
  recognizedBy: "meta" | "header";
  layout: SheetLayout;
  /** Validated rows and every issue (row-level and sheet-level). */
  validation: ValidationResult;
}

/** A workbook that could not be read at all (not .xlsx, encrypted, truncated, zip bomb, unknown template…). */
export interface RefusedFile {
  file: string;
  reason: string; // machine code, e.g. "not-xlsx", "encrypted", "too-large", "unknown-template"
  message: LocalizedText;
}

export type ReadOutcome =
  | { ok: true; submissions: Submission[]; issues: ValidationIssue[] }
  | { ok: false; refused: RefusedFile };
