/**
 * What the pane needs from the core and the file adapters, as one interface. The controller only
 * talks to this and to the WorkbookPort, so tests can hand in fakes and the real wiring
 * (core-services.ts) is the one place that knows the core modules' exact signatures.
 */
import type { ErrorPolicy } from "../../core/consolidate/types";
import type { LocalizedText } from "../../core/i18n";
import type { PrintLayout, WorkbookModel } from "../../core/sheet/model";
import type { PeriodSettings } from "../../core/settings/types";
import type {
  ReadOutcome,
  RefusedFile,
  SheetGrid,
  Submission,
  WorkbookGrids,
} from "../../core/submission/types";
import type { TemplateSpec } from "../../core/templates/spec";
import type { UnitRegister } from "../../core/units/types";
import type { FileStatus, PickedFile } from "./consolidate-flow";

/** The .xlsx reader/writer, loaded lazily (ExcelJS is a separate chunk). */
export interface XlsxTools {
  /** Reads a file's bytes into grids, or says why it cannot be read. Never throws on bad files. */
  read(
    bytes: Uint8Array,
    fileName: string
  ): Promise<{ ok: true; grids: WorkbookGrids } | { ok: false; refused: RefusedFile }>;
  write(model: WorkbookModel): Promise<Uint8Array>;
}

/** What the Organization Committee chooses per run (the same choices as the CLI's options). */
export interface ConsolidateOptions {
  /** Rows with errors: left out (default), taken and marked, or their whole file left out. */
  errorPolicy?: ErrorPolicy;
  /** ISO date; defaults to the period's deadline. */
  deadline?: string;
}

/** What the pane shows after consolidating (a view of the core's result). */
export interface ConsolidationView {
  taken: { file: string; sheet: string; template: LocalizedText; rows: number }[];
  /** Files (or sheets) left out, with why. */
  refused: { file: string; message: LocalizedText }[];
  conflicts: LocalizedText[];
  /** Rows left out of taken files, with why (error policy, unknown unit …). */
  excludedRows: LocalizedText[];
  /** Who has not submitted: one line per department/template or unit. */
  missing: LocalizedText[];
  /** Errors found in taken submissions (not blocking). */
  issueCount: number;
}

export interface Consolidated {
  view: ConsolidationView;
  /** The core's own result, handed back to buildMaster untouched. */
  result: unknown;
}

/** The heading and signature cells of an existing master, rewritten with other settings. */
export interface HeadingUpdate {
  /** Only those cells, to write with `updateExisting` (never the data or hand-filled columns). */
  model: WorkbookModel;
  /** Sheets whose heading and signature the model rewrites. */
  sheets: string[];
  /** Sheets left alone because their blocks moved, with why. */
  skipped: { sheet: string; message: LocalizedText }[];
}

export interface PrintTarget {
  sheet: string;
  layout: PrintLayout;
}

/** Per-file progress and cancelling for reading returned files (Tổng hợp). */
export interface ReadFilesOptions {
  /** Called as each file starts: its index, the number of files, its name. */
  onProgress?: (fileIndex: number, total: number, name: string) => void;
  /** Aborting stops after the file being read; the others are reported as cancelled. */
  signal?: AbortSignal;
}

export interface ConsolidateInput {
  submissions: Submission[];
  refused: RefusedFile[];
  settings: PeriodSettings;
  register: UnitRegister;
  options?: ConsolidateOptions;
}

export interface BuildMasterInput {
  consolidated: Consolidated;
  existing: WorkbookGrids | null;
  settings: PeriodSettings;
  register: UnitRegister;
}

/**
 * Reading, consolidating and building the master off the pane's main thread (a Web Worker;
 * in the pane itself where there is none). See state/submissions-service.ts.
 */
export interface SubmissionsService {
  readFiles(
    files: PickedFile[],
    register: UnitRegister,
    options?: ReadFilesOptions & { onStatus?: (index: number, status: FileStatus) => void }
  ): Promise<FileStatus[]>;
  consolidate(input: ConsolidateInput, signal?: AbortSignal): Promise<Consolidated>;
  buildMaster(input: BuildMasterInput, signal?: AbortSignal): Promise<WorkbookModel>;
}

export interface PaneServices {
  /** The templates of a period (its settings' template set; default: the default settings'). */
  templates(settings?: PeriodSettings): TemplateSpec[];
  register(): UnitRegister;
  defaultSettings(): PeriodSettings;
  /** `opts.units`: list only these units (a unit's own report, e.g. one TCCS's 3.14). */
  buildTemplate(
    spec: TemplateSpec,
    register: UnitRegister,
    settings: PeriodSettings,
    opts?: { units?: readonly string[] }
  ): WorkbookModel;
  /** File name for a template's .xlsx, e.g. "3.1a-noi-vu-cchc-2019.xlsx". */
  templateFileName(spec: TemplateSpec, period: number): string;
  /**
   * Reads the template sheets of a workbook with the templates of its period (from its `_meta`;
   * `settings` name the template set when they say one).
   */
  readSubmissions(
    grids: WorkbookGrids,
    register: UnitRegister,
    settings?: PeriodSettings
  ): ReadOutcome;
  loadXlsx(): Promise<XlsxTools>;
  consolidate(
    submissions: Submission[],
    refused: RefusedFile[],
    settings: PeriodSettings,
    register: UnitRegister,
    options?: ConsolidateOptions
  ): Consolidated;
  /** The master workbook; `existing` is the open workbook, read to keep manual columns of an earlier master. */
  buildMaster(
    consolidated: Consolidated,
    existing: WorkbookGrids | null,
    settings: PeriodSettings,
    register: UnitRegister
  ): WorkbookModel;
  /** Names of the sheets buildMaster writes (to read back an existing master, and to print). */
  masterSheetNames(settings: PeriodSettings): string[];
  /** Sheets of the master that get a print layout (master, leaders, summary, status). */
  printableSheets(): string[];
  /** The print layouts a freshly built master model carries, for its printable sheets. */
  printTargets(model: WorkbookModel): PrintTarget[];
  /** Sheets read to rewrite an existing master's heading and signature (its _meta and printed sheets). */
  headingSheets(): string[];
  /**
   * The heading and signature cells of the master in `grids` (read from the open workbook) with
   * `settings`; null when the workbook holds no master that recorded where those cells are.
   */
  headingUpdate(settings: PeriodSettings, grids: WorkbookGrids): HeadingUpdate | null;
  /** A page setup for an existing printable sheet when there is no model (read from the workbook). */
  pageSetupFor(settings: PeriodSettings, grid: SheetGrid): PrintLayout;
  /**
   * Reading, consolidating and building the master in the pane's worker; absent (tests' fakes),
   * the controller runs the steps above in the pane.
   */
  submissions?: SubmissionsService;
  /** Hands bytes to the user as a download (browser only); resolves when the next one may start. */
  download(fileName: string, bytes: Uint8Array): Promise<void> | void;
}
