/**
 * Checks across templates named in the brief: NTM criterion 11 (hộ nghèo, 3.3) against the poverty
 * figures (3.7). Warnings only, each with the cells it compared. (The "leader above own unit" check
 * needs levels, so it lives in classify/leaders.ts.)
 */
import { sourceInWords } from "../rules/source-words";
import { formatNumberVi } from "../i18n";
import type { RuleSet } from "../rules/types";
import type { UnitRegister } from "../units/types";
import { RowIndex } from "./query";
import type { Consolidation, CrossWarning } from "./types";
import { unitName } from "./units";

export function crossTemplateChecks(
  c: Consolidation,
  ruleSet: RuleSet,
  register: UnitRegister
): CrossWarning[] {
  const out: CrossWarning[] = [];
  const tc = ruleSet.crossChecks.tc11Poverty;
  if (tc) {
    const idx = new RowIndex(c);
    for (const ntm of c.rows.filter((r) => r.templateId === tc.ntmTemplateId)) {
      const pov = idx.get(tc.povertyTemplateId, ntm.unitCode);
      const crit = ntm.values[tc.criterionKey];
      const poor = pov?.values[tc.poorKey];
      const total = pov?.values[tc.totalKey];
      if (
        !pov ||
        typeof crit !== "string" ||
        typeof poor !== "number" ||
        typeof total !== "number" ||
        total <= 0
      )
        continue;
      const rate = (poor / total) * 100;
      const met = crit === "DAT";
      const rateOk = rate <= tc.maxRatePercent;
      if (met === rateOk) continue;
      const name = unitName(register, ntm.unitCode);
      const r = formatNumberVi(rate);
      const lim = formatNumberVi(tc.maxRatePercent);
      const basis = sourceInWords(tc.source);
      out.push({
        rule: "cross.tc11-ho-ngheo",
        unitCode: ntm.unitCode,
        message: met
          ? {
              vi: `${name}: tiêu chí 11 (Hộ nghèo) ghi "Đạt" nhưng tỷ lệ hộ nghèo theo LĐ-TB&XH là ${r}% (trên ${lim}%). Hãy đối chiếu hai phòng. Căn cứ: ${basis.vi}.`,
              en: `${name}: NTM criterion 11 is "met" but the poverty rate is ${r}% (above ${lim}%). Check both departments. Basis: ${basis.en}.`,
            }
          : {
              vi: `${name}: tiêu chí 11 (Hộ nghèo) ghi "Chưa đạt" nhưng tỷ lệ hộ nghèo theo LĐ-TB&XH là ${r}% (không quá ${lim}%). Hãy đối chiếu hai phòng. Căn cứ: ${basis.vi}.`,
              en: `${name}: NTM criterion 11 is "not met" but the poverty rate is ${r}% (at most ${lim}%). Check both departments. Basis: ${basis.en}.`,
            },
        sources: [
          ntm.provenance[tc.criterionKey],
          pov.provenance[tc.poorKey],
          pov.provenance[tc.totalKey],
        ].filter((s): s is NonNullable<typeof s> => !!s),
      });
    }
  }
  return out;
}
