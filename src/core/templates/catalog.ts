/**
 * The default template catalog: the 2019 set (every department template of brief §3), read from
 * the JSON files of templates/data/hd21-2019. Other periods: see shipped-sets.ts and template-set.ts.
 */
import type { LocalizedText } from "../i18n";
import type { TemplateSpec } from "./spec";
import { HD21_2019_TEMPLATES } from "./shipped-sets";

export { checkSpec, ruleKeys, computedKeys } from "./check";

/**
 * In brief order (3.1a … 3.15).
 * Rules that span templates are not template rules; the consolidation step owns them:
 * - TC11 "Hộ nghèo" of kinh-te-ntm vs the poverty rate of ldtbxh (same xã);
 * - a leader (lanh-dao) rated above the unit they head (tccs-bao-cao / master);
 * - condition 3 / cap 3: dan-van `dkHtxsTccs` joined to the Đảng bộ xã/phường by locality;
 * - cap 5: ubkt `tccsBiKyLuat`; per-loaiHinh quota over the master's `quyetDinhBtv`.
 */
export const CATALOG: TemplateSpec[] = HD21_2019_TEMPLATES.specs;

/** The template with this id, or undefined. */
export function getTemplate(id: string): TemplateSpec | undefined {
  return CATALOG.find((s) => s.id === id);
}

/**
 * How messages name a template to an official: its section and sheet name ("mẫu 3.14 “TCCS - Báo
 * cáo kết quả”"), never the internal id — falling back to the id only for a template not in the catalog.
 */
export function templateLabel(
  templateId: string,
  catalog: readonly TemplateSpec[] = CATALOG
): LocalizedText {
  const spec = catalog.find((s) => s.id === templateId);
  return spec
    ? {
        vi: `mẫu ${spec.section} “${spec.sheetName}”`,
        en: `template ${spec.section} “${spec.sheetName}”`,
      }
    : { vi: `mẫu “${templateId}”`, en: `template “${templateId}”` };
}

/** Like getTemplate, but throws for an unknown id (a programming error). */
export function requireTemplate(id: string): TemplateSpec {
  const spec = getTemplate(id);
  if (!spec)
    throw new Error(`Unknown template "${id}". Known: ${CATALOG.map((s) => s.id).join(", ")}`);
  return spec;
}
