/** Write → read through real .xlsx bytes: what the core reads from a file equals what it wrote. */
import ExcelJS from "exceljs";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { columnNumber, type WorkbookModel } from "../../../src/core/sheet/model";
import { readSubmissions } from "../../../src/core/submission/read";
import type { Submission, WorkbookGrids } from "../../../src/core/submission/types";
import { CATALOG, requireTemplate } from "../../../src/core/templates/catalog";
import type { TemplateSpec } from "../../../src/core/templates/spec";
import { defaultRegister } from "../../../src/core/units/register";
import { metaOf, sampleValue, setCell, templateSheet, unitRows } from "./helpers";
import { modelToGrids } from "../../unit/submission/model-grids";

jest.setTimeout(60_000);
const register = defaultRegister();

function filled(spec: TemplateSpec): WorkbookModel {
  const m = buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019, { generatedAt: "2019-11-01T00:00:00.000Z" });
  const meta = metaOf(m);
  const sheet = templateSheet(m);
  const rows = unitRows(m);
  (spec.rowSet === "PEOPLE" ? rows.slice(0, 4) : rows).forEach((r, i) => {
    for (const col of spec.columns) {
      if (col.identity || col.computed) continue;
      let v = sampleValue(spec, col, i, "xa");
      if (spec.rowSet === "PEOPLE" && col.key === "unitCode") v = register.units[i]!.name;
      if (spec.rowSet === "PEOPLE" && col.key === "ten") v = `Trần Thị ${String.fromCharCode(65 + i)}`;
      setCell(sheet, r, columnNumber(meta.columns[col.key]!), v);
    }
  });
  return m;
}

async function viaFile(bytes: Uint8Array, name: string): Promise<WorkbookGrids> {
  const { reader } = await loadXlsx();
  const r = await reader.read(bytes, name);
  if (!r.ok) throw new Error(r.refused.message.en);
  return r.grids;
}

function one(grids: WorkbookGrids): Submission {
  const out = readSubmissions(grids, { register, period: 2019 });
  if (!out.ok) throw new Error(out.refused.message.en);
  return out.submissions[0]!;
}

describe("write → read round trip", () => {
  test.each(CATALOG.map((s) => [s.id, s] as const))("%s: same rows back, valid", async (id, spec) => {
    const model = filled(spec);
    const { writer } = await loadXlsx();
    const grids = await viaFile(await writer.write(model), `${id}.xlsx`);
    expect(grids.sheets.find((s) => s.name === "_meta")?.visibility).toBe("veryHidden");
    const fromFile = one(grids);
    const fromModel = one(modelToGrids(model));
    expect(fromFile.recognizedBy).toBe("meta");
    expect(fromFile.validation.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(fromFile.validation.rows).toEqual(fromModel.validation.rows);
    expect(fromFile.validation.rows.length).toBe(spec.rowSet === "PEOPLE" ? 4 : unitRows(model).length);
  });

  test("hidden and reordered columns in a file still read (ExcelJS edits after writing)", async () => {
    const spec = requireTemplate("cong-an");
    const model = filled(spec);
    const meta = metaOf(model);
    const { writer } = await loadXlsx();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writer.write(model)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(spec.sheetName)!;
    const a = columnNumber(meta.columns.tongKdc!);
    const b = columnNumber(meta.columns.coSoDangKy!);
    // Swap two entry columns (header and data) as someone unprotecting the sheet might, and hide one.
    for (let r = 1; r <= ws.rowCount; r++) {
      const ca = ws.getCell(r, a);
      const cb = ws.getCell(r, b);
      const t = ca.value;
      ca.value = cb.value;
      cb.value = t;
    }
    ws.getCell(meta.firstDataRow, b).value = 7; // tongKdc now lives in column b
    ws.getCell(meta.firstDataRow, columnNumber(meta.columns.kdcDat!)).value = 7;
    ws.getColumn(a).hidden = true;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const sub = one(await viaFile(bytes, "cong-an.xlsx"));
    expect(sub.layout.columnLetters.tongKdc).toBe(meta.columns.coSoDangKy);
    expect(sub.validation.rows[0]!.values).toMatchObject({ tongKdc: 7, kdcDat: 7, tyLeKdc: 100 });
  });
});

describe("cell values as a person meant them (hand-made workbook, no _meta)", () => {
  async function handMade(): Promise<Uint8Array> {
    const spec = requireTemplate("tai-chinh");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Báo cáo tài chính");
    ws.getCell("A1").value = "PHÒNG TÀI CHÍNH – KẾ HOẠCH";
    // Columns in another order than the template, unit of measure row below the header.
    const keys = ["stt", "unitName", "thucHienThu", "duToanThu", "tyLeThu", "duToanChi", "thucHienChi", "ghiChu"];
    keys.forEach((k, i) => (ws.getCell(3, i + 1).value = spec.columns.find((c) => c.key === k)!.header.vi));
    keys.forEach((k, i) => (ws.getCell(4, i + 1).value = k === "stt" || k === "unitName" ? null : "(triệu đồng)"));
    const units = register.units.filter((u) => u.kind === "phuong" || u.kind === "xa");
    units.forEach((u, i) => {
      const r = 5 + i;
      ws.getCell(r, 1).value = i + 1;
      ws.getCell(r, 2).value = u.name;
      ws.getCell(r, 3).value = 90;
      ws.getCell(r, 4).value = 100;
      ws.getCell(r, 5).value = { formula: "C5/D5*100", result: 12345 }; // a stale cached rate
      ws.getCell(r, 6).value = 50;
      ws.getCell(r, 7).value = 50;
    });
    // Row 1: rich text name, text numbers, a hyperlink note.
    ws.getCell(5, 2).value = { richText: [{ text: "Phường " }, { font: { bold: true }, text: "Phú Bài" }] };
    ws.getCell(5, 3).value = "1.234,5";
    ws.getCell(5, 4).value = { formula: "1000+234.5", result: 1234.5 };
    ws.getCell(5, 8).value = { text: "xem báo cáo", hyperlink: "https://example.org/bc" };
    // Row 2: a #REF! error; row 3: a %-formatted number in a number column.
    ws.getCell(6, 3).value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    ws.getCell(7, 6).value = 0.5;
    ws.getCell(7, 6).numFmt = "0%";
    // Trailing rows that only look used.
    ws.getCell(40, 8).value = "";
    ws.getCell(41, 1).numFmt = "0.00";
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  test("rich text, text numbers, cached formula results, hyperlinks, errors, percent formats", async () => {
    const grids = await viaFile(await handMade(), "tai-chinh-tu-lam.xlsx");
    const sheet = grids.sheets[0]!;
    expect(sheet.rows[4]![1]).toBe("Phường Phú Bài");
    expect(sheet.rows[4]![3]).toBe(1234.5);
    expect(sheet.rows[4]![7]).toBe("xem báo cáo");
    expect(sheet.rows[5]![2]).toEqual({ error: "#REF!" });
    expect(sheet.rows[6]![5]).toEqual({ percentFraction: 0.5 });

    const sub = one(grids);
    expect(sub.recognizedBy).toBe("header");
    expect(sub.templateId).toBe("tai-chinh");
    expect(sub.layout.firstDataRow).toBe(5);
    const rows = sub.validation.rows;
    expect(rows).toHaveLength(12);
    expect(rows[0]!.unitCode).toBe("phuong-phu-bai");
    expect(rows[0]!.values).toMatchObject({ thucHienThu: 1234.5, duToanThu: 1234.5, tyLeThu: 100, ghiChu: "xem báo cáo" });
    expect(rows[2]!.values.tyLeThu).toBe(90); // recomputed, the cached 12345 is ignored
    const errs = sub.validation.issues.filter((i) => i.severity === "error");
    expect(errs.map((e) => e.cell).sort()).toEqual(["C6", "F7"]);
    expect(errs.find((e) => e.cell === "C6")!.message.vi).toContain("#REF!");
  });
});
