/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ReadOutcome, Submission } from "../../src/core/submission/types";
import type { ValidationIssue } from "../../src/core/validate/types";
import { mockPort, renderPane, testServices } from "./helpers";

const issue = (over: Partial<ValidationIssue>): ValidationIssue => ({
  severity: "error",
  rule: "min",
  row: 7,
  column: "diemCchc",
  cell: "F7",
  unitCode: "phuong-phu-bai",
  message: {
    vi: "Ô F7: “abc” không phải là số. Hãy nhập một số từ 0 đến 100.",
    en: "Cell F7: “abc” is not a number.",
  },
  ...over,
});

function outcomeWith(issues: ValidationIssue[]): ReadOutcome {
  const submission: Submission = {
    file: "Sổ làm việc hiện tại",
    sheet: "Nội vụ - CCHC",
    templateId: "noi-vu-cchc",
    templateVersion: 1,
    period: 2019,
    generatedAt: null,
    modifiedAt: null,
    recognizedBy: "meta",
    layout: { columnLetters: {}, firstDataRow: 7 },
    validation: { rows: [], issues },
  };
  return { ok: true, submissions: [submission], issues: [] };
}

const ISSUES = [
  issue({}),
  issue({
    cell: "G7",
    column: "xepHang",
    message: { vi: "Ô G7: thiếu xếp hạng.", en: "G7: rank missing." },
  }),
  issue({
    row: 9,
    cell: "F9",
    unitCode: null,
    message: { vi: "Ô F9: lớn hơn 100.", en: "F9: over 100." },
  }),
  issue({
    severity: "warning",
    row: 8,
    cell: "H8",
    message: { vi: "Ô H8: xếp loại khác điểm.", en: "H8: grade differs." },
  }),
];

describe("Kiểm tra", () => {
  jest.setTimeout(30_000);
  it("lists issues by severity then row, with a live count, writing nothing to the workbook", async () => {
    const port = mockPort();
    const services = testServices({ readSubmissions: jest.fn(() => outcomeWith(ISSUES)) });
    renderPane({ port, services, initialPart: "validate" });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra ngay" }));

    expect(await screen.findByText("3 lỗi, 1 cảnh báo")).toBeTruthy();
    const errors = screen.getByRole("group", { name: "Lỗi" });
    const warnings = screen.getByRole("group", { name: "Cảnh báo" });
    expect(within(errors).getByText(/Nội vụ - CCHC · Dòng 7 · Phường Phú Bài/)).toBeTruthy();
    expect(within(errors).getByText(/Dòng 9/)).toBeTruthy();
    // Row 7 before row 9; both errors of row 7 under one heading.
    const text = errors.textContent ?? "";
    expect(text.indexOf("Dòng 7")).toBeLessThan(text.indexOf("Dòng 9"));
    expect(within(errors).getAllByRole("button").length).toBe(3);
    expect(
      within(warnings).getByRole("button", { name: "Ô H8: xếp loại khác điểm." })
    ).toBeTruthy();
    // Checking only reads: the user's undo stack stays intact.
    expect(port.markIssues).not.toHaveBeenCalled();
  });

  it("marks the invalid cells only when asked, and says what that costs", async () => {
    const port = mockPort();
    const services = testServices({ readSubmissions: jest.fn(() => outcomeWith(ISSUES)) });
    renderPane({ port, services, initialPart: "validate" });
    expect(screen.getByText(/không hoàn tác \(Ctrl\+Z\) được các thao tác trước/)).toBeTruthy();
    expect(screen.getByText(/Ctrl\+Z vẫn hoàn tác được/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Đánh dấu ô lỗi" }));
    expect(await screen.findByText("Đã đánh dấu các ô lỗi (3 lỗi, 1 cảnh báo).")).toBeTruthy();
    expect(port.markIssues).toHaveBeenCalledWith("Nội vụ - CCHC", ISSUES);
  });

  it("goes to the issue's cell when it is clicked", async () => {
    const port = mockPort();
    renderPane({
      port,
      services: testServices({ readSubmissions: jest.fn(() => outcomeWith(ISSUES)) }),
      initialPart: "validate",
    });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra ngay" }));
    fireEvent.click(await screen.findByRole("button", { name: /Ô F9: lớn hơn 100/ }));
    await waitFor(() => expect(port.goTo).toHaveBeenCalledWith("Nội vụ - CCHC", "F9"));
  });

  it("says plainly when the workbook holds no XếpLoại template", async () => {
    renderPane({ initialPart: "validate" });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra ngay" }));
    expect(
      await screen.findByText(/Sổ làm việc đang mở không có mẫu biểu XếpLoại nào/)
    ).toBeTruthy();
  });

  it("re-checks after user edits, debounced, and the count follows", async () => {
    jest.useFakeTimers();
    try {
      const port = mockPort();
      const readSubmissions = jest.fn(() => outcomeWith(ISSUES));
      renderPane({ port, services: testServices({ readSubmissions }), initialPart: "validate" });
      await act(async () => undefined);
      expect(port.onUserChange).toHaveBeenCalledTimes(1);

      // A burst of edits gives one check after 500 ms of quiet.
      act(() => {
        port.emitChange({ sheet: "Nội vụ - CCHC", address: "F7" });
        port.emitChange({ sheet: "Nội vụ - CCHC", address: "F8" });
      });
      await act(async () => {
        jest.advanceTimersByTime(400);
      });
      expect(port.readGrids).not.toHaveBeenCalled();
      await act(async () => {
        jest.advanceTimersByTime(200);
      });
      expect(port.readGrids).toHaveBeenCalledTimes(1);
      expect(screen.getByText("3 lỗi, 1 cảnh báo")).toBeTruthy();

      // The user fixes F9 and F7: the count drops.
      readSubmissions.mockReturnValue(outcomeWith(ISSUES.slice(1, 2)));
      act(() => port.emitChange({ sheet: "Nội vụ - CCHC", address: "F9" }));
      await act(async () => {
        jest.advanceTimersByTime(600);
      });
      expect(screen.getByText("1 lỗi, 0 cảnh báo")).toBeTruthy();
      // Once the template sheets are known, a live re-check reads only them and _meta.
      expect(port.readGrids).toHaveBeenLastCalledWith({ sheets: ["Nội vụ - CCHC", "_meta"] });
      // Live checks never write marks: they would empty the user's undo stack.
      expect(port.markIssues).not.toHaveBeenCalled();

      // Edits outside the template sheets (e.g. in the master) need no re-check.
      act(() => port.emitChange({ sheet: "Tổng hợp", address: "B9" }));
      await act(async () => {
        jest.advanceTimersByTime(600);
      });
      expect(port.readGrids).toHaveBeenCalledTimes(2);

      // Turning live checking off unsubscribes.
      fireEvent.click(screen.getByRole("switch", { name: "Kiểm tra tự động khi sửa ô" }));
      await act(async () => undefined);
      expect(port.unsubscribed).toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });

  it("shows a Vietnamese message when reading the workbook fails", async () => {
    const port = mockPort();
    port.readGrids.mockRejectedValue(new Error("RichApi.Error"));
    renderPane({ port, initialPart: "validate" });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra ngay" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Kiểm tra không thành công: RichApi.Error"
    );
  });
});

describe("Kiểm tra with many issues", () => {
  it("shows the first 25 rows of a severity, then more on demand", async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      issue({
        severity: "warning",
        row: 10 + i,
        cell: `F${10 + i}`,
        message: { vi: `Ô F${10 + i}: thiếu.`, en: `F${10 + i}: missing.` },
      })
    );
    renderPane({
      services: testServices({ readSubmissions: jest.fn(() => outcomeWith(many)) }),
      initialPart: "validate",
    });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra ngay" }));
    const group = await screen.findByRole("group", { name: "Cảnh báo" });
    expect(within(group).getAllByRole("listitem").length).toBe(25);
    fireEvent.click(within(group).getByRole("button", { name: "Hiện thêm 25 dòng" }));
    expect(within(group).getAllByRole("listitem").length).toBe(50);
    fireEvent.click(within(group).getByRole("button", { name: "Hiện thêm 10 dòng" }));
    expect(within(group).getAllByRole("listitem").length).toBe(60);
    expect(within(group).queryByRole("button", { name: /Hiện thêm/ })).toBeNull();
  });
});
