/**
 * What the four parts of the pane share: the port, the services, the unit register (built once)
 * and what one part did that another must know (the last check, the last consolidation).
 */
import type { UnitRegister } from "../../core/units/types";
import type { WorkbookEvent, WorkbookPort } from "../../ports/workbook-port";
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

  private readonly watchers = new Set<(event: WorkbookEvent) => void>();
  private portSubscription: Promise<() => Promise<void>> | null = null;

  constructor(
    readonly port: WorkbookPort,
    readonly services: PaneServices
  ) {}

  /** Tells every part something changed in the workbook (the port's events, and the pane's own writes). */
  notify(event: WorkbookEvent): void {
    for (const watcher of [...this.watchers]) watcher(event);
  }

  /**
   * Calls `watcher` on every workbook event until the returned function is called. One port
   * subscription serves every part; it is made with the first watcher. The pane's own writes run
   * with events off in Excel, so its flows call notify() themselves after writing.
   */
  watch(watcher: (event: WorkbookEvent) => void): () => void {
    this.watchers.add(watcher);
    this.portSubscription ??= this.port
      .onWorkbookEvent((e) => this.notify(e))
      .catch(() => {
        // Without events (an old Excel) the parts still refresh after the pane's own writes.
        this.portSubscription = null;
        return async () => undefined;
      });
    return () => {
      this.watchers.delete(watcher);
    };
  }

  get register(): UnitRegister {
    this.registerCache ??= this.services.register();
    return this.registerCache;
  }
}
