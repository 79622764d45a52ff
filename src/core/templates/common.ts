/**
 * Building blocks shared by every template spec: the identity columns each row carries, small
 * column constructors (so every count is "required int ≥ 0" and every rate "computed, 2 decimals"
 * by construction) and rule constructors for the recurring "part ≤ total" / "parts add up" checks.
 * Specs stay plain data: these helpers only return objects.
 */
import type { LocalizedText } from "../i18n";
import type { ColumnSpec, ComputedSpec, RowSet, RuleSpec, Severity, Term } from "./spec";

export const t = (vi: string, en: string): LocalizedText => ({ vi, en });

/** Units of measure used across templates. */
export const UOM = {
  percent: t("%", "%"),
  ho: t("hộ", "households"),
  nguoi: t("người", "persons"),
  dangVien: t("đảng viên", "members"),
  truong: t("trường", "schools"),
  trieuDong: t("triệu đồng", "million VND"),
  khu: t("khu", "areas"),
  coSo: t("cơ sở", "establishments"),
  toChuc: t("tổ chức", "organisations"),
  baoCao: t("báo cáo", "reports"),
  cuoc: t("cuộc", "sessions"),
  chuyenDe: t("chuyên đề", "topics"),
  thon: t("thôn/TDP", "villages"),
  diem: t("điểm", "points"),
  tieuChi: t("tiêu chí", "criteria"),
  nam: t("năm", "year"),
} as const;

type Extra = Partial<Omit<ColumnSpec, "key" | "header" | "type">>;

/** A count: required whole number ≥ 0 (brief §3: "Counts are required int ≥0"). */
export function count(key: string, header: LocalizedText, extra: Extra = {}): ColumnSpec {
  return { key, header, type: "int", required: true, min: 0, ...extra };
}

/** A decimal amount ≥ 0 (money, scores). */
export function amount(key: string, header: LocalizedText, extra: Extra = {}): ColumnSpec {
  return { key, header, type: "number", required: true, min: 0, ...extra };
}

/**
 * A computed rate in percent: read-only, 2 decimals, null ("n/a") when the denominator is 0.
 * `minus` supports rates such as (births − deaths) / population.
 */
export function rate(
  key: string,
  header: LocalizedText,
  numerator: string[],
  denominator: string[],
  extra: Extra & { minus?: string[] } = {}
): ColumnSpec {
  const { minus, ...rest } = extra;
  const computed: ComputedSpec = { kind: "percent", numerator, denominator, decimals: 2 };
  if (minus) computed.minus = minus;
  return { key, header, type: "percent", unitOfMeasure: UOM.percent, computed, ...rest };
}

export function enumCol(
  key: string,
  header: LocalizedText,
  enumId: string,
  extra: Extra = {}
): ColumnSpec {
  return { key, header, type: "enum", enumId, ...extra };
}

export function boolCol(key: string, header: LocalizedText, extra: Extra = {}): ColumnSpec {
  return { key, header, type: "boolean", ...extra };
}

export function yearCol(key: string, header: LocalizedText, extra: Extra = {}): ColumnSpec {
  return { key, header, type: "year", min: 1990, max: 2100, unitOfMeasure: UOM.nam, ...extra };
}

export function textCol(key: string, header: LocalizedText, extra: Extra = {}): ColumnSpec {
  return { key, header, type: "text", ...extra };
}

/** Header of the unit column per row set. */
const UNIT_HEADER: Record<Exclude<RowSet, "PEOPLE">, LocalizedText> = {
  DB: t("Xã, phường", "Commune / ward"),
  XA: t("Xã", "Commune"),
  DB_CQ: t("Đơn vị", "Unit"),
  TCCS: t("Tổ chức cơ sở đảng", "Grassroots party organisation"),
};

export const STT: ColumnSpec = {
  key: "stt",
  header: t("TT", "No."),
  type: "int",
  identity: true,
  width: 5,
};

export const GHI_CHU: ColumnSpec = {
  key: "ghiChu",
  header: t("Ghi chú", "Notes"),
  type: "text",
  width: 20,
};

/** stt, unitName (required), unitCode, unitType: filled by the template from the register, locked. */
export function identityColumns(rowSet: RowSet): ColumnSpec[] {
  if (rowSet === "PEOPLE") return peopleIdentityColumns();
  return [
    STT,
    {
      key: "unitName",
      header: UNIT_HEADER[rowSet],
      type: "text",
      required: true,
      identity: true,
      width: 28,
    },
    {
      key: "unitCode",
      header: t("Mã đơn vị", "Unit code"),
      type: "text",
      identity: true,
      width: 14,
    },
    { key: "unitType", header: t("Loại", "Type"), type: "text", identity: true, width: 10 },
  ];
}

/**
 * Template 3.15 lists people and leadership collectives: rows are free (entered by the user) and
 * keyed by (unitCode, ten, chucVu). `unitCode` holds the unit's register code or name.
 */
function peopleIdentityColumns(): ColumnSpec[] {
  return [
    STT,
    {
      key: "ten",
      header: t("Họ và tên / Tên tập thể", "Full name / collective"),
      type: "text",
      required: true,
      width: 26,
    },
    { key: "chucVu", header: t("Chức vụ", "Position"), type: "text", width: 22 },
    {
      key: "unitCode",
      header: t("Đơn vị", "Unit"),
      type: "text",
      required: true,
      width: 24,
      hint: t(
        "Tên hoặc mã đơn vị trong danh mục đơn vị.",
        "Unit name or code from the unit register."
      ),
    },
  ];
}

/** The keys that identify a row within a sheet (duplicates are errors). */
export function identityKeys(rowSet: RowSet): string[] {
  return rowSet === "PEOPLE" ? ["unitCode", "ten", "chucVu"] : ["unitCode"];
}

/** Keys filled from the register / by the template rather than typed as data. */
export const NON_INPUT_KEYS = new Set(["stt", "unitName", "unitCode", "unitType", "ghiChu"]);

/** A spec's full column list: identity columns, the template's own columns, then ghiChu. */
export function assembleColumns(rowSet: RowSet, body: ColumnSpec[]): ColumnSpec[] {
  return [...identityColumns(rowSet), ...body, GHI_CHU];
}

const terms = (keys: string[]): Term[] => keys.map((key) => ({ key }));

/** "part ≤ total": e.g. households with the title cannot exceed all households. */
export function partLteTotal(
  id: string,
  part: { key: string; label: LocalizedText },
  total: { key: string; label: LocalizedText },
  extra: { severity?: Severity; source?: string } = {}
): RuleSpec {
  return {
    id,
    kind: "compare",
    left: terms([part.key]),
    op: "lte",
    right: terms([total.key]),
    severity: extra.severity ?? "error",
    ...(extra.source ? { source: extra.source } : {}),
    message: {
      vi: `${part.label.vi} ({left}) lớn hơn ${total.label.vi} ({right}). Hãy sửa để ${part.label.vi} không vượt quá ${total.label.vi}.`,
      en: `${part.label.en} ({left}) exceeds ${total.label.en} ({right}). Correct it so that it is not above the total.`,
    },
  };
}

/** "parts add up to the total": e.g. the level counts plus "not rated" equal the headcount. */
export function partsSumToTotal(
  id: string,
  parts: { keys: string[]; label: LocalizedText },
  total: { key: string; label: LocalizedText },
  extra: { severity?: Severity; source?: string } = {}
): RuleSpec {
  return {
    id,
    kind: "compare",
    left: terms(parts.keys),
    op: "eq",
    right: terms([total.key]),
    severity: extra.severity ?? "error",
    anchor: total.key,
    ...(extra.source ? { source: extra.source } : {}),
    message: {
      vi: `Tổng ${parts.label.vi} là {left}, khác ${total.label.vi} là {right} (chênh {diff}). Hãy kiểm tra lại các số.`,
      en: `${parts.label.en} add up to {left}, not ${total.label.en} = {right} (difference {diff}). Check the numbers.`,
    },
  };
}
