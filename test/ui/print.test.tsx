/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { mockPort, renderPane, testServices } from "./helpers";

describe("In", () => {
  it("shows the settings in Vietnamese and applies the print layout to the master sheets", async () => {
    const port = mockPort();
    port.sheetNames.mockResolvedValue(["Sheet1", "Tổng hợp", "Tổng hợp kết quả"]);
    const services = testServices();
    renderPane({ port, services, initialPart: "print" });

    expect((screen.getByRole("textbox", { name: /Cơ quan ban hành/ }) as HTMLInputElement).value).toBe("THỊ ỦY HƯƠNG THỦY");
    expect(screen.getByText(/nhấn Ctrl\+P trong Excel để in/)).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: /Họ tên người ký/ }), { target: { value: "Lê Văn A" } });
    fireEvent.change(screen.getByRole("textbox", { name: /Địa danh/ }), { target: { value: "Huế" } });
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng bố cục in" }));

    await screen.findByText(/Đã áp dụng bố cục in cho: “Tổng hợp”, “Tổng hợp kết quả”. Nhấn Ctrl\+P/);
    expect(port.applyPrintLayout).toHaveBeenCalledTimes(2);
    expect(port.applyPrintLayout.mock.calls.map((c) => c[0])).toEqual(["Tổng hợp", "Tổng hợp kết quả"]);
    expect(port.applyPrintLayout.mock.calls[0][1]).toMatchObject({ paperSize: "A4", orientation: "landscape" });
    const settings = (services.printTargets as jest.Mock).mock.calls[0][0];
    expect(settings.signer.name).toBe("Lê Văn A");
    expect(settings.place).toBe("Huế");
  });

  it("says to consolidate first when the workbook has no master", async () => {
    const port = mockPort();
    port.sheetNames.mockResolvedValue(["Sheet1"]);
    renderPane({ port, initialPart: "print" });
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng bố cục in" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Sổ làm việc chưa có bảng tổng hợp");
    expect(port.applyPrintLayout).not.toHaveBeenCalled();
  });

  it("will not apply with an empty required field", async () => {
    renderPane({ initialPart: "print" });
    fireEvent.change(screen.getByRole("textbox", { name: /Họ tên người ký/ }), { target: { value: "  " } });
    await waitFor(() => expect(screen.getByText("Không được để trống.")).toBeTruthy());
    expect((screen.getByRole("button", { name: "Áp dụng bố cục in" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
