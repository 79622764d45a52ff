/**
 * What the task pane needs from the open workbook. The Office.js adapter (src/adapters/officejs)
 * implements it inside Excel; tests and the browser end-to-end run use the same adapter against an
 * in-memory fake of the Excel object model. The task pane never touches Office.js directly.
 */
import type { PrintLayout, WorkbookModel } from "../core/sheet/model";
import type { WorkbookGrids } from "../core/submission/types";
import type { ValidationIssue } from "../core/validate/types";

export interface RequirementCheck {
  ok: boolean;
  /** Requirement sets this Excel lacks, e.g. ["ExcelApi 1.9"]. */
  missing: string[];
}

export interface WriteReport {
  /** context.sync() calls the write took (must not grow with the number of rows). */
  syncs: number;
  sheets: string[];
}

export interface CellChange {
  sheet: string;
  /** A1 address of the changed range, e.g. "F7:H9". */
  address: string;
}

/**
 * Something that changed what the pane may say about the workbook: a sheet added (by anyone, the
 * pane included), another sheet activated, a sheet deleted, cells edited by the user, or (browser
 * mode) another workbook opened.
 */
export type WorkbookEvent =
  | { kind: "added"; sheet: string }
  | { kind: "activated"; sheet: string }
  | { kind: "deleted"; sheet: string }
  | { kind: "changed"; sheet: string; address: string }
  | { kind: "reloaded" };

export interface WorkbookPort {
  checkRequirements(): RequirementCheck;
  /** Add (or replace) the model's sheets in the open workbook: values, formulas, formats, validation, protection, print setup. */
  writeModel(
    model: WorkbookModel,
    opts?: {
      replaceExisting?: boolean;
      /** Write the model's cells into existing sheets, keeping the rest of them (see the adapter). */
      updateExisting?: boolean;
      activate?: string;
    }
  ): Promise<WriteReport>;
  /** Read the used range of every sheet (including hidden `_meta`) as raw cells. */
  readGrids(opts?: { sheets?: string[] }): Promise<WorkbookGrids>;
  /** Mark invalid cells (fill colour + a note with the message) and clear earlier marks on that sheet. */
  markIssues(sheet: string, issues: ValidationIssue[]): Promise<void>;
  /** Select a cell and bring it into view. */
  goTo(sheet: string, address: string): Promise<void>;
  /** Apply a print layout to an existing sheet. */
  applyPrintLayout(sheet: string, layout: PrintLayout): Promise<void>;
  /** Listen for user edits (never fired by the adapter's own writes); returns an unsubscribe function. */
  onUserChange(handler: (change: CellChange) => void): Promise<() => Promise<void>>;
  /**
   * Listen for sheets added, activated or deleted (whoever did it) and cells changed by the user,
   * so what each part says stays true; returns an unsubscribe function.
   */
  onWorkbookEvent(handler: (event: WorkbookEvent) => void): Promise<() => Promise<void>>;
  /** Names of the sheets in the open workbook. */
  sheetNames(): Promise<string[]>;
  /**
   * The pane's own record of its work, kept inside the open workbook (private to the add-in), so a
   * pane reloaded by a ribbon button finds it. A write to the document: call it only together
   * with another write (it costs the user's undo stack on most Excel builds).
   */
  saveState(key: string, value: unknown): Promise<void>;
  /** The record saved under `key` in this workbook, or null. */
  loadState(key: string): Promise<unknown>;
}
