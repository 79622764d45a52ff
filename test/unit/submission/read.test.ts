import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { columnLetter, columnNumber, type WorkbookModel } from "../../../src/core/sheet/model";
import { readSubmissions } from "../../../src/core/submission/read";
import { MASTER_META_SHEET } from "../../../src/core/submission/not-a-template";
import { MASTER_SHEETS, runPipeline } from "../../../src/core/master";
import type { Submission, WorkbookGrids } from "../../../src/core/submission/types";
import { CATALOG, requireTemplate } from "../../../src/core/templates/catalog";
import type { TemplateSpec } from "../../../src/core/templates/spec";
import { defaultRegister } from "../../../src/core/units/register";
import type { RawCell } from "../../../src/core/validate/types";
import { metaOf, sampleValue, setCell, templateSheet, unitRows } from "../../adapters/xlsx/helpers";
import { modelToGrids, setRaw } from "./model-grids";

const register = defaultRegister();
const GEN = { generatedAt: "2019-11-01T00:00:00.000Z" };

/** A template model with every unit row filled with valid sample values. */
function filledModel(spec: TemplateSpec, people = 3): WorkbookModel {
  const m = buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019, GEN);
  const meta = metaOf(m);
  const sheet = templateSheet(m);
  const rows = unitRows(m);
  const use = spec.rowSet === "PEOPLE" ? rows.slice(0, people) : rows;
  use.forEach((r, i) => {
    for (const col of spec.columns) {
      if (col.identity || col.computed) continue;
      let v = sampleValue(spec, col, i, "xa");
      if (spec.rowSet === "PEOPLE" && col.key === "unitCode") v = register.units[i]!.name;
      if (spec.rowSet === "PEOPLE" && col.key === "ten") v = `Nguyễn Văn ${String.fromCharCode(65 + i)}`;
      setCell(sheet, r, columnNumber(meta.columns[col.key]!), v);
    }
  });
  return m;
}

function readOk(grids: WorkbookGrids, catalog?: TemplateSpec[], period = 2019): { sub: Submission; issues: ReturnType<typeof issuesOf> } {
  const out = readSubmissions(grids, { register, catalog, period });
  if (!out.ok) throw new Error(`refused: ${out.refused.message.en}`);
  expect(out.submissions).toHaveLength(1);
  return { sub: out.submissions[0]!, issues: issuesOf(out.submissions[0]!) };
}
const issuesOf = (s: Submission) => s.validation.issues;
const errors = (s: Submission) => s.validation.issues.filter((i) => i.severity === "error");

/** Swaps two columns (1-based) of a sheet grid. */
function swapColumns(grids: WorkbookGrids, sheetName: string, a: number, b: number) {
  const s = grids.sheets.find((x) => x.name === sheetName)!;
  for (const row of s.rows) {
    while (row.length < Math.max(a, b)) row.push(null);
    const t = row[a - 1];
    row[a - 1] = row[b - 1]!;
    row[b - 1] = t;
  }
}

function setMetaValue(grids: WorkbookGrids, key: string, value: RawCell) {
  const meta = grids.sheets.find((s) => s.name === "_meta")!;
  const row = meta.rows.find((r) => r[0] === key)!;
  row[1] = value;
}

describe("readSubmissions", () => {
  test("every catalog template: filled rows read back valid, recognised from _meta", () => {
    for (const spec of CATALOG) {
      const { sub } = readOk(modelToGrids(filledModel(spec), `${spec.id}.xlsx`));
      expect(sub.recognizedBy).toBe("meta");
      expect(sub.templateId).toBe(spec.id);
      expect(sub.period).toBe(2019);
      expect(errors(sub)).toEqual([]);
      const expected = spec.rowSet === "PEOPLE" ? 3 : unitRows(filledModel(spec)).length;
      expect(sub.validation.rows).toHaveLength(expected);
    }
  });

  test("3.7: subtotal rows are skipped, the 12 xã/phường are read", () => {
    const { sub } = readOk(modelToGrids(filledModel(requireTemplate("ldtbxh"))));
    expect(sub.validation.rows.map((r) => r.unitCode)).toHaveLength(12);
    expect(sub.validation.rows.every((r) => r.unitCode !== null)).toBe(true);
  });

  test("_meta missing: recognised by the header row, and the result says so", () => {
    for (const spec of CATALOG) {
      const grids = modelToGrids(filledModel(spec), `${spec.id}.xlsx`);
      grids.sheets = grids.sheets.filter((s) => s.name !== "_meta");
      const { sub } = readOk(grids);
      expect(sub.templateId).toBe(spec.id);
      expect(sub.recognizedBy).toBe("header");
      expect(sub.validation.issues.some((i) => i.rule === "recognized.header" && i.message.vi.includes("dòng tiêu đề"))).toBe(true);
      expect(errors(sub)).toEqual([]);
    }
  });

  test("header recognition tolerates case, spacing and English headers", () => {
    const spec = requireTemplate("y-te");
    const grids = modelToGrids(filledModel(spec));
    grids.sheets = grids.sheets.filter((s) => s.name !== "_meta");
    const sheet = grids.sheets[0]!;
    const header = sheet.rows[9]!; // row 10
    header[1] = "  XÃ,   PHƯỜNG ";
    header[4] = spec.columns[4]!.header.en;
    const { sub } = readOk(grids);
    expect(sub.layout.columnLetters.unitName).toBe("B");
    expect(sub.layout.columnLetters[spec.columns[4]!.key]).toBe("E");
  });

  test("reordered columns: _meta letters are followed", () => {
    const spec = requireTemplate("y-te");
    const m = filledModel(spec);
    const meta = metaOf(m);
    const grids = modelToGrids(m);
    const a = columnNumber(meta.columns.soSinh!);
    const b = columnNumber(meta.columns.soChet!);
    swapColumns(grids, spec.sheetName, a, b);
    setMetaValue(grids, "column:soSinh", columnLetter(b));
    setMetaValue(grids, "column:soChet", columnLetter(a));
    const plain = readOk(modelToGrids(m)).sub;
    const moved = readOk(grids).sub;
    expect(moved.validation.rows.map((r) => r.values)).toEqual(plain.validation.rows.map((r) => r.values));
  });

  test("columns moved after the template was made (stale _meta): the header row wins", () => {
    const spec = requireTemplate("cong-an");
    const m = filledModel(spec);
    const sheet = templateSheet(m);
    const meta = metaOf(m);
    const r = meta.firstDataRow;
    setCell(sheet, r, columnNumber(meta.columns.tongKdc!), 10);
    setCell(sheet, r, columnNumber(meta.columns.kdcDat!), 4);
    const grids = modelToGrids(m);
    swapColumns(grids, spec.sheetName, columnNumber(meta.columns.tongKdc!), columnNumber(meta.columns.kdcDat!));
    const { sub } = readOk(grids);
    expect(sub.recognizedBy).toBe("meta");
    expect(sub.validation.rows[0]!.values).toMatchObject({ tongKdc: 10, kdcDat: 4, tyLeKdc: 40 });
  });

  test("unknown template in _meta, and a sheet that matches no template, are refused naming the file", () => {
    const grids = modelToGrids(filledModel(requireTemplate("y-te")), "phong-y-te.xlsx");
    setMetaValue(grids, "templateId", "khong-co");
    const out = readSubmissions(grids, { register });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.refused.reason).toBe("unknown-template");
      expect(out.refused.message.vi).toContain("phong-y-te.xlsx");
    }
    const random: WorkbookGrids = { source: "bang-luong.xlsx", sheets: [{ name: "Lương", visibility: "visible", rows: [["Họ tên", "Lương"], ["A", 1]] }] };
    const out2 = readSubmissions(random, { register });
    expect(out2.ok).toBe(false);
    if (!out2.ok) expect(out2.refused).toMatchObject({ file: "bang-luong.xlsx", reason: "unknown-template" });
    // It says what the workbook is, naming its sheets.
    if (!out2.ok) {
      expect(out2.refused.message.vi).toContain("không phải mẫu biểu của XếpLoại");
      expect(out2.refused.message.vi).toContain('"Lương"');
      expect(out2.refused.message.en).toContain("another program");
    }
  });

  test("the master passed as a submission says it is the master, not a missing column", () => {
    expect(MASTER_META_SHEET).toBe(MASTER_SHEETS.meta);
    const master = runPipeline({ submissions: [], settings: DEFAULT_SETTINGS_2019, register, catalog: CATALOG, now: "2019-12-30T02:00:00.000Z" }).model;
    const out = readSubmissions(modelToGrids(master, "bang-tong-hop.xlsx"), { register });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.refused.reason).toBe("is-master");
      expect(out.refused.message.vi).toContain("bang-tong-hop.xlsx: đây là bảng tổng hợp năm 2019");
      expect(out.refused.message.vi).not.toContain("thiếu cột");
      expect(out.refused.message.en).toContain("this is a master for 2019");
    }
  });

  test("a newer template version is refused; an older one only when the spec says how to read it", () => {
    const spec = requireTemplate("y-te");
    const newer = modelToGrids(filledModel(spec));
    setMetaValue(newer, "templateVersion", spec.version + 1);
    const out = readSubmissions(newer, { register });
    expect(!out.ok && out.refused.reason).toBe("newer-version");
    if (!out.ok) expect(out.refused.message.vi).toContain("cập nhật");

    const v2: TemplateSpec = { ...spec, version: 2 };
    const old = modelToGrids(filledModel(spec));
    const out2 = readSubmissions(old, { register, catalog: [v2] });
    expect(!out2.ok && out2.refused.reason).toBe("old-version");

    // Version 1 had the key "soSinhOld" for what is now "soSinh".
    const v2Readable: TemplateSpec = { ...spec, version: 2, readableVersions: { 1: { renames: { soSinhOld: "soSinh" } } } };
    const old2 = modelToGrids(filledModel(spec));
    const metaSheet = old2.sheets.find((s) => s.name === "_meta")!;
    metaSheet.rows.find((r) => r[0] === "column:soSinh")![0] = "column:soSinhOld";
    const { sub } = readOk(old2, [v2Readable]);
    expect(sub.templateVersion).toBe(1);
    expect(sub.layout.columnLetters.soSinh).toBeDefined();
  });

  test("a missing required column is refused, naming the column and sheet", () => {
    const spec = requireTemplate("y-te");
    const m = filledModel(spec);
    const meta = metaOf(m);
    const grids = modelToGrids(m);
    grids.sheets = grids.sheets.filter((s) => s.name !== "_meta");
    const col = columnNumber(meta.columns.danSoTb!);
    for (const row of grids.sheets[0]!.rows) row.splice(col - 1, 1);
    const out = readSubmissions(grids, { register });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.refused.reason).toBe("missing-column");
      expect(out.refused.message.vi).toContain(spec.columns.find((c) => c.key === "danSoTb")!.header.vi);
      expect(out.refused.message.vi).toContain(spec.sheetName);
    }
  });

  test("an Excel error (#REF!) is a validation error on that cell", () => {
    const spec = requireTemplate("y-te");
    const m = filledModel(spec);
    const meta = metaOf(m);
    const grids = modelToGrids(m);
    const r = meta.firstDataRow + 2;
    setRaw(grids, spec.sheetName, r, columnNumber(meta.columns.soSinh!), { error: "#REF!" });
    const { sub } = readOk(grids);
    const e = errors(sub);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ cell: `${meta.columns.soSinh}${r}`, column: "soSinh", row: r });
    expect(e[0]!.message.vi).toContain("#REF!");
  });

  test("numbers typed as text, Vietnamese or English form, are read as numbers; '12%' in a number column is an error", () => {
    const spec = requireTemplate("tai-chinh");
    const m = filledModel(spec);
    const meta = metaOf(m);
    const grids = modelToGrids(m);
    const r = meta.firstDataRow;
    setRaw(grids, spec.sheetName, r, columnNumber(meta.columns.duToanThu!), "1.234,5");
    setRaw(grids, spec.sheetName, r, columnNumber(meta.columns.thucHienThu!), "1,234.5");
    setRaw(grids, spec.sheetName, r + 1, columnNumber(meta.columns.duToanThu!), "12%");
    const { sub } = readOk(grids);
    expect(sub.validation.rows[0]!.values).toMatchObject({ duToanThu: 1234.5, thucHienThu: 1234.5, tyLeThu: 100 });
    const e = errors(sub);
    expect(e.map((i) => i.cell)).toEqual([`${meta.columns.duToanThu}${r + 1}`]);
  });

  test("a percent column accepts '12%', '12,5' and a %-formatted fraction", () => {
    const base = requireTemplate("y-te");
    const spec: TemplateSpec = {
      ...base,
      columns: [...base.columns.slice(0, -1), { key: "tyLeTiem", header: { vi: "Tỷ lệ tiêm chủng", en: "Vaccination rate" }, type: "percent", min: 0, max: 100 }, base.columns[base.columns.length - 1]!],
    };
    const m = filledModel(spec);
    const meta = metaOf(m);
    const grids = modelToGrids(m);
    const c = columnNumber(meta.columns.tyLeTiem!);
    setRaw(grids, spec.sheetName, meta.firstDataRow, c, "12%");
    setRaw(grids, spec.sheetName, meta.firstDataRow + 1, c, "12,5");
    setRaw(grids, spec.sheetName, meta.firstDataRow + 2, c, { percentFraction: 0.125 });
    const { sub } = readOk(grids, [spec]);
    expect(sub.validation.rows.slice(0, 3).map((r) => r.values.tyLeTiem)).toEqual([12, 12.5, 12.5]);
  });

  test("cached results of computed columns are ignored: rates are recomputed from the inputs", () => {
    const spec = requireTemplate("y-te");
    const m = filledModel(spec);
    const meta = metaOf(m);
    const sheet = templateSheet(m);
    const r = meta.firstDataRow;
    setCell(sheet, r, columnNumber(meta.columns.danSoTb!), 1000);
    setCell(sheet, r, columnNumber(meta.columns.soSinh!), 30);
    setCell(sheet, r, columnNumber(meta.columns.soChet!), 10);
    setCell(sheet, r, columnNumber(meta.columns.tyLeTangTn!), { formula: "99", result: 99 });
    const { sub } = readOk(modelToGrids(m));
    expect(sub.validation.rows[0]!.values.tyLeTangTn).toBe(2);
  });

  test("trailing empty rows (and PEOPLE's unused numbered rows) are ignored", () => {
    const spec = requireTemplate("lanh-dao");
    const grids = modelToGrids(filledModel(spec, 2));
    for (let r = 80; r < 120; r++) setRaw(grids, spec.sheetName, r, 3, "   ");
    const { sub } = readOk(grids);
    expect(sub.validation.rows).toHaveLength(2);
    const db = modelToGrids(filledModel(requireTemplate("y-te")));
    setRaw(db, "Y tế", 200, 2, null);
    expect(readOk(db).sub.validation.rows).toHaveLength(12);
  });

  test("unknown, duplicate and missing units are reported", () => {
    const spec = requireTemplate("y-te");
    const m = filledModel(spec);
    const meta = metaOf(m);
    const grids = modelToGrids(m);
    const name = columnNumber(meta.columns.unitName!);
    const code = columnNumber(meta.columns.unitCode!);
    const r = meta.firstDataRow;
    // Row 1 → an unknown unit (Thủy Xuân is in Huế); row 3 → a copy of row 2; the last row removed.
    setRaw(grids, spec.sheetName, r, name, "Phường Thủy Xuân");
    setRaw(grids, spec.sheetName, r, code, null);
    setRaw(grids, spec.sheetName, r + 2, name, "Phường Thủy Châu");
    setRaw(grids, spec.sheetName, r + 2, code, "phuong-thuy-chau");
    const sheet = grids.sheets[0]!;
    sheet.rows.splice(r + 10, 1);
    const { sub } = readOk(grids);
    const rules = sub.validation.issues.map((i) => i.rule);
    expect(rules.some((x) => x.startsWith("unit.unknown") || x === "unit.not-found")).toBe(true);
    expect(rules.some((x) => x.includes("duplicate"))).toBe(true);
    expect(rules).toContain("unit.missing");
    const unknown = sub.validation.issues.find((i) => i.row === r && i.severity === "error")!;
    expect(unknown.message.vi).toContain("Thủy Xuân");
  });

  test("a file made for another year is an error naming both years (consolidation leaves it out)", () => {
    const { sub } = readOk(modelToGrids(filledModel(requireTemplate("y-te")), "y-te-2019.xlsx"), undefined, 2020);
    const w = sub.validation.issues.find((i) => i.rule === "period.mismatch")!;
    expect(w.severity).toBe("error");
    expect(w.message.vi).toContain("2019");
    expect(w.message.vi).toContain("2020");
    expect(w.message.vi).toContain("y-te-2019.xlsx");
  });

  test("the template sheet renamed: read anyway, with a warning", () => {
    const grids = modelToGrids(filledModel(requireTemplate("y-te")));
    grids.sheets[0]!.name = "Sheet1";
    const { sub } = readOk(grids);
    expect(sub.sheet).toBe("Sheet1");
    expect(sub.validation.issues.some((i) => i.rule === "sheet.renamed")).toBe(true);
  });
});

describe("the template's footer (place/date line, signatures) is never read as data", () => {
  /** Every cell of the sheet at and below the footer's first row, with the signers' names typed. */
  function signed(spec: TemplateSpec): { grids: WorkbookGrids; sheet: string } {
    const m = filledModel(spec);
    const grids = modelToGrids(m);
    const sheet = templateSheet(m).name;
    const s = grids.sheets.find((x) => x.name === sheet)!;
    const footer = s.rows.findIndex((r) => r.some((c) => c === "NGƯỜI LẬP BIỂU")) + 1;
    expect(footer).toBeGreaterThan(metaOf(m).firstDataRow);
    // The date filled in, the names typed under both signatures (left and right block).
    const dateRow = footer - 1;
    const dateCol = s.rows[dateRow - 1]!.findIndex((c) => typeof c === "string" && c.includes("ngày")) + 1;
    setRaw(grids, sheet, dateRow, dateCol, "Hương Thủy, ngày 20 tháng 12 năm 2019");
    setRaw(grids, sheet, footer + 5, 1, "Nguyễn Văn Lập");
    setRaw(grids, sheet, footer + 5, dateCol, "Trần Thị Trưởng");
    return { grids, sheet };
  }

  test.each(["y-te", "tccs-bao-cao", "lanh-dao", "ldtbxh"])("%s: same rows and no error with the footer signed", (id) => {
    const spec = requireTemplate(id);
    const { grids } = signed(spec);
    const { sub } = readOk(grids);
    expect(errors(sub)).toEqual([]);
    const expected = spec.rowSet === "PEOPLE" ? 3 : unitRows(filledModel(spec)).length;
    expect(sub.validation.rows).toHaveLength(expected);
  });

  test("without _meta (recognised by its header), the footer still ends the table", () => {
    const { grids } = signed(requireTemplate("y-te"));
    grids.sheets = grids.sheets.filter((s) => s.name !== "_meta");
    const { sub } = readOk(grids);
    expect(sub.recognizedBy).toBe("header");
    expect(errors(sub)).toEqual([]);
    expect(sub.validation.rows).toHaveLength(12);
  });
});
