/** Kiểm tra: read the open workbook, validate its template sheets, group what was found, live checking. */
import type { LocalizedText } from "../../core/i18n";
import type { ReadOutcome } from "../../core/submission/types";
import type { Severity } from "../../core/templates/spec";
import type { ValidationIssue } from "../../core/validate/types";
import type { CellChange } from "../../ports/workbook-port";
import { META_SHEET } from "../../core/template-sheet/meta";
import type { TemplateSpec } from "../../core/templates/spec";
import { isEmptyRow } from "../../core/consolidate/consolidate";
import { STRINGS, both } from "../i18n/strings";
import { describeError } from "./pane-error";
import type { PaneSession } from "./session";

export interface IssueEntry {
  /** Sheet the issue belongs to ("" for workbook-level issues). */
  sheet: string;
  issue: ValidationIssue;
  /** Other rules the same wrong cell breaks: shown under it, not counted as more issues. */
  related?: ValidationIssue[];
}

export interface IssueRowGroup {
  /** 0 = issues about the whole sheet. */
  row: number;
  sheet: string;
  entries: IssueEntry[];
}

export interface IssueSeverityGroup {
  severity: Severity;
  count: number;
  rows: IssueRowGroup[];
}

/** Groups issues by severity (errors first) then by sheet and row (sheet-level first, then row order). */
export function groupIssues(entries: IssueEntry[]): IssueSeverityGroup[] {
  const order: Severity[] = ["error", "warning"];
  const result: IssueSeverityGroup[] = [];
  for (const severity of order) {
    const ofSeverity = entries.filter((e) => e.issue.severity === severity);
    if (ofSeverity.length === 0) continue;
    const rows = new Map<string, IssueRowGroup>();
    for (const entry of ofSeverity) {
      const key = `${entry.sheet}\u0000${entry.issue.row}`;
      let group = rows.get(key);
      if (!group) {
        group = { row: entry.issue.row, sheet: entry.sheet, entries: [] };
        rows.set(key, group);
      }
      group.entries.push(entry);
    }
    const sorted = [...rows.values()].sort(
      (a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row
    );
    result.push({ severity, count: ofSeverity.length, rows: sorted });
  }
  return result;
}

export type CheckView =
  | { kind: "no-template"; message: LocalizedText }
  | {
      kind: "checked";
      sheets: string[];
      entries: IssueEntry[];
      groups: IssueSeverityGroup[];
      errors: number;
      warnings: number;
      /** Rows of the template nobody has typed into yet (their issues are not listed one by one). */
      untouchedRows: number;
      checkedAt: Date;
    };

/** Where a click on an issue goes: its cell, else column A of its row, else nothing. */
export function issueTarget(entry: IssueEntry): { sheet: string; address: string } | null {
  if (!entry.sheet) return null;
  if (entry.issue.cell) return { sheet: entry.sheet, address: entry.issue.cell };
  if (entry.issue.row > 0) return { sheet: entry.sheet, address: `A${entry.issue.row}` };
  return null;
}

const NO_TEMPLATE: LocalizedText = both("noTemplate");

/**
 * Reads the open workbook and validates every template sheet in it. Reading writes nothing, so the
 * official's undo stack (Ctrl+Z) stays intact; the template's own conditional formats colour
 * invalid cells. Only with `mark` (the "Đánh dấu ô lỗi" button) are fills and notes written,
 * which on most Excel builds empties the undo stack: never from live checking.
 */
export async function checkWorkbook(
  session: PaneSession,
  opts: { onlyKnownSheets?: boolean; mark?: boolean } = {}
): Promise<CheckView> {
  const last = session.lastCheck;
  // Live re-checks read only the template sheets found last time (and _meta), not a whole master.
  const known = opts.onlyKnownSheets && last?.kind === "checked" ? last.sheets : null;
  const grids = await session.port.readGrids(
    known ? { sheets: [...known, META_SHEET] } : undefined
  );
  const outcome = session.services.readSubmissions(grids, session.register);
  const view = checkOutcome(outcome, session.services.templates());
  if (view.kind === "checked" && opts.mark) {
    // Mark the invalid cells of each template sheet (the port clears that sheet's earlier marks).
    for (const submission of outcome.ok ? outcome.submissions : []) {
      await session.port.markIssues(submission.sheet, submission.validation.issues);
    }
  }
  session.lastCheck = view;
  return view;
}

/**
 * One wrong value is one issue: the issues of one cell become the most severe one, with the other
 * rules it breaks as `related` (in the order found). Issues without a cell stay as they are.
 */
export function mergeByCell(entries: IssueEntry[]): IssueEntry[] {
  const out: IssueEntry[] = [];
  const byCell = new Map<string, IssueEntry>();
  for (const entry of entries) {
    const cell = entry.issue.cell;
    if (!cell) {
      out.push(entry);
      continue;
    }
    const key = `${entry.sheet}\u0000${cell}`;
    const first = byCell.get(key);
    if (!first) {
      const copy = { ...entry, related: [] as ValidationIssue[] };
      byCell.set(key, copy);
      out.push(copy);
    } else if (entry.issue.severity === "error" && first.issue.severity !== "error") {
      first.related = [first.issue, ...(first.related ?? [])];
      first.issue = entry.issue;
    } else {
      first.related!.push(entry.issue);
    }
  }
  return out.map((e) =>
    e.related && e.related.length === 0 ? { sheet: e.sheet, issue: e.issue } : e
  );
}

function checkOutcome(outcome: ReadOutcome, templates: readonly TemplateSpec[]): CheckView {
  if (!outcome.ok) {
    const unknown =
      outcome.refused.reason === "unknown-template" || outcome.refused.reason === "no-template";
    return { kind: "no-template", message: unknown ? NO_TEMPLATE : outcome.refused.message };
  }
  if (outcome.submissions.length === 0) return { kind: "no-template", message: NO_TEMPLATE };

  const raw: IssueEntry[] = outcome.issues.map((issue) => ({ sheet: "", issue }));
  let untouchedRows = 0;
  for (const submission of outcome.submissions) {
    // Rows nobody typed into yet are one line ("12 dòng chưa nhập"), not a warning per cell.
    const spec = templates.find((t) => t.id === submission.templateId);
    // A value typed wrong is not kept among the row's values, so a row with an error other than
    // "required" has been touched even when its values look empty.
    const touched = new Set(
      submission.validation.issues
        .filter((i) => i.severity === "error" && i.rule !== "required")
        .map((i) => i.row)
    );
    const untouched = new Set(
      spec
        ? submission.validation.rows
            .filter((r) => !touched.has(r.rowNumber) && isEmptyRow(spec, r))
            .map((r) => r.rowNumber)
        : []
    );
    untouchedRows += untouched.size;
    for (const issue of submission.validation.issues)
      if (!untouched.has(issue.row)) raw.push({ sheet: submission.sheet, issue });
  }
  const entries = mergeByCell(raw);
  return {
    kind: "checked",
    sheets: outcome.submissions.map((s) => s.sheet),
    entries,
    groups: groupIssues(entries),
    errors: entries.filter((e) => e.issue.severity === "error").length,
    warnings: entries.filter((e) => e.issue.severity === "warning").length,
    untouchedRows,
    checkedAt: new Date(),
  };
}

export async function goTo(session: PaneSession, entry: IssueEntry): Promise<void> {
  const target = issueTarget(entry);
  if (target) await session.port.goTo(target.sheet, target.address);
}

/**
 * Re-checks the workbook after the user edits it, debounced: a burst of edits (typing, a paste)
 * gives one check. Checks never overlap; an edit during a check schedules one more. Live checks
 * only read and list: writing marks after every edit would cost the official their undo.
 */
export async function startLiveCheck(
  session: PaneSession,
  debounceMs: number,
  onResult: (view: CheckView) => void,
  onError: (message: LocalizedText) => void
): Promise<() => Promise<void>> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  let stopped = false;

  const run = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      onResult(await checkWorkbook(session, { onlyKnownSheets: true }));
    } catch (err) {
      onError(describeError(err, STRINGS.actionLiveCheck));
    } finally {
      running = false;
    }
    if (again && !stopped) {
      again = false;
      await run();
    }
  };

  const handler = (change: CellChange): void => {
    if (stopped) return;
    const last = session.lastCheck;
    // Once a check has found the template sheets, edits elsewhere (e.g. in the master) need no re-check.
    if (last?.kind === "checked" && !last.sheets.includes(change.sheet)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, debounceMs);
  };

  const unsubscribe = await session.port.onUserChange(handler);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await unsubscribe();
  };
}
