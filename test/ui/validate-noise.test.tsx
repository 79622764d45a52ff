/**
 * @jest-environment jsdom
 *
 * Kiểm tra without noise: a freshly inserted blank template is one line ("N dòng chưa nhập"), not
 * a warning per empty cell; one wrong value is one issue, other rules it breaks shown under it.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createOfficeWorkbookPort } from "../../src/adapters/officejs";
import type { ExcelRunner } from "../../src/adapters/officejs";
import type { ValidationIssue } from "../../src/core/validate/types";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { PaneController, mergeByCell } from "../../src/taskpane/state/pane-controller";
import { FakeWorkbook, fakeRun } from "../fakes/fake-excel";
import { renderPane } from "./helpers";

function paneOverFake() {
  const fake = new FakeWorkbook({}, ["Sheet1"]);
  const port = createOfficeWorkbookPort(fakeRun(fake) as unknown as ExcelRunner, {
    isSetSupported: (name, v) => fake.isSetSupported(name, v),
  });
  return { fake, controller: new PaneController(port, createCoreServices(), { debounceMs: 50 }) };
}

const issue = (severity: "error" | "warning", rule: string, cell: string): ValidationIssue => ({
  severity,
  rule,
  row: 7,
  column: "E",
  cell,
  message: { vi: `${rule} ${cell}`, en: `${rule} ${cell}` },
});

describe("Kiểm tra without noise", () => {
  jest.setTimeout(60_000);

  it("a blank template is one line of untouched rows; one wrong value is one error", async () => {
    const { fake, controller } = paneOverFake();
    renderPane({ controller, initialPart: "templates" });
    fireEvent.click(screen.getByRole("combobox"));
    fireEvent.click(screen.getByRole("option", { name: /^3\.1a\. / }));
    fireEvent.click(screen.getByRole("button", { name: "Chèn mẫu vào sổ làm việc" }));
    await screen.findByText(/Đã chèn mẫu/, undefined, { timeout: 20_000 });

    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra ngay" }));
    const untouched = await screen.findByTestId("untouched-rows", undefined, { timeout: 20_000 });
    expect(untouched.textContent).toMatch(/^\d+ dòng chưa nhập$/);
    const count = screen.getByTestId("issue-count");
    expect(count.textContent).toContain("Chưa có số liệu sai.");
    expect(screen.queryByRole("heading", { name: /^Cảnh báo/ })).toBeNull();

    // One wrong value on one row: that row is no longer untouched, and it is one issue.
    const meta = new Map(fake.values("_meta", "A1:B40").map(([k, v]) => [String(k), v]));
    const addr = `${meta.get("column:diemCchc")}${meta.get("firstDataRow")}`;
    await act(async () => {
      await fake.userPaste("Nội vụ - CCHC", addr, [["abc"]]);
    });
    await waitFor(() => expect(count.textContent).toMatch(/^\d+ lỗi, 0 cảnh báo/), {
      timeout: 20_000,
    });
    // Each listed error is one cell (the count is cells, not rules), and the wrong value once.
    const errors = screen.getByRole("group", { name: "Lỗi" });
    const items = within(errors).getAllByRole("listitem");
    expect(count.textContent).toMatch(new RegExp(`^${items.length} lỗi`));
    expect(items.filter((li) => li.textContent!.includes("abc"))).toHaveLength(1);
    // The other rows stay one line.
    expect(screen.getByTestId("untouched-rows").textContent).toMatch(/^\d+ dòng chưa nhập$/);
  });

  it("issues of the same cell merge into the most severe one, the others listed under it", () => {
    const merged = mergeByCell([
      { sheet: "S", issue: issue("warning", "range", "E7") },
      { sheet: "S", issue: issue("error", "int", "E7") },
      { sheet: "S", issue: issue("error", "partLteTotal", "E7") },
      { sheet: "S", issue: issue("error", "int", "F7") },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]!.issue.rule).toBe("int");
    expect(merged[0]!.related!.map((r) => r.rule)).toEqual(["range", "partLteTotal"]);
    expect(merged[1]!.related).toBeUndefined();
  });
});
