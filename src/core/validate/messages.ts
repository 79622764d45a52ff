/** Composing issue messages that name the cell, the column header and the unit (brief house rule). */
import { fill, formatNumberVi } from "../i18n";
import type { LocalizedText } from "../i18n";
import { getEnum } from "../templates/enums";
import type { ColumnSpec, TemplateSpec } from "../templates/spec";
import type { Value } from "./types";

export interface Where {
  cell: string | null;
  row: number;
  column: ColumnSpec | null;
  /** The column's header as shown (see headerLabel); defaults to column.header. */
  header?: LocalizedText;
  /** Display name of the row's unit (or person), null for file-level issues. */
  unit: string | null;
}

/**
 * The header as messages show it: prefixed with its group when another column has the same header
 * ("Đảng viên: HTXSNV" vs "Tổ chức đảng trực thuộc: HTXSNV").
 */
export function headerLabel(spec: TemplateSpec, col: ColumnSpec): LocalizedText {
  const twins = spec.columns.filter((c) => c.header.vi === col.header.vi);
  if (twins.length < 2 || !col.group) return col.header;
  return { vi: `${col.group.vi}: ${col.header.vi}`, en: `${col.group.en}: ${col.header.en}` };
}

/** "Ô F7 (Điểm CCHC – Phường Phú Bài): …" / "Dòng 7 (Phường Phú Bài): …" / the detail alone. */
export function place(where: Where, detail: LocalizedText): LocalizedText {
  const unitVi = where.unit ?? `dòng ${where.row}`;
  const unitEn = where.unit ?? `row ${where.row}`;
  const header = where.header ?? where.column?.header;
  let vi: string;
  let en: string;
  if (where.column && where.cell) {
    vi = `Ô ${where.cell} (${header!.vi} – ${unitVi}): ${detail.vi}`;
    en = `Cell ${where.cell} (${header!.en}, ${unitEn}): ${detail.en}`;
  } else if (where.column) {
    vi = `Dòng ${where.row}, cột ${header!.vi} (${unitVi}): ${detail.vi}`;
    en = `Row ${where.row}, column ${header!.en} (${unitEn}): ${detail.en}`;
  } else if (where.row > 0) {
    vi = `Dòng ${where.row} (${unitVi}): ${detail.vi}`;
    en = `Row ${where.row} (${unitEn}): ${detail.en}`;
  } else {
    vi = detail.vi;
    en = detail.en;
  }
  return { vi: vi.normalize("NFC"), en };
}

export function formatValue(
  col: ColumnSpec | undefined,
  v: Value | undefined,
  lang: "vi" | "en"
): string {
  if (v === null || v === undefined) return lang === "vi" ? "(trống)" : "(empty)";
  if (typeof v === "number") return lang === "vi" ? formatNumberVi(v) : String(v);
  if (typeof v === "boolean") return lang === "vi" ? (v ? "Có" : "Không") : v ? "yes" : "no";
  if (col?.type === "enum" && col.enumId) {
    const ev = getEnum(col.enumId).values.find((x) => x.code === v);
    if (ev) return ev.label[lang];
  }
  return v;
}

/** A template's column by key (a map per template, made once). */
const COLUMNS = new WeakMap<TemplateSpec, Map<string, ColumnSpec>>();
function columnOf(spec: TemplateSpec, key: string): ColumnSpec | undefined {
  let m = COLUMNS.get(spec);
  if (!m) COLUMNS.set(spec, (m = new Map(spec.columns.map((c) => [c.key, c]))));
  return m.get(key);
}

export type Params = Record<string, string | number | Value | undefined>;

/**
 * Fills a rule message. Every row value is available as {key} (formatted per language: 1.234,5
 * in Vietnamese, labels for enum codes), plus the rule's own placeholders in `extra`.
 */
export function fillRule(
  spec: TemplateSpec,
  message: LocalizedText,
  values: Record<string, Value>,
  extra: Params = {}
): LocalizedText {
  // Only the placeholders the message uses are formatted.
  const params = (template: string, lang: "vi" | "en") => {
    const p: Record<string, string> = {};
    for (const m of template.matchAll(/\{(\w+)\}/g)) {
      const k = m[1]!;
      if (k in p) continue;
      if (Object.prototype.hasOwnProperty.call(extra, k)) {
        const v = extra[k];
        p[k] =
          typeof v === "number" || typeof v === "boolean" || v === null || v === undefined
            ? formatValue(undefined, v ?? null, lang)
            : v;
      } else if (Object.prototype.hasOwnProperty.call(values, k))
        p[k] = formatValue(columnOf(spec, k), values[k]!, lang);
    }
    return p;
  };
  return {
    vi: fill(message.vi, params(message.vi, "vi")),
    en: fill(message.en, params(message.en, "en")),
  };
}
