/**
 * The pane outside Excel (a browser on the office's server, or Excel too old for the add-in):
 * the same App and parts, with a PaneController over the file-based WorkbookPort instead of the
 * Office.js one, and the file bar to open and download the workbook.
 */
import * as React from "react";
import { FileWorkbookPort } from "../../adapters/file/file-workbook-port";
import { browserStorage } from "../../adapters/file/remembered-state";
import { loadXlsx } from "../../adapters/xlsx";
import App from "../components/App";
import type { PanePart } from "../startup";
import { createCoreServices } from "../state/core-services";
import { PaneController, PERIOD_STATE } from "../state/pane-controller";
import { WorkbookFileBar } from "./WorkbookFileBar";

export function createBrowserController(): { port: FileWorkbookPort; controller: PaneController } {
  // The review period the official saved outlives a reload (localStorage, when the browser allows).
  const port = new FileWorkbookPort(loadXlsx, {
    storage: browserStorage(),
    remember: [PERIOD_STATE],
  });
  return { port, controller: new PaneController(port, createCoreServices()) };
}

export function BrowserModeApp({ initialPart }: { initialPart?: PanePart }) {
  const { port, controller } = React.useMemo(createBrowserController, []);
  return (
    <App
      initialPart={initialPart}
      controller={controller}
      banner={<WorkbookFileBar port={port} download={controller.services.download} />}
    />
  );
}
