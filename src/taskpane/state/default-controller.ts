/** The controller Excel uses: the Office.js port over the real core services (wired in core-services.ts). */
import { PaneController } from "./pane-controller";

export function createDefaultController(): PaneController {
  throw new Error("XếpLoại: the Office.js adapter is not wired yet");
}
