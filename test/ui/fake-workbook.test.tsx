/**
 * @jest-environment jsdom
 *
 * The pane over the real Office.js adapter and the in-memory Excel fake: what the user does in the
 * pane must show in the workbook (sheets, _meta, marks, selection) and back.
 */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { createOfficeWorkbookPort } from "../../src/adapters/officejs";
import type { ExcelRunner } from "../../src/adapters/officejs";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { PaneController } from "../../src/taskpane/state/pane-controller";
import { FakeWorkbook, fakeRun } from "../fakes/fake-excel";
import { renderPane } from "./helpers";

function paneOverFake(supportedSets?: Record<string, string>) {
  const fake = new FakeWorkbook({ supportedSets }, ["Sheet1"]);
  const port = createOfficeWorkbookPort(fakeRun(fake) as unknown as ExcelRunner, {
    isSetSupported: (name, v) => fake.isSetSupported(name, v),
  });
  const controller = new PaneController(port, createCoreServices(), { debounceMs: 50 });
  return { fake, controller };
}

function metaOf(fake: FakeWorkbook): Map<string, unknown> {
  return new Map(fake.values("_meta", "A1:B40").map(([k, v]) => [String(k), v]));
}

describe("the pane over the Office.js adapter and the Excel fake", () => {
  // Heavy (the whole pane over the fake, template insertion with its document heading and footer):
  // its own timeout, generous for a machine shared by several jobs.
  jest.setTimeout(90_000);

  it("inserts a template, checks it, catches a pasted wrong value live and goes to its cell", async () => {
    const { fake, controller } = paneOverFake();
    renderPane({ controller, initialPart: "templates" });

    fireEvent.click(screen.getByRole("combobox"));
    fireEvent.click(screen.getByRole("option", { name: /^3\.1a\. / }));
    fireEvent.click(screen.getByRole("button", { name: "Chèn mẫu vào sổ làm việc" }));
    await screen.findByText(/Đã chèn mẫu/, undefined, { timeout: 10_000 });

    expect(fake.sheetNames()).toContain("Nội vụ - CCHC");
    expect(fake.findSheet("_meta")?.visibility).toBe("VeryHidden");
    const meta = metaOf(fake);
    expect(meta.get("templateId")).toBe("noi-vu-cchc");

    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra ngay" }));
    // A blank template: its untouched rows are one line, not a warning per empty cell.
    await screen.findByText(/^\d+ dòng chưa nhập$/, undefined, { timeout: 10_000 });

    // A person pastes "abc" into the score column (pasting bypasses Excel's data validation).
    const addr = `${meta.get("column:diemCchc")}${meta.get("firstDataRow")}`;
    await act(async () => {
      const pasted = await fake.userPaste("Nội vụ - CCHC", addr, [["abc"]]);
      expect(pasted.accepted).toBe(true);
    });
    const link = await screen.findByRole(
      "button",
      { name: new RegExp(`${addr}\\b.*abc`) },
      { timeout: 10_000 }
    );
    expect(link.textContent).toMatch(/abc/);
    // Excel itself colours the cell (a conditional format written with the template); live
    // checking wrote nothing, so the paste is still on the user's undo stack.
    expect(fake.cell("Nội vụ - CCHC", addr)?.fill ?? null).toBeNull();
    const col = String(meta.get("column:diemCchc"));
    expect(
      fake
        .findSheet("Nội vụ - CCHC")!
        .conditionalFormats.some(
          (cf) => cf.formula.includes(`${col}${meta.get("firstDataRow")}`) && cf.fill === "#FFC7CE"
        )
    ).toBe(true);
    expect(fake.undoStack).toHaveLength(1);

    fireEvent.click(link);
    await waitFor(() => expect(fake.selection).not.toBeNull());
    expect(fake.sheetById(fake.selection!.sheetId).name).toBe("Nội vụ - CCHC");
    expect(fake.selection!.rect.top).toBe(Number(meta.get("firstDataRow")));
  });

  it("tells the user plainly when Excel is too old, in words (no requirement-set names)", () => {
    const { controller } = paneOverFake({ ExcelApi: "1.8" });
    renderPane({ controller });
    const alert = screen.getByRole("alert").textContent;
    expect(alert).toContain("Phiên bản Excel này chưa có các chức năng XếpLoại cần dùng");
    expect(alert).not.toMatch(/ExcelApi|1\.9/);
  });
});
