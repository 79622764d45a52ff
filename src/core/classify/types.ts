/** Results of classification: suggestions with every reason, quota groups, leader checks. */
import type { CellSource } from "../consolidate/types";
import type { LocalizedText } from "../i18n";
import type { LevelCode } from "../rules/types";
import type { LoaiHinh } from "../units/types";
import type { CriterionEvidence } from "./evidence";
import type { LeaderManualColumns, LeaderManualEntry, ManualEntry } from "../master/types";

export interface Reason {
  /** Cap or rule id from the rule set ("cap1-dang-bo-truc-thuoc"), or "start", "method". */
  ruleId: string;
  /** cap: a rule capped the level; missing: data needed by a rule is missing; info: context. */
  kind: "cap" | "missing" | "info";
  /** For caps (and missing data that caps): the highest level allowed. */
  maxLevel: LevelCode | null;
  source: string;
  message: LocalizedText;
  /** The cells the reason is based on. */
  cells: CellSource[];
}

export interface TccsClassification {
  unitCode: string;
  unitName: string;
  loaiHinh: LoaiHinh | null;
  tccsForm: "dangBo" | "chiBo" | null;
  /** tuXepLoai of the TCCS report (3.14). */
  selfRating: LevelCode | null;
  /** Highest level the rules allow. */
  cap: LevelCode;
  /** min(start, cap); null when there is nothing to start from. */
  suggested: LevelCode | null;
  reasons: Reason[];
  /** false when some data a rule needed was missing. */
  complete: boolean;
  /** Each quality criterion: what the TCCS claimed and what the departments' figures say. */
  criteria: CriterionEvidence[];
  /** Findings about this TCCS's data (e.g. members disciplined > members KHTNV). */
  findings: ClassWarning[];
}

export interface LeaderClassification {
  /** Identity key (leaderKey): the hand-filled columns of the "Lãnh đạo" sheet follow it. */
  key: string;
  unitCode: string;
  ten: string;
  chucVu: string;
  laTapThe: boolean;
  tuXepLoai: LevelCode | null;
  deXuat: LevelCode | null;
  xepLoaiCbccvc: string | null;
  cap: LevelCode;
  /** min(deXuat ?? tuXepLoai, cap). */
  suggested: LevelCode | null;
  reasons: Reason[];
  warnings: LocalizedText[];
  /** The cells the warnings compare (the leader's rating, the unit's rating). */
  warningCells: CellSource[];
  rowNumber: number;
  file: string;
}

export interface QuotaGroup {
  kind: "organisations" | "members";
  /** Group key: a loại hình code, "all", or a TCCS code for members. */
  group: string;
  label: string;
  counts: Record<LevelCode, number>;
  /** Rated (with a level). */
  total: number;
  base: number;
  allowed: number;
  used: number;
  excess: number;
  /** Organisations at the top level in an over-quota group (the Standing Committee chooses). */
  candidates: string[];
  message: LocalizedText;
}

export interface QuotaResult {
  ratio: number;
  quotaBase: "HTTNV_only" | "HTTNV_or_higher";
  rounding: "floor" | "round" | "ceil";
  /** Source of the members' quota (HD 21, 2.3). */
  source: string;
  /** Source of the organisations' quota. */
  organisationsSource: string;
  /** How organisations are grouped for the quota. */
  groupBy: "loaiHinh" | "all";
  organisations: QuotaGroup[];
  members: QuotaGroup[];
}

export interface ClassWarning {
  rule: string;
  /** "error": the data contradict each other and must be fixed; default "warning". */
  severity?: "error" | "warning";
  unitCode: string;
  message: LocalizedText;
  cells: CellSource[];
}

export interface Classification {
  ruleSetId: string;
  tccs: TccsClassification[];
  leaders: LeaderClassification[];
  warnings: ClassWarning[];
}

/** The hand-filled columns of the master, by unit code (defined with the master). */
export type { ManualEntry, LeaderManualEntry, LeaderManualColumns };
export type ManualColumns = Record<string, ManualEntry>;
