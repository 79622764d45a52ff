/** Cross-field rules (one row) and cross-row rules (the whole sheet) of a spec. */
import { ruleKeys } from "../templates/catalog";
import type { RuleSpec, TemplateSpec, Term } from "../templates/spec";
import { evalAll } from "./conditions";
import type { Params } from "./messages";
import type { Value } from "./types";

export type RowRuleHit = { rule: RuleSpec; anchor: string; params: Params };

/** The key an issue of this rule points at. */
export function anchorOf(rule: RuleSpec): string {
  if (rule.anchor) return rule.anchor;
  switch (rule.kind) {
    case "compare":
      return rule.left[0]!.key;
    case "quota":
    case "unique":
    case "rankInRange":
      return rule.key;
    case "assert":
      return rule.assert[0]!.key;
    case "rankFollowsScore":
      return rule.rank;
  }
}

export const CROSS_ROW_KINDS = new Set(["unique", "rankFollowsScore", "rankInRange"]);

function sumTerms(
  terms: Term[],
  values: Record<string, Value>,
  requireAll: boolean
): number | null {
  let total = 0;
  for (const t of terms) {
    const v = values[t.key];
    if (typeof v !== "number") {
      if (requireAll) return null;
      continue;
    }
    total += (t.coef ?? 1) * v;
  }
  return total;
}

/**
 * Evaluates one row's cross-field rules. Rules that read a key in `badKeys` (a cell with its own
 * error) are skipped so one typo does not cascade into several messages.
 */
export function checkRowRules(
  spec: TemplateSpec,
  values: Record<string, Value>,
  badKeys: Set<string>
): RowRuleHit[] {
  const hits: RowRuleHit[] = [];
  for (const rule of spec.rules) {
    if (CROSS_ROW_KINDS.has(rule.kind)) continue;
    if (badKeys.size > 0 && ruleKeys(rule).some((k) => badKeys.has(k))) continue;
    if (evalAll(rule.when, values) !== true) continue;
    const anchor = anchorOf(rule);
    switch (rule.kind) {
      case "compare": {
        const requireAll = rule.requireAll ?? true;
        const l = sumTerms(rule.left, values, requireAll);
        const r = sumTerms(rule.right, values, requireAll);
        if (l === null || r === null) break;
        const ok = rule.op === "eq" ? l === r : rule.op === "lte" ? l <= r : l >= r;
        if (!ok) hits.push({ rule, anchor, params: { left: l, right: r, diff: Math.abs(l - r) } });
        break;
      }
      case "quota": {
        const v = values[rule.key];
        const b = values[rule.base];
        if (typeof v !== "number" || typeof b !== "number") break;
        const allowed = Math.floor(rule.ratio * b + 1e-9);
        if (v > allowed)
          hits.push({ rule, anchor, params: { value: v, base: b, allowed, excess: v - allowed } });
        break;
      }
      case "assert": {
        if (evalAll(rule.assert, values) === false) hits.push({ rule, anchor, params: {} });
        break;
      }
      default:
        break;
    }
  }
  return hits;
}

/** A row as the cross-row rules see it. */
export interface SheetRow {
  row: number;
  unit: string;
  values: Record<string, Value>;
  badKeys: Set<string>;
}

export type CrossRowHit = { rule: RuleSpec; row: number; anchor: string; params: Params };

/** `n`: the number of rows listed in the sheet (the upper bound of a rank). */
export function checkCrossRowRules(
  spec: TemplateSpec,
  rows: SheetRow[],
  n: number = rows.length
): CrossRowHit[] {
  const hits: CrossRowHit[] = [];
  for (const rule of spec.rules) {
    if (!CROSS_ROW_KINDS.has(rule.kind)) continue;
    const usable = rows.filter(
      (r) =>
        !(r.badKeys.size > 0 && ruleKeys(rule).some((k) => r.badKeys.has(k))) &&
        evalAll(rule.when, r.values) === true
    );
    const anchor = anchorOf(rule);
    if (rule.kind === "unique") {
      const first = new Map<Value, SheetRow>();
      for (const r of usable) {
        const v = r.values[rule.key];
        if (v === null || v === undefined || v === "") continue;
        const seen = first.get(v);
        if (seen)
          hits.push({
            rule,
            row: r.row,
            anchor,
            params: { value: v, otherRow: seen.row, otherUnit: seen.unit },
          });
        else first.set(v, r);
      }
    } else if (rule.kind === "rankInRange") {
      for (const r of usable) {
        const v = r.values[rule.key];
        if (typeof v === "number" && (v < 1 || v > n || !Number.isInteger(v)))
          hits.push({ rule, row: r.row, anchor, params: { value: v, n } });
      }
    } else if (rule.kind === "rankFollowsScore") {
      const ranked = usable.filter(
        (r) => typeof r.values[rule.rank] === "number" && typeof r.values[rule.score] === "number"
      );
      for (const a of ranked) {
        const ra = a.values[rule.rank] as number;
        const sa = a.values[rule.score] as number;
        // A unit with a lower score but a better (smaller) rank: report on the higher-scored row once.
        const offenders = ranked.filter(
          (b) => (b.values[rule.score] as number) < sa && (b.values[rule.rank] as number) < ra
        );
        if (offenders.length === 0) continue;
        const b = offenders.reduce((x, y) =>
          (y.values[rule.rank] as number) < (x.values[rule.rank] as number) ? y : x
        );
        hits.push({
          rule,
          row: a.row,
          anchor,
          params: {
            rank: ra,
            score: sa,
            otherUnit: b.unit,
            otherScore: b.values[rule.score],
            otherRank: b.values[rule.rank],
            otherRow: b.row,
          },
        });
      }
    }
  }
  return hits;
}
