/**
 * zod schemas for the spec model itself, so a template loaded from JSON (a later period's ships)
 * is checked for shape before `checkSpec` checks its meaning.
 */
import { z } from "zod";
import type { TemplateSpec } from "./spec";

const text = z.object({ vi: z.string().min(1), en: z.string().min(1) });
const unitKind = z.enum(["phuong", "xa", "tccs", "coQuan"]);
const severity = z.enum(["error", "warning"]);

const computed = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("percent"),
    numerator: z.array(z.string()).min(1),
    minus: z.array(z.string()).optional(),
    denominator: z.array(z.string()).min(1),
    decimals: z.number().int().min(0).max(6).optional(),
  }),
  z.object({ kind: z.literal("sum"), keys: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal("countEquals"), keys: z.array(z.string()).min(1), code: z.string() }),
  z.object({ kind: z.literal("atLeast"), key: z.string(), threshold: z.number() }),
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
  group: text.optional(),
  type: z.enum(["int", "number", "percent", "text", "enum", "boolean", "year"]),
  unitOfMeasure: text.optional(),
  required: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  enumId: z.string().optional(),
  computed: computed.optional(),
  appliesTo: z.array(unitKind).optional(),
  hint: text.optional(),
  width: z.number().positive().optional(),
  identity: z.boolean().optional(),
  master: z.boolean().optional(),
});

const condition = z.union([
  z.object({ key: z.string(), op: z.enum(["filled", "empty", "true", "false"]) }),
  z.object({
    key: z.string(),
    op: z.enum(["eq", "ne"]),
    value: z.union([z.string(), z.number(), z.boolean()]),
  }),
  z.object({ key: z.string(), op: z.enum(["gte", "lte", "gt", "lt"]), value: z.number() }),
]);

const term = z.object({ key: z.string(), coef: z.number().optional() });

const ruleBase = {
  id: z.string().min(1),
  severity,
  message: text,
  when: z.array(condition).optional(),
  anchor: z.string().optional(),
  source: z.string().optional(),
};

export const ruleSpecSchema = z.discriminatedUnion("kind", [
  z.object({
    ...ruleBase,
    kind: z.literal("compare"),
    left: z.array(term).min(1),
    op: z.enum(["eq", "lte", "gte"]),
    right: z.array(term).min(1),
    requireAll: z.boolean().optional(),
  }),
  z.object({
    ...ruleBase,
    kind: z.literal("quota"),
    key: z.string(),
    base: z.string(),
    ratio: z.number().positive(),
  }),
  z.object({ ...ruleBase, kind: z.literal("assert"), assert: z.array(condition).min(1) }),
  z.object({ ...ruleBase, kind: z.literal("unique"), key: z.string() }),
  z.object({
    ...ruleBase,
    kind: z.literal("rankFollowsScore"),
    rank: z.string(),
    score: z.string(),
  }),
  z.object({ ...ruleBase, kind: z.literal("rankInRange"), key: z.string() }),
]);

export const templateSpecSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  version: z.number().int().positive(),
  section: z.string(),
  department: z.object({ code: z.string().min(1), name: text }),
  title: text,
  sheetName: z.string().min(1).max(31),
  rowSet: z.enum(["DB", "XA", "DB_CQ", "TCCS", "PEOPLE"]),
  groupBy: z.literal("urbanRural").optional(),
  columns: z.array(columnSpecSchema).min(1),
  rules: z.array(ruleSpecSchema),
  orientation: z.enum(["portrait", "landscape"]),
  readableVersions: z
    .record(z.string(), z.object({ renames: z.record(z.string(), z.string()).optional() }))
    .optional(),
});

/** Parses a spec from JSON-like data: shape (zod) then meaning (checkSpec, passed in to avoid a cycle). */
export function parseTemplateSpec(
  data: unknown,
  check: (spec: TemplateSpec) => string[]
): { ok: true; spec: TemplateSpec } | { ok: false; problems: string[] } {
  const r = templateSpecSchema.safeParse(data);
  if (!r.success)
    return { ok: false, problems: r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  const spec = r.data as unknown as TemplateSpec;
  const problems = check(spec);
  return problems.length ? { ok: false, problems } : { ok: true, spec };
}
