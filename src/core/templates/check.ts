/**
 * `checkSpec`: verifies that a spec (shipped or loaded from JSON) is well-formed before anything
 * uses it — the meaning the zod schema cannot see (keys that exist, enums that exist, order of
 * computed columns).
 */
import { ENUMS } from "./enums";
import { identityKeys } from "./common";
import type { ColumnSpec, Condition, RuleSpec, TemplateSpec } from "./spec";

const NUMERIC = new Set(["int", "number", "percent", "year"]);
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

/** The keys a rule reads. */
export function ruleKeys(rule: RuleSpec): string[] {
  const cond = (cs: Condition[] | undefined) => (cs ?? []).map((c) => c.key);
  const own: string[] = (() => {
    switch (rule.kind) {
      case "compare":
        return [...rule.left, ...rule.right].map((x) => x.key);
      case "quota":
        return [rule.key, rule.base];
      case "assert":
        return cond(rule.assert);
      case "unique":
        return [rule.key];
      case "rankFollowsScore":
        return [rule.rank, rule.score];
      case "rankInRange":
        return [rule.key];
    }
  })();
  return [...own, ...cond(rule.when), ...(rule.anchor ? [rule.anchor] : [])];
}

/** The keys a computed column reads. */
export function computedKeys(col: ColumnSpec): string[] {
  const c = col.computed;
  if (!c) return [];
  switch (c.kind) {
    case "percent":
      return [...c.numerator, ...(c.minus ?? []), ...c.denominator];
    case "sum":
    case "countEquals":
    case "allAtLeast":
      return c.keys;
    case "atLeast":
      return [c.key];
  }
}

/**
 * Problems that make a spec unusable (empty list = well-formed): unique keys and rule ids,
 * identity columns present, computed and rule keys exist (computed ones may only read columns to
 * their left, so one pass in column order computes everything), enum ids and codes exist, numeric
 * rules read numeric columns, legal sheet name.
 */
export function checkSpec(spec: TemplateSpec): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, ColumnSpec>();
  spec.columns.forEach((col, i) => {
    if (byKey.has(col.key)) problems.push(`duplicate column key "${col.key}"`);
    byKey.set(col.key, col);
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(col.key))
      problems.push(`column key "${col.key}" is not an identifier`);
    if (!col.header.vi.trim() || !col.header.en.trim())
      problems.push(`column "${col.key}" lacks a header`);
    if (col.header.vi !== col.header.vi.normalize("NFC"))
      problems.push(`column "${col.key}" header is not NFC`);
    if (col.min !== undefined && col.max !== undefined && col.min > col.max)
      problems.push(`column "${col.key}": min > max`);
    if (col.type === "enum") {
      if (!col.enumId) problems.push(`enum column "${col.key}" has no enumId`);
      else if (!ENUMS[col.enumId])
        problems.push(`column "${col.key}": unknown enum "${col.enumId}"`);
    } else if (col.enumId) problems.push(`column "${col.key}" has an enumId but type ${col.type}`);
    if (col.computed) {
      if (col.required) problems.push(`computed column "${col.key}" cannot be required`);
      const earlier = new Set(spec.columns.slice(0, i).map((c) => c.key));
      for (const k of computedKeys(col)) {
        if (!earlier.has(k))
          problems.push(
            `computed column "${col.key}" reads "${k}", which is not a column to its left`
          );
      }
      const c = col.computed;
      if (c.kind === "allAtLeast") {
        const e = ENUMS[c.enumId];
        if (!e) problems.push(`computed column "${col.key}": unknown enum "${c.enumId}"`);
        else if (!e.values.some((v) => v.code === c.code))
          problems.push(`computed column "${col.key}": "${c.code}" not in ${c.enumId}`);
      }
      if (c.kind === "countEquals") {
        for (const k of c.keys) {
          const e = byKey.get(k)?.enumId;
          if (e && ENUMS[e] && !ENUMS[e].values.some((v) => v.code === c.code))
            problems.push(`computed column "${col.key}": "${c.code}" not in ${e}`);
        }
      }
    }
  });

  for (const k of identityKeys(spec.rowSet))
    if (!byKey.has(k)) problems.push(`identity column "${k}" missing`);
  if (spec.rowSet !== "PEOPLE" && !byKey.get("unitName")?.required)
    problems.push(`unitName must be a required column`);

  const ruleIds = new Set<string>();
  for (const rule of spec.rules) {
    if (ruleIds.has(rule.id)) problems.push(`duplicate rule id "${rule.id}"`);
    ruleIds.add(rule.id);
    if (!rule.message.vi.trim() || !rule.message.en.trim())
      problems.push(`rule "${rule.id}" lacks a message`);
    for (const k of ruleKeys(rule))
      if (!byKey.has(k)) problems.push(`rule "${rule.id}" reads unknown column "${k}"`);
    const numericKeys =
      rule.kind === "compare"
        ? [...rule.left, ...rule.right].map((x) => x.key)
        : rule.kind === "quota"
          ? [rule.key, rule.base]
          : rule.kind === "rankFollowsScore"
            ? [rule.rank, rule.score]
            : rule.kind === "rankInRange"
              ? [rule.key]
              : [];
    for (const k of numericKeys) {
      const col = byKey.get(k);
      if (col && !NUMERIC.has(col.type))
        problems.push(`rule "${rule.id}" needs a numeric column, "${k}" is ${col.type}`);
    }
    for (const c of [...(rule.when ?? []), ...(rule.kind === "assert" ? rule.assert : [])]) {
      const col = byKey.get(c.key);
      if (!col) continue;
      if (
        (c.op === "gte" || c.op === "lte" || c.op === "gt" || c.op === "lt") &&
        !NUMERIC.has(col.type)
      )
        problems.push(`rule "${rule.id}": "${c.op}" on non-numeric "${c.key}"`);
      if (
        (c.op === "eq" || c.op === "ne") &&
        col.type === "enum" &&
        col.enumId &&
        ENUMS[col.enumId]
      ) {
        if (!ENUMS[col.enumId].values.some((v) => v.code === c.value))
          problems.push(`rule "${rule.id}": "${String(c.value)}" not in ${col.enumId}`);
      }
    }
  }

  if (!spec.sheetName || spec.sheetName.length > 31)
    problems.push(`sheetName "${spec.sheetName}" must have 1–31 characters`);
  if (SHEET_NAME_FORBIDDEN.test(spec.sheetName))
    problems.push(`sheetName "${spec.sheetName}" contains one of []:*?/\\`);
  if (/^'|'$/.test(spec.sheetName))
    problems.push(`sheetName "${spec.sheetName}" starts or ends with an apostrophe`);
  if (spec.sheetName !== spec.sheetName.normalize("NFC")) problems.push(`sheetName is not NFC`);
  return problems;
}
