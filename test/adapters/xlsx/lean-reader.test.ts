/**
 * The lean reader (fflate + our tokenizer) must give exactly the WorkbookGrids the ExcelJS reader gave:
 * the same values, shared and inline strings, formula results, percent and date formats, merges,
 * visibility and modified date. Both read the same bytes: files ExcelJS writes (templates, filled
 * submissions, a master) and hand-made files with the cell forms other writers use.
 */
import ExcelJS from "exceljs";
import { createLeanXlsxReader } from "../../../src/adapters/xlsx/lean/reader";
import type { XlsxReadResult } from "../../../src/adapters/xlsx/read-types";
import { createExcelJsOracle } from "./exceljs-oracle";
import { UNCALCULATED_FORMULA } from "../../../src/core/normalize/describe";
import { createXlsxWriter } from "../../../src/adapters/xlsx/writer";
import { fillTemplate, generateDemo } from "../../../src/core/demo";
import { runPipeline } from "../../../src/core/master";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { readSubmissions } from "../../../src/core/submission/read";
import type { Submission } from "../../../src/core/submission/types";
import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { CATALOG } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units";
import { miniXlsx, type MiniSheet } from "../../interop/ooxml";

jest.setTimeout(120_000);

const excelJsReader = createExcelJsOracle(ExcelJS);
const lean = createLeanXlsxReader();
const writer = createXlsxWriter(ExcelJS);

/**
 * One deliberate difference: ExcelJS drops a formula's cached result when it is falsy, so the
 * ExcelJS reader took a formula showing 0 (or FALSE, or "") for one never calculated; the lean
 * reader reads the 0. Those cells are aligned before comparing.
 */
function alignFalsyFormulaResults(expected: XlsxReadResult, got: XlsxReadResult): XlsxReadResult {
  if (!expected.ok || !got.ok) return expected;
  const sheets = expected.grids.sheets.map((s, i) => ({
    ...s,
    rows: s.rows.map((row, r) =>
      row.map((cell, c) => {
        const mine = got.grids.sheets[i]?.rows[r]?.[c];
        const uncalculated =
          typeof cell === "object" &&
          cell !== null &&
          "error" in cell &&
          cell.error === UNCALCULATED_FORMULA;
        return uncalculated && (mine === 0 || mine === false || mine === "") ? mine : cell;
      })
    ),
  }));
  return { ok: true, grids: { ...expected.grids, sheets } };
}

async function same(bytes: Uint8Array, name: string): Promise<void> {
  const got = await lean.read(bytes, name);
  const expected = alignFalsyFormulaResults(await excelJsReader.read(bytes, name), got);
  expect(got).toEqual(expected);
}

test("every demo submission and the master read the same as with ExcelJS", async () => {
  const register = defaultRegister();
  const settings = { ...DEFAULT_SETTINGS_2019, documentDate: "2019-12-30" };
  const plan = generateDemo(CATALOG, register, settings);
  const submissions: Submission[] = [];
  for (const f of plan.files) {
    const spec = CATALOG.find((s) => s.id === f.templateId)!;
    const model = fillTemplate(
      buildTemplateWorkbook(spec, register, settings, { generatedAt: f.generatedAt }),
      spec,
      f
    );
    const bytes = await writer.write(model);
    await same(bytes, f.fileName);
    const read = await lean.read(bytes, f.fileName);
    if (read.ok) {
      const o = readSubmissions(read.grids, { register, catalog: [...CATALOG] });
      if (o.ok) submissions.push(...o.submissions);
    }
  }
  const result = runPipeline({
    submissions,
    refused: [],
    settings,
    register,
    catalog: CATALOG,
    now: "2019-12-30T09:00:00+07:00",
  });
  await same(await writer.write(result.model), "master.xlsx");
});

test("hand-made cells: formulas, errors, booleans, merges, hidden sheets, sparse rows", async () => {
  const sheet: MiniSheet = {
    name: "Dữ liệu",
    rows: [
      ["Tên", "Số", "Tỷ lệ", "Ghi chú"],
      ["Phường Phú Bài", 12, { formula: "B2/100", cached: 0.12 }, { formula: "0", cached: 0 }],
      [{ error: "#DIV/0!" }, true, false, { formula: "A1", cached: "Tên", type: "str" }],
      [null, null, "x_x000D_y", { shared: "chung" }],
      [
        { formula: "1/0", cached: "#DIV/0!", type: "e" },
        { formula: "TRUE", cached: 1, type: "b" },
      ],
    ],
    extra: [[40, 3, "xa"]],
    merges: ["A6:C7"],
  };
  await same(
    miniXlsx({ sheets: [sheet, { name: "Ẩn", state: "veryHidden", rows: [["k", "v"]] }] }),
    "tay.xlsx"
  );
  await same(miniXlsx({ sheets: [{ ...sheet, dense: true }] }), "day-du.xlsx");
});

test("a formula's cached 0 is a result; a formula without one is reported uncalculated", async () => {
  const read = await lean.read(
    miniXlsx({
      sheets: [
        {
          name: "S",
          rows: [
            [
              { formula: "1-1", cached: 0 },
              { formula: "SUM(A1:A3)", type: "n" },
            ],
          ],
        },
      ],
    }),
    "f.xlsx"
  );
  expect(read.ok && read.grids.sheets[0]!.rows[0]).toEqual([0, { error: UNCALCULATED_FORMULA }]);
});
