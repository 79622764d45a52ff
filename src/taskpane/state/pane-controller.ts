/**
 * The task pane's logic without React: one object the components call, over the WorkbookPort and
 * the core services. Each part's flow lives in its own module (templates-flow, check-flow,
 * consolidate-flow, print-flow); this class only hands them the shared session, so the flows are
 * unit-testable with a fake port and two changes to different parts rarely meet in one file.
 */
import type { LocalizedText } from "../../core/i18n";
import type { PeriodSettings } from "../../core/settings/types";
import type { TemplateSpec } from "../../core/templates/spec";
import type { Unit, UnitRegister } from "../../core/units/types";
import type {
  RequirementCheck,
  WorkbookEvent,
  WorkbookPort,
  WriteReport,
} from "../../ports/workbook-port";
import * as check from "./check-flow";
import * as consolidateFlow from "./consolidate-flow";
import * as print from "./print-flow";
import * as templates from "./templates-flow";
import * as period from "./period-flow";
import type { LoadedPeriod } from "./period-flow";
import type { CheckView, IssueEntry } from "./check-flow";
import type { FileStatus, PickedFile, SavedConsolidation } from "./consolidate-flow";
import type { PrintResult } from "./print-flow";
import type { TemplateGroup } from "./templates-flow";
import { PaneSession } from "./session";
import type { ConsolidateOptions, Consolidated, PaneServices, ReadFilesOptions } from "./services";

export { PaneError, describeError } from "./pane-error";
export { groupTemplates, isValidPeriod, type TemplateGroup } from "./templates-flow";
export {
  groupIssues,
  issueTarget,
  mergeByCell,
  type CheckView,
  type IssueEntry,
  type IssueRowGroup,
  type IssueSeverityGroup,
} from "./check-flow";
export {
  CONSOLIDATION_STATE,
  decideStatus,
  fileOutcomes,
  pickedFromBlob,
  type FileOutcome,
  type FileState,
  type FileStatus,
  type PickedFile,
  type SavedConsolidation,
} from "./consolidate-flow";
export type { PrintResult } from "./print-flow";
export { PERIOD_STATE, type LoadedPeriod, type PeriodSource } from "./period-flow";

export interface ControllerOptions {
  /** Debounce for live checking, ms. */
  debounceMs?: number;
}

export class PaneController {
  private readonly debounceMs: number;
  private readonly session: PaneSession;

  constructor(
    readonly port: WorkbookPort,
    readonly services: PaneServices,
    options: ControllerOptions = {}
  ) {
    this.debounceMs = options.debounceMs ?? 500;
    this.session = new PaneSession(port, services);
  }

  get register(): UnitRegister {
    return this.session.register;
  }

  checkRequirements(): RequirementCheck {
    return this.port.checkRequirements();
  }

  /** Calls `watcher` when sheets are added, activated or deleted, or the user edits; returns "stop". */
  watchWorkbook(watcher: (event: WorkbookEvent) => void): () => void {
    return this.session.watch(watcher);
  }

  /** Names of the master's printable sheets present in the workbook (none: In has nothing to lay out). */
  async printableSheetsPresent(): Promise<string[]> {
    const printable = this.services.printableSheets();
    return (await this.port.sheetNames()).filter((n) => printable.includes(n));
  }

  // ---- Kỳ đánh giá (every part)

  /** The review period of the open workbook (saved, a master's, a template's year, else defaults). */
  loadPeriod(): Promise<LoadedPeriod> {
    return period.loadPeriod(this.session);
  }

  /** Keeps the period in the workbook; refuses values the CLI's settings schema refuses. */
  savePeriod(settings: PeriodSettings): Promise<void> {
    return period.savePeriod(this.session, settings);
  }

  // ---- Mẫu biểu

  /** The templates of a period (default: the default settings' period), grouped for the list. */
  templateGroups(period?: number): TemplateGroup[] {
    return templates.groupTemplates(
      this.services.templates(period === undefined ? undefined : this.settingsFor(period))
    );
  }

  findTemplate(id: string, settings?: PeriodSettings): TemplateSpec {
    return templates.findTemplate(this.session, id, settings);
  }

  settingsFor(period: number, base?: PeriodSettings): PeriodSettings {
    return templates.settingsFor(this.session, period, base);
  }

  /** Units that may insert the template with only their own row (TCCS for 3.14); else empty. */
  unitChoices(templateId: string, period?: number): Unit[] {
    return templates.unitChoices(
      this.session,
      templateId,
      period === undefined ? undefined : this.settingsFor(period)
    );
  }

  /** `unit`: a code among unitChoices; the template then lists only that unit's row. */
  insertTemplate(
    templateId: string,
    period: number,
    base?: PeriodSettings,
    unit?: string
  ): Promise<{ spec: TemplateSpec; report: WriteReport; unit: Unit | null }> {
    return templates.insertTemplate(this.session, templateId, period, base, unit);
  }

  downloadAllTemplates(
    period: number,
    onProgress?: (done: number, total: number) => void,
    base?: PeriodSettings
  ): Promise<number> {
    return templates.downloadAllTemplates(this.session, period, onProgress, base);
  }

  // ---- Kiểm tra

  checkWorkbook(opts: { onlyKnownSheets?: boolean; mark?: boolean } = {}): Promise<CheckView> {
    return check.checkWorkbook(this.session, opts);
  }

  /** "Đánh dấu ô lỗi": checks, then fills the invalid cells and notes their messages (clears fixed ones). */
  markInvalidCells(): Promise<CheckView> {
    return check.checkWorkbook(this.session, { mark: true });
  }

  goTo(entry: IssueEntry): Promise<void> {
    return check.goTo(this.session, entry);
  }

  startLiveCheck(
    onResult: (view: CheckView) => void,
    onError: (message: LocalizedText) => void
  ): Promise<() => Promise<void>> {
    return check.startLiveCheck(this.session, this.debounceMs, onResult, onError);
  }

  // ---- Tổng hợp

  /** Reads one returned file; its status is decided for `settings` (default: the defaults). */
  readFile(file: PickedFile, settings?: PeriodSettings): Promise<FileStatus> {
    return consolidateFlow.readFile(this.session, file, settings);
  }

  /** Per-file progress and cancelling: `options.onProgress(fileIndex, total, name)`, `options.signal`. */
  readFiles(
    files: PickedFile[],
    onStatus: (index: number, status: FileStatus) => void,
    options: ReadFilesOptions & { settings?: PeriodSettings } = {}
  ): Promise<FileStatus[]> {
    return consolidateFlow.readFiles(this.session, files, onStatus, options);
  }

  /** The files' statuses for another period (its year or template set changed after reading). */
  redecide(files: FileStatus[], settings: PeriodSettings): FileStatus[] {
    return consolidateFlow.redecide(this.session, files, settings);
  }

  consolidate(
    files: FileStatus[],
    settings: PeriodSettings,
    options: ConsolidateOptions = {}
  ): Consolidated {
    return consolidateFlow.consolidate(this.session, files, settings, options);
  }

  /** The consolidation the Tổng hợp part runs: in the pane's worker when there is one. */
  consolidateFiles(
    files: FileStatus[],
    settings: PeriodSettings,
    options: ConsolidateOptions = {},
    signal?: AbortSignal
  ): Promise<Consolidated> {
    return consolidateFlow.consolidateFiles(this.session, files, settings, options, signal);
  }

  async writeMaster(consolidated: Consolidated, settings: PeriodSettings): Promise<WriteReport> {
    return (await consolidateFlow.writeMasterModel(this.session, consolidated, settings)).report;
  }

  savedConsolidation(): Promise<SavedConsolidation | null> {
    return consolidateFlow.savedConsolidation(this.session);
  }

  get consolidated(): Consolidated | null {
    return this.session.lastConsolidated;
  }

  // ---- In

  applyPrint(settings: PeriodSettings): Promise<PrintResult> {
    return print.applyPrint(this.session, settings);
  }
}
