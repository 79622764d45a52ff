/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { CATALOG } from "../../src/core/templates/catalog";
import type { PaneServices } from "../../src/taskpane/state/services";
import type { WorkbookModel } from "../../src/core/sheet/model";
import { editPeriod, mockPort, modelFor, renderPane, testServices } from "./helpers";

function chooseTemplate(optionName: RegExp) {
  fireEvent.click(screen.getByRole("combobox"));
  fireEvent.click(screen.getByRole("option", { name: optionName }));
}

describe("Mẫu biểu", () => {
  it("lists the catalogue grouped by department, in Vietnamese", () => {
    renderPane();
    fireEvent.click(screen.getByRole("combobox"));
    const groups = screen.getAllByRole("group");
    const departments = new Set(CATALOG.map((s) => s.department.code));
    expect(groups.length).toBe(departments.size);
    expect(screen.getByRole("group", { name: "Phòng Nội vụ" })).toBeTruthy();
    expect(screen.getAllByRole("option").length).toBe(CATALOG.length);
  });

  it("inserts the chosen template: builds its model for the chosen year and writes it through the port", async () => {
    const port = mockPort();
    const built = modelFor("Nội vụ - CCHC");
    const buildTemplate = jest.fn<WorkbookModel, Parameters<PaneServices["buildTemplate"]>>(
      () => built
    );
    const services = testServices({ buildTemplate });
    renderPane({ port, services });

    const insert = screen.getByRole("button", {
      name: "Chèn mẫu vào sổ làm việc",
    }) as HTMLButtonElement;
    expect(insert.disabled).toBe(true); // nothing chosen yet
    chooseTemplate(/^3\.1a\. /);
    await editPeriod({ "Năm đánh giá": "2020" });
    fireEvent.click(insert);

    await waitFor(() => expect(port.writeModel).toHaveBeenCalledTimes(1));
    const spec = buildTemplate.mock.calls[0][0];
    expect(spec.id).toBe("noi-vu-cchc");
    expect(buildTemplate.mock.calls[0][2].period).toBe(2020);
    expect(port.writeModel).toHaveBeenCalledWith(built, {
      replaceExisting: true,
      activate: "Nội vụ - CCHC",
    });
    expect(await screen.findByText(/Đã chèn mẫu “Kết quả chỉ số cải cách hành chính/)).toBeTruthy();
  });

  it("refuses a year outside 1990–2100 with a Vietnamese message", () => {
    renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Sửa kỳ đánh giá" }));
    fireEvent.change(screen.getByRole("spinbutton", { name: /Năm đánh giá/ }), {
      target: { value: "19" },
    });
    expect(screen.getByText("Năm phải là số từ 1990 đến 2100.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Lưu" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows a Vietnamese error when the workbook write fails (no unhandled rejection)", async () => {
    const port = mockPort();
    port.writeModel.mockRejectedValue(new Error("GeneralException"));
    renderPane({ port });
    chooseTemplate(/^3\.1a\. /);
    fireEvent.click(screen.getByRole("button", { name: "Chèn mẫu vào sổ làm việc" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Chèn mẫu không thành công: GeneralException");
  });

  it("downloads every template as an .xlsx with the lazily loaded writer", async () => {
    const services = testServices();
    renderPane({ services });
    fireEvent.click(screen.getByRole("button", { name: "Tải tất cả mẫu (.xlsx)" }));
    expect(await screen.findByText(`Đã tạo ${CATALOG.length} tệp mẫu .xlsx.`)).toBeTruthy();
    expect(services.loadXlsx).toHaveBeenCalledTimes(1);
    expect(services.download).toHaveBeenCalledTimes(CATALOG.length);
    expect((services.download as jest.Mock).mock.calls[0][0]).toBe("3.1a-noi-vu-cchc-2019.xlsx");
  });
});
