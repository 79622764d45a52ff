/**
 * What the Tổng hợp part shows of a consolidation (taken, refused, conflicts, who has not
 * submitted). Pure: the pane's worker computes it next to the consolidation (worker/jobs.ts).
 */
import type { Consolidation } from "../../core/consolidate";
import type { LocalizedText } from "../../core/i18n";
import type { TemplateSpec } from "../../core/templates/spec";
import type { UnitRegister } from "../../core/units/types";
import type { ConsolidationView } from "./services";

/** Lines saying who has not submitted: a whole template missing, or the units a file left out. */
export function missingLines(
  c: Consolidation,
  catalog: readonly TemplateSpec[],
  register: UnitRegister
): LocalizedText[] {
  const lines: LocalizedText[] = [];
  for (const spec of catalog) {
    const entries = c.completeness.filter((e) => e.templateId === spec.id);
    const missing = entries.filter((e) => !e.received);
    if (missing.length === 0) continue;
    const head = `${spec.section} ${spec.department.name.vi}`;
    const headEn = `${spec.section} ${spec.department.name.en}`;
    if (missing.length === entries.length) {
      lines.push({
        vi: `${head}: chưa nộp mẫu “${spec.title.vi}”.`,
        en: `${headEn}: “${spec.title.en}” not submitted.`,
      });
    } else {
      const names = missing
        .map((e) => register.units.find((u) => u.code === e.unitCode)?.name ?? e.unitCode)
        .join(", ");
      lines.push({
        vi: `${head}: thiếu số liệu của ${names}.`,
        en: `${headEn}: no data for ${names}.`,
      });
    }
  }
  return lines;
}

export function consolidationView(
  c: Consolidation,
  catalog: readonly TemplateSpec[],
  register: UnitRegister
): ConsolidationView {
  const title = (id: string): LocalizedText =>
    catalog.find((s) => s.id === id)?.title ?? { vi: id, en: id };
  return {
    taken: c.files
      .filter((f) => f.status !== "leftOut")
      .map((f) => ({
        file: f.file,
        sheet: f.sheet,
        template: title(f.templateId),
        rows: f.rowsTaken,
      })),
    refused: [
      ...c.refused.map((r) => ({ file: r.file, message: r.message })),
      ...c.excluded
        .filter((e) => e.scope === "file")
        .map((e) => ({ file: e.file, message: e.message })),
    ],
    conflicts: c.conflicts.map((x) => x.message),
    excludedRows: c.excluded.filter((e) => e.scope === "row").map((e) => e.message),
    missing: missingLines(c, catalog, register),
    issueCount: c.excluded.filter((e) => e.scope === "row").length + c.warnings.length,
  };
}
