/**
 * @jest-environment jsdom
 *
 * Statuses that stay true: each part re-reads what it says when the workbook changes (a template
 * inserted here or elsewhere, a master written, another sheet activated).
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createOfficeWorkbookPort } from "../../src/adapters/officejs";
import type { ExcelRunner } from "../../src/adapters/officejs";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { PaneController } from "../../src/taskpane/state/pane-controller";
import { FakeWorkbook, fakeRun } from "../fakes/fake-excel";
import { mockPort, renderPane } from "./helpers";

describe("statuses that stay true", () => {
  jest.setTimeout(60_000);

  it("Kiểm tra stops saying “no template” once a template is inserted, with no click", async () => {
    const fake = new FakeWorkbook({}, ["Sheet1"]);
    const port = createOfficeWorkbookPort(fakeRun(fake) as unknown as ExcelRunner, {
      isSetSupported: (name, v) => fake.isSetSupported(name, v),
    });
    const controller = new PaneController(port, createCoreServices(), { debounceMs: 50 });
    renderPane({ controller, initialPart: "validate" });

    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra ngay" }));
    const count = screen.getByTestId("issue-count");
    await waitFor(() => expect(count.textContent).toMatch(/không có mẫu biểu XếpLoại nào/));

    fireEvent.click(screen.getByRole("tab", { name: "Mẫu biểu" }));
    fireEvent.click(screen.getByRole("combobox"));
    fireEvent.click(screen.getByRole("option", { name: /^3\.1a\. / }));
    fireEvent.click(screen.getByRole("button", { name: "Chèn mẫu vào sổ làm việc" }));
    await screen.findByText(/Đã chèn mẫu/, undefined, { timeout: 20_000 });

    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await waitFor(() => expect(count.textContent).not.toMatch(/không có mẫu biểu/), {
      timeout: 20_000,
    });
  });

  it("Kiểm tra re-checks when a person activates another sheet while it says “no template”", async () => {
    const port = mockPort();
    const services = createCoreServices();
    renderPane({ port, services, initialPart: "validate" });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra ngay" }));
    const count = screen.getByTestId("issue-count");
    await waitFor(() => expect(count.textContent).toMatch(/không có mẫu biểu/));
    const reads = port.readGrids.mock.calls.length;
    act(() => port.emitWorkbookEvent({ kind: "activated", sheet: "Nội vụ - CCHC" }));
    await waitFor(() => expect(port.readGrids.mock.calls.length).toBeGreaterThan(reads));
  });

  it("In stops saying “no master” once the master sheets appear", async () => {
    const port = mockPort();
    port.sheetNames.mockResolvedValue(["Sheet1"]);
    renderPane({ port, initialPart: "print" });
    const panel = screen.getByRole("tabpanel", { name: "In" });
    expect((await within(panel).findByTestId("no-master")).textContent).toContain(
      "Sổ làm việc chưa có bảng tổng hợp"
    );

    port.sheetNames.mockResolvedValue(["Sheet1", "Tổng hợp", "Chỉ tiêu & tổng hợp"]);
    act(() => port.emitWorkbookEvent({ kind: "added", sheet: "Tổng hợp" }));
    await waitFor(() => expect(within(panel).queryByTestId("no-master")).toBeNull());
  });

  it("the pane's own master write refreshes In (Excel raises no event for it)", async () => {
    const port = mockPort();
    port.sheetNames.mockResolvedValue([]);
    const { controller } = renderPane({ port, initialPart: "print" });
    await screen.findByTestId("no-master");
    port.sheetNames.mockResolvedValue(["Tổng hợp"]);
    const consolidated = controller.consolidate(
      [{ name: "a.xlsx", state: "taken", submissions: [{} as never] }],
      controller.services.defaultSettings()
    );
    await act(async () => {
      await controller.writeMaster(consolidated, controller.services.defaultSettings());
    });
    await waitFor(() => expect(screen.queryByTestId("no-master")).toBeNull());
  });
});
