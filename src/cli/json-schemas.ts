/**
 * The `--json` outputs of the CLI, described as zod schemas (documented in the README). Commands
 * build their JSON through these types and tests parse the output with them.
 */
import { z } from "zod";

export const localizedTextSchema = z.object({ vi: z.string(), en: z.string() });

/** `xeploai catalog --json` */
export const catalogColumnSchema = z.object({
  key: z.string(),
  header: localizedTextSchema,
  group: localizedTextSchema.optional(),
  type: z.enum(["int", "number", "percent", "text", "enum", "boolean", "year"]),
  required: z.boolean(),
  min: z.number().optional(),
  max: z.number().optional(),
  unitOfMeasure: localizedTextSchema.optional(),
  /** Enum columns: the allowed values (code + label). */
  enumId: z.string().optional(),
  values: z.array(z.object({ code: z.string(), label: localizedTextSchema })).optional(),
  /** Computed columns: the ComputedSpec (kind, keys …); such columns are never read from files. */
  computed: z.record(z.string(), z.unknown()).optional(),
  identity: z.boolean(),
});

export const catalogRuleSchema = z.object({
  id: z.string(),
  kind: z.string(),
  severity: z.enum(["error", "warning"]),
  message: localizedTextSchema,
  source: z.string().optional(),
});

export const catalogTemplateSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  section: z.string(),
  title: localizedTextSchema,
  department: z.object({ code: z.string(), name: localizedTextSchema }),
  sheetName: z.string(),
  rowSet: z.enum(["DB", "XA", "DB_CQ", "TCCS", "PEOPLE"]),
  orientation: z.enum(["portrait", "landscape"]),
  columns: z.array(catalogColumnSchema),
  rules: z.array(catalogRuleSchema),
});

export const catalogJsonSchema = z.object({ templates: z.array(catalogTemplateSchema) });
export type CatalogJson = z.infer<typeof catalogJsonSchema>;

/** `xeploai templates --json` */
export const templatesJsonSchema = z.object({
  outDir: z.string(),
  period: z.number().int(),
  files: z.array(z.object({ templateId: z.string(), path: z.string(), bytes: z.number().int() })),
});
export type TemplatesJson = z.infer<typeof templatesJsonSchema>;

/** One issue, always naming file, sheet and cell (cell null for file/sheet-level issues). */
export const issueJsonSchema = z.object({
  file: z.string(),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  row: z.number().int(),
  column: z.string().nullable(),
  unitCode: z.string().nullable(),
  severity: z.enum(["error", "warning"]),
  rule: z.string(),
  /** In the language asked for (--lang), plus both languages. */
  message: z.string(),
  messages: localizedTextSchema,
});

export const submissionJsonSchema = z.object({
  sheet: z.string(),
  templateId: z.string(),
  templateVersion: z.number().int(),
  period: z.number().int().nullable(),
  /** "meta": from the hidden _meta sheet; "header": from the header row (no _meta). */
  recognizedBy: z.enum(["meta", "header"]),
  firstDataRow: z.number().int(),
  columnLetters: z.record(z.string(), z.string()),
  rows: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  issues: z.array(issueJsonSchema),
  /** Validated rows: register unit code and normalised values (enum codes, numbers, booleans). */
  data: z.array(
    z.object({
      rowNumber: z.number().int(),
      unitCode: z.string().nullable(),
      values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
    })
  ),
});

export const fileResultJsonSchema = z.object({
  file: z.string(),
  /** valid: no errors (warnings allowed); invalid: validation errors; refused: could not be read. */
  status: z.enum(["valid", "invalid", "refused"]),
  refused: z
    .object({ reason: z.string(), message: z.string(), messages: localizedTextSchema })
    .nullable(),
  submissions: z.array(submissionJsonSchema),
  /** File-level issues not tied to one template sheet. */
  issues: z.array(issueJsonSchema),
});

/** `xeploai validate FILE... --json` */
export const validateJsonSchema = z.object({
  files: z.array(fileResultJsonSchema),
  summary: z.object({
    files: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    refused: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
  }),
  /** 0 all valid, 1 any validation error, 2 a file could not be read. */
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
});
export type ValidateJson = z.infer<typeof validateJsonSchema>;
export type FileResultJson = z.infer<typeof fileResultJsonSchema>;
export type IssueJson = z.infer<typeof issueJsonSchema>;
