import ExcelJS from "exceljs";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { toRawCell } from "./exceljs-oracle";
import type { WorkbookModel } from "../../../src/core/sheet/model";
import { unzip } from "./zip";

describe("toRawCell: ExcelJS values → raw cells", () => {
  test.each([
    ["empty", null, undefined, null],
    ["number", 12.5, "0.00", 12.5],
    ["number in a % cell", 0.125, "0.0%", { percentFraction: 0.125 }],
    ["a quoted % is not a percent format", 5, '0" %"', 5],
    ["text", "Phường Phú Bài", undefined, "Phường Phú Bài"],
    ["boolean", true, undefined, true],
    ["error", { error: "#DIV/0!" }, undefined, { error: "#DIV/0!" }],
    ["formula → cached result", { formula: "A1*2", result: 42 }, undefined, 42],
    ["formula without a cached result (reported as uncalculated, not as empty)", { formula: "A1*2" }, undefined, { error: "#UNCALCULATED" }],
    ["formula with an error result", { formula: "1/0", result: { error: "#DIV/0!" } }, undefined, { error: "#DIV/0!" }],
    ["shared formula", { sharedFormula: "B2", result: 7 }, undefined, 7],
    ["rich text", { richText: [{ text: "Xã " }, { text: "Thủy Vân", font: { italic: true } }] }, undefined, "Xã Thủy Vân"],
    ["hyperlink", { text: "báo cáo", hyperlink: "https://example.org" }, undefined, "báo cáo"],
    ["hyperlink with rich text", { text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "x" }, undefined, "ab"],
  ])("%s", (_name, value, numFmt, expected) => {
    expect(toRawCell(value as ExcelJS.CellValue, numFmt)).toEqual(expected);
  });

  test("dates stay dates", () => {
    const d = new Date(Date.UTC(2019, 11, 25));
    expect(toRawCell(d)).toEqual(d);
  });
});

describe("XlsxWriter extras", () => {
  test("defined names, notes, row heights and hidden columns are written; modifiedAt is read back", async () => {
    const model: WorkbookModel = {
      sheets: [
        {
          name: "Tổng hợp",
          visibility: "visible",
          blocks: [{ top: 1, left: 1, cells: [["a", 1, { formula: "B1*2", result: 2 }]] }],
          styles: [{ range: { top: 1, left: 1, bottom: 1, right: 3 }, style: { bold: true, fill: "FFF2CC", numFmt: "0.00" } }],
          merges: [],
          columnWidths: [12, undefined, 8],
          hiddenColumns: [2],
          rowHeights: { 1: 30 },
          validations: [],
          protect: false,
          notes: [{ row: 1, col: 1, text: "Ghi chú kiểm tra" }],
          definedNames: { XL_DATA: "'Tổng hợp'!$A$1:$C$1" },
        },
      ],
    };
    const { writer, reader } = await loadXlsx();
    const bytes = await writer.write(model);
    const files = unzip(bytes);
    expect(files.get("xl/workbook.xml")).toMatch(/<definedName name="XL_DATA">&apos;Tổng hợp&apos;!\$A\$1:\$C\$1<\/definedName>/);
    const sheet = files.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toMatch(/<row r="1"[^>]*ht="30"/);
    expect(sheet).toMatch(/<col min="2" max="2"[^>]*hidden="1"/);
    expect(sheet).toContain("<f>B1*2</f><v>2</v>");
    expect([...files.keys()].some((k) => k.startsWith("xl/comments"))).toBe(true);
    const read = await reader.read(bytes, "tong-hop.xlsx");
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.grids.sheets[0]!.rows[0]).toEqual(["a", 1, 2]);
      expect(read.grids.modifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });
});
