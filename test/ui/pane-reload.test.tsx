/**
 * @jest-environment jsdom
 *
 * Ribbon buttons reload the pane (same TaskpaneId, another URL), so in-memory state is lost
 * (issue #15, item 9). The consolidation that wrote the master is kept in the workbook itself
 * (workbook.settings, through the port), and the reloaded pane shows it again.
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { createOfficeWorkbookPort, type ExcelRunner } from "../../src/adapters/officejs";
import type { Submission } from "../../src/core/submission/types";
import {
  CONSOLIDATION_STATE,
  PaneController,
  type FileStatus,
} from "../../src/taskpane/state/pane-controller";
import { FakeWorkbook, fakeRun } from "../fakes/fake-excel";
import { renderPane, testServices } from "./helpers";

jest.setTimeout(60_000);

const VIEW = {
  taken: [
    {
      file: "quan-su.xlsx",
      sheet: "Quân sự",
      template: { vi: "3.9 Quân sự", en: "3.9 Military" },
      rows: 12,
    },
  ],
  refused: [{ file: "bang-ke.xlsx", message: { vi: "không phải .xlsx", en: "not .xlsx" } }],
  conflicts: [],
  excludedRows: [],
  missing: [{ vi: "3.2 Tổ chức: chưa nộp mẫu", en: "3.2 Organisation: not submitted" }],
  issueCount: 0,
};

function paneOver(fake: FakeWorkbook) {
  const port = createOfficeWorkbookPort(fakeRun(fake) as unknown as ExcelRunner, {
    isSetSupported: (n, v) => fake.isSetSupported(n, v),
  });
  const services = testServices({ consolidate: jest.fn(() => ({ view: VIEW, result: null })) });
  return { port, services, controller: new PaneController(port, services) };
}

test("the consolidation that wrote the master comes back in a reloaded pane", async () => {
  const fake = new FakeWorkbook({ supportedSets: { ExcelApi: "1.12" } });
  const first = paneOver(fake);
  const files: FileStatus[] = [
    { name: "quan-su.xlsx", state: "taken", submissions: [{} as Submission] },
    {
      name: "bang-ke.xlsx",
      state: "refused",
      submissions: [],
      message: { vi: "không phải .xlsx", en: "not .xlsx" },
    },
  ];
  const consolidated = first.controller.consolidate(files, first.services.defaultSettings());
  await first.controller.writeMaster(consolidated, first.services.defaultSettings());
  expect(fake.sheetNames()).toContain("Tổng hợp");
  expect(fake.settings.has(`xeploai.pane:${CONSOLIDATION_STATE}`)).toBe(true);

  // The ribbon's "Tổng hợp" button loads a new pane: a new controller over the same workbook.
  const second = paneOver(fake);
  renderPane({ controller: second.controller, initialPart: "consolidate" });
  const result = await screen.findByTestId("consolidation-result", undefined, { timeout: 20_000 });
  expect(screen.getByText(/Kết quả lần tổng hợp trước/)).toBeTruthy();
  expect(screen.getByTestId("consolidate-summary").textContent).toMatch(
    /^đã nhận 1 · bị từ chối 1 · trùng 0 · chưa nộp \d+$/
  );
  expect(result.querySelector('li[data-state="refused"]')!.textContent).toMatch(/bang-ke\.xlsx/);
  fireEvent.click(within(result).getByRole("button", { name: "Đã nhận (1)" }));
  expect(result.querySelector('li[data-state="taken"]')!.textContent).toMatch(/quan-su\.xlsx/);
  // Nothing to write again without the files: the write button is not offered.
  expect(screen.queryByRole("button", { name: /Ghi bảng tổng hợp/ })).toBeNull();
});

test("a workbook without a saved consolidation shows the empty part", async () => {
  const fake = new FakeWorkbook();
  const { controller } = paneOver(fake);
  expect(await controller.savedConsolidation()).toBeNull();
  renderPane({ controller, initialPart: "consolidate" });
  expect(screen.queryByTestId("consolidation-result")).toBeNull();
});
