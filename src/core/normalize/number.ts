/**
 * Numbers and percentages as people type them in Vietnamese ("1.234,5") or English ("1,234.5")
 * spreadsheets. A value that can be read two ways ("1.234") is refused, never guessed; a value
 * that cannot be read is refused, never turned into 0.
 */
import type { LocalizedText } from "../i18n";
import type { RawCell } from "../validate/types";
import type { Parsed } from "./types";
import { describeRaw, excelErrorMessage, fractionToPoints } from "./describe";
import { normalizeText } from "./text";

const EMPTY = { ok: true, value: null, empty: true } as const;

/** Result of reading a numeric string (no "%"). */
type NumberText =
  | { kind: "ok"; value: number }
  /** One separator followed by exactly three digits: `decimal` or `thousands` reading. */
  | { kind: "ambiguous"; decimal: number; thousands: number }
  | { kind: "bad" };

const SIGN = /^([+\-\u2212]?)(.*)$/s;

/**
 * Reads "1.234,5", "1,234.5", "1.234.567", "1 234", "12,5", "-5". Returns "ambiguous" for a lone
 * "1.234" / "1,234" and "bad" for anything else ("12abc", "1,2,3.4.5", "--5", "1e3").
 */
export function readNumberText(text: string): NumberText {
  const [, signChar, rest] = SIGN.exec(text) as RegExpExecArray;
  const sign = signChar === "" || signChar === "+" ? 1 : -1;
  let body = rest.trim();
  // Space as thousands separator (NBSP already became a space): "1 234", "1 234 567,5".
  if (body.includes(" ")) {
    if (!/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(body)) return { kind: "bad" };
    body = body.replace(/ /g, "");
  }
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return { kind: "bad" };

  const dots = count(body, ".");
  const commas = count(body, ",");
  const make = (n: number): NumberText => ({ kind: "ok", value: sign * n });

  if (dots === 0 && commas === 0) return make(Number(body));

  if (dots > 0 && commas > 0) {
    // Both used: the last one is the decimal separator and appears once; the other groups thousands.
    const decimalSep = body.lastIndexOf(".") > body.lastIndexOf(",") ? "." : ",";
    const thousandsSep = decimalSep === "." ? "," : ".";
    if (count(body, decimalSep) !== 1) return { kind: "bad" };
    const [intPart, fracPart] = body.split(decimalSep);
    if (!isGroupedInteger(intPart, thousandsSep) || !/^\d+$/.test(fracPart)) return { kind: "bad" };
    return make(Number(`${intPart.split(thousandsSep).join("")}.${fracPart}`));
  }

  const sep = dots > 0 ? "." : ",";
  const n = dots + commas;
  if (n > 1) {
    // The same separator several times can only group thousands: "1.234.567".
    return isGroupedInteger(body, sep) ? make(Number(body.split(sep).join(""))) : { kind: "bad" };
  }
  const [intPart, fracPart] = body.split(sep);
  if (!/^\d+$/.test(fracPart)) return { kind: "bad" }; // "5." or "5,"
  if (intPart === "") return make(Number(`0.${fracPart}`)); // ",5" → 0.5
  if (!/^\d+$/.test(intPart)) return { kind: "bad" };
  if (/^[1-9]\d{0,2}$/.test(intPart) && fracPart.length === 3) {
    return {
      kind: "ambiguous",
      decimal: sign * Number(`${intPart}.${fracPart}`),
      thousands: sign * Number(intPart + fracPart),
    };
  }
  return make(Number(`${intPart}.${fracPart}`));
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** "1.234.567" with sep "." — a first group of 1–3 digits, then groups of exactly 3. */
function isGroupedInteger(s: string, sep: string): boolean {
  const groups = s.split(sep);
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

function invalid(message: LocalizedText): Parsed<never> {
  return { ok: false, reason: "invalid", message };
}

function notANumber(raw: RawCell): Parsed<never> {
  const d = describeRaw(raw);
  return invalid({
    vi: `${d.vi} không phải là số. Hãy nhập một số, ví dụ 1234 hoặc 1.234,5 (dấu phẩy thập phân).`,
    en: `${d.en} is not a number. Type a number, e.g. 1234 or 1,234.5.`,
  });
}

function fmtVi(n: number): string {
  return String(n).replace(".", ",");
}

function ambiguousMessage(raw: RawCell, a: { decimal: number; thousands: number }): LocalizedText {
  const d = describeRaw(raw);
  return {
    vi:
      `${d.vi} có thể hiểu là ${fmtVi(a.thousands)} hoặc ${fmtVi(a.decimal)}. ` +
      `Hãy ghi rõ: ${a.thousands} (không dùng dấu phân cách hàng nghìn) hoặc ${fmtVi(a.decimal)} (dấu phẩy thập phân).`,
    en:
      `${d.en} could mean ${a.thousands} or ${a.decimal}. ` +
      `Write it unambiguously: ${a.thousands} (no thousands separator) or ${fmtVi(a.decimal)} (decimal comma).`,
  };
}

/** Shared handling of the non-string, non-number cases. Returns undefined for strings/numbers. */
function commonCases(raw: RawCell, what: LocalizedText): Parsed<never> | typeof EMPTY | undefined {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === "string") return normalizeText(raw) === "" ? EMPTY : undefined;
  if (typeof raw === "number") return undefined;
  if (typeof raw === "boolean" || raw instanceof Date) {
    const d = describeRaw(raw);
    return invalid({
      vi: `${d.vi} không phải là ${what.vi}. Hãy nhập ${what.vi}.`,
      en: `${d.en} is not ${what.en}. Type ${what.en}.`,
    });
  }
  if ("error" in raw)
    return { ok: false, reason: "error-value", message: excelErrorMessage(raw.error) };
  return undefined; // percentFraction: decided by the caller
}

export interface ParseNumberOptions {
  /** Whole numbers only (counts). "1.234" then reads as 1234, the only whole reading. */
  integer?: boolean;
}

/** A count or amount. Strings in Vietnamese or English form; never a silent zero. */
export function parseNumber(raw: RawCell, opts: ParseNumberOptions = {}): Parsed<number> {
  const what = opts.integer
    ? { vi: "một số nguyên", en: "a whole number" }
    : { vi: "một số", en: "a number" };
  const common = commonCases(raw, what);
  if (common) return common;

  let value: number;
  let note: LocalizedText | undefined;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return notANumber(raw);
    value = raw;
  } else if (typeof raw === "string") {
    const text = normalizeText(raw);
    if (text.includes("%")) {
      return invalid({
        vi: `"${text}" là tỷ lệ phần trăm, không phải ${what.vi}. Hãy nhập ${what.vi} (không có dấu %).`,
        en: `"${text}" is a percentage, not ${what.en}. Type ${what.en} (without %).`,
      });
    }
    const read = readNumberText(text);
    if (read.kind === "bad") return notANumber(text);
    if (read.kind === "ambiguous") {
      if (!opts.integer)
        return { ok: false, reason: "ambiguous", message: ambiguousMessage(text, read) };
      // Only the thousands reading is a whole number, so it is the only sensible one for a count.
      value = read.thousands;
      note = {
        vi: `"${text}" được hiểu là ${read.thousands} (dấu "${text.replace(/[^.,]/g, "")}" là phân cách hàng nghìn).`,
        en: `"${text}" was read as ${read.thousands} (the "${text.replace(/[^.,]/g, "")}" groups thousands).`,
      };
    } else {
      value = read.value;
    }
  } else if (raw && typeof raw === "object" && "percentFraction" in raw) {
    const d = describeRaw(raw);
    return invalid({
      vi: `${d.vi} là tỷ lệ phần trăm (ô định dạng %), không phải ${what.vi}. Hãy nhập ${what.vi} và bỏ định dạng %.`,
      en: `${d.en} is a percentage (cell formatted as %), not ${what.en}. Type ${what.en} and remove the % format.`,
    });
  } else {
    return notANumber(raw);
  }

  if (opts.integer && !Number.isInteger(value)) {
    const d = describeRaw(raw);
    return invalid({
      vi: `${d.vi} không phải là số nguyên. Hãy nhập một số nguyên (ví dụ số người, số hộ).`,
      en: `${d.en} is not a whole number. Type a whole number (e.g. a count of people or households).`,
    });
  }
  if (Object.is(value, -0)) value = 0;
  return note ? { ok: true, value, note } : { ok: true, value };
}

function fractionNote(fraction: number, points: number): LocalizedText {
  return {
    vi: `${fmtVi(fraction)} được hiểu là tỷ lệ ${fmtVi(points)} %. Nếu ý bạn là ${fmtVi(fraction)} %, hãy nhập "${fmtVi(fraction)} %".`,
    en: `${fraction} was read as the fraction ${points}%. If you meant ${fraction}%, type "${fraction}%".`,
  };
}

/**
 * A percentage, returned in percentage points (12.5 means 12,5 %). A plain number between 0 and 1
 * is read as a fraction (Excel stores 12,5 % as 0.125) and the result carries a `note` saying so.
 * Range checks (0–100) belong to the validator.
 */
export function parsePercent(raw: RawCell): Parsed<number> {
  const what = { vi: "một tỷ lệ phần trăm", en: "a percentage" };
  const common = commonCases(raw, what);
  if (common) return common;

  const badPercent = (r: RawCell): Parsed<number> => {
    const d = describeRaw(r);
    return invalid({
      vi: `${d.vi} không phải là tỷ lệ phần trăm. Hãy nhập ví dụ 12,5 hoặc 12,5 %.`,
      en: `${d.en} is not a percentage. Type e.g. 12.5 or 12.5%.`,
    });
  };
  const fromPlain = (n: number): Parsed<number> => {
    if (n > 0 && n < 1) {
      const points = fractionToPoints(n);
      return { ok: true, value: points, note: fractionNote(n, points) };
    }
    return { ok: true, value: Object.is(n, -0) ? 0 : n };
  };

  if (typeof raw === "number") return Number.isFinite(raw) ? fromPlain(raw) : badPercent(raw);
  if (raw && typeof raw === "object" && "percentFraction" in raw) {
    const f = raw.percentFraction;
    return typeof f === "number" && Number.isFinite(f)
      ? { ok: true, value: fractionToPoints(f) }
      : badPercent(String(f));
  }
  if (typeof raw !== "string") return badPercent(raw);

  const text = normalizeText(raw);
  const m = /^(.*?)\s*%$/.exec(text);
  const numberPart = m ? m[1] : text;
  if (numberPart.includes("%") || numberPart === "") return badPercent(text);
  const read = readNumberText(numberPart);
  if (read.kind === "bad") return badPercent(text);
  if (read.kind === "ambiguous")
    return { ok: false, reason: "ambiguous", message: ambiguousMessage(text, read) };
  // "0,5 %" is explicit: half a percent. Only a bare 0,5 is read as a fraction.
  return m
    ? { ok: true, value: Object.is(read.value, -0) ? 0 : read.value }
    : fromPlain(read.value);
}
