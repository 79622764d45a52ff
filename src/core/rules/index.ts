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

/** Does the rule set serve the period (validFrom … validTo)? */
export function ruleSetServes(ruleSet: RuleSet, period: number): boolean {
  return ruleSet.validFrom <= period && period <= (ruleSet.validTo ?? Infinity);
}

/** "cho các năm 2019–2024", "từ năm 2025": the periods a rule set serves, inside a sentence. */
export function ruleSetRange(ruleSet: RuleSet): LocalizedText {
  return ruleSet.validTo !== undefined
    ? {
        vi: `cho các năm ${ruleSet.validFrom}–${ruleSet.validTo}`,
        en: `${ruleSet.validFrom}–${ruleSet.validTo}`,
      }
    : { vi: `từ năm ${ruleSet.validFrom}`, en: `from ${ruleSet.validFrom}` };
}

/** The shipped rule set serving a period (the latest-starting one), or null. */
export function ruleSetForPeriod(period: number): RuleSet | null {
  const serving = Object.values(RULE_SETS).filter((r) => ruleSetServes(r, period));
  serving.sort((a, b) => b.validFrom - a.validFrom);
  return serving[0] ?? null;
}

/**
 * A rule set used for a period outside its range is refused; with `force` it is used and the
 * returned warning goes on the master.
 */
export function checkRuleSetPeriod(
  ruleSet: RuleSet,
  period: number,
  force = false
): { ok: true; warning: LocalizedText | null } | { ok: false; message: LocalizedText } {
  if (ruleSetServes(ruleSet, period)) return { ok: true, warning: null };
  const range = ruleSetRange(ruleSet);
  if (!force)
    return {
      ok: false,
      message: {
        vi: `Bộ quy tắc "${ruleSet.id}" áp dụng ${range.vi}, không dùng cho năm ${period}. Hãy chọn bộ quy tắc của năm ${period} (--rules hoặc ruleSetId trong cấu hình), hoặc thêm --force nếu chắc chắn muốn dùng.`,
        en: `Rule set "${ruleSet.id}" serves ${range.en}, not ${period}. Choose the ${period} rule set (--rules or ruleSetId in the settings), or add --force if you are sure.`,
      },
    };
  return {
    ok: true,
    warning: {
      vi: `Bộ quy tắc "${ruleSet.id}" (áp dụng ${range.vi}) được dùng cho năm ${period} theo yêu cầu (--force); hãy kiểm tra kỹ các mức đề xuất.`,
      en: `Rule set "${ruleSet.id}" (for ${range.en}) used for ${period} as asked (--force); check the suggestions carefully.`,
    },
  };
}

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
