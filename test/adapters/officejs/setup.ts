/** Test setup: the Office.js adapter running against the in-memory Excel fake. */
import { createOfficeWorkbookPort, type ExcelRunner } from "../../../src/adapters/officejs";
import { createAdapterEnv, type OfficePortOptions } from "../../../src/adapters/officejs/port";
import type { Cell, SheetModel, WorkbookModel } from "../../../src/core/sheet/model";
import { FakeWorkbook, fakeRun } from "../../fakes/fake-excel";

export function setup(
  sets: Record<string, string> = { ExcelApi: "1.12" },
  opts: OfficePortOptions = {}
) {
  const fake = new FakeWorkbook({ supportedSets: sets });
  const run = fakeRun(fake) as unknown as ExcelRunner;
  const portOpts: OfficePortOptions = {
    isSetSupported: (n, v) => fake.isSetSupported(n, v),
    ...opts,
  };
  const port = createOfficeWorkbookPort(run, portOpts);
  const env = createAdapterEnv(run, portOpts);
  return { fake, port, env };
}

/** A sheet of `rows` data rows × `cols` columns under a 3-row header, styled like a master. */
export function wideSheet(name: string, rows: number, cols: number): SheetModel {
  const header: Cell[] = Array.from({ length: cols }, (_, j) => `Cột ${j + 1}`);
  const data: Cell[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j): Cell => {
      if (j === 0) return i + 1;
      if (j === 1) return `Đảng bộ phường số ${i + 1}`;
      if (j === cols - 1)
        return {
          formula: `SUM(C${i + 4}:${String.fromCharCode(64 + Math.min(cols - 2, 26))}${i + 4})`,
          result: null,
        };
      if (j % 5 === 0) return i % 3 === 0 ? "HTXSNV" : "HTTNV";
      return (i * 7 + j * 13) % 100;
    })
  );
  return {
    name,
    visibility: "visible",
    blocks: [
      { top: 1, left: 1, cells: [["BẢNG TỔNG HỢP"]] },
      { top: 3, left: 1, cells: [header] },
      // One block per row, as the core builders emit them.
      ...data.map((line, i) => ({ top: 4 + i, left: 1, cells: [line] })),
    ],
    styles: [
      {
        range: { top: 1, left: 1, bottom: 1, right: cols },
        style: { bold: true, fontSize: 14, hAlign: "center" },
      },
      {
        range: { top: 3, left: 1, bottom: 3, right: cols },
        style: { bold: true, fill: "DDEBF7", border: "thin", wrap: true },
      },
      {
        range: { top: 4, left: 1, bottom: 3 + rows, right: cols },
        style: { border: "thin", fontSize: 12 },
      },
      {
        range: { top: 4, left: 3, bottom: 3 + rows, right: cols - 1 },
        style: { numFmt: "0.00", hAlign: "center" },
      },
      // A per-row style, as the master's status columns have.
      ...data.map((_, i) => ({
        range: { top: 4 + i, left: 2, bottom: 4 + i, right: 2 },
        style: { color: "C00000" },
      })),
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: cols }],
    columnWidths: Array.from({ length: cols }, (_, j) => (j === 1 ? 30 : 10)),
    freeze: { row: 4, col: 3 },
    validations: [
      {
        range: { top: 4, left: 6, bottom: 3 + rows, right: 6 },
        rule: { kind: "list", source: "=_lists!$A$2:$A$5" },
        allowBlank: true,
      },
    ],
    protect: false,
    print: {
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: { first: 3, last: 3 },
      margins: { top: 15, bottom: 15, left: 10, right: 10, header: 8, footer: 8 },
      centerHorizontally: true,
      footer: "&CTrang &P/&N",
    },
  };
}

export function listsSheet(): SheetModel {
  return {
    name: "_lists",
    visibility: "hidden",
    blocks: [{ top: 1, left: 1, cells: [["Mức"], ["HTXSNV"], ["HTTNV"], ["HTNV"], ["KHTNV"]] }],
    styles: [],
    merges: [],
    columnWidths: [],
    validations: [],
    protect: true,
  };
}

export function wideModel(rows: number, cols = 40): WorkbookModel {
  return { sheets: [wideSheet("Tổng hợp", rows, cols), listsSheet()] };
}
