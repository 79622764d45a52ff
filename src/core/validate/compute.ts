/**
 * Computed columns, recomputed from the inputs: a file's cached value is never trusted (a user
 * may have typed over a formula). Columns are computed in order, so a computed column may read
 * one to its left (checkSpec enforces that).
 */
import { getEnum } from "../templates/enums";
import type { ComputedSpec, TemplateSpec } from "../templates/spec";
import type { Value } from "./types";

/** Rounds half away from zero to `decimals` places without binary noise (1.005 → 1.01). */
export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * f * (1 + Number.EPSILON))) / f;
  return Object.is(r, -0) ? 0 : r;
}

function nums(values: Record<string, Value>, keys: string[]): number[] | null {
  const out: number[] = [];
  for (const k of keys) {
    const v = values[k];
    if (typeof v !== "number") return null;
    out.push(v);
  }
  return out;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The value of one computed column given the row's values (null = "n/a" / not computable). */
export function computeValue(c: ComputedSpec, values: Record<string, Value>): Value {
  switch (c.kind) {
    case "percent": {
      const num = nums(values, c.numerator);
      const minus = nums(values, c.minus ?? []);
      const den = nums(values, c.denominator);
      if (!num || !minus || !den) return null;
      const d = sum(den);
      if (d === 0) return null;
      return round(((sum(num) - sum(minus)) / d) * 100, c.decimals ?? 2);
    }
    case "sum": {
      const xs = nums(values, c.keys);
      return xs ? sum(xs) : null;
    }
    case "countEquals": {
      const filled = c.keys.filter((k) => values[k] !== null && values[k] !== undefined);
      if (filled.length === 0) return null;
      return c.keys.filter((k) => values[k] === c.code).length;
    }
    case "atLeast": {
      const v = values[c.key];
      return typeof v === "number" ? v >= c.threshold : null;
    }
    case "allAtLeast": {
      const e = getEnum(c.enumId);
      const rankOf = (code: unknown) => e.values.find((v) => v.code === code)?.rank;
      const threshold = rankOf(c.code) ?? Infinity;
      const filled = c.keys.map((k) => values[k]).filter((v) => v !== null && v !== undefined);
      if (filled.length === 0) return null;
      return filled.every((v) => (rankOf(v) ?? -Infinity) >= threshold);
    }
  }
}

/** A copy of `values` with every computed column of the spec recomputed. */
export function computeRow(
  spec: TemplateSpec,
  values: Record<string, Value>
): Record<string, Value> {
  const out: Record<string, Value> = { ...values };
  for (const col of spec.columns) {
    if (col.computed) out[col.key] = computeValue(col.computed, out);
  }
  return out;
}

/**
 * A subtotal/total row: sums of the numeric input columns of `rows`, then the computed columns
 * recomputed from those sums (rates are never averaged, brief §3.7). A sum is null when any row
 * lacks that value, so a gap is visible instead of a low total. Non-numeric columns are null.
 */
export function aggregateRows(
  spec: TemplateSpec,
  rows: Record<string, Value>[]
): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const col of spec.columns) {
    out[col.key] = null;
    if (col.computed || col.identity || !(col.type === "int" || col.type === "number")) continue;
    let total = 0;
    let complete = rows.length > 0;
    for (const r of rows) {
      const v = r[col.key];
      if (typeof v === "number") total += v;
      else complete = false;
    }
    out[col.key] = complete ? total : null;
  }
  return computeRow(spec, out);
}
