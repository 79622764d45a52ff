/**
 * The fast writer (ExcelJS for the workbook's structure, sheet-data.ts for the cells, zlib or
 * fflate for the compression) writes the same workbook as ExcelJS alone: on the demo's master, the
 * cells' values and formats, merges, validations, print settings, views, protection and defined
 * names read back alike (by ExcelJS and by the lean reader), and values from submissions stay
 * values, never formulas.
 */
import ExcelJS from "exceljs";
import { createLeanXlsxReader } from "../../../src/adapters/xlsx/lean/reader";
import { fflateDeflateRaw } from "../../../src/adapters/xlsx/fflate-deflate";
import { nodeDeflateRaw } from "../../../src/adapters/xlsx/node-writer";
import { createXlsxWriter } from "../../../src/adapters/xlsx/writer";
import { DEMO_SETTINGS } from "../../../src/cli/commands/demo";
import { fillTemplate, generateDemo } from "../../../src/core/demo";
import { runPipeline } from "../../../src/core/master/pipeline";
import type { SheetModel, WorkbookModel } from "../../../src/core/sheet/model";
import { readSubmissions } from "../../../src/core/submission/read";
import type { Submission } from "../../../src/core/submission/types";
import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { CATALOG } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units/register";
import { modelToGrids } from "../../unit/master/grids";
import { unzip } from "./zip";

jest.setTimeout(120_000);

const NOW = "2019-12-30T09:00:00+07:00";

/** The demo's master, built from the demo's submissions without files. */
function demoMaster(): WorkbookModel {
  const register = defaultRegister();
  const submissions: Submission[] = [];
  for (const f of generateDemo(CATALOG, register, DEMO_SETTINGS).files) {
    const spec = CATALOG.find((s) => s.id === f.templateId)!;
    const model = fillTemplate(buildTemplateWorkbook(spec, register, DEMO_SETTINGS), spec, f);
    const r = readSubmissions(modelToGrids(model, f.fileName), { register, catalog: CATALOG });
    if (r.ok) submissions.push(...r.submissions);
  }
  return runPipeline({
    submissions,
    settings: DEMO_SETTINGS,
    register,
    catalog: CATALOG,
    now: NOW,
  }).model;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** What a person sees of a cell: its value and its format, with ExcelJS's defaults made explicit. */
function cellView(c: ExcelJS.Cell) {
  const f = c.font ?? {};
  const a = c.alignment ?? {};
  const b = c.border ?? {};
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  return {
    value: c.type === ExcelJS.ValueType.Merge ? null : (c.value ?? null),
    font: [f.name ?? "Calibri", f.size ?? 11, !!f.bold, !!f.italic, !!f.underline, f.color?.argb],
    fill: fill?.pattern === "solid" ? fill.fgColor?.argb : null,
    alignment: [a.horizontal, a.vertical, !!a.wrapText, a.textRotation ?? 0],
    border: [b.top?.style, b.left?.style, b.bottom?.style, b.right?.style],
    numFmt: c.numFmt ?? "General",
    locked: c.protection?.locked ?? true,
  };
}

/** Everything of a sheet the writer's callers rely on, as ExcelJS reads it back. */
function sheetView(ws: ExcelJS.Worksheet) {
  const cells: Record<string, ReturnType<typeof cellView>> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      const v = cellView(c);
      // A cell with neither value nor format is the same as no cell.
      const blank =
        v.value === null &&
        JSON.stringify(v) === JSON.stringify(cellView({ type: 0, value: null } as ExcelJS.Cell));
      if (!blank) cells[c.address] = v;
    })
  );
  const rows: Record<number, number | undefined> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    if (row.height) rows[row.number] = row.height;
  });
  const model = ws.model as unknown as {
    merges: string[];
    dataValidations: unknown;
    sheetProtection: unknown;
    views: unknown;
    cols: unknown;
    rowBreaks: unknown;
  };
  return {
    name: ws.name,
    state: ws.state,
    cells,
    rows,
    merges: [...model.merges].sort(),
    dataValidations: model.dataValidations,
    protection: model.sheetProtection,
    views: model.views,
    cols: model.cols,
    pageSetup: ws.pageSetup,
    headerFooter: ws.headerFooter,
    rowBreaks: model.rowBreaks,
  };
}

function workbookView(wb: ExcelJS.Workbook) {
  return {
    sheets: wb.worksheets.map(sheetView),
    definedNames: wb.definedNames.model,
  };
}

/** Formula cells of a sheet model (those the product writes itself). */
function formulaCount(s: SheetModel): number {
  let n = 0;
  for (const b of s.blocks)
    for (const row of b.cells) for (const c of row) if (c !== null && typeof c === "object") n++;
  return n;
}

describe("the fast writer", () => {
  let model: WorkbookModel;
  let before: Uint8Array;
  let fast: Uint8Array;
  beforeAll(async () => {
    model = demoMaster();
    before = await createXlsxWriter(ExcelJS).write(model);
    fast = await createXlsxWriter(ExcelJS, { deflateRaw: nodeDeflateRaw }).write(model);
  });

  it("writes the demo master as ExcelJS alone does: values, formats, merges, validations, print settings", async () => {
    const a = workbookView(await load(before));
    const b = workbookView(await load(fast));
    expect(b.sheets.map((s) => s.name)).toEqual(model.sheets.map((s) => s.name));
    expect(b.definedNames).toEqual(a.definedNames);
    for (let i = 0; i < a.sheets.length; i++) {
      const x = a.sheets[i]!;
      const y = b.sheets[i]!;
      expect({ sheet: y.name, ...y, cells: undefined }).toEqual({
        sheet: x.name,
        ...x,
        cells: undefined,
      });
      expect(Object.keys(y.cells).length).toBeGreaterThan(0);
      expect(y.cells).toEqual(x.cells);
    }
  });

  it("reads back alike with the project's reader", async () => {
    const reader = createLeanXlsxReader();
    const a = await reader.read(before, "master.xlsx");
    const b = await reader.read(fast, "master.xlsx");
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect({ ...b.grids, modifiedAt: null }).toEqual({ ...a.grids, modifiedAt: null });
  });

  it("compresses with fflate (the task pane) to the same parts", async () => {
    const pane = await createXlsxWriter(ExcelJS, { deflateRaw: fflateDeflateRaw }).write(model);
    const x = unzip(fast);
    const y = unzip(pane);
    expect([...y.keys()]).toEqual([...x.keys()]);
    for (const [name, data] of x) {
      if (name === "docProps/core.xml") continue; // the time of writing
      expect({ name, text: y.get(name) }).toEqual({ name, text: data });
    }
  });

  it("writes values from submissions as values: the only formulas are the model's own", () => {
    const parts = unzip(fast);
    model.sheets.forEach((s, i) => {
      const xml = parts.get(`xl/worksheets/sheet${i + 1}.xml`)!;
      expect({ sheet: s.name, formulas: (xml.match(/<f>/g) ?? []).length }).toEqual({
        sheet: s.name,
        formulas: formulaCount(s),
      });
    });
  });

  it("keeps formula-like text as text, escapes XML and drops characters XML cannot hold", async () => {
    const texts = ["=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0", "<b>&amp;\"'</b>", "a\u0001b\u000bc"];
    const sheet: SheetModel = {
      name: "S",
      visibility: "visible",
      blocks: [{ top: 1, left: 1, cells: [texts, [1.5, true, false, { formula: "=A1&B1" }]] }],
      styles: [{ range: { top: 1, left: 1, bottom: 1, right: 2 }, style: { bold: true } }],
      merges: [],
      columnWidths: [],
      validations: [],
      protect: false,
    };
    const bytes = await createXlsxWriter(ExcelJS, { deflateRaw: nodeDeflateRaw }).write({
      sheets: [sheet],
    });
    const ws = (await load(bytes)).getWorksheet("S")!;
    expect(texts.map((_, i) => ws.getCell(1, i + 1).value)).toEqual([
      "=1+1",
      "@SUM(A1)",
      "+cmd|' /C calc'!A0",
      "<b>&amp;\"'</b>",
      "abc",
    ]);
    expect(texts.map((_, i) => ws.getCell(1, i + 1).type)).toEqual(
      texts.map(() => ExcelJS.ValueType.String)
    );
    expect([1, 2, 3].map((c) => ws.getCell(2, c).value)).toEqual([1.5, true, false]);
    expect(ws.getCell(2, 4).formula).toBe("A1&B1");
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
    expect(ws.getCell(1, 3).font?.bold).toBeUndefined();
  });

  it("refuses overlapping merged ranges, as ExcelJS does", async () => {
    const sheet: SheetModel = {
      name: "S",
      visibility: "visible",
      blocks: [{ top: 1, left: 1, cells: [["a", "b", "c"]] }],
      styles: [],
      merges: [
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 1, left: 2, bottom: 2, right: 3 },
      ],
      columnWidths: [],
      validations: [],
      protect: false,
    };
    const write = (w: ReturnType<typeof createXlsxWriter>) => w.write({ sheets: [sheet] });
    await expect(write(createXlsxWriter(ExcelJS))).rejects.toThrow(/already merged/);
    await expect(write(createXlsxWriter(ExcelJS, { deflateRaw: nodeDeflateRaw }))).rejects.toThrow(
      /already merged/
    );
  });
});
