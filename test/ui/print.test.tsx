/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { FileStatus } from "../../src/taskpane/state/pane-controller";
import { TEST_LAYOUT, editPeriod, mockPort, modelFor, renderPane, testServices } from "./helpers";

describe("In", () => {
  it("without a consolidation in this session: page setup on the master sheets found in the workbook", async () => {
    const port = mockPort();
    port.sheetNames.mockResolvedValue(["Sheet1", "Tổng hợp", "Chỉ tiêu & tổng hợp"]);
    port.readGrids.mockResolvedValue({
      source: "Sổ làm việc hiện tại",
      sheets: [
        { name: "Tổng hợp", visibility: "visible", rows: [["a"]] },
        { name: "Chỉ tiêu & tổng hợp", visibility: "visible", rows: [["b"]] },
      ],
    });
    const services = testServices();
    renderPane({ port, services, initialPart: "print" });

    expect(screen.getByTestId("print-details").textContent).toContain("THỊ ỦY HƯƠNG THỦY");
    expect(screen.getByText(/nhấn Ctrl\+P trong Excel để in/)).toBeTruthy();
    await editPeriod({ "Họ tên người ký": "Lê Văn A" });
    expect(screen.getByTestId("print-details").textContent).toContain("Lê Văn A");
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng bố cục in" }));

    await screen.findByText(
      /Đã áp dụng bố cục in cho: “Tổng hợp”, “Chỉ tiêu & tổng hợp”. Nhấn Ctrl\+P/
    );
    expect(port.readGrids).toHaveBeenCalledWith({ sheets: ["Tổng hợp", "Chỉ tiêu & tổng hợp"] });
    expect(port.applyPrintLayout.mock.calls).toEqual([
      ["Tổng hợp", TEST_LAYOUT],
      ["Chỉ tiêu & tổng hợp", TEST_LAYOUT],
    ]);
    expect((services.pageSetupFor as jest.Mock).mock.calls[0][0].signer.name).toBe("Lê Văn A");
    expect(port.writeModel).not.toHaveBeenCalled();
  });

  it("without a consolidation in this session: rewrites the recorded heading cells in place, then the page setup", async () => {
    const port = mockPort();
    port.sheetNames.mockResolvedValue([
      "Sheet1",
      "Tổng hợp",
      "Chỉ tiêu & tổng hợp",
      "_meta_master",
    ]);
    const grids = {
      source: "Sổ làm việc hiện tại",
      sheets: [
        { name: "Tổng hợp", visibility: "visible" as const, rows: [["a"]] },
        { name: "Chỉ tiêu & tổng hợp", visibility: "visible" as const, rows: [["b"]] },
        { name: "_meta_master", visibility: "veryHidden" as const, rows: [["kind", "master"]] },
      ],
    };
    port.readGrids.mockResolvedValue(grids);
    const patch = modelFor("Tổng hợp");
    const headingUpdate = jest.fn(() => ({
      model: patch,
      sheets: ["Tổng hợp"],
      skipped: [
        {
          sheet: "Chỉ tiêu & tổng hợp",
          message: { vi: "Trang “Chỉ tiêu & tổng hợp”: đã dời dòng.", en: "moved" },
        },
      ],
    }));
    renderPane({ port, services: testServices({ headingUpdate }), initialPart: "print" });
    await editPeriod({ "Họ tên người ký": "Lê Văn A" });
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng bố cục in" }));

    const bar = await screen.findByText(/Đã cập nhật phần đầu văn bản và chữ ký .* “Tổng hợp”/);
    expect(bar.textContent).toContain("Trang “Chỉ tiêu & tổng hợp”: đã dời dòng.");
    expect(port.readGrids).toHaveBeenCalledWith({
      sheets: ["Tổng hợp", "Chỉ tiêu & tổng hợp", "_meta_master"],
    });
    expect((headingUpdate.mock.calls[0] as unknown[])[0]).toMatchObject({
      signer: { name: "Lê Văn A" },
    });
    expect(port.writeModel).toHaveBeenCalledWith(patch, { updateExisting: true });
    expect(port.writeModel.mock.invocationCallOrder[0]).toBeLessThan(
      port.applyPrintLayout.mock.invocationCallOrder[0]!
    );
  });

  it("a master from before the heading positions were recorded: says so and how to fix it", async () => {
    const port = mockPort();
    port.sheetNames.mockResolvedValue(["Tổng hợp"]);
    port.readGrids.mockResolvedValue({
      source: "x",
      sheets: [{ name: "Tổng hợp", visibility: "visible", rows: [["a"]] }],
    });
    renderPane({ port, initialPart: "print" });
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng bố cục in" }));
    expect(
      (await screen.findByText(/phiên bản XếpLoại cũ, chưa lưu vị trí/)).textContent
    ).toContain("Hãy tổng hợp và ghi lại bảng tổng hợp một lần");
    expect(port.writeModel).not.toHaveBeenCalled();
  });

  it("after consolidating: rewrites the master with the new settings, then applies its print layouts", async () => {
    const port = mockPort();
    const buildMaster = jest.fn(() => modelFor("Tổng hợp"));
    const services = testServices({ buildMaster });
    const { controller } = renderPane({ port, services, initialPart: "print" });
    const file: FileStatus = { name: "a.xlsx", state: "taken", submissions: [{} as never] };
    controller.consolidate([file], services.defaultSettings());

    await editPeriod({ "Địa danh": "Huế" });
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng bố cục in" }));
    await screen.findByText(/Đã áp dụng bố cục in cho: “Tổng hợp”/);
    expect(buildMaster).toHaveBeenCalledTimes(1);
    expect((buildMaster.mock.calls[0] as unknown[])[2]).toMatchObject({ place: "Huế" });
    expect(port.writeModel).toHaveBeenCalledTimes(1);
    expect(port.applyPrintLayout).toHaveBeenCalledWith("Tổng hợp", TEST_LAYOUT);
  });

  it("says to consolidate first when the workbook has no master", async () => {
    const port = mockPort();
    port.sheetNames.mockResolvedValue(["Sheet1"]);
    renderPane({ port, initialPart: "print" });
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng bố cục in" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Sổ làm việc chưa có bảng tổng hợp"
    );
    expect(port.applyPrintLayout).not.toHaveBeenCalled();
  });

  it("will not save the period with an empty required field", async () => {
    renderPane({ initialPart: "print" });
    fireEvent.click(screen.getByRole("button", { name: "Sửa thông tin in" }));
    fireEvent.change(screen.getByRole("textbox", { name: /Họ tên người ký/ }), {
      target: { value: "  " },
    });
    await waitFor(() => expect(screen.getByText("Không được để trống.")).toBeTruthy());
    expect((screen.getByRole("button", { name: "Lưu" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
