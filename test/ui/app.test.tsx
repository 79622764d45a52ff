/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "../../src/taskpane/components/App";
import { mockPort, renderPane } from "./helpers";

describe("App shell", () => {
  it("opens on the requested part, in Vietnamese with diacritics", () => {
    renderPane({ initialPart: "validate" });
    const tabs = screen.getByRole("tablist", { name: "Các phần của XếpLoại" });
    for (const name of ["Mẫu biểu", "Kiểm tra", "Tổng hợp", "In"]) {
      expect(within(tabs).getByRole("tab", { name })).toBeTruthy();
    }
    expect(within(tabs).getByRole("tab", { name: "Kiểm tra" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(screen.getByRole("button", { name: "Kiểm tra ngay" })).toBeTruthy();
    // NFC: "ế" is one code point, not e + combining marks.
    expect(document.body.textContent).toContain("Mẫu biểu".normalize("NFC"));
  });

  it("switches to English and back", () => {
    renderPane();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("tab", { name: "Templates" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Consolidate" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Insert template into the workbook" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Tiếng Việt" }));
    expect(screen.getByRole("tab", { name: "Tổng hợp" })).toBeTruthy();
  });

  it("remembers the language chosen last time", () => {
    const first = renderPane();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    first.unmount();
    renderPane();
    expect(screen.getByRole("tab", { name: "Templates" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Tiếng Việt" }));
    expect(localStorage.getItem("xeploai.lang")).toBe("vi");
  });

  it("moves between parts with the tab list", () => {
    renderPane();
    fireEvent.click(screen.getByRole("tab", { name: "In" }));
    expect(screen.getByRole("button", { name: "Áp dụng bố cục in" })).toBeTruthy();
  });

  it("names the missing requirement set when Excel is too old, and shows no actions", () => {
    const port = mockPort();
    port.checkRequirements.mockReturnValue({ ok: false, missing: ["ExcelApi 1.9"] });
    renderPane({ port });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(
      "Phiên bản Excel này chưa có các chức năng XếpLoại cần dùng"
    );
    expect(alert.textContent).not.toContain("ExcelApi");
    // …and where to go instead: this same page in a browser (the browser mode).
    expect(alert.textContent).toContain(
      `Mở ${window.location.origin}${window.location.pathname} bằng Edge`
    );
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  it("outside Excel (no Office.js) says so instead of showing a blank pane", async () => {
    await act(async () => {
      render(
        <FluentProvider theme={webLightTheme}>
          <App />
        </FluentProvider>
      );
    });
    expect(screen.getByRole("alert").textContent).toMatch(/Chưa kết nối với Excel/);
  });
});
