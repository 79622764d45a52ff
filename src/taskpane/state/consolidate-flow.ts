/** Tổng hợp: read the returned files, consolidate them, write the master, keep what the pane showed. */
import type { LocalizedText } from "../../core/i18n";
import type { PeriodSettings } from "../../core/settings/types";
import type { TemplateSpec } from "../../core/templates/spec";
import { isEmptyRow } from "../../core/consolidate/consolidate";
import type { RefusedFile, Submission, WorkbookGrids } from "../../core/submission/types";
import type { WriteReport } from "../../ports/workbook-port";
import { STRINGS, both } from "../i18n/strings";
import { PaneError, describeError } from "./pane-error";
import { PERIOD_STATE } from "./period-flow";
import type { PaneSession } from "./session";
import { cancelledStatus, fileStatusOf, refusedStatus } from "./file-status";
import type {
  ConsolidateOptions,
  Consolidated,
  ConsolidationView,
  ReadFilesOptions,
} from "./services";

/**
 * A returned file's status, decided once as soon as it is read: "refused" (unreadable, no template,
 * another year's template), "empty" ("trống": a template returned with no figure typed), "taken".
 * Consolidating may still leave a taken file out (the error policy): fileOutcomes() says so on the
 * same line, so a file is never "đã nhận" in one place and "bị từ chối" in another.
 */
export type FileState = "reading" | "taken" | "refused" | "empty";

export interface FileStatus {
  name: string;
  state: FileState;
  /** Why it was refused, or what was taken ("2 trang"). */
  message?: LocalizedText;
  submissions: Submission[];
  refused?: RefusedFile;
}

/** A file picked or dropped in the pane; bytes are read only when needed. */
export interface PickedFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

/**
 * What the Tổng hợp part showed when it wrote the master, kept in the workbook (port.saveState):
 * a ribbon button reloads the pane, and the reloaded pane shows it again. The picked files'
 * bytes are not kept (they may be many megabytes): to consolidate again, pick them again.
 */
export interface SavedConsolidation {
  /** ISO time the master was written. */
  savedAt: string;
  files: { name: string; state: FileState; message?: LocalizedText }[];
  view: ConsolidationView;
}

export const CONSOLIDATION_STATE = "consolidation";
/** Lists are cut to this many lines in the saved record (workbook settings stay small). */
const SAVED_LIST_MAX = 300;

function isSavedConsolidation(v: unknown): v is SavedConsolidation {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Partial<SavedConsolidation>;
  return (
    typeof r.savedAt === "string" &&
    Array.isArray(r.files) &&
    typeof r.view === "object" &&
    r.view !== null &&
    Array.isArray(r.view.taken) &&
    Array.isArray(r.view.refused) &&
    Array.isArray(r.view.missing)
  );
}

/**
 * The status of a read file's template sheets for the period: another year's template is refused
 * (as consolidating would), a template with no figure typed is "trống", otherwise taken. Pure, so
 * a changed period re-decides every file the same way; runs on the main thread after the reader
 * (in the worker or not) has made its FileStatus.
 */
export function decideStatus(
  name: string,
  submissions: Submission[],
  period: number,
  templates: readonly TemplateSpec[]
): FileStatus {
  const otherYear = submissions.find((s) => s.period !== null && s.period !== period);
  if (otherYear) {
    return {
      ...refusedStatus(name, {
        file: name,
        reason: "wrong-period",
        message: both("fileOtherYear", { file: name, year: otherYear.period ?? "?", period }),
      }),
      submissions,
    };
  }
  const empty = submissions.every((s) => {
    const spec = templates.find((t) => t.id === s.templateId);
    return spec !== undefined && s.validation.rows.every((r) => isEmptyRow(spec, r));
  });
  const sheets = submissions.map((s) => s.sheet).join(", ");
  if (empty) return { name, state: "empty", submissions, message: both("fileEmpty", { sheets }) };
  const errors = submissions.reduce(
    (n, s) => n + s.validation.issues.filter((i) => i.severity === "error").length,
    0
  );
  return {
    name,
    state: "taken",
    submissions,
    message: errors
      ? both("fileTakenWithErrors", { sheets, errors })
      : both("fileTakenSheets", { sheets }),
  };
}

/** A status from the reader, decided for the period (taken ones may turn refused or empty). */
function decided(session: PaneSession, status: FileStatus, settings: PeriodSettings): FileStatus {
  if (status.state !== "taken") return status;
  return decideStatus(
    status.name,
    status.submissions,
    settings.period,
    session.services.templates(settings)
  );
}

/** The files' statuses for another period (its year changed after they were read). */
export function redecide(
  session: PaneSession,
  files: FileStatus[],
  settings: PeriodSettings
): FileStatus[] {
  const templates = session.services.templates(settings);
  return files.map((f) =>
    f.state === "reading" || (f.state === "refused" && f.refused?.reason !== "wrong-period")
      ? f
      : decideStatus(f.name, f.submissions, settings.period, templates)
  );
}

/** Reads one returned file: grids with the lazily loaded reader, then the template sheets in it. */
export async function readFile(
  session: PaneSession,
  file: PickedFile,
  settings: PeriodSettings = session.services.defaultSettings()
): Promise<FileStatus> {
  try {
    const xlsx = await session.services.loadXlsx();
    const bytes = await file.bytes();
    const read = await xlsx.read(bytes, file.name);
    const status = fileStatusOf(file.name, read, (grids) =>
      session.services.readSubmissions(grids, session.register)
    );
    return decided(session, status, settings);
  } catch (err) {
    return refusedStatus(file.name, {
      file: file.name,
      reason: "read-failed",
      message: describeError(err, STRINGS.actionReadFile),
    });
  }
}

/**
 * Reads files one after the other (memory stays flat), reporting each status as it changes and
 * `onProgress(fileIndex, total, name)` as each file starts. With the pane's worker
 * (services.submissions) the reading runs off the main thread. After `signal` aborts, the files
 * not read yet are reported as cancelled. Each status is decided for `options.settings`.
 */
export async function readFiles(
  session: PaneSession,
  files: PickedFile[],
  onStatus: (index: number, status: FileStatus) => void,
  options: ReadFilesOptions & { settings?: PeriodSettings } = {}
): Promise<FileStatus[]> {
  const { settings = session.services.defaultSettings(), ...rest } = options;
  const offThread = session.services.submissions;
  if (offThread) {
    const read = await offThread.readFiles(files, session.register, {
      ...rest,
      onStatus: (index, status) => onStatus(index, decided(session, status, settings)),
    });
    return read.map((s) => decided(session, s, settings));
  }
  const out: FileStatus[] = [];
  for (const [index, file] of files.entries()) {
    if (rest.signal?.aborted) {
      const status = cancelledStatus(file.name);
      out.push(status);
      onStatus(index, status);
      continue;
    }
    rest.onProgress?.(index, files.length, file.name);
    onStatus(index, { name: file.name, state: "reading", submissions: [] });
    const status = await readFile(session, file, settings);
    out.push(status);
    onStatus(index, status);
  }
  return out;
}

/** One line per file after consolidating: its final state and why (never two states for one file). */
export interface FileOutcome {
  name: string;
  state: FileState;
  message?: LocalizedText;
  /** Rows taken from it (taken files, after consolidating). */
  rows?: number;
}

/**
 * Each file once, with what consolidating did to it: a taken file that the consolidation left
 * out entirely (error policy) becomes refused with that reason; one it took shows its rows.
 */
export function fileOutcomes(files: FileStatus[], view: ConsolidationView | null): FileOutcome[] {
  return files.map((f) => {
    const base: FileOutcome = {
      name: f.name,
      state: f.state,
      ...(f.message ? { message: f.message } : {}),
    };
    if (!view || f.state !== "taken") return base;
    const taken = view.taken.filter((t) => t.file === f.name);
    if (taken.length === 0) {
      const left = view.refused.find((r) => r.file === f.name);
      return { name: f.name, state: "refused", message: left?.message ?? f.message };
    }
    return { ...base, rows: taken.reduce((n, t) => n + t.rows, 0) };
  });
}

function consolidationInput(files: FileStatus[]) {
  // An empty file (nothing typed) is not a submission: the unit or department has not submitted.
  const submissions = files.flatMap((f) => (f.state === "taken" ? f.submissions : []));
  const refused = files.flatMap((f) => (f.refused ? [f.refused] : []));
  if (submissions.length === 0) throw new PaneError(both("nothingToConsolidate"));
  return { submissions, refused };
}

function remember(session: PaneSession, consolidated: Consolidated, files: FileStatus[]): void {
  session.lastConsolidated = consolidated;
  // Kept as the pane shows them: each file once, with what consolidating did to it.
  session.lastFiles = fileOutcomes(files, consolidated.view).map((f) => ({
    name: f.name,
    state: f.state,
    ...(f.message ? { message: f.message } : {}),
  }));
}

export function consolidate(
  session: PaneSession,
  files: FileStatus[],
  settings: PeriodSettings,
  options: ConsolidateOptions = {}
): Consolidated {
  const { submissions, refused } = consolidationInput(files);
  const consolidated = session.services.consolidate(
    submissions,
    refused,
    settings,
    session.register,
    options
  );
  remember(session, consolidated, files);
  return consolidated;
}

/**
 * consolidate(), off the main thread when the pane has its worker (services.submissions): what
 * the Tổng hợp part calls. `signal` cancels (the promise rejects with a PaneError).
 */
export async function consolidateFiles(
  session: PaneSession,
  files: FileStatus[],
  settings: PeriodSettings,
  options: ConsolidateOptions = {},
  signal?: AbortSignal
): Promise<Consolidated> {
  const offThread = session.services.submissions;
  if (!offThread) return consolidate(session, files, settings, options);
  const { submissions, refused } = consolidationInput(files);
  const consolidated = await offThread.consolidate(
    { submissions, refused, settings, register: session.register, options },
    signal
  );
  remember(session, consolidated, files);
  return consolidated;
}

/** Writes the master sheets, keeping manual columns of an earlier master found in the workbook. */
export async function writeMasterModel(
  session: PaneSession,
  consolidated: Consolidated,
  settings: PeriodSettings
) {
  const { port, services } = session;
  const masterNames = services.masterSheetNames(settings);
  const present = (await port.sheetNames()).filter((n) => masterNames.includes(n));
  const existing: WorkbookGrids | null = present.length
    ? await port.readGrids({ sheets: present })
    : null;
  // Built in the pane's worker when there is one: the main thread only talks to Excel.
  const model = services.submissions
    ? await services.submissions.buildMaster({
        consolidated,
        existing,
        settings,
        register: session.register,
      })
    : services.buildMaster(consolidated, existing, settings, session.register);
  const report: WriteReport = await port.writeModel(model, {
    replaceExisting: true,
    activate: model.sheets[0]?.name,
  });
  session.lastCheck = null;
  session.lastConsolidated = consolidated;
  for (const sheet of report.sheets) session.notify({ kind: "added", sheet });
  // Kept with the master (the write above already cost the undo stack): a reloaded pane shows it.
  await port.saveState(CONSOLIDATION_STATE, savedRecord(session, consolidated)).catch(() => {
    /* the master is written; only the pane's record is missing */
  });
  // The period the master was written with is the workbook's period from now on.
  await port.saveState(PERIOD_STATE, settings).catch(() => {
    /* _meta_master records it too */
  });
  return { model, report };
}

function savedRecord(session: PaneSession, consolidated: Consolidated): SavedConsolidation {
  const cut = <T>(list: T[]) => list.slice(0, SAVED_LIST_MAX);
  const v = consolidated.view;
  return {
    savedAt: new Date().toISOString(),
    files: cut(session.lastFiles),
    view: {
      taken: cut(v.taken),
      refused: cut(v.refused),
      conflicts: cut(v.conflicts),
      excludedRows: cut(v.excludedRows),
      missing: cut(v.missing),
      issueCount: v.issueCount,
    },
  };
}

/** The consolidation this workbook's master was written from, as the pane showed it; null if none. */
export async function savedConsolidation(session: PaneSession): Promise<SavedConsolidation | null> {
  try {
    const v = await session.port.loadState(CONSOLIDATION_STATE);
    return isSavedConsolidation(v) ? v : null;
  } catch {
    return null;
  }
}

/** Reads a browser File (or Blob) as bytes; falls back to FileReader where Blob.arrayBuffer is missing. */
export function pickedFromBlob(file: { name: string } & Blob): PickedFile {
  return {
    name: file.name,
    async bytes() {
      if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
      return new Promise<Uint8Array>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
        reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
        reader.readAsArrayBuffer(file);
      });
    },
  };
}
