/**
 * Re-reads what a part shows when the workbook changes: `refresh` runs once after a burst of
 * workbook events (a master write adds a dozen sheets) for the events `wanted` accepts.
 */
import * as React from "react";
import type { WorkbookEvent } from "../../ports/workbook-port";
import type { PaneController } from "../state/pane-controller";

export function useWorkbookEvents(
  controller: PaneController,
  wanted: (event: WorkbookEvent) => boolean,
  refresh: () => void,
  waitMs = 250
): void {
  const latest = React.useRef({ wanted, refresh });
  latest.current = { wanted, refresh };
  React.useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = controller.watchWorkbook((event) => {
      if (!latest.current.wanted(event)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        latest.current.refresh();
      }, waitMs);
    });
    return () => {
      if (timer) clearTimeout(timer);
      stop();
    };
  }, [controller, waitMs]);
}
