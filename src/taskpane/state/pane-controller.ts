/**
 * The task pane's logic without React: it drives the WorkbookPort and the core services for each
 * part (templates, check, consolidate, print). Components call it and render what it returns, so
 * the flows are unit-testable with a fake port.
 */
import type { LocalizedText } from "../../core/i18n";
import type { PeriodSettings } from "../../core/settings/types";
import type {
  ReadOutcome,
  RefusedFile,
  Submission,
  WorkbookGrids,
} from "../../core/submission/types";
import type { Severity, TemplateSpec } from "../../core/templates/spec";
import type { UnitRegister } from "../../core/units/types";
import type { ValidationIssue } from "../../core/validate/types";
import type {
  CellChange,
  RequirementCheck,
  WorkbookPort,
  WriteReport,
} from "../../ports/workbook-port";
import { META_SHEET, parseMeta } from "../../core/template-sheet/meta";
import { both, text } from "../i18n/strings";
import type {
  ConsolidateOptions,
  Consolidated,
  ConsolidationView,
  PaneServices,
  PrintTarget,
} from "./services";

/** What the In part did. */
export interface PrintResult {
  /** Sheets given the print layout. */
  sheets: string[];
  /** True when the whole master was rewritten (consolidated in this session). */
  rewritten: boolean;
  /** Sheets whose heading and signature now show the settings. */
  headingUpdated: string[];
  /** Why some sheets' heading and signature were left as they were. */
  headingSkipped: LocalizedText[];
}

/** An error with a message people can read, in both languages. */
export class PaneError extends Error {
  constructor(
    readonly text: LocalizedText,
    options?: { cause?: unknown }
  ) {
    super(text.en, options);
    this.name = "PaneError";
  }
}

function detailOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === "string" ? err : JSON.stringify(err);
}

/** Turns anything thrown into a bilingual message that says what failed. */
export function describeError(err: unknown, action: LocalizedText): LocalizedText {
  if (err instanceof PaneError) return err.text;
  const detail = detailOf(err);
  return {
    vi: text("vi", "failed", { action: action.vi, detail }),
    en: text("en", "failed", { action: action.en, detail }),
  };
}

// ---------------------------------------------------------------- templates

export interface TemplateGroup {
  department: LocalizedText;
  code: string;
  templates: TemplateSpec[];
}

/** Templates grouped by department, in catalogue order. */
export function groupTemplates(templates: TemplateSpec[]): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>();
  for (const spec of templates) {
    const code = spec.department.code;
    let group = groups.get(code);
    if (!group) {
      group = { department: spec.department.name, code, templates: [] };
      groups.set(code, group);
    }
    group.templates.push(spec);
  }
  return [...groups.values()];
}

export function isValidPeriod(period: number): boolean {
  return Number.isInteger(period) && period >= 1990 && period <= 2100;
}

// ---------------------------------------------------------------- check

export interface IssueEntry {
  /** Sheet the issue belongs to ("" for workbook-level issues). */
  sheet: string;
  issue: ValidationIssue;
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
      checkedAt: Date;
    };

/** Where a click on an issue goes: its cell, else column A of its row, else nothing. */
export function issueTarget(entry: IssueEntry): { sheet: string; address: string } | null {
  if (!entry.sheet) return null;
  if (entry.issue.cell) return { sheet: entry.sheet, address: entry.issue.cell };
  if (entry.issue.row > 0) return { sheet: entry.sheet, address: `A${entry.issue.row}` };
  return null;
}

// ---------------------------------------------------------------- consolidate

export type FileState = "reading" | "taken" | "refused";

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

const ACTION_READ_FILE: LocalizedText = { vi: "Đọc tệp", en: "Reading the file" };

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

// ---------------------------------------------------------------- controller

export interface ControllerOptions {
  /** Debounce for live checking, ms. */
  debounceMs?: number;
}

export class PaneController {
  private readonly debounceMs: number;
  private registerCache: UnitRegister | null = null;
  private lastConsolidated: Consolidated | null = null;
  private lastCheck: CheckView | null = null;
  private lastFiles: SavedConsolidation["files"] = [];

  constructor(
    readonly port: WorkbookPort,
    readonly services: PaneServices,
    options: ControllerOptions = {}
  ) {
    this.debounceMs = options.debounceMs ?? 500;
  }

  get register(): UnitRegister {
    this.registerCache ??= this.services.register();
    return this.registerCache;
  }

  checkRequirements(): RequirementCheck {
    return this.port.checkRequirements();
  }

  // ---- Mẫu biểu

  templateGroups(): TemplateGroup[] {
    return groupTemplates(this.services.templates());
  }

  findTemplate(id: string): TemplateSpec {
    const spec = this.services.templates().find((s) => s.id === id);
    if (!spec) {
      throw new PaneError({
        vi: `Không tìm thấy mẫu biểu “${id}”.`,
        en: `Template “${id}” not found.`,
      });
    }
    return spec;
  }

  settingsFor(period: number, base?: PeriodSettings): PeriodSettings {
    if (!isValidPeriod(period)) {
      throw new PaneError({
        vi: `Năm “${period}” không hợp lệ. Hãy nhập một năm từ 1990 đến 2100.`,
        en: `Year “${period}” is not valid. Enter a year from 1990 to 2100.`,
      });
    }
    return { ...(base ?? this.services.defaultSettings()), period };
  }

  /** Builds the template and writes it into the open workbook (replacing an earlier copy). */
  async insertTemplate(
    templateId: string,
    period: number
  ): Promise<{ spec: TemplateSpec; report: WriteReport }> {
    const spec = this.findTemplate(templateId);
    const settings = this.settingsFor(period);
    await this.refuseIfTemplatePresent(spec);
    const model = this.services.buildTemplate(spec, this.register, settings);
    const report = await this.port.writeModel(model, {
      replaceExisting: true,
      activate: spec.sheetName,
    });
    this.lastCheck = null; // a new template sheet: live checking must look at every sheet again
    return { spec, report };
  }

  /**
   * One template per workbook: its `_meta` and `_lists` sheets identify the file when it comes
   * back, and re-inserting over a filled template would wipe what the official typed. So a
   * workbook that already holds a template is left untouched, with a message saying what to do.
   */
  private async refuseIfTemplatePresent(spec: TemplateSpec): Promise<void> {
    const grids = await this.port.readGrids({ sheets: [META_SHEET] });
    const metaGrid = grids.sheets.find((g) => g.name === META_SHEET);
    const parsed = metaGrid ? parseMeta(metaGrid) : null;
    if (!parsed?.ok) return;
    // The official deleted the template sheet: the stale hidden sheets may be replaced.
    if (!(await this.port.sheetNames()).includes(parsed.meta.sheet)) return;
    const present = this.services.templates().find((t) => t.id === parsed.meta.templateId);
    const name = present ? `${present.section} ${present.sheetName}` : parsed.meta.templateId;
    if (parsed.meta.templateId === spec.id) {
      throw new PaneError({
        vi: `Sổ làm việc này đã có mẫu “${name}” (trang “${parsed.meta.sheet}”). Chèn lại sẽ xóa số liệu đã nhập, nên XếpLoại không ghi đè. Muốn làm lại từ đầu, hãy xóa trang “${parsed.meta.sheet}” hoặc mở một sổ làm việc mới (Ctrl+N) rồi chèn mẫu.`,
        en: `This workbook already holds template “${name}” (sheet “${parsed.meta.sheet}”). Inserting it again would erase the data entered, so XếpLoại does not overwrite it. To start over, delete sheet “${parsed.meta.sheet}” or open a new workbook (Ctrl+N) and insert the template there.`,
      });
    }
    throw new PaneError({
      vi: `Sổ làm việc này đã có mẫu “${name}”. Mỗi mẫu biểu được gửi về trong một tệp riêng: hãy mở một sổ làm việc mới (Ctrl+N) rồi chèn mẫu “${spec.section} ${spec.sheetName}”.`,
      en: `This workbook already holds template “${name}”. Each template goes back in its own file: open a new workbook (Ctrl+N) and insert template “${spec.section} ${spec.sheetName}” there.`,
    });
  }

  /** Writes every template as an .xlsx and hands each to the browser as a download. */
  async downloadAllTemplates(
    period: number,
    onProgress?: (done: number, total: number) => void
  ): Promise<number> {
    const settings = this.settingsFor(period);
    const specs = this.services.templates();
    const xlsx = await this.services.loadXlsx();
    let done = 0;
    onProgress?.(done, specs.length);
    for (const spec of specs) {
      const bytes = await xlsx.write(this.services.buildTemplate(spec, this.register, settings));
      await this.services.download(this.services.templateFileName(spec, period), bytes);
      done += 1;
      onProgress?.(done, specs.length);
    }
    return done;
  }

  // ---- Kiểm tra

  /**
   * Reads the open workbook and validates every template sheet in it. Reading writes nothing, so the
   * official's undo stack (Ctrl+Z) stays intact; the template's own conditional formats colour
   * invalid cells. Only with `mark` (the "Đánh dấu ô lỗi" button) are fills and notes written,
   * which on most Excel builds empties the undo stack: never from live checking.
   */
  async checkWorkbook(
    opts: { onlyKnownSheets?: boolean; mark?: boolean } = {}
  ): Promise<CheckView> {
    // Live re-checks read only the template sheets found last time (and _meta), not a whole master.
    const known =
      opts.onlyKnownSheets && this.lastCheck?.kind === "checked" ? this.lastCheck.sheets : null;
    const grids = await this.port.readGrids(known ? { sheets: [...known, META_SHEET] } : undefined);
    const outcome = this.services.readSubmissions(grids, this.register);
    const view = this.checkOutcome(outcome);
    if (view.kind === "checked" && opts.mark) {
      // Mark the invalid cells of each template sheet (the port clears that sheet's earlier marks).
      for (const submission of outcome.ok ? outcome.submissions : []) {
        await this.port.markIssues(submission.sheet, submission.validation.issues);
      }
    }
    this.lastCheck = view;
    return view;
  }

  private checkOutcome(outcome: ReadOutcome): CheckView {
    if (!outcome.ok) {
      const unknown =
        outcome.refused.reason === "unknown-template" || outcome.refused.reason === "no-template";
      return { kind: "no-template", message: unknown ? NO_TEMPLATE : outcome.refused.message };
    }
    if (outcome.submissions.length === 0) return { kind: "no-template", message: NO_TEMPLATE };

    const entries: IssueEntry[] = outcome.issues.map((issue) => ({ sheet: "", issue }));
    for (const submission of outcome.submissions) {
      for (const issue of submission.validation.issues)
        entries.push({ sheet: submission.sheet, issue });
    }
    return {
      kind: "checked",
      sheets: outcome.submissions.map((s) => s.sheet),
      entries,
      groups: groupIssues(entries),
      errors: entries.filter((e) => e.issue.severity === "error").length,
      warnings: entries.filter((e) => e.issue.severity === "warning").length,
      checkedAt: new Date(),
    };
  }

  /** "Đánh dấu ô lỗi": checks, then fills the invalid cells and notes their messages (clears fixed ones). */
  async markInvalidCells(): Promise<CheckView> {
    return this.checkWorkbook({ mark: true });
  }

  async goTo(entry: IssueEntry): Promise<void> {
    const target = issueTarget(entry);
    if (target) await this.port.goTo(target.sheet, target.address);
  }

  /**
   * Re-checks the workbook after the user edits it, debounced: a burst of edits (typing, a paste)
   * gives one check. Checks never overlap; an edit during a check schedules one more. Live checks
   * only read and list: writing marks after every edit would cost the official their undo.
   */
  async startLiveCheck(
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
        onResult(await this.checkWorkbook({ onlyKnownSheets: true }));
      } catch (err) {
        onError(describeError(err, { vi: "Kiểm tra tự động", en: "Live checking" }));
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
      // Once a check has found the template sheets, edits elsewhere (e.g. in the master) need no re-check.
      if (this.lastCheck?.kind === "checked" && !this.lastCheck.sheets.includes(change.sheet))
        return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, this.debounceMs);
    };

    const unsubscribe = await this.port.onUserChange(handler);
    return async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await unsubscribe();
    };
  }

  // ---- Tổng hợp

  /** Reads one returned file: grids with the lazily loaded reader, then the template sheets in it. */
  async readFile(file: PickedFile): Promise<FileStatus> {
    try {
      const xlsx = await this.services.loadXlsx();
      const bytes = await file.bytes();
      const read = await xlsx.read(bytes, file.name);
      if (!read.ok) return refusedStatus(file.name, read.refused);
      const outcome = this.services.readSubmissions(read.grids, this.register);
      if (!outcome.ok) return refusedStatus(file.name, outcome.refused);
      if (outcome.submissions.length === 0) {
        return refusedStatus(file.name, {
          file: file.name,
          reason: "unknown-template",
          message: {
            vi: `Tệp “${file.name}” không chứa mẫu biểu XếpLoại nào.`,
            en: `File “${file.name}” holds no XếpLoại template.`,
          },
        });
      }
      const sheets = outcome.submissions.map((s) => s.sheet).join(", ");
      const errors = outcome.submissions.reduce(
        (n, s) => n + s.validation.issues.filter((i) => i.severity === "error").length,
        0
      );
      return {
        name: file.name,
        state: "taken",
        submissions: outcome.submissions,
        message: {
          vi: `Trang ${sheets}${errors ? ` — ${errors} lỗi trong số liệu` : ""}`,
          en: `Sheet ${sheets}${errors ? ` — ${errors} data errors` : ""}`,
        },
      };
    } catch (err) {
      return refusedStatus(file.name, {
        file: file.name,
        reason: "read-failed",
        message: describeError(err, ACTION_READ_FILE),
      });
    }
  }

  /** Reads files one after the other (memory stays flat), reporting each status as it changes. */
  async readFiles(
    files: PickedFile[],
    onStatus: (index: number, status: FileStatus) => void
  ): Promise<FileStatus[]> {
    const out: FileStatus[] = [];
    for (const [index, file] of files.entries()) {
      onStatus(index, { name: file.name, state: "reading", submissions: [] });
      const status = await this.readFile(file);
      out.push(status);
      onStatus(index, status);
    }
    return out;
  }

  consolidate(
    files: FileStatus[],
    settings: PeriodSettings,
    options: ConsolidateOptions = {}
  ): Consolidated {
    const submissions = files.flatMap((f) => f.submissions);
    const refused = files.flatMap((f) => (f.refused ? [f.refused] : []));
    if (submissions.length === 0) {
      throw new PaneError({
        vi: "Chưa có tệp hợp lệ nào để tổng hợp. Hãy chọn các tệp mẫu biểu đã điền.",
        en: "No valid file to consolidate. Pick the filled template files.",
      });
    }
    const consolidated = this.services.consolidate(
      submissions,
      refused,
      settings,
      this.register,
      options
    );
    this.lastConsolidated = consolidated;
    this.lastFiles = files.map((f) => ({
      name: f.name,
      state: f.state,
      ...(f.message ? { message: f.message } : {}),
    }));
    return consolidated;
  }

  /** Writes the master sheets, keeping manual columns of an earlier master found in the workbook. */
  async writeMaster(consolidated: Consolidated, settings: PeriodSettings): Promise<WriteReport> {
    return (await this.writeMasterModel(consolidated, settings)).report;
  }

  private async writeMasterModel(consolidated: Consolidated, settings: PeriodSettings) {
    const masterNames = this.services.masterSheetNames(settings);
    const present = (await this.port.sheetNames()).filter((n) => masterNames.includes(n));
    const existing: WorkbookGrids | null = present.length
      ? await this.port.readGrids({ sheets: present })
      : null;
    const model = this.services.buildMaster(consolidated, existing, settings, this.register);
    const report = await this.port.writeModel(model, {
      replaceExisting: true,
      activate: model.sheets[0]?.name,
    });
    this.lastCheck = null;
    this.lastConsolidated = consolidated;
    // Kept with the master (the write above already cost the undo stack): a reloaded pane shows it.
    await this.port.saveState(CONSOLIDATION_STATE, this.savedRecord(consolidated)).catch(() => {
      /* the master is written; only the pane's record is missing */
    });
    return { model, report };
  }

  private savedRecord(consolidated: Consolidated): SavedConsolidation {
    const cut = <T>(list: T[]) => list.slice(0, SAVED_LIST_MAX);
    const v = consolidated.view;
    return {
      savedAt: new Date().toISOString(),
      files: cut(this.lastFiles),
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
  async savedConsolidation(): Promise<SavedConsolidation | null> {
    try {
      const v = await this.port.loadState(CONSOLIDATION_STATE);
      return isSavedConsolidation(v) ? v : null;
    } catch {
      return null;
    }
  }

  get consolidated(): Consolidated | null {
    return this.lastConsolidated;
  }

  // ---- In

  /**
   * Applies the print layout to the master and summary sheets, with the settings (bodies, place,
   * date, signer) in their heading and signature block. When this session consolidated, the
   * master is rewritten; otherwise (a master written earlier) only the heading and signature
   * cells are rewritten in place (the data and hand-filled columns are not touched), then the
   * existing sheets get their page setup.
   */
  async applyPrint(settings: PeriodSettings): Promise<PrintResult> {
    let targets: PrintTarget[];
    if (this.lastConsolidated) {
      const { model } = await this.writeMasterModel(this.lastConsolidated, settings);
      targets = this.services.printTargets(model);
      if (targets.length === 0) throw new PaneError(NO_MASTER);
      const sheets = targets.map((t) => t.sheet);
      for (const target of targets) await this.port.applyPrintLayout(target.sheet, target.layout);
      return { sheets, rewritten: true, headingUpdated: sheets, headingSkipped: [] };
    }
    const printable = this.services.printableSheets();
    const wanted = this.services.headingSheets();
    const names = await this.port.sheetNames();
    const present = names.filter((n) => printable.includes(n));
    if (present.length === 0) throw new PaneError(NO_MASTER);
    const grids = await this.port.readGrids({
      sheets: names.filter((n) => printable.includes(n) || wanted.includes(n)),
    });
    targets = grids.sheets
      .filter((g) => present.includes(g.name))
      .map((g) => ({ sheet: g.name, layout: this.services.pageSetupFor(settings, g) }));
    if (targets.length === 0) throw new PaneError(NO_MASTER);
    const update = this.services.headingUpdate(settings, grids);
    if (update && update.model.sheets.length > 0)
      await this.port.writeModel(update.model, { updateExisting: true });
    for (const target of targets) await this.port.applyPrintLayout(target.sheet, target.layout);
    return {
      sheets: targets.map((t) => t.sheet),
      rewritten: false,
      headingUpdated: update?.sheets ?? [],
      headingSkipped: update?.skipped.map((s) => s.message) ?? [],
    };
  }
}

const NO_TEMPLATE: LocalizedText = both("noTemplate");
const NO_MASTER: LocalizedText = both("noMasterSheets");

function refusedStatus(name: string, refused: RefusedFile): FileStatus {
  return { name, state: "refused", refused, message: refused.message, submissions: [] };
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
