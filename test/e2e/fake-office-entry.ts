/**
 * Browser entry for the end-to-end run: stands in for https://appsforoffice.microsoft.com/…/office.js.
 * Installs the in-memory Excel fake (test/fakes) as `Office`/`Excel` and exposes it as
 * `window.__xeploai.fake` so the run can read the workbook's state and play a user's edits.
 */
import { FakeWorkbook, installFakeOffice } from "../fakes/fake-excel";

declare global {
  interface Window {
    __xeploai: { fake: FakeWorkbook };
  }
}

// Current Excel (web, Microsoft 365) has ExcelApi 1.18+: cell notes carry the issue messages.
const fake = new FakeWorkbook({ supportedSets: { ExcelApi: "1.18" } }, ["Sheet1"]);
// ?fakeTheme=dark plays an Office dark theme (the pane must follow it).
const dark = new URLSearchParams(window.location.search).get("fakeTheme") === "dark";
installFakeOffice(window, fake, {
  host: "Excel",
  platform: "OfficeOnline",
  ...(dark
    ? {
        theme: {
          isDarkTheme: true,
          bodyBackgroundColor: "#1F1F1F",
          bodyForegroundColor: "#FFFFFF",
        },
      }
    : {}),
});
window.__xeploai = { fake };
