/** @jest-environment jsdom */
import { TextDecoder, TextEncoder } from "node:util";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { loadXlsx } from "../../src/adapters/xlsx";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { getTemplate } from "../../src/core/templates/catalog";
import { defaultRegister } from "../../src/core/units";
import type { PaneServices } from "../../src/taskpane/state/services";
import type { WorkbookModel } from "../../src/core/sheet/model";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { mockPort, modelFor, renderPane } from "./helpers";

async function templateBytes(id: string): Promise<Uint8Array> {
  const spec = getTemplate(id);
  if (!spec) throw new Error(id);
  const { writer } = await loadXlsx();
  return writer.write(buildTemplateWorkbook(spec, defaultRegister(), DEFAULT_SETTINGS_2019));
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

    await waitFor(() => expect(screen.getByText("Đã đọc 3/3 tệp")).toBeTruthy(), {
      timeout: 20_000,
    });
    const list = screen.getByRole("list", { name: "Đã đọc 3/3 tệp" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-state"))).toEqual(["taken", "taken", "refused"]);
    expect(within(items[0]).getByText("đã nhận")).toBeTruthy();
    expect(within(items[2]).getByText("bị từ chối")).toBeTruthy();
    expect(items[2].textContent).toMatch(/bang-ke\.xlsx/);

    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
    const result = await screen.findByTestId("consolidation-result");
    expect(within(result).getByText("Đã nhận (2)")).toBeTruthy();
    expect(within(result).getByText("Bị từ chối (1)")).toBeTruthy();
    // Every other department has not submitted.
    expect(within(result).getByText(/3\.2 .*chưa nộp mẫu/)).toBeTruthy();

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
    await screen.findByText("bị từ chối");
    expect((screen.getByRole("button", { name: "Tổng hợp" }) as HTMLButtonElement).disabled).toBe(
      true
    );
  });
});

describe("Tổng hợp drop zone", () => {
  it("reads files dropped on it like picked ones", async () => {
    const services = createCoreServices();
    renderPane({ services, initialPart: "consolidate" });
    const bytes = await templateBytes("quan-su");
    fireEvent.drop(screen.getByTestId("drop-zone"), {
      dataTransfer: { files: [fileOf(bytes, "tha-vao.xlsx")] },
    });
    await waitFor(() => expect(screen.getByText("Đã đọc 1/1 tệp")).toBeTruthy(), {
      timeout: 20_000,
    });
    expect(screen.getByText("tha-vao.xlsx")).toBeTruthy();
    expect(screen.getByText("đã nhận")).toBeTruthy();
  });
});
