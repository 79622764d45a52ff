/**
 * Files that pass the zip checks but hold far more cells than a template: before this, a 30 MB
 * file with 3.4 million small rows (195 MB of XML, ratio 7) ran the CLI out of memory after a
 * minute (4.5 GB). The reader now cuts an oversized sheet before parsing and says where it stopped.
 */
import { cutSheetXml, PARSE_LIMITS } from "../../src/adapters/xlsx/bound";
import { createLeanXlsxReader } from "../../src/adapters/xlsx/lean/reader";
import { makeZip, unzip } from "../adapters/xlsx/zip";
import type { ReadOutcome } from "../../src/core/submission/types";
import { miniXlsx } from "./ooxml";
import { readAndValidate, readBytes, yTeSheet } from "./fixtures";

// Heavy (megabytes of XML): asserted by what is read and cut, never by a clock; a timeout of its own.
jest.setTimeout(120_000);

function ok(o: ReadOutcome) {
  if (!o.ok) throw new Error(`refused: ${o.refused.message.vi}`);
  return o;
}

/** Read with the project's reader under the given parse limits. */
const readWith = (limits: typeof PARSE_LIMITS, bytes: Uint8Array) =>
  createLeanXlsxReader(limits).read(bytes, "x.xlsx");

test("a sheet larger than the parse budget is cut after a complete row, and the cut is reported", async () => {
  const s = yTeSheet();
  // About 9 MB of sheet XML below the table: one stray number per row.
  const rows = 165_000;
  s.extra = Array.from({ length: rows }, (_, k) => [100 + k, 12, k] as [number, number, number]);
  const bytes = miniXlsx({ sheets: [s] });
  expect(unzip(bytes).get("xl/worksheets/sheet1.xml")!.length).toBeGreaterThan(
    PARSE_LIMITS.maxSheetChars
  );

  const o = ok(await readAndValidate(bytes, "nhieu-dong.xlsx"));
  const sub = o.submissions[0]!;
  expect(sub.validation.rows.filter((r) => r.unitCode !== null)).toHaveLength(12);
  const warn = sub.validation.issues.find((i) => i.rule === "sheet.truncated")!;
  const upTo = Number(/chỉ đọc đến dòng (\d+)/.exec(warn.message.vi)?.[1]);
  expect(upTo).toBeGreaterThan(1000);
  expect(upTo).toBeLessThan(100 + rows);
});

test("the cut keeps whole rows, closes the XML, and knows the last row kept (prefixed or not)", () => {
  const xml = `<worksheet><sheetData><row r="1"><c r="A1"/></row><row r="7"><c r="A7"/></row><row r="9"><c r="A9"/></row></sheetData></worksheet>`;
  expect(cutSheetXml(xml, xml.indexOf('<row r="9"') + 5)).toEqual({
    xml: `<worksheet><sheetData><row r="1"><c r="A1"/></row><row r="7"><c r="A7"/></row></sheetData></worksheet>`,
    lastRow: 7,
  });
  const x = `<x:worksheet><x:sheetData><x:row><x:c/></x:row><x:row><x:c/></x:row><x:row>`;
  expect(cutSheetXml(x, x.length)).toEqual({
    xml: `<x:worksheet><x:sheetData><x:row><x:c/></x:row><x:row><x:c/></x:row></x:sheetData></x:worksheet>`,
    lastRow: 2,
  });
  expect(cutSheetXml(`<worksheet><sheetData><row r="1"><c r="A1"/>`, 100)).toBeNull();
});

test("the cut is reported on the right sheet, whatever the part is called", async () => {
  const plain = miniXlsx({
    sheets: [
      { name: "Khác", rows: [["x"]] },
      { ...yTeSheet(), name: "Y tế & dân số" },
    ],
  });
  // Rename the parts as another writer might; the sheet XML of the second sheet grows past a tiny budget.
  const parts = unzip(plain);
  const renamed = [...parts.entries()].map(([name, xml]) => ({
    name: name.replace("sheet2.xml", "data-b.xml"),
    data: new TextEncoder().encode(
      xml
        .replace('Target="worksheets/sheet2.xml"', 'Target="/xl/worksheets/data-b.xml"')
        .replace("/xl/worksheets/sheet2.xml", "/xl/worksheets/data-b.xml")
    ),
  }));
  const bytes = makeZip(renamed);
  const limits = { ...PARSE_LIMITS, maxSheetChars: 1500 };
  const b = await readWith(limits, bytes);
  expect(b.ok).toBe(true);
  if (b.ok)
    expect(
      b.grids.sheets.filter((g) => g.truncatedAfterRow !== undefined).map((g) => g.name)
    ).toEqual(["Y tế & dân số"]);
});

test("huge shared strings, or sheets too big even after cutting, are refused with a reason", async () => {
  const bytes = miniXlsx({
    sheets: [yTeSheet(), yTeSheet(), yTeSheet()].map((s, i) => ({ ...s, name: `S${i}` })),
  });
  const tiny = { maxSheetChars: 2000, maxAllSheetsChars: 3000, maxSharedStringsBytes: 10 };
  const b = await readWith(tiny, bytes);
  expect(b.ok).toBe(false);
  if (!b.ok) expect(b.refused.message.vi).toContain("các trang tính quá lớn");

  const withSst = miniXlsx({ sheets: [{ name: "A", rows: [[{ shared: "một chuỗi khá dài" }]] }] });
  const s = await readWith(tiny, withSst);
  expect(s.ok).toBe(false);
  if (!s.ok) expect(s.refused.message.vi).toContain("bảng chuỗi văn bản");

  // The real limits take an ordinary workbook as it is.
  const plain = await readWith(PARSE_LIMITS, bytes);
  expect(plain.ok && plain.grids.sheets.every((g) => g.truncatedAfterRow === undefined)).toBe(true);
  expect((await readBytes(bytes)).ok).toBe(true);
});
