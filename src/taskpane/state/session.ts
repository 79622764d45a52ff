/**
 * What the four parts of the pane share: the port, the services, the unit register (built once)
 * and what one part did that another must know (the last check, the last consolidation).
 */
import type { UnitRegister } from "../../core/units/types";
import type { WorkbookPort } from "../../ports/workbook-port";
import type { CheckView } from "./check-flow";
import type { SavedConsolidation } from "./consolidate-flow";
import type { Consolidated, PaneServices } from "./services";

export class PaneSession {
  private registerCache: UnitRegister | null = null;
  /** The last Kiểm tra result; null after a write that may have added or replaced template sheets. */
  lastCheck: CheckView | null = null;
  /** The consolidation made in this session (Tổng hợp), rewritten by In when present. */
  lastConsolidated: Consolidated | null = null;
  /** The files of that consolidation, as the list showed them. */
  lastFiles: SavedConsolidation["files"] = [];

  constructor(
    readonly port: WorkbookPort,
    readonly services: PaneServices
  ) {}

  get register(): UnitRegister {
    this.registerCache ??= this.services.register();
    return this.registerCache;
  }
}
