/** Inputs and records of the master workbook. */
import type { LevelCode } from "../rules/types";

/** One line of the "Nhật ký" sheet; kept across runs. */
export interface LogEntry {
  /** ISO time of the consolidation run ("" when unknown). */
  at: string;
  kind:
    | "run"
    | "file-taken"
    | "file-partly"
    | "file-left-out"
    | "file-refused"
    | "row-left-out"
    | "conflict"
    | "warning";
  file: string;
  detail: string;
}

/** Hand-filled columns of the master, by unit code. */
export interface ManualEntry {
  deXuatBtc: LevelCode | null;
  quyetDinhBtv: LevelCode | null;
  lyDoVuotTran: string | null;
  ghiChu: string | null;
  /** Text typed in a level column that is not a level: written back as is, never lost. */
  rawDeXuatBtc?: string;
  rawQuyetDinhBtv?: string;
  /** The unit's name as the master showed it (for a decision kept while its row is absent). */
  ten?: string;
  /**
   * ISO time of the run from which this decision has had no row (kept in "Quyết định chưa khớp"
   * and in `_meta_master` until its row returns); absent while it sits on its row.
   */
  unmatchedSince?: string;
}

/**
 * Hand-filled columns of the "Lãnh đạo" sheet for one leader or leadership collective, kept by the
 * identity key (leaderKey: unit code + name + position, canonicalised), never by row position.
 */
export interface LeaderManualEntry extends ManualEntry {
  unitCode: string;
  ten: string;
  chucVu: string;
}

/** By leaderKey. */
export type LeaderManualColumns = Record<string, LeaderManualEntry>;
