import { buildTemplateWorkbook, DEFAULT_PEOPLE_ROWS, LISTS_SHEET } from "../../../src/core/template-sheet/build";
import { computedFormula } from "../../../src/core/template-sheet/formulas";
import { parseMeta, writeMeta } from "../../../src/core/template-sheet/meta";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { columnNumber, type SheetModel, type WorkbookModel } from "../../../src/core/sheet/model";
import { CATALOG, requireTemplate } from "../../../src/core/templates/catalog";
import { getEnum } from "../../../src/core/templates/enums";
import { defaultRegister } from "../../../src/core/units/register";
import { cellOf, metaOf } from "../../adapters/xlsx/helpers";
import { columnWidthMm } from "../../../src/core/print/page";
import { longestWordMm } from "../../../src/core/print/text-width";
import { textRoomMm } from "../../../src/core/template-sheet/page-fit";
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

  test("a state department's template: the heading the settings give, the national motto, Mẫu số, title, year, deadline", () => {
    const wb = build("y-te");
    const s = wb.sheets[0]!;
    expect(cellOf(s, 1, 1)).toBe("UBND THỊ XÃ HƯƠNG THỦY");
    expect(styleAt(s, 1, 1)).toMatchObject({ fontName: "Times New Roman" });
    expect(styleAt(s, 1, 1).bold).toBeFalsy();
    expect(cellOf(s, 2, 1)).toBe("PHÒNG Y TẾ");
    expect(styleAt(s, 2, 1)).toMatchObject({ bold: true });
    const rightCol = s.merges.find((m) => m.top === 1 && m.left > 1)!.left;
    expect(cellOf(s, 1, rightCol)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(cellOf(s, 2, rightCol)).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(styleAt(s, 2, rightCol)).toMatchObject({ bold: true, underline: true });
    expect(cellOf(s, 3, 1)).toBeUndefined(); // no "*" on a state document
    expect(cellOf(s, 5, 1)).toBe("Mẫu số 3.6 (kèm theo Kế hoạch số …-KH/TU ngày … của Ban Thường vụ Thị ủy)");
    expect(styleAt(s, 6, 1)).toMatchObject({ bold: true });
    expect(cellOf(s, 7, 1)).toBe("Năm 2019");
    expect(cellOf(s, 8, 1)).toBe("Hạn nộp: 25/12/2019 về Ban Tổ chức Thị ủy");
  });

  test("a Party organ's template (HD 36): issuing body and organ left, '*', the Party's name right; plan number and date from the settings", () => {
    const settings = { ...DEFAULT_SETTINGS_2019, planNumber: "125", planDate: "2019-11-15" };
    const s = buildTemplateWorkbook(requireTemplate("ubkt"), register, settings).sheets[0]!;
    expect(cellOf(s, 1, 1)).toBe("THỊ ỦY HƯƠNG THỦY");
    expect(cellOf(s, 2, 1)).toBe("ỦY BAN KIỂM TRA");
    expect(styleAt(s, 2, 1)).toMatchObject({ bold: true });
    expect(cellOf(s, 3, 1)).toBe("*");
    const rightCol = s.merges.find((m) => m.top === 1 && m.left > 1)!.left;
    expect(cellOf(s, 1, rightCol)).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(styleAt(s, 1, rightCol)).toMatchObject({ bold: true, underline: true });
    expect(cellOf(s, 5, 1)).toBe("Mẫu số 3.11 (kèm theo Kế hoạch số 125-KH/TU ngày 15/11/2019 của Ban Thường vụ Thị ủy)");
    const tccs = build("tccs-bao-cao").sheets[0]!;
    expect([cellOf(tccs, 1, 1), cellOf(tccs, 2, 1)]).toEqual(["THỊ ỦY HƯƠNG THỦY", "BAN TỔ CHỨC"]);
  });

  test("departmentHeadings in the settings name a department's heading (by department or template id)", () => {
    const settings = {
      ...DEFAULT_SETTINGS_2019,
      departmentHeadings: { "y-te": ["UBND THÀNH PHỐ HUẾ", "Phòng Y tế"], "noi-vu-cchc": ["SỞ NỘI VỤ"] },
    };
    const yte = buildTemplateWorkbook(requireTemplate("y-te"), register, settings).sheets[0]!;
    expect([cellOf(yte, 1, 1), cellOf(yte, 2, 1)]).toEqual(["UBND THÀNH PHỐ HUẾ", "PHÒNG Y TẾ"]);
    const cchc = buildTemplateWorkbook(requireTemplate("noi-vu-cchc"), register, settings).sheets[0]!;
    expect(cellOf(cchc, 1, 1)).toBe("SỞ NỘI VỤ");
  });

  test("footer under the table: place and date, NGƯỜI LẬP BIỂU and THỦ TRƯỞNG ĐƠN VỊ (T/M ĐẢNG ỦY on 3.14), inside the print area", () => {
    for (const spec of CATALOG) {
      const wb = build(spec.id);
      const s = wb.sheets[0]!;
      const texts = new Map<string, number>();
      for (const b of s.blocks)
        b.cells.forEach((r, i) => r.forEach((c) => typeof c === "string" && texts.set(c, b.top + i)));
      const head = spec.id === "tccs-bao-cao" ? "T/M ĐẢNG ỦY" : "THỦ TRƯỞNG ĐƠN VỊ";
      expect(texts.get("NGƯỜI LẬP BIỂU")).toBeGreaterThan(metaOf(wb).firstDataRow);
      expect(texts.get(head)).toBe(texts.get("NGƯỜI LẬP BIỂU"));
      expect(texts.get("Hương Thủy, ngày … tháng … năm …")).toBe(texts.get(head)! - 1);
      if (spec.id === "tccs-bao-cao") expect(texts.get("BÍ THƯ")).toBe(texts.get(head)! + 1);
      expect(s.print!.printArea!.bottom).toBeGreaterThan(texts.get(head)! + 3);
    }
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

  test("print setup: every template on one A4 width at a fixed scale ≥ 92 % (12 pt prints ≥ 11 pt), header rows repeated, page numbers", () => {
    for (const spec of CATALOG) {
      const wb = build(spec.id);
      const s = wb.sheets[0]!;
      const p = s.print!;
      expect(p).toMatchObject({ paperSize: "A4", fitToWidth: 0, fitToHeight: 0, footer: "&CTrang &P/&N" });
      expect(p.scale).toBeGreaterThanOrEqual(92);
      expect(p.scale).toBeLessThanOrEqual(100);
      expect(p.printTitleRows!.last).toBe(metaOf(wb).firstDataRow - 1);
      expect(p.printTitleRows!.first).toBe(10);
      const paper = p.orientation === "portrait" ? 210 : 297;
      const room = paper - p.margins.left - p.margins.right;
      const hidden = new Set(s.hiddenColumns ?? []);
      const widthMm = s.columnWidths.reduce<number>(
        (a, w, i) => a + (hidden.has(i + 1) ? 0 : columnWidthMm(w ?? 9)),
        0
      );
      expect((widthMm * p.scale!) / 100).toBeLessThanOrEqual(room);
      // No text below 12 pt on the sheet.
      for (const st of s.styles) if (st.style.fontSize) expect(st.style.fontSize).toBeGreaterThanOrEqual(12);
    }
    // 3.3's nineteen criteria: their one-word headers turned up, so the columns are as narrow as "Chưa đạt" wrapped.
    const ntm = build("kinh-te-ntm");
    const m = metaOf(ntm);
    expect(styleAt(ntm.sheets[0]!, m.firstDataRow - 2, columnNumber(m.columns.tc10!)).rotation).toBe(90);
  });

  test("a column is never narrower than its longest word (header, unit of measure or value)", () => {
    for (const spec of CATALOG) {
      const s = build(spec.id).sheets[0]!;
      spec.columns.forEach((col, i) => {
        if ((s.hiddenColumns ?? []).includes(i + 1)) return;
        const room = textRoomMm(s.columnWidths[i]!);
        const rotated = s.styles.some((st) => st.style.rotation === 90 && st.range.left === i + 1 && st.range.right === i + 1);
        if (!rotated) expect(longestWordMm(col.header.vi, 12, true)).toBeLessThanOrEqual(room + 0.01);
        if (col.unitOfMeasure) expect(longestWordMm(`(${col.unitOfMeasure.vi})`, 12)).toBeLessThanOrEqual(room + 0.01);
      });
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
    if (!r.ok) {
      expect(r.message.vi).toContain("mẫu biểu, phiên bản mẫu");
      expect(r.message.vi).not.toContain("templateId");
    }
  });
});
