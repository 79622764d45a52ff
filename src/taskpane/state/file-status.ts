/**
 * One returned file's status in the Tổng hợp part, from what the reader and the core made of it.
 * Pure: the same function runs in the pane's worker and, without a worker, in the pane itself.
 */
import type { ReadOutcome, RefusedFile, WorkbookGrids } from "../../core/submission/types";
import { both } from "../i18n/strings";
import type { FileStatus } from "./consolidate-flow";

export function refusedStatus(name: string, refused: RefusedFile): FileStatus {
  return { name, state: "refused", refused, message: refused.message, submissions: [] };
}

/** The reader's result for a file, then the template sheets the core found in it. */
export function fileStatusOf(
  name: string,
  read: { ok: true; grids: WorkbookGrids } | { ok: false; refused: RefusedFile },
  readSubmissions: (grids: WorkbookGrids) => ReadOutcome
): FileStatus {
  if (!read.ok) return refusedStatus(name, read.refused);
  const outcome = readSubmissions(read.grids);
  if (!outcome.ok) return refusedStatus(name, outcome.refused);
  if (outcome.submissions.length === 0) {
    return refusedStatus(name, {
      file: name,
      reason: "unknown-template",
      message: both("fileHoldsNoTemplate", { file: name }),
    });
  }
  const sheets = outcome.submissions.map((s) => s.sheet).join(", ");
  const errors = outcome.submissions.reduce(
    (n, s) => n + s.validation.issues.filter((i) => i.severity === "error").length,
    0
  );
  return {
    name,
    state: "taken",
    submissions: outcome.submissions,
    message: errors
      ? both("fileTakenWithErrors", { sheets, errors })
      : both("fileTakenSheets", { sheets }),
  };
}

/** A file not read because the official cancelled: shown as left out, to pick again. */
export function cancelledStatus(name: string): FileStatus {
  return refusedStatus(name, {
    file: name,
    reason: "cancelled",
    message: both("fileCancelled", { file: name }),
  });
}
