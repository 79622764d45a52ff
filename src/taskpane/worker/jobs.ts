/**
 * The real jobs of the pane's worker: read a returned file (the lean reader, then the core's
 * template recognition and checks), consolidate, build the master model. Imported by the worker
 * and, where there is no Worker, by the pane itself (state/submissions-service.ts).
 */
import { loadXlsxReader } from "../../adapters/xlsx";
import { readSubmissions } from "../../core/submission/read";
import { periodOfWorkbook } from "../../core/submission/period";
import { templatesForSettings } from "../../core/templates/shipped-sets";
import { DEFAULT_SETTINGS_2019 } from "../../core/settings/defaults";
import { consolidateForPane } from "../state/consolidate-step-view";
import { fileStatusOf, refusedStatus } from "../state/file-status";
import { masterServices } from "../state/master-services";
import type { WorkerJobs } from "./protocol";

export function realJobs(): WorkerJobs {
  const master = masterServices();
  return {
    async readFile(bytes, name, register) {
      try {
        const read = await (await loadXlsxReader()).read(bytes, name);
        return fileStatusOf(name, read, (grids) =>
          // A returned file is read with the templates of the year it was made for (its _meta).
          readSubmissions(grids, {
            register,
            catalog: templatesForSettings({
              ...DEFAULT_SETTINGS_2019,
              period: periodOfWorkbook(grids) ?? DEFAULT_SETTINGS_2019.period,
            }),
          })
        );
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        return refusedStatus(name, {
          file: name,
          reason: "read-failed",
          message: {
            vi: `Đọc tệp “${name}” không thành công: ${detail}. Hãy mở tệp trong Excel, lưu lại rồi chọn lại.`,
            en: `Reading “${name}” failed: ${detail}. Open it in Excel, save it again and pick it again.`,
          },
        });
      }
    },
    consolidate(input, now) {
      return consolidateForPane(input, now);
    },
    buildMaster({ consolidated, existing, settings, register }) {
      return master.buildMaster(consolidated, existing, settings, register);
    },
  };
}
