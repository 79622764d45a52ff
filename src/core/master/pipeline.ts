/**
 * The whole job in memory: consolidate → classify (with the hand-filled columns of the previous
 * master) → quota → the master workbook model. Pure; the CLI and the task pane do the I/O.
 */
import { classifyAll } from "../classify/classify";
import type { Classification, QuotaResult } from "../classify/types";
import { consolidate } from "../consolidate/consolidate";
import type { Consolidation, ErrorPolicy } from "../consolidate/types";
import type { LocalizedText } from "../i18n";
import { getRuleSet } from "../rules";
import { HD21_2019 } from "../rules/hd21-2019";
import type { RuleSet } from "../rules/types";
import type { PeriodSettings } from "../settings/types";
import type { WorkbookModel } from "../sheet/model";
import type { RefusedFile, Submission } from "../submission/types";
import type { TemplateSpec } from "../templates/spec";
import type { UnitRegister } from "../units/types";
import { buildMasterWorkbook } from "./build";
import type { ManualRead } from "./manual";

export interface PipelineInput {
  submissions: Submission[];
  refused?: RefusedFile[];
  /** What readManualColumns found in the previous master, if any. */
  previous?: ManualRead | null;
  settings: PeriodSettings;
  register: UnitRegister;
  catalog: readonly TemplateSpec[];
  ruleSet?: RuleSet;
  errorPolicy?: ErrorPolicy;
  deadline?: string;
  now?: string;
  /**
   * Warnings about the run itself (a rule or template set used outside its periods with --force):
   * recorded in the master's log (Nhật ký) and the JSON.
   */
  runWarnings?: LocalizedText[];
}

export interface PipelineResult {
  ruleSet: RuleSet;
  consolidation: Consolidation;
  classification: Classification;
  quota: QuotaResult;
  model: WorkbookModel;
}

/** The rule set in force: the one given, else the period's, else HD21-2019. */
export function ruleSetFor(settings: PeriodSettings, given?: RuleSet): RuleSet {
  return given ?? getRuleSet(settings.ruleSetId) ?? HD21_2019;
}

/** Step 1: consolidate the submissions (the task pane shows this before writing anything). */
export function consolidateStep(
  input: Omit<PipelineInput, "previous"> & { ruleSet: RuleSet }
): Consolidation {
  return consolidate(input.submissions, {
    register: input.register,
    settings: input.settings,
    catalog: input.catalog,
    errorPolicy: input.errorPolicy,
    deadline: input.deadline,
    now: input.now,
    refused: input.refused,
    ruleSet: input.ruleSet,
  });
}

/** Step 2: classify with the previous master's hand-filled columns, then lay out the master. */
export function masterStep(input: {
  consolidation: Consolidation;
  previous?: ManualRead | null;
  settings: PeriodSettings;
  register: UnitRegister;
  catalog: readonly TemplateSpec[];
  ruleSet: RuleSet;
}): Omit<PipelineResult, "consolidation"> {
  const { consolidation, ruleSet } = input;
  const previous = input.previous?.isMaster === false ? null : input.previous;
  const manual = previous?.manual ?? {};
  const leaderManual = previous?.leaders ?? {};
  const { classification, quota } = classifyAll(consolidation, {
    register: input.register,
    ruleSet,
    catalog: input.catalog,
    manual,
    leaderManual,
  });
  const model = buildMasterWorkbook({
    consolidation,
    classification,
    quota,
    settings: input.settings,
    register: input.register,
    catalog: input.catalog,
    manual,
    leaderManual,
    log: previous?.log ?? [],
    ruleSet,
  });
  return { ruleSet, classification, quota, model };
}

/** The whole job in memory, as the command line runs it. */
export function runPipeline(input: PipelineInput): PipelineResult {
  const ruleSet = ruleSetFor(input.settings, input.ruleSet);
  const consolidation = consolidateStep({ ...input, ruleSet });
  for (const message of input.runWarnings ?? [])
    consolidation.warnings.push({ rule: "run.force", unitCode: "", message, sources: [] });
  return { consolidation, ...masterStep({ ...input, consolidation, ruleSet }) };
}
