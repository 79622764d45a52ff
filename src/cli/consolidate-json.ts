/** The `--json` output of `xeploai consolidate` (and the consolidation part of `xeploai demo`). */
import { z } from "zod";
import { localizedTextSchema } from "./json-schemas";

const level = z.enum(["HTXSNV", "HTTNV", "HTNV", "KHTNV"]);
const cellSource = z.object({ file: z.string(), sheet: z.string(), cell: z.string().nullable() });

export const consolidateJsonSchema = z.object({
  master: z.string(),
  /** The master file was (re)written. */
  written: z.boolean(),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  /** Why nothing was written (exit code 2), else null. */
  error: localizedTextSchema.nullable(),
  period: z.number().int(),
  deadline: z.string(),
  errorPolicy: z.enum(["dropErroneousRows", "takeMarked", "dropFile"]),
  ruleSetId: z.string(),
  /** The rule set's title, for what a person reads (the summary names it, never the id). */
  ruleSetName: localizedTextSchema,
  files: z.array(
    z.object({
      file: z.string(),
      sheet: z.string(),
      templateId: z.string(),
      status: z.enum(["taken", "partly", "leftOut", "superseded"]),
      rowsTaken: z.number().int(),
      rowsLeftOut: z.number().int(),
      rowsSuperseded: z.number().int(),
      rowsMarked: z.number().int(),
      late: z.boolean(),
      submittedAt: z.string().nullable(),
    })
  ),
  refused: z.array(
    z.object({
      file: z.string(),
      reason: z.string(),
      message: z.string(),
      messages: localizedTextSchema,
    })
  ),
  excluded: z.array(
    z.object({
      file: z.string(),
      sheet: z.string(),
      templateId: z.string(),
      scope: z.enum(["file", "row"]),
      row: z.number().int().nullable(),
      unitCode: z.string().nullable(),
      reason: z.string(),
      message: z.string(),
    })
  ),
  conflicts: z.array(
    z.object({
      templateId: z.string(),
      unitCode: z.string(),
      winner: z.string(),
      loser: z.string(),
      message: z.string(),
    })
  ),
  completeness: z.object({
    expected: z.number().int(),
    valid: z.number().int(),
    hasErrors: z.number().int(),
    missing: z.number().int(),
    late: z.number().int(),
    missingTemplates: z.array(z.string()),
  }),
  classification: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      selfRating: level.nullable(),
      cap: level,
      suggested: level.nullable(),
      deXuatBtc: level.nullable(),
      quyetDinhBtv: level.nullable(),
      complete: z.boolean(),
      reasons: z.array(
        z.object({
          ruleId: z.string(),
          kind: z.enum(["cap", "missing", "info"]),
          maxLevel: level.nullable(),
          source: z.string(),
          message: z.string(),
          cells: z.array(cellSource),
        })
      ),
      /** Each quality criterion: what the TCCS claimed, and the evidence read for it. */
      criteria: z.array(
        z.object({
          criterion: z.enum(["tcXdDangXuatSac", "tcKtxhXuatSac", "tcConLaiTot"]),
          label: z.string(),
          /** Ticked in the TCCS report (null: no report). */
          claimed: z.boolean().nullable(),
          cell: cellSource.nullable(),
          /** ok | fails (a capping rule fails) | insufficient (data missing) | none (no rule). */
          status: z.enum(["ok", "fails", "insufficient", "none"]),
          evidence: z.array(
            z.object({
              ruleId: z.string(),
              templateId: z.string(),
              department: z.string(),
              status: z.enum(["pass", "fail", "missing", "notTested"]),
              value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
              consequence: z.enum(["cap", "warn"]),
              maxLevel: level.nullable(),
              source: z.string(),
              message: z.string(),
              cells: z.array(cellSource),
            })
          ),
        })
      ),
    })
  ),
  quota: z.array(
    z.object({
      kind: z.enum(["organisations", "members"]),
      group: z.string(),
      label: z.string(),
      base: z.number().int(),
      allowed: z.number().int(),
      used: z.number().int(),
      excess: z.number().int(),
      candidates: z.array(z.string()),
    })
  ),
  warnings: z.array(
    z.object({
      rule: z.string(),
      /** "error": the data contradict each other (e.g. members disciplined > members KHTNV). */
      severity: z.enum(["error", "warning"]),
      unitCode: z.string(),
      message: z.string(),
      sources: z.array(cellSource),
    })
  ),
  /** Units whose hand-filled columns were carried over from the existing master. */
  /** Units of "Tổng hợp" whose hand-filled columns came from the previous master. */
  manualKept: z.number().int(),
  /** Rows of "Lãnh đạo" whose hand-filled columns came from the previous master. */
  manualKeptLeaders: z.number().int(),
  manualIssues: z.array(z.string()),
  /** What the run did beside consolidating: a lock or temporary file left by a killed run removed. */
  notes: z.array(z.string()),
});
export type ConsolidateJson = z.infer<typeof consolidateJsonSchema>;
