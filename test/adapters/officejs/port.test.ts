import { officeCapabilities } from "../../../src/adapters/officejs";
import { encodeCell, needsTextGuard } from "../../../src/adapters/officejs/cells";
import { ACTION_COST, packSteps, type Step } from "../../../src/adapters/officejs/plan";
import { splitHeaderFooter } from "../../../src/adapters/officejs/print";
import { coalesceStyles, coverRects } from "../../../src/adapters/officejs/styles";
import type { CellStyle, PrintLayout, StyledRange } from "../../../src/core/sheet/model";
import { setup, wideModel } from "./setup";

describe("requirements and small operations", () => {
  test("checkRequirements: ExcelApi 1.9 is the minimum", () => {
    expect(setup({ ExcelApi: "1.8" }).port.checkRequirements()).toEqual({
      ok: false,
      missing: ["ExcelApi 1.9"],
    });
    expect(setup({ ExcelApi: "1.9" }).port.checkRequirements()).toEqual({ ok: true, missing: [] });
    const { fake } = setup({ ExcelApi: "1.18" });
    expect(officeCapabilities((n, v) => fake.isSetSupported(n, v))).toEqual({
      notes: true,
      triggerSource: true,
      insertWorksheets: true,
    });
  });

  test("goTo activates the sheet and selects the cell in one sync; a missing sheet gives a Vietnamese error", async () => {
    const { fake, port } = setup();
    await port.writeModel(wideModel(5, 8));
    const before = fake.totalSyncs;
    await port.goTo("Tổng hợp", "F7");
    expect(fake.totalSyncs - before).toBe(1);
    expect(fake.sheetById(fake.activeSheetId).name).toBe("Tổng hợp");
    expect(fake.selection?.rect).toEqual({ top: 7, left: 6, bottom: 7, right: 6 });
    await expect(port.goTo("Không có", "A1")).rejects.toMatchObject({
      code: "ItemNotFound",
      message: expect.stringContaining("Không đến được ô A1"),
    });
  });

  test("applyPrintLayout sets A4, landscape, fit to one page wide, title rows, margins (mm), footer page numbers", async () => {
    const { fake, port } = setup();
    const layout: PrintLayout = {
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: { first: 5, last: 7 },
      printArea: { top: 1, left: 1, bottom: 40, right: 12 },
      margins: { top: 20, bottom: 15, left: 25.4, right: 10, header: 8, footer: 8 },
      centerHorizontally: true,
      footer: "&CTrang &P/&N",
    };
    await port.applyPrintLayout("Sheet1", layout);
    const pl = fake.pageLayout("Sheet1");
    expect(pl).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      // Fit all columns on one page, as many pages tall as needed (Excel keeps an omitted
      // direction at 1 page, which would shrink the whole sheet onto one page).
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$5:$7",
      printArea: "A1:L40",
      centerHorizontally: true,
    });
    expect(pl.margins.left).toBeCloseTo(72, 5);
    expect(pl.margins.top).toBeCloseTo((20 / 25.4) * 72, 0);
    expect(pl.headersFooters.defaultForAllPages.centerFooter).toBe("Trang &P/&N");
    expect(fake.totalSyncs).toBe(1);
    // Older Excel: a plain message instead of a crash.
    const old = setup({ ExcelApi: "1.8" });
    await expect(old.port.applyPrintLayout("Sheet1", layout)).rejects.toMatchObject({
      code: "ApiNotFound",
    });
  });

  test("sheetNames", async () => {
    const { port } = setup();
    await port.writeModel(wideModel(2, 3));
    expect(await port.sheetNames()).toEqual(["Sheet1", "Tổng hợp", "_lists"]);
  });
});

describe("pure helpers", () => {
  test("text Excel would reinterpret is written with an apostrophe", () => {
    for (const s of [
      "012",
      "2019-11-20",
      "=SUM(A1)",
      "TRUE",
      "-",
      "+84",
      "(1)",
      "50%",
      "#N/A",
      "Mar 2019",
    ])
      expect(needsTextGuard(s)).toBe(true);
    for (const s of ["Phường Phú Bài", "HTXSNV", "Có", ""]) expect(needsTextGuard(s)).toBe(false);
    expect(encodeCell("012")).toBe("'012");
    expect(encodeCell({ formula: "SUM(A1:A3)", result: null })).toBe("=SUM(A1:A3)");
    expect(encodeCell(null)).toBeNull();
    expect(encodeCell(NaN)).toBeNull();
  });

  test("header/footer sections", () => {
    expect(splitHeaderFooter("&CTrang &P/&N")).toEqual({
      left: "",
      center: "Trang &P/&N",
      right: "",
    });
    expect(splitHeaderFooter("&LHương Thủy&RNgày &D")).toEqual({
      left: "Hương Thủy",
      center: "",
      right: "Ngày &D",
    });
    expect(splitHeaderFooter("Trang &P")).toEqual({ left: "", center: "Trang &P", right: "" });
  });

  test("packing by bytes; a row-splittable step fills the current batch, then continues", () => {
    const plain = (bytes: number): Step<null> => ({ bytes, run: () => undefined });
    expect(packSteps([5, 5, 5, 20, 1].map(plain), 10).map((b) => b.map((s) => s.bytes))).toEqual([
      [5, 5],
      [5],
      [20],
      [1],
    ]);
    const parts: [number, number][] = [];
    const rows = Array.from({ length: 10 }, () => 100);
    const splittable: Step<null> = {
      bytes: 1000 + ACTION_COST,
      run: () => undefined,
      rows: {
        bytes: rows,
        part: (a, b) => (
          parts.push([a, b]),
          { bytes: ACTION_COST + (b - a) * 100, run: () => undefined }
        ),
      },
    };
    const budget = ACTION_COST + 450;
    const batches = packSteps([plain(200), splittable, plain(10)], budget);
    expect(parts).toEqual([
      [0, 2],
      [2, 6],
      [6, 10],
    ]);
    expect(batches.map((b) => b.length)).toEqual([2, 1, 2]);
    for (const b of batches) expect(b.reduce((a, s) => a + s.bytes, 0)).toBeLessThanOrEqual(budget);
  });

  test("coalesced styles render exactly the same cells as the original layers", () => {
    // Random layers over a 12×6 grid; compare the folded style of every cell.
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const palette: CellStyle[] = [
      { bold: true },
      { fill: "FFC7CE" },
      { color: "C00000", bold: true },
      { numFmt: "0.00" },
      { locked: false },
    ];
    for (let trial = 0; trial < 30; trial++) {
      const layers: StyledRange[] = [];
      for (let i = 0; i < 40; i++) {
        const top = 1 + rnd(12),
          left = 1 + rnd(6);
        const tall = rnd(3) === 0 ? rnd(4) : 0;
        layers.push({
          range: { top, left, bottom: Math.min(12, top + tall), right: left },
          style: palette[rnd(palette.length)]!,
        });
      }
      const fold = (ls: StyledRange[], r: number, c: number) => {
        const out: CellStyle = {};
        for (const l of ls)
          if (r >= l.range.top && r <= l.range.bottom && c >= l.range.left && c <= l.range.right)
            Object.assign(out, l.style);
        return JSON.stringify(out);
      };
      const merged = coalesceStyles(layers);
      for (let r = 1; r <= 12; r++)
        for (let c = 1; c <= 6; c++) expect(fold(merged, r, c)).toBe(fold(layers, r, c));
    }
    const perRow: StyledRange[] = Array.from({ length: 2000 }, (_, i) => ({
      range: { top: 10 + i, left: 5, bottom: 10 + i, right: 5 },
      style: { color: "C00000" },
    }));
    expect(coalesceStyles(perRow)).toEqual([
      { range: { top: 10, left: 5, bottom: 2009, right: 5 }, style: { color: "C00000" } },
    ]);
    expect(coverRects(perRow.map((p) => p.range))).toEqual([
      { top: 10, left: 5, bottom: 2009, right: 5 },
    ]);
  });
});
