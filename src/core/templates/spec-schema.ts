/**
 * The template spec model as zod schemas. A spec is a JSON document (the shipped ones live in
 * templates/data/<set>/*.json, a later period brings its own folder); these schemas check its shape
 * before `checkSpec` checks its meaning, and the TypeScript types of spec.ts are inferred from them,
 * so the code and the JSON can never describe two different models.
 */
import { z } from "zod";

const text = z.object({ vi: z.string().min(1), en: z.string().min(1) });
const unitKind = z.enum(["phuong", "xa", "tccs", "coQuan", "tapThe"]);
export const severitySchema = z.enum(["error", "warning"]);

/**
 * Which rows a template lists:
 * - DB: the xã/phường of the register (kinds phuong + xa);
 * - XA: only the xã;
 * - DB_CQ: the xã/phường, then the agencies (coQuan);
 * - TCCS: the grassroots party organisations;
 * - PEOPLE: free rows of leadership collectives and individuals (template 3.15), keyed by
 *   (unitCode, ten, chucVu).
 */
export const rowSetSchema = z.enum(["DB", "XA", "DB_CQ", "TCCS", "PEOPLE"]);

/**
 * int: whole number; number: decimal; percent: percentage points (12.5 means 12,5 %); text; enum:
 * one of an EnumSpec's values (stored as its code); boolean; year: int between 1990 and 2100.
 */
export const columnTypeSchema = z.enum([
  "int",
  "number",
  "percent",
  "text",
  "enum",
  "boolean",
  "year",
]);

/** A computed column: recomputed from inputs by the core, written as a formula in sheets. */
export const computedSpecSchema = z.discriminatedUnion("kind", [
  /** (Σnumerator − Σminus) / Σdenominator × 100, rounded to `decimals`; null ("n/a") when Σdenominator = 0. */
  z.object({
    kind: z.literal("percent"),
    numerator: z.array(z.string()).min(1),
    minus: z.array(z.string()).optional(),
    denominator: z.array(z.string()).min(1),
    decimals: z.number().int().min(0).max(6).optional(),
  }),
  /** Σkeys */
  z.object({ kind: z.literal("sum"), keys: z.array(z.string()).min(1) }),
  /** How many of `keys` hold the enum code `code` (e.g. criteria "DAT"). */
  z.object({ kind: z.literal("countEquals"), keys: z.array(z.string()).min(1), code: z.string() }),
  /** true when `key` ≥ threshold, null when `key` is null. */
  z.object({ kind: z.literal("atLeast"), key: z.string(), threshold: z.number() }),
  /** true when every filled enum column in `keys` has rank ≥ the rank of `code` (null when none is filled). */
  z.object({
    kind: z.literal("allAtLeast"),
    keys: z.array(z.string()).min(1),
    enumId: z.string(),
    code: z.string(),
  }),
]);

export const columnSpecSchema = z.object({
  key: z.string().min(1),
  header: text,
  /** Optional super-header (e.g. "Mầm non", "Kiểm tra"), merged over consecutive columns. */
  group: text.optional(),
  type: columnTypeSchema,
  /** Unit of measure shown under the header: "hộ", "triệu đồng", "%", "người" … */
  unitOfMeasure: text.optional(),
  required: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** type "enum": the EnumSpec id (see templates/enums.ts). */
  enumId: z.string().optional(),
  computed: computedSpecSchema.optional(),
  /** Only relevant for some unit kinds; blank elsewhere is fine, even if required. */
  appliesTo: z.array(unitKind).optional(),
  /** Help text shown as the cell input prompt. */
  hint: text.optional(),
  /** Column width in characters (Excel units); writers compute one from the header when absent. */
  width: z.number().positive().optional(),
  /** The column lists identity (stt, unitName, …): filled by the template, locked. */
  identity: z.boolean().optional(),
  /** Shown in the master sheet under the department's group. */
  master: z.boolean().optional(),
});

export const conditionSchema = z.union([
  z.object({ key: z.string(), op: z.enum(["filled", "empty", "true", "false"]) }),
  z.object({
    key: z.string(),
    op: z.enum(["eq", "ne"]),
    value: z.union([z.string(), z.number(), z.boolean()]),
  }),
  z.object({ key: z.string(), op: z.enum(["gte", "lte", "gt", "lt"]), value: z.number() }),
]);

/** A signed term of a linear rule: coef × value(key); empty values count as 0 unless the rule says otherwise. */
export const termSchema = z.object({ key: z.string(), coef: z.number().optional() });

const ruleBase = {
  id: z.string().min(1),
  severity: severitySchema,
  /** Message with placeholders, e.g. "{left} > {right}"; see validate for the placeholders each kind fills. */
  message: text,
  /** Rule applies only when all these hold (e.g. to rows of a unit kind, or when a flag is set). */
  when: z.array(conditionSchema).optional(),
  /** Where the validator points the issue (defaults to the first key of the rule). */
  anchor: z.string().optional(),
  /** Source of the rule, e.g. "HD 21-HD/BTCTW, 2.3". */
  source: z.string().optional(),
};

export const ruleSpecSchema = z.discriminatedUnion("kind", [
  /** Σleft op Σright; skipped when any key is empty and `requireAll` is true (default true). */
  z.object({
    ...ruleBase,
    kind: z.literal("compare"),
    left: z.array(termSchema).min(1),
    op: z.enum(["eq", "lte", "gte"]),
    right: z.array(termSchema).min(1),
    requireAll: z.boolean().optional(),
  }),
  /** value(key) ≤ floor(ratio × value(base)) — e.g. the 20 % quota. */
  z.object({
    ...ruleBase,
    kind: z.literal("quota"),
    key: z.string(),
    base: z.string(),
    ratio: z.number().positive(),
  }),
  /** Every condition in `assert` holds (evaluated only when `when` holds). */
  z.object({ ...ruleBase, kind: z.literal("assert"), assert: z.array(conditionSchema).min(1) }),
  /** Values of `key` are unique across rows (cross-row). */
  z.object({ ...ruleBase, kind: z.literal("unique"), key: z.string() }),
  /** Ranks (1 = best) follow the scores: a higher score never has a worse rank (cross-row). */
  z.object({
    ...ruleBase,
    kind: z.literal("rankFollowsScore"),
    rank: z.string(),
    score: z.string(),
  }),
  /** int between 1 and the number of rows (cross-row). */
  z.object({ ...ruleBase, kind: z.literal("rankInRange"), key: z.string() }),
]);

const year = z.number().int().min(1990).max(2100);

export const templateSpecSchema = z
  .object({
    /** Stable id, used in file names and `_meta`: "noi-vu-cchc", "tccs-bao-cao" … */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    version: z.number().int().positive(),
    /**
     * The periods (years) the template serves: from `validFrom` to `validTo`, both included;
     * absent = open-ended. The catalog of a period is the templates whose range includes it.
     */
    validFrom: year.optional(),
    validTo: year.optional(),
    /** Brief section, e.g. "3.1a". */
    section: z.string(),
    department: z.object({ code: z.string().min(1), name: text }),
    title: text,
    /** Excel sheet name: ≤ 31 characters, no []:*?/\ */
    sheetName: z.string().min(1).max(31),
    rowSet: rowSetSchema,
    /**
     * Each unit the template lists sends its own copy (3.14: a TCCS reports itself), so a copy
     * may list that one unit only (BuildOptions.units; the pane offers the choice of unit).
     */
    eachUnitReports: z.boolean().optional(),
    /** 3.7: rows grouped thành thị (phường) / nông thôn (xã) with subtotals recomputed from sums. */
    groupBy: z.literal("urbanRural").optional(),
    /** All columns in order, including the common identity columns (see common.ts). */
    columns: z.array(columnSpecSchema).min(1),
    rules: z.array(ruleSpecSchema),
    orientation: z.enum(["portrait", "landscape"]),
    /**
     * How to read files of an older version: version → renamed keys (old → new). Versions not
     * listed here (and newer than `version`) are refused.
     */
    readableVersions: z
      .record(z.string(), z.object({ renames: z.record(z.string(), z.string()).optional() }))
      .optional(),
  })
  .refine((s) => s.validFrom === undefined || s.validTo === undefined || s.validFrom <= s.validTo, {
    message: "validFrom must not be after validTo",
    path: ["validTo"],
  });

export type Severity = z.infer<typeof severitySchema>;
export type RowSet = z.infer<typeof rowSetSchema>;
export type ColumnType = z.infer<typeof columnTypeSchema>;
export type ComputedSpec = z.infer<typeof computedSpecSchema>;
export type ColumnSpec = z.infer<typeof columnSpecSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type Term = z.infer<typeof termSchema>;
export type RuleSpec = z.infer<typeof ruleSpecSchema>;
export type TemplateSpec = z.infer<typeof templateSpecSchema>;

/** Parses a spec from JSON-like data: shape (zod) then meaning (checkSpec, passed in to avoid a cycle). */
export function parseTemplateSpec(
  data: unknown,
  check: (spec: TemplateSpec) => string[]
): { ok: true; spec: TemplateSpec } | { ok: false; problems: string[] } {
  const r = templateSpecSchema.safeParse(data);
  if (!r.success)
    return { ok: false, problems: r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  const spec = r.data;
  const problems = check(spec);
  return problems.length ? { ok: false, problems } : { ok: true, spec };
}
