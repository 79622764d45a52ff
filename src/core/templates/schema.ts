/**
 * The zod schema of a template row, derived from its spec (never hand-written per template).
 * Each input column reads its raw cell with the shared normalize parsers, then checks required,
 * min/max, enum membership and `onlyFor` against the row's unit kind. Computed columns are not
 * inputs: whatever the file holds there is ignored (validate recomputes them).
 *
 * Issues are zod "custom" issues whose `params` carry `{ rule, vi, en }`: the rule id and a detail
 * message without the cell/unit prefix, which validate adds.
 */
import { z } from "zod";
import type { LocalizedText } from "../i18n";
import {
  describeRaw,
  parseBoolean,
  parseEnum,
  parseNumber,
  parsePercent,
  parseText,
} from "../normalize";
import type { Parsed } from "../normalize";
import type { UnitKind } from "../units/types";
import type { RawCell, Value } from "../validate/types";
import { getEnum } from "./enums";
import type { ColumnSpec, TemplateSpec } from "./spec";

export type CellResult =
  { ok: true; value: Value } | { ok: false; rule: string; message: LocalizedText };

const KIND_VI: Record<UnitKind, string> = {
  phuong: "phường",
  xa: "xã",
  tccs: "tổ chức cơ sở đảng",
  coQuan: "cơ quan",
  tapThe: "cơ quan, đơn vị thị xã",
};
const KIND_EN: Record<UnitKind, string> = {
  phuong: "ward",
  xa: "commune",
  tccs: "grassroots organisation",
  coQuan: "agency",
  tapThe: "body of the town",
};

function fmtVi(n: number): string {
  return String(n).replace(".", ",");
}

/** "từ 0 đến 100", "từ 0 trở lên" … for messages. */
function rangeText(col: ColumnSpec): LocalizedText | null {
  const { min, max } = col;
  if (min !== undefined && max !== undefined)
    return { vi: `từ ${fmtVi(min)} đến ${fmtVi(max)}`, en: `from ${min} to ${max}` };
  if (min !== undefined) return { vi: `từ ${fmtVi(min)} trở lên`, en: `of at least ${min}` };
  if (max !== undefined) return { vi: `không quá ${fmtVi(max)}`, en: `of at most ${max}` };
  return null;
}

/** What to type into this column, for "Hãy nhập …" sentences. */
export function expectedText(col: ColumnSpec): LocalizedText {
  const r = rangeText(col);
  const withRange = (vi: string, en: string): LocalizedText =>
    r ? { vi: `${vi} ${r.vi}`, en: `${en} ${r.en}` } : { vi, en };
  switch (col.type) {
    case "int":
      return withRange("một số nguyên", "a whole number");
    case "number":
      return withRange("một số", "a number");
    case "percent":
      return withRange("một tỷ lệ phần trăm", "a percentage");
    case "year":
      return withRange("một năm (4 chữ số)", "a year (4 digits)");
    case "boolean":
      return { vi: '"x"/"Có" hoặc "Không"', en: '"x"/yes or no' };
    case "enum": {
      const e = col.enumId ? getEnum(col.enumId) : null;
      const list = e ? e.values.map((v) => `"${v.label.vi}"`).join(", ") : "";
      return { vi: `một trong: ${list}`, en: `one of: ${list}` };
    }
    case "text":
      return { vi: "nội dung", en: "text" };
  }
}

function fail(rule: string, message: LocalizedText): CellResult {
  return { ok: false, rule, message };
}

function fromParsed<T extends Value>(
  p: Parsed<T>,
  rule: string,
  col: ColumnSpec
): CellResult | { ok: true; value: T | null } {
  if (p.ok) return { ok: true, value: p.value };
  if (p.reason === "error-value") return fail("excelError", p.message);
  if (p.reason === "ambiguous") return fail("ambiguous", p.message);
  // The parser says what was wrong; add the column's own range so the fix is complete.
  const r = rangeText(col);
  return fail(
    rule,
    r
      ? { vi: `${p.message.vi} Giá trị hợp lệ: ${r.vi}.`, en: `${p.message.en} Allowed: ${r.en}.` }
      : p.message
  );
}

function isApplicable(col: ColumnSpec, unitKind: UnitKind | undefined): boolean {
  return !col.appliesTo || (unitKind !== undefined && col.appliesTo.includes(unitKind));
}

/**
 * Reads one cell of one column: parse, required, min/max, onlyFor. Pure; used by the zod schema
 * and by anything that needs a single cell checked (e.g. the task pane on cell change).
 */
export function parseCell(col: ColumnSpec, raw: RawCell, unitKind?: UnitKind): CellResult {
  let parsed: CellResult | { ok: true; value: Value };
  switch (col.type) {
    case "int":
      parsed = fromParsed(parseNumber(raw, { integer: true }), "int", col);
      break;
    case "number":
      parsed = fromParsed(parseNumber(raw), "number", col);
      break;
    case "percent":
      parsed = fromParsed(parsePercent(raw), "percent", col);
      break;
    case "year":
      parsed = fromParsed(parseNumber(raw, { integer: true }), "year", col);
      break;
    case "boolean":
      parsed = fromParsed(parseBoolean(raw), "boolean", col);
      break;
    case "text":
      parsed = fromParsed(parseText(raw), "text", col);
      break;
    case "enum":
      parsed = fromParsed(parseEnum(raw, getEnum(col.enumId ?? "")), "enum", col);
      break;
  }
  if (!parsed.ok) return parsed;
  const value = parsed.value;

  if (value === null) {
    if (col.required && !col.computed && isApplicable(col, unitKind)) {
      const exp = expectedText(col);
      return fail("required", {
        vi: `Ô bắt buộc đang để trống. Hãy nhập ${exp.vi}.`,
        en: `This required cell is empty. Enter ${exp.en}.`,
      });
    }
    return { ok: true, value: null };
  }

  if (typeof value === "number") {
    // What to type instead (expectedText) is only made when the value is refused.
    if (col.type === "year" && (value < (col.min ?? 1990) || value > (col.max ?? 2100))) {
      return fail("year", {
        vi: `${describeRaw(raw).vi} không phải là một năm hợp lệ. Hãy nhập ${expectedText(col).vi}.`,
        en: `${describeRaw(raw).en} is not a valid year. Enter ${expectedText(col).en}.`,
      });
    }
    if (col.min !== undefined && value < col.min) {
      const neg = value < 0 && col.min >= 0;
      return fail("min", {
        vi: `${fmtVi(value)} ${neg ? "là số âm" : `nhỏ hơn ${fmtVi(col.min)}`}. Hãy nhập ${expectedText(col).vi}.`,
        en: `${value} is ${neg ? "negative" : `below ${col.min}`}. Enter ${expectedText(col).en}.`,
      });
    }
    if (col.max !== undefined && value > col.max) {
      return fail("max", {
        vi: `${fmtVi(value)} lớn hơn ${fmtVi(col.max)}. Hãy nhập ${expectedText(col).vi}.`,
        en: `${value} is above ${col.max}. Enter ${expectedText(col).en}.`,
      });
    }
  }

  if (col.type === "enum" && typeof value === "string" && unitKind) {
    const spec = getEnum(col.enumId ?? "");
    const ev = spec.values.find((v) => v.code === value);
    if (ev?.onlyFor && !ev.onlyFor.includes(unitKind)) {
      const allowed = spec.values.filter((v) => !v.onlyFor || v.onlyFor.includes(unitKind));
      const forVi = ev.onlyFor.map((k) => KIND_VI[k]).join(", ");
      const forEn = ev.onlyFor.map((k) => KIND_EN[k]).join(", ");
      return fail("enum.onlyFor", {
        vi: `"${ev.label.vi}" chỉ dùng cho ${forVi}, đơn vị này là ${KIND_VI[unitKind]}. Hãy chọn một trong: ${allowed.map((v) => `"${v.label.vi}"`).join(", ")}.`,
        en: `"${ev.label.en}" applies only to a ${forEn}; this unit is a ${KIND_EN[unitKind]}. Choose one of: ${allowed.map((v) => `"${v.label.vi}"`).join(", ")}.`,
      });
    }
  }
  return { ok: true, value };
}

/**
 * How a parser read a cell when the reading is not the literal one (e.g. "1.234" read as 1234 in a
 * count, 0,125 read as 12,5 %). validate turns it into a warning so nothing is silently guessed.
 */
export function cellNote(col: ColumnSpec, raw: RawCell): LocalizedText | null {
  // Only typed text, or a bare fraction in a % column, can be read non-literally: numbers stored as
  // numbers (the usual case) skip the second parse.
  const fraction = col.type === "percent" && typeof raw === "number" && raw > 0 && raw < 1;
  if (typeof raw !== "string" && !fraction) return null;
  let p: Parsed<Value> | null = null;
  if (col.type === "int" || col.type === "year") p = parseNumber(raw, { integer: true });
  else if (col.type === "number") p = parseNumber(raw);
  else if (col.type === "percent") p = parsePercent(raw);
  return p && p.ok && "note" in p && p.note ? p.note : null;
}

/** The input columns of a spec: everything except computed columns. */
export function inputColumns(spec: TemplateSpec): ColumnSpec[] {
  return spec.columns.filter((c) => !c.computed);
}

export interface RowIssueParams {
  rule: string;
  vi: string;
  en: string;
}

const cache = new WeakMap<TemplateSpec, Map<string, z.ZodType<Record<string, Value>>>>();

/**
 * zod schema of one row for a unit of `unitKind` (undefined when the unit is unknown: `appliesTo`
 * and `onlyFor` are then not enforced). Input: cells by column key; output: values by key.
 * Unknown keys and computed columns are dropped.
 */
export function rowSchema(
  spec: TemplateSpec,
  unitKind?: UnitKind
): z.ZodType<Record<string, Value>> {
  let perKind = cache.get(spec);
  if (!perKind) cache.set(spec, (perKind = new Map()));
  const cacheKey = unitKind ?? "";
  const hit = perKind.get(cacheKey);
  if (hit) return hit;

  const shape: Record<string, z.ZodType<Value>> = {};
  for (const col of inputColumns(spec)) {
    shape[col.key] = z
      .custom<RawCell>(() => true)
      .optional()
      .transform((raw, ctx): Value => {
        const r = parseCell(col, raw, unitKind);
        if (r.ok) return r.value;
        const params: RowIssueParams = { rule: r.rule, vi: r.message.vi, en: r.message.en };
        ctx.addIssue({ code: "custom", message: r.message.en, params });
        return z.NEVER;
      });
  }
  const schema = z.object(shape) as unknown as z.ZodType<Record<string, Value>>;
  perKind.set(cacheKey, schema);
  return schema;
}
