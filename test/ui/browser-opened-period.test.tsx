/**
 * @jest-environment jsdom
 *
 * Browser mode: the header follows the workbook opened. A file that records its period (a
 * template's _meta, a master's _meta_master) shows that period, even over one the official saved
 * and the browser remembers; a file that records none leaves the header as it was; closing the file
 * goes back to the remembered period. Over the file-based WorkbookPort and real .xlsx bytes.
 */
import { TextDecoder, TextEncoder } from "node:util";
import { act, screen } from "@testing-library/react";
import { FileWorkbookPort } from "../../src/adapters/file/file-workbook-port";
import { loadXlsx } from "../../src/adapters/xlsx";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { withYear } from "../../src/core/settings/period";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { CATALOG } from "../../src/core/templates/catalog";
import { defaultRegister } from "../../src/core/units";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { PaneController, PERIOD_STATE } from "../../src/taskpane/state/pane-controller";
import { editPeriod, modelFor, renderPane } from "./helpers";

jest.setTimeout(90_000);

// jsdom lacks TextDecoder/TextEncoder, which the .xlsx reader uses (browsers have them).
Object.assign(globalThis, { TextDecoder, TextEncoder });

beforeEach(() => window.localStorage.clear());

function browserPane() {
  const port = new FileWorkbookPort(loadXlsx, {
    storage: window.localStorage,
    remember: [PERIOD_STATE],
  });
  const controller = new PaneController(port, createCoreServices());
  renderPane({ controller, initialPart: "templates" });
  return port;
}

async function templateOf(year: number): Promise<Uint8Array> {
  const spec = CATALOG.find((s) => s.id === "noi-vu-cchc")!;
  const model = buildTemplateWorkbook(
    spec,
    defaultRegister(),
    withYear(DEFAULT_SETTINGS_2019, year)
  );
  return (await loadXlsx()).writer.write(model);
}

async function open(port: FileWorkbookPort, name: string, bytes: Uint8Array) {
  await act(async () => {
    const opened = await port.open(name, bytes);
    expect(opened.ok).toBe(true);
  });
}

describe("browser mode: the header shows the opened workbook's period", () => {
  it("a template of 2022 opened after the official saved 2024 switches the header to 2022", async () => {
    const port = browserPane();
    await screen.findByText("Kỳ đánh giá 2019");
    await editPeriod({ "Năm đánh giá": "2024" });
    await screen.findByText("Kỳ đánh giá 2024");

    await open(port, "3.1a-noi-vu-cchc-2022.xlsx", await templateOf(2022));
    expect(await screen.findByText("Kỳ đánh giá 2022")).toBeTruthy();
    expect(screen.queryByText("Kỳ đánh giá 2024")).toBeNull();

    // Closing the file: back to the period the browser remembers.
    await act(async () => port.close());
    expect(await screen.findByText("Kỳ đánh giá 2024")).toBeTruthy();
  });

  it("a workbook that records no period leaves the header as it was", async () => {
    const port = browserPane();
    await screen.findByText("Kỳ đánh giá 2019");
    await editPeriod({ "Năm đánh giá": "2023" });
    await screen.findByText("Kỳ đánh giá 2023");

    const plain = await (await loadXlsx()).writer.write(modelFor("Sheet1"));
    const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    await open(port, "ghi-chu.xlsx", plain);
    await settle();
    expect(screen.getByText("Kỳ đánh giá 2023")).toBeTruthy(); // not the defaults' 2019

    await open(port, "3.1a-noi-vu-cchc-2021.xlsx", await templateOf(2021));
    expect(await screen.findByText("Kỳ đánh giá 2021")).toBeTruthy();
    await open(port, "ghi-chu.xlsx", plain);
    await settle();
    expect(screen.getByText("Kỳ đánh giá 2021")).toBeTruthy();
  });
});
