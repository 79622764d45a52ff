import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { readSubmissions } from "../../../src/core/submission/read";
import { CATALOG, requireTemplate } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units/register";
import { readGridsWithReport, CURRENT_WORKBOOK } from "../../../src/adapters/officejs";
import { toRawCell, isDateFormat, isPercentFormat } from "../../../src/adapters/officejs/cells";
import { metaOf, unitRows } from "../xlsx/helpers";
import { setup, wideModel } from "./setup";

const register = defaultRegister();
const spec = requireTemplate("noi-vu-cchc");
const model = () =>
  buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019, {
    generatedAt: "2019-11-01T00:00:00.000Z",
  });

describe("readGrids", () => {
  test("round-trips what writeModel wrote, and the core recognises the template", async () => {
    const { fake, port } = setup();
    const m = model();
    await port.writeModel(m);
    const meta = metaOf(m);
    const row = unitRows(m)[0]!;
    const diem = `${meta.columns.diemCchc}${row}`;
    expect((await fake.userEdit(m.sheets[0]!.name, diem, 91.5)).accepted).toBe(true);

    const grids = await port.readGrids();
    expect(grids.source).toBe(CURRENT_WORKBOOK);
    const names = grids.sheets.map((s) => [s.name, s.visibility]);
    expect(names).toEqual(
      expect.arrayContaining([
        [m.sheets[0]!.name, "visible"],
        ["_meta", "veryHidden"],
        ["_lists", "hidden"],
      ])
    );
    const t = grids.sheets.find((s) => s.name === m.sheets[0]!.name)!;
    // rows[0] is sheet row 1, rows[r][0] column A.
    expect(t.rows[0]![0]).toBe(fake.value(m.sheets[0]!.name, "A1"));
    expect(t.rows[row - 1]![meta.columns.diemCchc!.charCodeAt(0) - 65]).toBe(91.5);

    const out = readSubmissions(grids, { register, period: 2019 });
    if (!out.ok) throw new Error(out.refused.message.en);
    expect(out.submissions).toHaveLength(1);
    const sub = out.submissions[0]!;
    expect(sub.templateId).toBe(spec.id);
    expect(sub.recognizedBy).toBe("meta");
    const first = sub.validation.rows.find((r) => r.rowNumber === row)!;
    expect(first.values.diemCchc).toBe(91.5);
  });

  test("errors, percentages, dates and look-alike text become the right RawCells", async () => {
    const { fake, port } = setup();
    fake.setValue("Sheet1", "B2", "chữ");
    fake.setError("Sheet1", "C2", "#DIV/0!");
    fake.setError("Sheet1", "D2", "#REF!");
    fake.setValue("Sheet1", "E2", "12,5%".replace(",", "."));
    fake.setValue("Sheet1", "F2", "2019-11-20");
    fake.setValue("Sheet1", "G2", "'#N/A");
    fake.setValue("Sheet1", "H2", true);
    const grids = await port.readGrids();
    const row = grids.sheets[0]!.rows[1]!;
    expect(grids.sheets[0]!.rows[0]).toEqual([]);
    expect(row[0]).toBeNull();
    expect(row.slice(1)).toEqual([
      "chữ",
      { error: "#DIV/0!" },
      { error: "#REF!" },
      { percentFraction: 0.125 },
      new Date(Date.UTC(2019, 10, 20)),
      "#N/A",
      true,
    ]);
  });

  test("constant syncs: 3 for a small and for a 2,000-row sheet; only _meta is added to a sheet filter", async () => {
    for (const rows of [10, 2000]) {
      const { port, env } = setup();
      await port.writeModel(wideModel(rows));
      const rep = await readGridsWithReport(env);
      expect(rep.syncs).toBe(3);
      const t = rep.grids.sheets.find((s) => s.name === "Tổng hợp")!;
      expect(t.rows).toHaveLength(rows + 3);
      expect(t.rows[rows + 2]![1]).toBe(`Đảng bộ phường số ${rows}`);
    }
    const { port, env } = setup();
    await port.writeModel(model());
    const only = await readGridsWithReport(env, { sheets: ["_lists"] });
    expect(only.grids.sheets.map((s) => s.name).sort()).toEqual(["_lists", "_meta"]);
  });

  test("a sheet beyond the read budget is read in slices, still correct", async () => {
    const { port, env } = setup(undefined, { readCellBudget: 10_000 });
    await port.writeModel(wideModel(1000));
    const rep = await readGridsWithReport({ ...env, readCellBudget: 10_000 });
    expect(rep.syncs).toBeGreaterThan(3);
    const t = rep.grids.sheets.find((s) => s.name === "Tổng hợp")!;
    expect(t.rows).toHaveLength(1003);
    expect(t.rows.slice(3).map((r) => r[0])).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });
});

describe("cell conversions", () => {
  test("formats", () => {
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat('0" %"')).toBe(false);
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat("[$-vi-VN]d mmmm yyyy")).toBe(true);
    expect(isDateFormat("#,##0")).toBe(false);
    expect(isDateFormat('0"/3"')).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });
  test("values", () => {
    expect(toRawCell("", "General", "Empty")).toBeNull();
    expect(toRawCell("#VALUE!", "General", "Error")).toEqual({ error: "#VALUE!" });
    expect(toRawCell("#VALUE!", "General", "String")).toBe("#VALUE!");
    expect(toRawCell(0.5, "0%", "Double")).toEqual({ percentFraction: 0.5 });
    expect(toRawCell(43789, "dd/mm/yyyy", "Double")).toEqual(new Date(Date.UTC(2019, 10, 20)));
    expect(toRawCell(7, "#,##0", "Double")).toBe(7);
  });
});

describe("every template of the catalogue", () => {
  test.each(CATALOG.map((s) => [s.id, s] as const))(
    "%s: written in 3 syncs, read back and recognised",
    async (_id, s) => {
      const { fake, port } = setup({ ExcelApi: "1.18" });
      const m = buildTemplateWorkbook(s, register, DEFAULT_SETTINGS_2019, {
        generatedAt: "2019-11-01T00:00:00.000Z",
      });
      const rep = await port.writeModel(m, { activate: m.sheets[0]!.name });
      expect(rep.syncs).toBe(3);
      expect(fake.validationLog.every((v) => v.cells <= 5000)).toBe(true);
      const out = readSubmissions(await port.readGrids(), { register, period: 2019 });
      if (!out.ok) throw new Error(out.refused.message.en);
      expect(out.submissions.map((x) => [x.templateId, x.recognizedBy])).toEqual([[s.id, "meta"]]);
    }
  );
});
