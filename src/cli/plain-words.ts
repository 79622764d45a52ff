/**
 * How the command line names things to a person: a template by its number and sheet, a rule set or
 * template set by its title, a date as dd/mm/yyyy, the hidden sheet by what it is for. Ids, keys,
 * codes and ISO dates stay in --json and the logs. Options and commands a person types are named
 * as typed ("thêm --force").
 */
import type { LocalizedText } from "../core/i18n";
import { checkRuleSetPeriod, ruleSetRange } from "../core/rules";
import type { RuleSet } from "../core/rules/types";
import { TEMPLATE_SETS } from "../core/templates/shipped-sets";
import type { TemplateSpec } from "../core/templates/spec";
import { catalogFor, type TemplateSet } from "../core/templates/template-set";

/** The hidden `_meta` sheet, as its user knows it. */
export const HIDDEN_INFO_SHEET: LocalizedText = {
  vi: "trang thông tin mẫu biểu ẩn",
  en: "hidden template information sheet",
};

/** "3.6 “Y tế”": a template by its number and sheet name (the id only for one no set knows). */
export function templateName(templateId: string, catalog: readonly TemplateSpec[]): string {
  const spec =
    catalog.find((s) => s.id === templateId) ??
    Object.values(TEMPLATE_SETS)
      .flatMap((s) => s.specs)
      .find((s) => s.id === templateId);
  return spec ? `${spec.section} “${spec.sheetName}”` : `“${templateId}”`;
}

/** “Quy định 366-QĐ/TW (từ năm 2025)”: a rule set or template set by its title. */
export function titleOf(set: { name: LocalizedText }): LocalizedText {
  return { vi: `“${set.name.vi}”`, en: `“${set.name.en}”` };
}

/** "2019-12-25" → "25/12/2019"; anything else as it is. */
export function dateWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An ISO time → "03/12/2026 21:40" in this machine's time zone; anything else as it is. */
export function dateTimeWords(iso: string): string {
  const d = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "cho các năm 2019–2024", "từ năm 2025": where a template set applies, inside a sentence. */
function setRange(r: { validFrom?: number; validTo?: number }): LocalizedText {
  if (r.validFrom !== undefined && r.validTo !== undefined)
    return { vi: `cho các năm ${r.validFrom}–${r.validTo}`, en: `${r.validFrom}–${r.validTo}` };
  if (r.validFrom !== undefined) return { vi: `từ năm ${r.validFrom}`, en: `from ${r.validFrom}` };
  if (r.validTo !== undefined) return { vi: `đến năm ${r.validTo}`, en: `until ${r.validTo}` };
  return { vi: "cho mọi năm", en: "every year" };
}

/**
 * The templates of a set for a period (core's catalogFor), said with the set's title: refused when
 * the set does not serve the period, or used with --force and a warning for the master.
 */
export function templateSetForRun(
  set: TemplateSet,
  period: number,
  force: boolean
):
  | { ok: true; catalog: TemplateSpec[]; warning: LocalizedText | null }
  | { ok: false; message: LocalizedText } {
  const r = catalogFor(set, period, force);
  const name = titleOf(set);
  const range = setRange(set);
  if (!r.ok)
    return {
      ok: false,
      message: {
        vi: `Bộ mẫu biểu ${name.vi} áp dụng ${range.vi}, không dùng cho năm ${period}. Hãy chọn bộ mẫu biểu của năm ${period} (--templates THƯ_MỤC, hoặc templateSetId trong tệp cấu hình), hoặc thêm --force nếu chắc chắn muốn dùng.`,
        en: `The template set ${name.en} serves ${range.en}, not ${period}. Choose the ${period} template set (--templates DIR, or templateSetId in the settings file), or add --force if you are sure.`,
      },
    };
  if (!r.warning) return r;
  return {
    ...r,
    warning: {
      vi: `Bộ mẫu biểu ${name.vi} (áp dụng ${range.vi}) được dùng cho năm ${period} theo yêu cầu (--force); hãy kiểm tra kỹ các tệp đã nhận.`,
      en: `The template set ${name.en} (for ${range.en}) was used for ${period} as asked (--force); check the files taken carefully.`,
    },
  };
}

/**
 * A rule set checked against the period (core's checkRuleSetPeriod), said with its title: refused
 * outside its years, or used with --force and a warning for the master.
 */
export function ruleSetForRun(
  ruleSet: RuleSet,
  period: number,
  force: boolean
): { ok: true; warning: LocalizedText | null } | { ok: false; message: LocalizedText } {
  const r = checkRuleSetPeriod(ruleSet, period, force);
  const name = titleOf(ruleSet);
  const range = ruleSetRange(ruleSet);
  if (!r.ok)
    return {
      ok: false,
      message: {
        vi: `Bộ quy tắc xếp loại ${name.vi} áp dụng ${range.vi}, không dùng cho năm ${period}. Hãy chọn bộ quy tắc của năm ${period} (--rules TỆP, hoặc ruleSetId trong tệp cấu hình), hoặc thêm --force nếu chắc chắn muốn dùng.`,
        en: `The rule set ${name.en} serves ${range.en}, not ${period}. Choose the ${period} rule set (--rules FILE, or ruleSetId in the settings file), or add --force if you are sure.`,
      },
    };
  if (!r.warning) return r;
  return {
    ok: true,
    warning: {
      vi: `Bộ quy tắc xếp loại ${name.vi} (áp dụng ${range.vi}) được dùng cho năm ${period} theo yêu cầu (--force); hãy kiểm tra kỹ các mức đề xuất.`,
      en: `The rule set ${name.en} (for ${range.en}) was used for ${period} as asked (--force); check the suggestions carefully.`,
    },
  };
}
