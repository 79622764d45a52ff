/**
 * The template spec model. One spec per department template drives everything: the zod schema,
 * the sheet inserted by the add-in, the .xlsx file, the error messages, the master columns and the
 * print layout. Specs are plain data (JSON-serialisable) so a later period can ship new ones.
 */
import type { LocalizedText } from "../i18n";
import type { UnitKind } from "../units/types";

export type {
  Severity,
  RowSet,
  ColumnType,
  ComputedSpec,
  ColumnSpec,
  Condition,
  Term,
  RuleSpec,
  TemplateSpec,
} from "./spec-schema";

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
