/**
 * The real PaneServices: the template catalogue, the unit register, the core steps and the lazily
 * loaded .xlsx adapter. The one place in the pane that knows the core modules' signatures.
 */
import type { LocalizedText } from "../../core/i18n";
import { loadXlsx, loadXlsxReader } from "../../adapters/xlsx";
import type { Consolidation } from "../../core/consolidate";
import { consolidateStep, ruleSetFor } from "../../core/master/pipeline";
import { DEFAULT_SETTINGS_2019 } from "../../core/settings/defaults";
import type { PeriodSettings } from "../../core/settings/types";
import { readSubmissions } from "../../core/submission/read";
import { buildTemplateWorkbook } from "../../core/template-sheet/build";
import { CATALOG } from "../../core/templates/catalog";
import type { TemplateSpec } from "../../core/templates/spec";
import { defaultRegister } from "../../core/units";
import type { UnitRegister } from "../../core/units/types";
import { masterServices } from "./master-services";
import type { Consolidated, ConsolidationView, PaneServices, XlsxTools } from "./services";

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

/**
 * Pause between downloads: browsers drop files when a page starts many downloads at once
 * (Chromium kept 11 of 16 in the end-to-end run), so each one gets a moment to start.
 */
const DOWNLOAD_GAP_MS = 400;

/** Hands bytes to the browser as a file download. */
export async function browserDownload(fileName: string, bytes: Uint8Array): Promise<void> {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  await new Promise((resolve) => setTimeout(resolve, DOWNLOAD_GAP_MS));
}

async function loadXlsxTools(): Promise<XlsxTools> {
  // Lazy chunks: reading a returned file loads the small reader (fflate + saxes) alone; ExcelJS
  // comes only when a file is written (blank templates to download).
  return {
    read: async (bytes, name) => (await loadXlsxReader()).read(bytes, name),
    write: async (model) => (await loadXlsx()).writer.write(model),
  };
}

export function createCoreServices(): PaneServices {
  const now = () => new Date().toISOString();
  return {
    templates: () => CATALOG,
    register: () => defaultRegister(),
    defaultSettings: () => DEFAULT_SETTINGS_2019,
    buildTemplate: (spec, register, settings) => buildTemplateWorkbook(spec, register, settings),
    templateFileName: (spec, period) => `${spec.section}-${spec.id}-${period}.xlsx`,
    readSubmissions: (grids, register) => readSubmissions(grids, { register, catalog: CATALOG }),
    loadXlsx: loadXlsxTools,
    consolidate(
      submissions,
      refused,
      settings: PeriodSettings,
      register,
      options = {}
    ): Consolidated {
      const result = consolidateStep({
        submissions,
        refused,
        register,
        settings,
        catalog: CATALOG,
        now: now(),
        errorPolicy: options.errorPolicy,
        deadline: options.deadline,
        ruleSet: ruleSetFor(settings),
      });
      return { view: consolidationView(result, CATALOG, register), result };
    },
    ...masterServices(),
    download: browserDownload,
  };
}
