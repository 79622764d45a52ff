/**
 * A TCCS reports only itself: its 3.14 template lists its one row (`units` in `_meta`). Such files
 * and the one-file-many-rows shape are both read and consolidated; a one-unit file never counts the
 * register's other TCCS as missing rows.
 */
import { demoWorkbook, fillTemplate, generateDemo } from "../../../src/core/demo";
import { runPipeline } from "../../../src/core/master";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { readSubmissions } from "../../../src/core/submission/read";
import type { Submission } from "../../../src/core/submission/types";
import { buildTemplateWorkbook, SUBTOTAL_LABELS } from "../../../src/core/template-sheet/build";
import { parseMeta } from "../../../src/core/template-sheet/meta";
import { CATALOG, requireTemplate } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units/register";
import { metaOf, templateSheet, unitRows } from "../../adapters/xlsx/helpers";
import { modelToGrids } from "./model-grids";

const register = defaultRegister();
const settings = { ...DEFAULT_SETTINGS_2019, documentDate: "2019-12-30" };
const REPORT = requireTemplate("tccs-bao-cao");
const tccs = register.units.filter((u) => u.kind === "tccs");
const plan = generateDemo(CATALOG, register, settings);
const reports = plan.files.filter((f) => f.templateId === REPORT.id);

function read(model: ReturnType<typeof demoWorkbook>, file: string): Submission {
  const out = readSubmissions(modelToGrids(model, file), { register, period: 2019 });
  if (!out.ok) throw new Error(out.refused.message.en);
  expect(out.submissions).toHaveLength(1);
  return out.submissions[0]!;
}

test("a template for one unit lists its one row and names it in _meta", () => {
  const code = tccs[3]!.code;
  const m = buildTemplateWorkbook(REPORT, register, settings, { units: [code] });
  expect(unitRows(m)).toHaveLength(1);
  expect(metaOf(m).units).toEqual([code]);
  const metaSheet = m.sheets.find((s) => s.name === "_meta")!;
  const grid = modelToGrids({ sheets: [metaSheet] }).sheets[0]!;
  const parsed = parseMeta(grid);
  expect(parsed.ok && parsed.meta.units).toEqual([code]);
  // The whole register's template names no units in _meta.
  expect(metaOf(buildTemplateWorkbook(REPORT, register, settings)).units).toBeUndefined();
});

test("a one-unit template of a template with subtotals lists the unit without subtotal rows", () => {
  const spec = CATALOG.find((s) => s.groupBy === "urbanRural")!;
  const unit = register.units.find((u) => u.kind === "xa")!;
  const m = buildTemplateWorkbook(spec, register, settings, { units: [unit.code] });
  expect(unitRows(m)).toHaveLength(1);
  const labels = templateSheet(m).blocks.flatMap((b) => b.cells.flat());
  expect(labels).not.toContain(SUBTOTAL_LABELS.total);
  expect(labels).toContain(unit.name);
});

test("the demo's 3.14 reports are one-row files; reading one reports no other TCCS missing", () => {
  expect(reports.length).toBeGreaterThan(tccs.length - 1);
  for (const f of reports) expect(f.units).toHaveLength(1);
  const f = reports.find((r) => !r.fileName.includes("bo-sung"))!;
  const sub = read(demoWorkbook(REPORT, register, settings, f), f.fileName);
  expect(sub.validation.rows).toHaveLength(1);
  expect(sub.validation.rows[0]!.unitCode).toBe(f.units![0]);
  const rules = sub.validation.issues.map((i) => i.rule);
  expect(rules).not.toContain("unit.missing");
  expect(rules).not.toContain("row.empty");
});

test("a one-unit file whose row was deleted misses that unit only", () => {
  const f = reports[0]!;
  const model = demoWorkbook(REPORT, register, settings, f);
  const grids = modelToGrids(model, f.fileName);
  const sheet = grids.sheets.find((s) => s.name === REPORT.sheetName)!;
  sheet.rows.splice(metaOf(model).firstDataRow - 1, 1);
  const out = readSubmissions(grids, { register, period: 2019 });
  if (!out.ok) throw new Error(out.refused.message.en);
  const missing = out.submissions[0]!.validation.issues.filter((i) => i.rule === "unit.missing");
  expect(missing.map((i) => i.unitCode)).toEqual([f.units![0]]);
});

test("one file per TCCS and one file with every TCCS consolidate to the same received reports", () => {
  const others = plan.files.filter((f) => f.templateId !== REPORT.id);
  const subsOf = (files: { model: ReturnType<typeof demoWorkbook>; name: string }[]) =>
    files.map(({ model, name }) => read(model, name));
  const base = others.map((f) => ({
    model: demoWorkbook(requireTemplate(f.templateId), register, settings, f),
    name: f.fileName,
  }));
  // Shape 1: the demo's one-row files. Shape 2: one workbook listing every TCCS, each row filled.
  const perUnit = reports
    .filter((f) => !f.fileName.includes("bo-sung"))
    .map((f) => ({ model: demoWorkbook(REPORT, register, settings, f), name: f.fileName }));
  const all = fillTemplate(buildTemplateWorkbook(REPORT, register, settings), REPORT, {
    ...reports[0]!,
    units: undefined,
    fileName: "3.14-tat-ca.xlsx",
    rows: reports.filter((f) => !f.fileName.includes("bo-sung")).flatMap((f) => f.rows),
  });
  const oneFile = [{ model: all, name: "3.14-tat-ca.xlsx" }];
  expect(unitRows(all)).toHaveLength(tccs.length);

  const received = (extra: typeof perUnit) => {
    const submissions = subsOf([...base, ...extra]);
    const report = submissions.filter((s) => s.templateId === REPORT.id);
    expect(report.flatMap((s) => s.validation.issues).map((i) => i.rule)).not.toContain(
      "unit.missing"
    );
    const result = runPipeline({
      submissions,
      refused: [],
      settings,
      register,
      catalog: CATALOG,
      now: "2019-12-30T09:00:00+07:00",
    });
    return result.consolidation.completeness
      .filter((e) => e.templateId === REPORT.id)
      .map((e) => [e.unitCode, e.received, e.status]);
  };
  const a = received(perUnit);
  expect(a).toHaveLength(tccs.length);
  expect(a.every(([, got, status]) => got === true && status === "valid")).toBe(true);
  expect(received(oneFile)).toEqual(a);
});
