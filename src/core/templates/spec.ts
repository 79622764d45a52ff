/**
 * The template spec model. One spec per department template drives everything: the zod schema,
 * the sheet inserted by the add-in, the .xlsx file, the error messages, the master columns and the
 * print layout. Specs are plain data (JSON-serialisable) so a later period can ship new ones.
 */
import type { LocalizedText } from "../i18n";
import type { UnitKind } from "../units/types";

export type Severity = "error" | "warning";

/**
 * Which rows a template lists:
 * - DB: the xã/phường of the register (kinds phuong + xa);
 * - XA: only the xã;
 * - DB_CQ: the xã/phường, then the agencies (coQuan);
 * - TCCS: the grassroots party organisations;
 * - PEOPLE: free rows of leadership collectives and individuals (template 3.15), keyed by
 *   (unitCode, ten, chucVu).
 */
export type RowSet = "DB" | "XA" | "DB_CQ" | "TCCS" | "PEOPLE";

export type ColumnType =
  | "int" // whole number
  | "number" // decimal number
  | "percent" // percentage points, 12.5 means 12,5 %
  | "text"
  | "enum" // one of an EnumSpec's values (stored as its code)
  | "boolean"
  | "year"; // int between 1990 and 2100

export interface EnumValue {
  /** Stable code stored in rows, e.g. "HTXSNV", "DAT". */
  code: string;
  /** Label written into cells and dropdowns (Vietnamese, full diacritics). */
  label: LocalizedText;
  /** Other accepted spellings (abbreviations), matched case- and accent-form-insensitively. */
  aliases?: string[];
  /** Only allowed on rows whose unit kind is listed (e.g. "Xã đạt chuẩn văn hóa NTM" only for xa). */
  onlyFor?: UnitKind[];
  /** Higher is better; used to compare levels. */
  rank?: number;
}

export interface EnumSpec {
  id: string; // "level4", "datChuaDat", …
  name: LocalizedText;
  values: EnumValue[];
}

/** A computed column: recomputed from inputs by the core, written as a formula in sheets. */
export type ComputedSpec =
  /** (Σnumerator − Σminus) / Σdenominator × 100, rounded to `decimals`; null ("n/a") when Σdenominator = 0. */
  | {
      kind: "percent";
      numerator: string[];
      minus?: string[];
      denominator: string[];
      decimals?: number;
    }
  /** Σkeys */
  | { kind: "sum"; keys: string[] }
  /** How many of `keys` hold the enum code `code` (e.g. criteria "DAT"). */
  | { kind: "countEquals"; keys: string[]; code: string }
  /** true when `key` ≥ threshold, null when `key` is null. */
  | { kind: "atLeast"; key: string; threshold: number }
  /**
   * true when every filled enum column in `keys` has rank ≥ the rank of `code`
   * (null when none is filled).
   */
  | { kind: "allAtLeast"; keys: string[]; enumId: string; code: string };

export interface ColumnSpec {
  key: string;
  header: LocalizedText;
  /** Optional super-header (e.g. "Mầm non", "Kiểm tra"), merged over consecutive columns. */
  group?: LocalizedText;
  type: ColumnType;
  /** Unit of measure shown under the header: "hộ", "triệu đồng", "%", "người" … */
  unitOfMeasure?: LocalizedText;
  required?: boolean;
  min?: number;
  max?: number;
  /** type "enum": the EnumSpec id (see templates/enums.ts). */
  enumId?: string;
  computed?: ComputedSpec;
  /** Only relevant for some unit kinds; blank elsewhere is fine, even if required. */
  appliesTo?: UnitKind[];
  /** Help text shown as the cell input prompt. */
  hint?: LocalizedText;
  /** Column width in characters (Excel units); writers compute one from the header when absent. */
  width?: number;
  /** The column lists identity (stt, unitName, …): filled by the template, locked. */
  identity?: boolean;
  /** Shown in the master sheet under the department's group. */
  master?: boolean;
}

/** A signed term of a linear rule: coef × value(key); empty values count as 0 unless the rule says otherwise. */
export interface Term {
  key: string;
  coef?: number; // default 1
}

export type Condition =
  | { key: string; op: "filled" | "empty" | "true" | "false" }
  | { key: string; op: "eq" | "ne"; value: string | number | boolean }
  | { key: string; op: "gte" | "lte" | "gt" | "lt"; value: number };

export type RuleSpec = {
  id: string;
  severity: Severity;
  /** Message with placeholders, e.g. "{left} > {right}"; see validate for the placeholders each kind fills. */
  message: LocalizedText;
  /** Rule applies only when all these hold (e.g. to rows of a unit kind, or when a flag is set). */
  when?: Condition[];
  /** Where the validator points the issue (defaults to the first key of the rule). */
  anchor?: string;
  /** Source of the rule, e.g. "HD 21-HD/BTCTW, 2.3". */
  source?: string;
} & (
  | /** Σleft op Σright; skipped when any key is empty and `requireAll` is true (default true). */
    {
      kind: "compare";
      left: Term[];
      op: "eq" | "lte" | "gte";
      right: Term[];
      requireAll?: boolean;
    } /** value(key) ≤ floor(ratio × value(base)) — e.g. the 20 % quota. */
  | {
      kind: "quota";
      key: string;
      base: string;
      ratio: number;
    } /** Every condition in `assert` holds (evaluated only when `when` holds). */
  | {
      kind: "assert";
      assert: Condition[];
    } /** Values of `key` are unique across rows (cross-row). */
  | {
      kind: "unique";
      key: string;
    } /** Ranks (1 = best) follow the scores: a higher score never has a worse rank (cross-row). */
  | {
      kind: "rankFollowsScore";
      rank: string;
      score: string;
    } /** int between 1 and the number of rows (cross-row). */
  | { kind: "rankInRange"; key: string }
);

export interface TemplateSpec {
  /** Stable id, used in file names and `_meta`: "noi-vu-cchc", "tccs-bao-cao" … */
  id: string;
  version: number;
  /** Brief section, e.g. "3.1a". */
  section: string;
  department: { code: string; name: LocalizedText };
  title: LocalizedText;
  /** Excel sheet name: ≤ 31 characters, no []:*?/\ */
  sheetName: string;
  rowSet: RowSet;
  /** 3.7: rows grouped thành thị (phường) / nông thôn (xã) with subtotals recomputed from sums. */
  groupBy?: "urbanRural";
  /** All columns in order, including the common identity columns (see common.ts). */
  columns: ColumnSpec[];
  rules: RuleSpec[];
  orientation: "portrait" | "landscape";
  /**
   * How to read files of an older version: version → renamed keys (old → new). Versions not
   * listed here (and newer than `version`) are refused.
   */
  readableVersions?: Record<number, { renames?: Record<string, string> }>;
}
