/**
 * The real PaneServices: the template catalogue, the unit register, the core steps and the lazily
 * loaded .xlsx adapter. The one place in the pane that knows the core modules' signatures.
 */
import { loadXlsx, loadXlsxReader } from "../../adapters/xlsx";
import { DEFAULT_SETTINGS_2019 } from "../../core/settings/defaults";
import type { PeriodSettings } from "../../core/settings/types";
import { readSubmissions } from "../../core/submission/read";
import { buildTemplateWorkbook } from "../../core/template-sheet/build";
import { periodOfWorkbook } from "../../core/submission/period";
import { templatesForSettings } from "../../core/templates/shipped-sets";
import { defaultRegister } from "../../core/units";
import { masterServices } from "./master-services";
import { consolidateForPane } from "./consolidate-step-view";
import type { PaneServices, XlsxTools } from "./services";
import { createSubmissionsService } from "./submissions-service";

export { consolidationView, missingLines } from "./consolidation-view";

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
  // Lazy chunks: reading a returned file loads the small reader (fflate + our XML tokenizer) alone; ExcelJS
  // comes only when a file is written (blank templates to download).
  return {
    read: async (bytes, name) => (await loadXlsxReader()).read(bytes, name),
    write: async (model) => (await loadXlsx()).writer.write(model),
  };
}

export function createCoreServices(): PaneServices {
  const now = () => new Date().toISOString();
  return {
    templates: (settings) => templatesForSettings(settings ?? DEFAULT_SETTINGS_2019),
    register: () => defaultRegister(),
    defaultSettings: () => DEFAULT_SETTINGS_2019,
    buildTemplate: (spec, register, settings, opts) =>
      buildTemplateWorkbook(spec, register, settings, opts?.units ? { units: opts.units } : {}),
    templateFileName: (spec, period) => `${spec.section}-${spec.id}-${period}.xlsx`,
    readSubmissions: (grids, register, settings) => {
      // A returned file is read with the templates of the year it was made for.
      const base = settings ?? DEFAULT_SETTINGS_2019;
      const period = periodOfWorkbook(grids) ?? base.period;
      return readSubmissions(grids, {
        register,
        catalog: templatesForSettings({ ...base, period }),
      });
    },
    loadXlsx: loadXlsxTools,
    consolidate(submissions, refused, settings: PeriodSettings, register, options = {}) {
      return consolidateForPane({ submissions, refused, settings, register, options }, now());
    },
    ...masterServices(),
    // Reading, consolidating and building the master run in the pane's Web Worker.
    submissions: createSubmissionsService(),
    download: browserDownload,
  };
}
