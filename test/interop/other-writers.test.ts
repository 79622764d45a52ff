/**
 * Valid .xlsx files as writers other than Excel and LibreOffice produce them: SpreadsheetML with a
 * namespace prefix (the .NET Open XML SDK: "<x:worksheet xmlns:x=…>"), rows and cells without
 * their optional `r` references, the Strict OOXML namespaces (Excel's "Strict Open XML
 * Spreadsheet" save option). Each must read like the plain file.
 */
import { makeZip, unzip } from "../adapters/xlsx/zip";
import { parseSharedStrings } from "../../src/adapters/xlsx/lean/parts";
import { parseSheet } from "../../src/adapters/xlsx/lean/sheet";
import type { ReadOutcome } from "../../src/core/submission/types";
import { miniXlsx } from "./ooxml";
import { readAndValidate, yTeSheet, yTeValue } from "./fixtures";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The same file with every part passed through `edit`. */
function rewrite(bytes: Uint8Array, edit: (name: string, xml: string) => string): Uint8Array {
  return makeZip(
    [...unzip(bytes).entries()].map(([name, xml]) => ({
      name,
      data: new TextEncoder().encode(edit(name, xml)),
    }))
  );
}

/** "<worksheet xmlns=MAIN>" → "<x:worksheet xmlns:x=MAIN>", every element of the part prefixed. */
function prefixed(xml: string): string {
  if (!xml.includes(`xmlns="${MAIN}"`)) return xml;
  return xml
    .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, "<$1x:$2")
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
}

function summary(o: ReadOutcome) {
  if (!o.ok) throw new Error(`refused: ${o.refused.message.vi}`);
  const s = o.submissions[0]!;
  return {
    templateId: s.templateId,
    recognizedBy: s.recognizedBy,
    rows: s.validation.rows,
    errors: s.validation.issues.filter((i) => i.severity === "error").map((i) => i.cell),
  };
}

// A file with one error (G4 is #REF!) so "same as plain" also covers where errors are reported.
// Dense: every empty cell and row is written, as a writer that omits references has to.
const sheet = yTeSheet({
  above: [["ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ"], []],
  value: (k, i, n, c) => (i === 0 && k === "soSinh" ? { error: "#REF!" } : yTeValue(k, i, n, c)),
});
const plain = miniXlsx({ sheets: [{ ...sheet, dense: true }] });

describe("files from other OOXML writers read like the plain file", () => {
  let expected: ReturnType<typeof summary>;
  beforeAll(async () => {
    expected = summary(await readAndValidate(plain));
    expect(expected.rows).toHaveLength(12);
    expect(expected.errors).toEqual(["G4"]);
  });

  test("namespace-prefixed SpreadsheetML (Open XML SDK style)", async () => {
    const bytes = rewrite(plain, (_n, xml) => prefixed(xml));
    expect(unzip(bytes).get("xl/worksheets/sheet1.xml")).toContain("<x:c ");
    expect(summary(await readAndValidate(bytes))).toEqual(expected);
  });

  test("rows and cells without r references", async () => {
    const bytes = rewrite(plain, (name, xml) =>
      name.startsWith("xl/worksheets/") ? xml.replace(/ r="[A-Z]*\d+"/g, "") : xml
    );
    expect(unzip(bytes).get("xl/worksheets/sheet1.xml")).not.toContain(' r="');
    expect(summary(await readAndValidate(bytes))).toEqual(expected);
  });

  test("both at once, with an empty row and skipped cells given by reference", async () => {
    const bytes = rewrite(plain, (name, xml) => {
      if (!name.startsWith("xl/worksheets/")) return prefixed(xml);
      // Keep references on row 1 only; the empty row 2 is absent, so row 3 needs its r.
      const noRefs = xml.replace(/<row r="(\d+)">/g, (w, r) => (r === "3" ? w : "<row>"));
      return prefixed(noRefs.replace(/(<c) r="[A-Z]+(?!1")\d+"/g, "$1"));
    });
    expect(summary(await readAndValidate(bytes))).toEqual(expected);
  });

  test("Strict OOXML namespaces", async () => {
    const bytes = rewrite(plain, (_n, xml) =>
      xml
        .replaceAll(MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main")
        .replaceAll(
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "http://purl.oclc.org/ooxml/officeDocument/relationships"
        )
    );
    expect(summary(await readAndValidate(bytes))).toEqual(expected);
  });

  test("a damaged file is still refused with the parser's first complaint", async () => {
    const bytes = rewrite(plain, (name, xml) =>
      name === "xl/workbook.xml" ? prefixed(xml).replace("</x:workbook>", "") : xml
    );
    const o = await readAndValidate(bytes, "hong.xlsx");
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.refused.reason).toBe("corrupt");
  });
});

describe("the reader's handling of those forms", () => {
  test("a prefixed part reads like the plain one; other prefixes are left alone", () => {
    const plainSst = `<?xml version="1.0"?><sst xmlns="${MAIN}"><si><t>a</t></si></sst>`;
    expect(parseSharedStrings(plainSst)).toEqual(["a"]);
    expect(
      parseSharedStrings(`<x:sst xmlns:x="${MAIN}"><x:si><x:t>a</x:t></x:si></x:sst>`)
    ).toEqual(["a"]);
  });

  test("cells without a reference are numbered from the last known reference", () => {
    const ctx = { sharedStrings: null, numFmts: null, date1904: false, rels: null };
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row><c t="n"><v>1</v></c><c r="D1"><v>4</v></c><c><v>5</v></c></row><row r="5"><c><v>51</v></c></row><row><c><v>61</v></c></row></sheetData></worksheet>`;
    expect(parseSheet(xml, ctx).rows).toEqual([[1, null, null, 4, 5], [], [], [], [51], [61]]);
  });
});
