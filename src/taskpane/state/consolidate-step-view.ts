/**
 * One consolidation as the pane shows it: the core step with the period's templates and rule set,
 * plus its view. The Web Worker and the in-pane path both call this, so they cannot drift.
 */
import { consolidateStep, ruleSetFor } from "../../core/master/pipeline";
import type { PeriodSettings } from "../../core/settings/types";
import { templatesForSettings } from "../../core/templates/shipped-sets";
import { consolidationView } from "./consolidation-view";
import type { Consolidated } from "./services";

type StepInput = Parameters<typeof consolidateStep>[0];

export function consolidateForPane(
  input: Pick<StepInput, "submissions" | "refused" | "register"> & {
    settings: PeriodSettings;
    options?: { errorPolicy?: StepInput["errorPolicy"]; deadline?: StepInput["deadline"] };
  },
  now: StepInput["now"]
): Consolidated {
  const { submissions, refused, register, settings, options = {} } = input;
  const catalog = templatesForSettings(settings);
  const result = consolidateStep({
    submissions,
    refused,
    register,
    settings,
    catalog,
    now,
    errorPolicy: options.errorPolicy,
    deadline: options.deadline,
    ruleSet: ruleSetFor(settings),
  });
  return { view: consolidationView(result, catalog, register), result };
}
