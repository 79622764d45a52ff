import { buildTemplateWorkbook, DEFAULT_PEOPLE_ROWS, LISTS_SHEET } from "../../../src/core/template-sheet/build";
import { computedFormula } from "../../../src/core/template-sheet/formulas";
import { parseMeta, writeMeta } from "../../../src/core/template-sheet/meta";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { columnNumber, type SheetModel, type WorkbookModel } from "../../../src/core/sheet/model";
import { CATALOG, requireTemplate } from "../../../src/core/templates/catalog";
import { getEnum } from "../../../src/core/templates/enums";
import { defaultRegister } from "../../../src/core/units/register";
import { cellOf, metaOf } from "../../adapters/xlsx/helpers";
import { modelToGrids } from "../submission/model-grids";

const register = defaultRegister();
const build = (id: string) =>
  buildTemplateWorkbook(requireTemplate(id), register, DEFAULT_SETTINGS_2019, { generatedAt: "2019-11-01T00:00:00.000Z" });

function lockedAt(sheet: SheetModel, row: number, col: number): boolean {
  let locked = true; // Excel's default
  for (const s of sheet.styles) {
    const r = s.range;
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right && s.style.locked !== undefined) locked = s.style.locked;
  }
  return locked;
}

function styleAt(sheet: SheetModel, row: number, col: number) {
  const out: Record<string, unknown> = {};
  for (const s of sheet.styles) {
    const r = s.range;
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) Object.assign(out, s.style);
  }
  return out;
}

describe("buildTemplateWorkbook", () => {
  test("every catalog template builds: template sheet, then _meta very hidden", () => {
    for (const spec of CATALOG) {
      const wb: WorkbookModel = buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019);
      expect(wb.sheets[0]!.name).toBe(spec.sheetName);
      const meta = wb.sheets[wb.sheets.length - 1]!;
      expect(meta.name).toBe("_meta");
      expect(meta.visibility).toBe("veryHidden");
      expect(wb.sheets[0]!.protect).toBe(true);
    }
  });

  test("HD 36 title block: bodies left, the Party's name right (15 bold underlined), title, year, deadline", () => {
    const wb = build("y-te");
    const s = wb.sheets[0]!;
    expect(cellOf(s, 1, 1)).toBe("ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ");
    expect(styleAt(s, 1, 1)).toMatchObject({ fontSize: 14, fontName: "Times New Roman" });
    expect(styleAt(s, 1, 1).bold).toBeUndefined();
    expect(cellOf(s, 2, 1)).toBe("THỊ ỦY HƯƠNG THỦY");
    expect(styleAt(s, 2, 1)).toMatchObject({ fontSize: 14, bold: true });
    expect(cellOf(s, 3, 1)).toBe("*");
    const rightCol = s.merges.find((m) => m.top === 1 && m.left > 1)!.left;
    expect(cellOf(s, 1, rightCol)).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(styleAt(s, 1, rightCol)).toMatchObject({ fontSize: 15, bold: true, underline: true });
    expect(cellOf(s, 5, 1)).toBe("Phòng Y tế");
    expect(styleAt(s, 6, 1)).toMatchObject({ bold: true });
    expect(cellOf(s, 7, 1)).toBe("Năm 2019");
    expect(cellOf(s, 8, 1)).toBe("Hạn nộp: 25/12/2019 về Ban Tổ chức Thị ủy");
  });

  test("3.8 (MTTQ, đoàn thể) shows its own deadline from the settings: 20/11/2019", () => {
    expect(cellOf(build("dan-van").sheets[0]!, 8, 1)).toBe("Hạn nộp: 20/11/2019 về Ban Tổ chức Thị ủy");
  });

  test("unit rows filled and locked, entry cells unlocked, computed cells are formulas with no cached result", () => {
    const wb = build("y-te");
    const s = wb.sheets[0]!;
    const meta = metaOf(wb);
    const r = meta.firstDataRow;
    const col = (k: string) => columnNumber(meta.columns[k]!);
    expect(cellOf(s, r, col("stt"))).toBe(1);
    expect(cellOf(s, r, col("unitName"))).toBe("Phường Phú Bài");
    expect(cellOf(s, r, col("unitCode"))).toBe("phuong-phu-bai");
    expect(cellOf(s, r, col("unitType"))).toBe("Phường");
    expect(lockedAt(s, r, col("unitName"))).toBe(true);
    expect(lockedAt(s, r, col("soSinh"))).toBe(false);
    expect(lockedAt(s, r, col("tyLeTangTn"))).toBe(true);
    const f = cellOf(s, r, col("tyLeTangTn")) as { formula: string; result: null };
    const L = (k: string) => `${meta.columns[k]}${r}`;
    expect(f).toEqual({
      formula: `IF(COUNT(${L("soSinh")},${L("soChet")},${L("danSoTb")})<3,"",IF(SUM(${L("danSoTb")})=0,"n/a",ROUND((SUM(${L("soSinh")})-SUM(${L("soChet")}))/SUM(${L("danSoTb")})*100,2)))`,
      result: null,
    });
    // Title rows are locked too (nothing above the data is editable).
    expect(lockedAt(s, 1, 1)).toBe(true);
    // The code column is hidden; freeze below the header.
    expect(s.hiddenColumns).toContain(col("unitCode"));
    expect(s.freeze).toEqual({ row: r, col: col("unitName") + 1 });
  });

  test("number formats per type: #,##0 int, 0.00 percent/number, @ text", () => {
    const wb = build("tai-chinh");
    const s = wb.sheets[0]!;
    const meta = metaOf(wb);
    const at = (k: string) => styleAt(s, meta.firstDataRow, columnNumber(meta.columns[k]!)).numFmt;
    expect(at("duToanThu")).toBe("0.00");
    expect(at("tyLeThu")).toBe("0.00");
    expect(at("ghiChu")).toBe("@");
    const cbcc = build("noi-vu-cbcc");
    const m2 = metaOf(cbcc);
    expect(styleAt(cbcc.sheets[0]!, m2.firstDataRow, columnNumber(m2.columns.tongSo!)).numFmt).toBe("#,##0");
  });

  test("validations cover only the unit rows, lists come from the hidden _lists sheet, Vietnamese prompts", () => {
    const wb = build("dan-van");
    const s = wb.sheets[0]!;
    const meta = metaOf(wb);
    const units = register.units.filter((u) => u.kind === "phuong" || u.kind === "xa").length;
    expect(s.validations.length).toBeGreaterThan(0);
    for (const v of s.validations) {
      expect(v.range.top).toBe(meta.firstDataRow);
      expect(v.range.bottom).toBe(meta.firstDataRow + units - 1);
      expect(v.range.left).toBe(v.range.right);
      expect(v.error?.message).toMatch(/Hãy/);
      expect(v.prompt!.title.length).toBeLessThanOrEqual(32);
      expect(v.prompt!.message.length).toBeLessThanOrEqual(255);
    }
    const list = s.validations.find((v) => v.rule.kind === "list")!;
    expect(list.rule).toEqual({ kind: "list", source: "=_lists!$A$2:$A$5" });
    const lists = wb.sheets.find((x) => x.name === LISTS_SHEET)!;
    expect(lists.visibility).toBe("hidden");
    expect(lists.blocks[0]!.cells.map((r) => r[0])).toEqual(["level4", ...getEnum("level4").values.map((v) => v.label.vi)]);
  });

  test("numeric validations carry the spec's bounds", () => {
    const wb = build("noi-vu-cchc");
    const meta = metaOf(wb);
    const v = wb.sheets[0]!.validations.find((x) => x.range.left === columnNumber(meta.columns.diemCchc!))!;
    expect(v.rule).toEqual({ kind: "decimal", min: 0, max: 100 });
    expect(v.prompt!.message).toContain("từ 0 đến 100");
  });

  test("print setup: A4, the spec's orientation, 1 page wide, header rows repeated, page numbers", () => {
    for (const id of ["dan-van", "noi-vu-cchc"]) {
      const wb = build(id);
      const spec = requireTemplate(id);
      const p = wb.sheets[0]!.print!;
      expect(p).toMatchObject({ paperSize: "A4", orientation: spec.orientation, fitToWidth: 1, fitToHeight: 0, footer: "&CTrang &P/&N" });
      expect(p.printTitleRows!.last).toBe(metaOf(wb).firstDataRow - 1);
      expect(p.printTitleRows!.first).toBe(10);
    }
  });

  test("grouped headers are merged over their columns", () => {
    const wb = build("giao-duc");
    const s = wb.sheets[0]!;
    const spec = requireTemplate("giao-duc");
    const firstGrouped = spec.columns.findIndex((c) => c.group) + 1;
    const groupSize = spec.columns.filter((c) => c.group?.vi === spec.columns[firstGrouped - 1]!.group!.vi).length;
    expect(s.merges).toContainEqual({ top: 10, left: firstGrouped, bottom: 10, right: firstGrouped + groupSize - 1 });
    expect(cellOf(s, 10, firstGrouped)).toBe(spec.columns[firstGrouped - 1]!.group!.vi);
    expect(cellOf(s, 11, firstGrouped)).toBe(spec.columns[firstGrouped - 1]!.header.vi);
    // A non-grouped column's header spans both header rows.
    expect(s.merges).toContainEqual({ top: 10, left: 2, bottom: 11, right: 2 });
  });

  test("3.15 (PEOPLE): 60 numbered blank rows, unlocked, with a unit dropdown", () => {
    const wb = build("lanh-dao");
    const s = wb.sheets[0]!;
    const meta = metaOf(wb);
    const last = meta.firstDataRow + DEFAULT_PEOPLE_ROWS - 1;
    expect(cellOf(s, last, 1)).toBe(DEFAULT_PEOPLE_ROWS);
    expect(cellOf(s, meta.firstDataRow, columnNumber(meta.columns.ten!))).toBeUndefined();
    expect(lockedAt(s, last, columnNumber(meta.columns.ten!))).toBe(false);
    const unitDv = s.validations.find((v) => v.range.left === columnNumber(meta.columns.unitCode!))!;
    expect(unitDv.rule.kind).toBe("list");
    expect(unitDv.range).toMatchObject({ top: meta.firstDataRow, bottom: last });
  });

  test("3.7: urban/rural subtotal rows sum the groups and recompute rates from the sums; locked, no validation", () => {
    const wb = build("ldtbxh");
    const s = wb.sheets[0]!;
    const meta = metaOf(wb);
    const r0 = meta.firstDataRow;
    const name = columnNumber(meta.columns.unitName!);
    expect(cellOf(s, r0, name)).toBe("Khu vực thành thị");
    expect(cellOf(s, r0 + 6, name)).toBe("Khu vực nông thôn");
    expect(cellOf(s, r0 + 14, name)).toBe("Tổng cộng");
    const ho = meta.columns.tongSoHo!;
    const group = `${ho}${r0 + 1}:${ho}${r0 + 5}`;
    expect(cellOf(s, r0, columnNumber(ho))).toEqual({ formula: `IF(COUNT(${group})<5,"",SUM(${group}))`, result: null });
    const both = `${ho}${r0},${ho}${r0 + 6}`;
    expect(cellOf(s, r0 + 14, columnNumber(ho))).toEqual({ formula: `IF(COUNT(${both})<2,"",SUM(${both}))`, result: null });
    const rate = cellOf(s, r0, columnNumber(meta.columns.tyLeNgheo!)) as { formula: string };
    expect(rate.formula).toContain(`SUM(${ho}${r0})`);
    expect(lockedAt(s, r0, columnNumber(meta.columns.soHoNgheo!))).toBe(true);
    for (const v of s.validations) expect([r0, r0 + 6, r0 + 14]).not.toContain(v.range.top);
  });

  test("countEquals counts the enum LABEL across a contiguous range; allAtLeast lists the good labels", () => {
    const dat = getEnum("datChuaDat").values.find((v) => v.code === "DAT")!.label.vi;
    const refOf = (k: string) => ({ a: "E7", b: "F7", c: "G7" })[k];
    expect(computedFormula({ kind: "countEquals", keys: ["a", "b", "c"], code: "DAT" }, refOf, getEnum, () => "datChuaDat")).toBe(
      `IF(COUNTA(E7:G7)=0,"",COUNTIF(E7:G7,"${dat}"))`
    );
    const f = computedFormula({ kind: "allAtLeast", keys: ["a", "c"], enumId: "level4", code: "HTTNV" }, refOf, getEnum, () => "level4")!;
    expect(f).toBe(
      'IF(COUNTA(E7)+COUNTA(G7)=0,"",IF(SUMPRODUCT(COUNTIF(E7,{"Hoàn thành xuất sắc nhiệm vụ","Hoàn thành tốt nhiệm vụ"}))+SUMPRODUCT(COUNTIF(G7,{"Hoàn thành xuất sắc nhiệm vụ","Hoàn thành tốt nhiệm vụ"}))=COUNTA(E7)+COUNTA(G7),"Có","Không"))'
    );
    expect(computedFormula({ kind: "atLeast", key: "a", threshold: 100 }, refOf, getEnum, () => undefined)).toBe(
      'IF(ISNUMBER(E7),IF(E7>=100,"Có","Không"),"")'
    );
  });
});

describe("_meta", () => {
  test("writeMeta → parseMeta round trip", () => {
    const meta = {
      templateId: "y-te",
      templateVersion: 1,
      period: 2019,
      department: "Y_TE",
      generatedAt: "2019-11-01T00:00:00.000Z",
      columns: { stt: "A", unitName: "B", soSinh: "G" },
      sheet: "Y tế",
      firstDataRow: 13,
      registerId: "huong-thuy-2019",
    };
    const grids = modelToGrids({ sheets: [writeMeta(meta)] });
    expect(parseMeta(grids.sheets[0]!)).toEqual({ ok: true, meta });
  });

  test("a _meta without template id or columns is rejected with a message", () => {
    const r = parseMeta({ name: "_meta", visibility: "veryHidden", rows: [["key", "value"], ["period", 2019]] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.vi).toContain("templateId");
  });
});
