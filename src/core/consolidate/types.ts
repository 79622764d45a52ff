/** The result of consolidating many submissions: plain data, JSON-serialisable, sorted. */
import type { LocalizedText } from "../i18n";
import type { RefusedFile } from "../submission/types";
import type { ValidationIssue, Value } from "../validate/types";

/**
 * - dropErroneousRows (default): rows with an error are left out, the rest of the file is taken;
 * - takeMarked: rows with errors are taken and marked;
 * - dropFile: a file with any error is left out entirely.
 */
export type ErrorPolicy = "dropErroneousRows" | "takeMarked" | "dropFile";
export const ERROR_POLICIES: ErrorPolicy[] = ["dropErroneousRows", "takeMarked", "dropFile"];

/** Where one value came from. */
export interface CellSource {
  file: string;
  sheet: string;
  /** A1 address, null when the column's letter is unknown. */
  cell: string | null;
}

/** One submission (file × template sheet) as it entered the consolidation. */
export interface SourceRef {
  file: string;
  sheet: string;
  templateId: string;
  /** The time used to order submissions and to judge lateness (ISO), null when unknown. */
  submittedAt: string | null;
  /** 0-based position in the input list (the tie-breaker). */
  inputIndex: number;
}

export interface ConsolidatedRow {
  templateId: string;
  unitCode: string;
  /** 1-based sheet row in the source. */
  rowNumber: number;
  values: Record<string, Value>;
  provenance: Record<string, CellSource>;
  source: SourceRef;
  /** Taken although it has errors (error policy "takeMarked"). */
  marked: boolean;
  /** Issues of this row in its source (errors and warnings). */
  issues: ValidationIssue[];
}

/** Two submissions for one (template, unit): the newer won. */
export interface Conflict {
  templateId: string;
  unitCode: string;
  winner: SourceRef;
  loser: SourceRef;
  message: LocalizedText;
}

/** Something left out by the error policy (or because it cannot be used at all). */
export interface Exclusion {
  file: string;
  sheet: string;
  templateId: string;
  /** "file": the whole submission; "row": one row. */
  scope: "file" | "row";
  row: number | null;
  unitCode: string | null;
  reason:
    "error-policy" | "unknown-unit" | "wrong-period" | "unknown-template" | "duplicate-in-file";
  message: LocalizedText;
}

export type CompletenessStatus = "valid" | "hasErrors" | "missing";

export interface CompletenessEntry {
  templateId: string;
  /** Expected unit; for templates without a fixed row set (3.15) the units that appeared. */
  unitCode: string;
  received: boolean;
  status: CompletenessStatus;
  /** Rows of the unit are in the consolidation. */
  taken: boolean;
  late: boolean;
  file: string | null;
  submittedAt: string | null;
}

export interface FileReport {
  file: string;
  sheet: string;
  templateId: string;
  submittedAt: string | null;
  late: boolean;
  rowsTaken: number;
  rowsLeftOut: number;
  /** Rows replaced by a newer submission for the same (template, unit). */
  rowsSuperseded: number;
  rowsMarked: number;
  /** leftOut: nothing taken because of errors or a wrong file; superseded: every row replaced by a newer file. */
  status: "taken" | "partly" | "leftOut" | "superseded";
}

export interface CrossWarning {
  rule: string;
  unitCode: string;
  message: LocalizedText;
  sources: CellSource[];
}

export interface Consolidation {
  period: number;
  /** Deadline in force for this run (settings or the run's override), ISO date. */
  deadline: string;
  /** Templates with their own deadline (settings.templateDeadlines), template id → ISO date. */
  templateDeadlines: Record<string, string>;
  errorPolicy: ErrorPolicy;
  /** The run's time when the caller passed one (never read from the clock here). */
  runAt: string | null;
  files: FileReport[];
  refused: RefusedFile[];
  rows: ConsolidatedRow[];
  conflicts: Conflict[];
  excluded: Exclusion[];
  completeness: CompletenessEntry[];
  warnings: CrossWarning[];
}
