/** Master workbook and print layout services (core/master and core/print). */
import { PaneError } from "./pane-controller";
import type { PaneServices } from "./services";

type MasterServices = Pick<PaneServices, "buildMaster" | "masterSheetNames" | "printTargets">;

export function masterServices(): MasterServices {
  const pending = (): never => {
    throw new PaneError({ vi: "Chưa có bảng tổng hợp trong phiên bản này.", en: "The master is not available in this build." });
  };
  return { buildMaster: pending, masterSheetNames: () => [], printTargets: () => [] };
}
