/** The pane's logic without React: grouping, targets, live-check scheduling, file reading failures. */
import type { ValidationIssue } from "../../src/core/validate/types";
import type { ReadOutcome } from "../../src/core/submission/types";
import {
  PaneController,
  PaneError,
  groupIssues,
  issueTarget,
} from "../../src/taskpane/state/pane-controller";
import { mockPort, testServices } from "./helpers";

const issue = (
  severity: "error" | "warning",
  row: number,
  cell: string | null
): ValidationIssue => ({
  severity,
  rule: "x",
  row,
  column: null,
  cell,
  message: { vi: `Dòng ${row}`, en: `Row ${row}` },
});

describe("groupIssues", () => {
  it("puts errors before warnings, sheet-level (row 0) first, rows in order", () => {
    const groups = groupIssues([
      { sheet: "A", issue: issue("warning", 9, "C9") },
      { sheet: "A", issue: issue("error", 12, "B12") },
      { sheet: "A", issue: issue("error", 0, null) },
      { sheet: "A", issue: issue("error", 7, "B7") },
      { sheet: "A", issue: issue("error", 7, "C7") },
    ]);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ["error", 4],
      ["warning", 1],
    ]);
    expect(groups[0].rows.map((r) => [r.row, r.entries.length])).toEqual([
      [0, 1],
      [7, 2],
      [12, 1],
    ]);
  });
});

describe("issueTarget", () => {
  it("goes to the cell, else to column A of the row, else nowhere", () => {
    expect(issueTarget({ sheet: "S", issue: issue("error", 7, "F7") })).toEqual({
      sheet: "S",
      address: "F7",
    });
    expect(issueTarget({ sheet: "S", issue: issue("error", 7, null) })).toEqual({
      sheet: "S",
      address: "A7",
    });
    expect(issueTarget({ sheet: "S", issue: issue("error", 0, null) })).toBeNull();
    expect(issueTarget({ sheet: "", issue: issue("error", 7, "F7") })).toBeNull();
  });
});

const outcome: ReadOutcome = {
  ok: true,
  issues: [],
  submissions: [
    {
      file: "f",
      sheet: "S",
      templateId: "t",
      templateVersion: 1,
      period: 2019,
      generatedAt: null,
      modifiedAt: null,
      recognizedBy: "meta",
      layout: { columnLetters: {}, firstDataRow: 7 },
      validation: { rows: [], issues: [] },
    },
  ],
};

describe("live checking", () => {
  afterEach(() => jest.useRealTimers());

  it("never runs two checks at once: an edit during a check gives exactly one more", async () => {
    jest.useFakeTimers();
    const port = mockPort();
    let release: () => void = () => undefined;
    port.readGrids.mockImplementationOnce(
      () => new Promise((resolve) => (release = () => resolve({ source: "x", sheets: [] })))
    );
    const controller = new PaneController(
      port,
      testServices({ readSubmissions: jest.fn(() => outcome) }),
      {
        debounceMs: 100,
      }
    );
    const results: unknown[] = [];
    const stop = await controller.startLiveCheck(
      (v) => results.push(v),
      () => undefined
    );

    port.emitChange({ sheet: "S", address: "A1" });
    await jest.advanceTimersByTimeAsync(150); // first check starts and waits on readGrids
    expect(port.readGrids).toHaveBeenCalledTimes(1);
    port.emitChange({ sheet: "S", address: "A2" });
    port.emitChange({ sheet: "S", address: "A3" });
    await jest.advanceTimersByTimeAsync(150); // debounced edit arrives while the first check runs
    expect(port.readGrids).toHaveBeenCalledTimes(1);
    release();
    await jest.advanceTimersByTimeAsync(10);
    expect(port.readGrids).toHaveBeenCalledTimes(2);
    expect(results).toHaveLength(2);

    await stop();
    port.emitChange({ sheet: "S", address: "A4" });
    await jest.advanceTimersByTimeAsync(500);
    expect(port.readGrids).toHaveBeenCalledTimes(2);
  });

  it("reports a failing check in Vietnamese instead of throwing", async () => {
    jest.useFakeTimers();
    const port = mockPort();
    port.readGrids.mockRejectedValue(new Error("InvalidOperation"));
    const controller = new PaneController(port, testServices(), { debounceMs: 10 });
    const errors: string[] = [];
    await controller.startLiveCheck(
      () => undefined,
      (m) => errors.push(m.vi)
    );
    port.emitChange({ sheet: "S", address: "A1" });
    await jest.advanceTimersByTimeAsync(50);
    expect(errors).toEqual(["Kiểm tra tự động không thành công: InvalidOperation"]);
  });
});

describe("reading returned files", () => {
  it("refuses a file whose bytes cannot be read, saying why", async () => {
    const controller = new PaneController(mockPort(), testServices());
    const status = await controller.readFile({
      name: "hong.xlsx",
      bytes: () => Promise.reject(new Error("NotReadableError")),
    });
    expect(status.state).toBe("refused");
    expect(status.message?.vi).toBe("Đọc tệp không thành công: NotReadableError");
  });

  it("refuses to consolidate when no file was taken", () => {
    const controller = new PaneController(mockPort(), testServices());
    expect(() => controller.consolidate([], testServices().defaultSettings())).toThrow(PaneError);
  });

  it("refuses a year outside 1990–2100 before writing anything", async () => {
    const port = mockPort();
    const controller = new PaneController(port, testServices());
    await expect(controller.insertTemplate("noi-vu-cchc", 19)).rejects.toThrow(PaneError);
    expect(port.writeModel).not.toHaveBeenCalled();
  });
});
