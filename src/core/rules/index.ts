/** Rule sets shipped with the product, and loading one from JSON. */
import type { LocalizedText } from "../i18n";
import { HD21_2019 } from "./hd21-2019";
import { QD366_2025 } from "./qd366-2025";
import { ruleSetSchema, type RuleSet } from "./types";

export * from "./types";
export { HD21_2019, QD366_2025 };

export const RULE_SETS: Record<string, RuleSet> = {
  [HD21_2019.id]: HD21_2019,
  [QD366_2025.id]: QD366_2025,
};

/** The shipped rule set with this id, or null. */
export function getRuleSet(id: string): RuleSet | null {
  return RULE_SETS[id] ?? null;
}

export type RuleSetLoad = { ok: true; ruleSet: RuleSet } | { ok: false; message: LocalizedText };

/** Validates a rule set given as JSON text or a parsed object (e.g. a period's own rules file). */
export function parseRuleSet(input: unknown): RuleSetLoad {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        message: {
          vi: `Bộ quy tắc không phải JSON hợp lệ: ${why}`,
          en: `The rule set is not valid JSON: ${why}`,
        },
      };
    }
  }
  const parsed = ruleSetSchema.safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return {
      ok: false,
      message: {
        vi: `Bộ quy tắc có giá trị sai (${detail}).`,
        en: `The rule set has invalid values (${detail}).`,
      },
    };
  }
  return { ok: true, ruleSet: parsed.data };
}
