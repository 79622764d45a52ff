/** Booleans, free text and enumerated values (levels, Đạt/Chưa đạt …) as people type them. */
import type { LocalizedText } from "../i18n";
import type { EnumSpec, EnumValue } from "../templates/spec";
import type { RawCell } from "../validate/types";
import type { Parsed } from "./types";
import { describeRaw, excelErrorMessage, fractionToPoints } from "./describe";
import { canonicalVietnamese, normalizeText } from "./text";

const EMPTY = { ok: true, value: null, empty: true } as const;

function errorValue(raw: { error: string }): Parsed<never> {
  return { ok: false, reason: "error-value", message: excelErrorMessage(raw.error) };
}

function isErrorCell(raw: RawCell): raw is { error: string } {
  return typeof raw === "object" && raw !== null && !(raw instanceof Date) && "error" in raw;
}

const TRUE_FORMS = ["x", "có", "c", "đạt", "yes", "y", "true", "1", "✓", "✔"];
const FALSE_FORMS = ["không", "k", "chưa đạt", "không đạt", "no", "n", "false", "0"];
const TRUE_KEYS = new Set(TRUE_FORMS.map(canonicalVietnamese));
const FALSE_KEYS = new Set(FALSE_FORMS.map(canonicalVietnamese));

/** Yes/no: "x", "có", "Đạt", "✓", 1 … / "không", "chưa đạt", 0 … */
export function parseBoolean(raw: RawCell): Parsed<boolean> {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === "boolean") return { ok: true, value: raw };
  if (isErrorCell(raw)) return errorValue(raw);
  if (typeof raw === "number" && (raw === 1 || raw === 0)) return { ok: true, value: raw === 1 };
  if (typeof raw === "string") {
    const key = canonicalVietnamese(raw);
    if (key === "") return EMPTY;
    if (TRUE_KEYS.has(key)) return { ok: true, value: true };
    if (FALSE_KEYS.has(key)) return { ok: true, value: false };
  }
  const d = describeRaw(raw);
  return {
    ok: false,
    reason: "invalid",
    message: {
      vi: `${d.vi} không phải là giá trị có/không. Hãy nhập "x", "có", "Đạt" hoặc 1 cho CÓ; "không", "chưa đạt" hoặc 0 cho KHÔNG; hoặc để trống.`,
      en: `${d.en} is not a yes/no value. Type "x", "yes", "Đạt" or 1 for YES; "no", "không" or 0 for NO; or leave it empty.`,
    },
  };
}

/** Free text: NFC, single spaces. Numbers and dates typed into a text column are kept as text. */
export function parseText(raw: RawCell): Parsed<string> {
  if (raw === null || raw === undefined) return EMPTY;
  if (isErrorCell(raw)) return errorValue(raw);
  let text: string;
  if (typeof raw === "string") text = normalizeText(raw);
  else if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return invalidText(raw);
    text = String(raw);
  } else if (typeof raw === "boolean") text = raw ? "TRUE" : "FALSE";
  else if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return invalidText(raw);
    text = describeRaw(raw).vi.replace(/^ngày /, "");
  } else text = `${fractionToPoints(raw.percentFraction)}%`;
  return text === "" ? EMPTY : { ok: true, value: text };
}

function invalidText(raw: RawCell): Parsed<never> {
  const d = describeRaw(raw);
  return {
    ok: false,
    reason: "invalid",
    message: {
      vi: `${d.vi} không đọc được thành chữ. Hãy nhập lại nội dung.`,
      en: `${d.en} cannot be read as text. Retype it.`,
    },
  };
}

/** Key for enum matching: canonical Vietnamese, without a trailing "." ("HTXSNV." = "HTXSNV"). */
function enumKey(s: string): string {
  return canonicalVietnamese(s).replace(/\s*\.+$/, "");
}

function enumForms(v: EnumValue): string[] {
  return [v.code, v.label.vi, v.label.en, ...(v.aliases ?? [])];
}

/** The enum's values by the key of any of their forms (in the enum's order), made once per enum. */
const BY_KEY = new WeakMap<EnumSpec, Map<string, EnumValue[]>>();
function valuesByKey(spec: EnumSpec): Map<string, EnumValue[]> {
  let m = BY_KEY.get(spec);
  if (m) return m;
  m = new Map();
  for (const v of spec.values)
    for (const k of new Set(enumForms(v).map(enumKey))) {
      const list = m.get(k);
      if (list) list.push(v);
      else m.set(k, [v]);
    }
  BY_KEY.set(spec, m);
  return m;
}

function allowedList(spec: EnumSpec): LocalizedText {
  const quote = (s: string) => `"${s}"`;
  return {
    vi: spec.values.map((v) => quote(v.label.vi)).join(", "),
    en: spec.values.map((v) => `${quote(v.label.vi)} (${v.label.en})`).join(", "),
  };
}

/**
 * One of the enum's values, returned as its code. Matches code, labels and aliases ignoring case,
 * NFC/NFD, tone placement and a trailing ".". No partial matches: unknown text is an error.
 */
export function parseEnum(raw: RawCell, spec: EnumSpec): Parsed<string> {
  if (raw === null || raw === undefined) return EMPTY;
  if (isErrorCell(raw)) return errorValue(raw);
  if (typeof raw !== "string" && typeof raw !== "number") {
    const allowed = allowedList(spec);
    const d = describeRaw(raw);
    return {
      ok: false,
      reason: "invalid",
      message: {
        vi: `${d.vi} không phải là giá trị hợp lệ. Hãy chọn một trong: ${allowed.vi}.`,
        en: `${d.en} is not an allowed value. Choose one of: ${allowed.en}.`,
      },
    };
  }
  const text = normalizeText(String(raw));
  const key = enumKey(text);
  if (key === "") return EMPTY;
  const matches = valuesByKey(spec).get(key) ?? [];
  if (matches.length === 1) return { ok: true, value: matches[0].code };
  if (matches.length > 1) {
    const list = matches.map((v) => `"${v.label.vi}"`).join(", ");
    return {
      ok: false,
      reason: "ambiguous",
      message: {
        vi: `"${text}" có thể là nhiều giá trị: ${list}. Hãy nhập đầy đủ tên của một giá trị.`,
        en: `"${text}" could be several values: ${list}. Type the full name of one value.`,
      },
    };
  }
  const allowed = allowedList(spec);
  return {
    ok: false,
    reason: "invalid",
    message: {
      vi: `"${text}" không phải là giá trị hợp lệ. Hãy chọn một trong: ${allowed.vi}.`,
      en: `"${text}" is not an allowed value. Choose one of: ${allowed.en}.`,
    },
  };
}
