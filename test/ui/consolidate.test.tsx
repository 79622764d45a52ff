/** @jest-environment jsdom */
import { TextDecoder, TextEncoder } from "node:util";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { loadXlsx } from "../../src/adapters/xlsx";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { CATALOG, getTemplate } from "../../src/core/templates/catalog";
import { fillTemplate, generateDemo } from "../../src/core/demo";
import { defaultRegister } from "../../src/core/units";
import type { PaneServices } from "../../src/taskpane/state/services";
import type { WorkbookModel } from "../../src/core/sheet/model";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { mockPort, modelFor, renderPane } from "./helpers";

/** A template as a department returns it: filled with the demo's figures (or left blank). */
async function templateBytes(id: string, blank = false): Promise<Uint8Array> {
  const spec = getTemplate(id);
  if (!spec) throw new Error(id);
  const register = defaultRegister();
  let model = buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019);
  if (!blank) {
    const plan = generateDemo(CATALOG, register, DEFAULT_SETTINGS_2019);
    model = fillTemplate(
      model,
      spec,
      plan.files.find((f) => f.templateId === id)!
    );
  }
  const { writer } = await loadXlsx();
  return writer.write(model);
}

// jsdom lacks TextDecoder/TextEncoder, which the .xlsx reader uses (browsers have them).
Object.assign(globalThis, { TextDecoder, TextEncoder });

function fileOf(bytes: Uint8Array | string, name: string): File {
  return new File([bytes as BlobPart], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

function pick(files: File[]) {
  const input = screen.getByLabelText("Chọn tệp .xlsx", { selector: "input" }) as HTMLInputElement;
  fireEvent.change(input, { target: { files } });
}

describe("Tổng hợp", () => {
  jest.setTimeout(30_000);

  it("reads real .xlsx files in the pane: takes the templates, refuses a renamed CSV with why", async () => {
    const port = mockPort();
    const buildMaster = jest.fn<WorkbookModel, Parameters<PaneServices["buildMaster"]>>(() =>
      modelFor("Tổng hợp")
    );
    // The pane's own steps (no worker service), so the master's build can be watched.
    const services = {
      ...createCoreServices(),
      submissions: undefined,
      buildMaster,
      masterSheetNames: () => ["Tổng hợp"],
    };
    renderPane({ port, services, initialPart: "consolidate" });

    const [a, b] = await Promise.all([templateBytes("quan-su"), templateBytes("noi-vu-cchc")]);
    pick([
      fileOf(a, "quan-su.xlsx"),
      fileOf(b, "noi-vu.xlsx"),
      fileOf("Đơn vị;Điểm\nPhú Bài;90\n", "bang-ke.xlsx"),
    ]);

    const summary = await screen.findByTestId("consolidate-summary", undefined, {
      timeout: 20_000,
    });
    await waitFor(() => expect(summary.textContent).toBe("đã nhận 2 · bị từ chối 1"), {
      timeout: 20_000,
    });
    // Refused files come first, in an open section; each file is listed once.
    const result = screen.getByTestId("consolidation-result");
    const refusedItems = result.querySelectorAll('li[data-state="refused"]');
    expect(refusedItems).toHaveLength(1);
    expect(refusedItems[0]!.textContent).toMatch(/bang-ke\.xlsx.*bị từ chối/);
    fireEvent.click(within(result).getByRole("button", { name: "Đã nhận (2)" }));
    expect(
      [...result.querySelectorAll("li[data-state]")].map((li) => li.getAttribute("data-state"))
    ).toEqual(["refused", "taken", "taken"]);

    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await waitFor(() =>
      expect(summary.textContent).toMatch(/^đã nhận 2 · bị từ chối 1 · trùng \d+ · chưa nộp \d+$/)
    );
    // Every other department has not submitted.
    fireEvent.click(within(result).getByRole("button", { name: /^Chưa nộp \(\d+\)$/ }));
    expect(within(result).getByText(/3\.2 .*chưa nộp mẫu/)).toBeTruthy();
    // Taken files now say how many rows were taken, on the same line as their status.
    expect(result.querySelector('li[data-state="taken"]')!.textContent).toMatch(/lấy \d+ dòng/);

    port.sheetNames.mockResolvedValue(["Sheet1", "Tổng hợp"]);
    port.readGrids.mockResolvedValue({ source: "Sổ làm việc hiện tại", sheets: [] });
    fireEvent.click(screen.getByRole("button", { name: "Ghi bảng tổng hợp vào sổ làm việc" }));
    await screen.findByText(/Đã ghi các trang “Tổng hợp”/);
    // The existing master is read back (its manual columns are kept) before the new one is written.
    expect(port.readGrids).toHaveBeenCalledWith({ sheets: ["Tổng hợp"] });
    expect(buildMaster).toHaveBeenCalledTimes(1);
    expect(buildMaster.mock.calls[0][1]).toEqual({ source: "Sổ làm việc hiện tại", sheets: [] });
    expect(port.writeModel).toHaveBeenCalledWith(modelFor("Tổng hợp"), {
      replaceExisting: true,
      activate: "Tổng hợp",
    });
  });

  it("keeps the consolidate button off until a file is taken", async () => {
    renderPane({ services: createCoreServices(), initialPart: "consolidate" });
    expect((screen.getByRole("button", { name: "Tổng hợp" }) as HTMLButtonElement).disabled).toBe(
      true
    );
    pick([fileOf("not a zip", "x.xlsx")]);
    await waitFor(() =>
      expect(screen.getByTestId("consolidate-summary").textContent).toBe("đã nhận 0 · bị từ chối 1")
    );
    expect((screen.getByRole("button", { name: "Tổng hợp" }) as HTMLButtonElement).disabled).toBe(
      true
    );
  });
});

describe("Tổng hợp drop zone", () => {
  it("reads files dropped on it like picked ones", async () => {
    const services = createCoreServices();
    renderPane({ services, initialPart: "consolidate" });
    const [bytes, blank] = await Promise.all([
      templateBytes("quan-su"),
      templateBytes("noi-vu-cchc", true),
    ]);
    fireEvent.drop(screen.getByTestId("drop-zone"), {
      dataTransfer: { files: [fileOf(bytes, "tha-vao.xlsx"), fileOf(blank, "chua-dien.xlsx")] },
    });
    // A template returned with nothing typed is "trống", not "đã nhận".
    await waitFor(
      () =>
        expect(screen.getByTestId("consolidate-summary").textContent).toBe(
          "đã nhận 1 · bị từ chối 0 · trống 1"
        ),
      { timeout: 20_000 }
    );
    expect(screen.getByTestId("consolidation-result").textContent).toMatch(
      /chua-dien\.xlsx.*trống.*chưa nhập số liệu nào/
    );
    fireEvent.click(screen.getByRole("button", { name: "Đã nhận (1)" }));
    expect(screen.getByText("tha-vao.xlsx")).toBeTruthy();
    expect(screen.getByText("đã nhận")).toBeTruthy();
  });
});
