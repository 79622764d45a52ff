/**
 * Thin checks of the adapter's load/sync discipline with Microsoft's office-addin-mock. The mock
 * returns "Error, property was not loaded" / "Error, context.sync() was not called" instead of
 * the value when a property is read too early, so a wrong order shows up in the result. It has no
 * collections: worksheets.items and the range getters are hand-written in the seed.
 */

import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock only needs the OfficeApp enum from office-addin-manifest, whose full import
// chain pulls an ESM-only package Jest's CommonJS runtime cannot load.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import { createOfficeWorkbookPort, type ExcelRunner } from "../../../src/adapters/officejs";

function excelMock() {
  const mock: any = new OfficeMockObject({
    host: "excel",
    workbook: {
      worksheets: {
        sheet0: { name: "Tổng hợp", visibility: "Visible" },
      },
      used: { rowIndex: 1, columnIndex: 1, rowCount: 2, columnCount: 2 },
      cells: {
        values: [
          [1, "#REF!"],
          [0.25, ""],
        ],
        numberFormat: [
          ["General", "General"],
          ["0%", "General"],
        ],
        valueTypes: [
          ["Double", "Error"],
          ["Double", "Empty"],
        ],
      },
      goto: {},
    },
  });
  const calls: string[] = [];
  const wb = mock.workbook;
  // Hand-written collection: load() loads each item's properties; items is plain.
  wb.worksheets.load = (p: string) => {
    calls.push(`worksheets.load ${p}`);
    wb.worksheets.sheet0.load("name,visibility");
    return wb.worksheets;
  };
  Object.defineProperty(wb.worksheets, "items", { get: () => [wb.worksheets.sheet0] });
  wb.worksheets.sheet0.getUsedRangeOrNullObject = (valuesOnly: boolean) => {
    calls.push(`getUsedRangeOrNullObject ${valuesOnly}`);
    return wb.used;
  };
  wb.worksheets.sheet0.getRangeByIndexes = (...a: number[]) => {
    calls.push(`getRangeByIndexes ${a.join(",")}`);
    return wb.cells;
  };
  wb.used.isNullObject = false;
  wb.cells.untrack = () => undefined;
  const sync = mock.sync.bind(mock);
  let syncs = 0;
  mock.sync = async () => {
    syncs++;
    calls.push("sync");
    await sync();
    // office-addin-mock settles nested properties in later microtasks.
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  const run: ExcelRunner = (_options, batch) => batch(mock);
  return { mock, calls, run, syncs: () => syncs };
}

describe("office-addin-mock: load/sync discipline", () => {
  test("readGrids reads names, bounds and values only after loading and syncing them (3 syncs)", async () => {
    const { run, calls, syncs } = excelMock();
    const port = createOfficeWorkbookPort(run, {
      isSetSupported: () => true,
      runWith: (_c, b) => run({}, b),
    });
    const grids = await port.readGrids();
    expect(syncs()).toBe(3);
    expect(grids.sheets).toEqual([
      {
        name: "Tổng hợp",
        visibility: "visible",
        rows: [[], [null, 1, { error: "#REF!" }], [null, { percentFraction: 0.25 }, null]],
      },
    ]);
    // load → sync → use, in that order, for each level.
    expect(calls).toEqual([
      "worksheets.load items/name,items/visibility",
      "sync",
      "getUsedRangeOrNullObject true",
      "sync",
      "getRangeByIndexes 1,1,2,2",
      "sync",
    ]);
  });

  test("control: reading before sync yields the mock's error sentinel (the check can fail)", async () => {
    const { mock } = excelMock();
    const cells = mock.workbook.cells;
    cells.load("values");
    expect(cells.values).toBe("Error, context.sync() was not called");
    await mock.sync();
    expect(cells.values).toEqual([
      [1, "#REF!"],
      [0.25, ""],
    ]);
    expect(mock.workbook.used.rowCount).toBe("Error, property was not loaded");
  });
});
