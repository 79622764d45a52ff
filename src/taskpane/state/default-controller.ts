/** The controller Excel uses: the Office.js port over the real core services. */
import { createOfficeWorkbookPort } from "../../adapters/officejs";
import { createCoreServices } from "./core-services";
import { PaneController } from "./pane-controller";

export function createDefaultController(): PaneController {
  return new PaneController(createOfficeWorkbookPort(), createCoreServices());
}
