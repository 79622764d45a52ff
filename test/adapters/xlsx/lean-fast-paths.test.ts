/**
 * The lean reader's short cuts give what the long way gives: the cells read without the
 * tokenizer's events (sheet.ts `fast`) equal the same cells written in forms that take the
 * tokenizer's path, malformed cells are refused with the tokenizer's own message, and members
 * met before (MemberCache: styles, rels, workbook… of files from one template) give the same
 * grids as a fresh reader, while a member that differs (other styles, a lying size) is read or
 * refused as it would be the first time.
 */
import { inflateRawSync } from "node:zlib";
import { MemberCache } from "../../../src/adapters/xlsx/lean/inflate";
import { nativeInflateRaw } from "../../../src/adapters/xlsx/lean/node-reader";
import { parseSharedStrings } from "../../../src/adapters/xlsx/lean/parts";
import { createLeanXlsxReader } from "../../../src/adapters/xlsx/lean/reader";
import { parseSheet, type SheetContext } from "../../../src/adapters/xlsx/lean/sheet";
import { scanXml } from "../../../src/adapters/xlsx/lean/tokenize";
import { memberData, sniffXlsx } from "../../../src/adapters/xlsx/sniff";
import { makeZip, type ZipEntry } from "./zip";

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
const sheet = (cells: string, tail = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData><row r="1">${cells}</row><row r="2"><c r="A2" s="1"/><c r="B2" s="0"/></row></sheetData>${tail}</worksheet>`;

const ctx: SheetContext = {
  sharedStrings: ["chữ", "hai"],
  numFmts: [undefined, undefined, "0%", "dd/mm/yyyy", undefined],
  date1904: false,
  rels: null,
};

/** Each cell as the fast path reads it, then the same cell in a form it leaves to the tokenizer. */
const CELLS: [string, string][] = [
  [`<c r="A1" s="1"/>`, `<c s="1" r="A1" />`],
  [`<c r="B1" s="4"></c>`, `<c  r="B1" s="4"></c>`],
  [`<c r="C1" t="s"><v>0</v></c>`, `<c t="s" r="C1"><v>0</v></c>`],
  [`<c r="D1" s="1" t="s"><v>1</v></c>`, `<c r="D1" t="s" s="1"><v>1</v></c>`],
  [`<c r="E1"><v>1.5</v></c>`, `<c r='E1'><v>1.5</v></c>`],
  [`<c r="F1" s="2"><v>0.25</v></c>`, `<c s="2" r="F1"><v>0.25</v></c>`],
  [`<c r="G1" s="3"><v>43830</v></c>`, `<c s="3" r="G1"><v>43830</v></c>`],
  [`<c r="H1" t="b"><v>1</v></c>`, `<c t="b" r="H1"><v>1</v></c>`],
  [`<c r="I1" t="e"><v>#N/A</v></c>`, `<c t="e" r="I1"><v>#N/A</v></c>`],
  [`<c r="J1" t="str"><v>x y</v></c>`, `<c t="str" r="J1"><v>x y</v></c>`],
  [`<c r="K1"><v></v></c>`, `<c r="K1" ><v></v></c>`],
  [`<c r="L1" s="0"/>`, `<c s="0" r="L1"/>`],
  [`<c r="AB1" s="1"><v>7</v></c>`, `<c s="1" r="AB1"><v>7</v></c>`],
  // A later cell with the same reference replaces the earlier one (an empty styled one too).
  [`<c r="M1"><v>9</v></c><c r="M1" s="1"/>`, `<c r="M1"><v>9</v></c><c s="1" r="M1"/>`],
];

test("cells read by the fast path equal the same cells read through the tokenizer", () => {
  const fast = parseSheet(sheet(CELLS.map(([f]) => f).join("")), ctx);
  const slow = parseSheet(sheet(CELLS.map(([, s]) => s).join("")), ctx);
  expect(fast).toEqual(slow);
  expect(fast.rows[0]!.slice(0, 13)).toEqual([
    null,
    null,
    "chữ",
    "hai",
    1.5,
    { percentFraction: 0.25 },
    new Date(Date.UTC(2019, 11, 31)),
    true,
    { error: "#N/A" },
    "x y",
    null,
    null,
    null, // M1: its value replaced by the empty styled cell written after it
  ]);
  expect(fast.rows[0]![27]).toBe(7);
  expect(fast.rows).toHaveLength(1); // row 2 holds styled empty cells only
});

test("cells the fast path leaves to the tokenizer: entities, line ends, formulas, inline strings", () => {
  const got = parseSheet(
    sheet(
      `<c r="A1" t="str"><v>a&amp;b</v></c><c r="B1" t="str"><v>a\r\nb</v></c>` +
        `<c r="C1"><f>1+1</f><v>2</v></c><c r="D1" t="inlineStr"><is><t>in</t></is></c>` +
        `<c r="E1" t="str"><v>a>b</v></c>`
    ),
    ctx
  );
  expect(got.rows[0]).toEqual(["a&b", "a\nb", 2, "in", "a>b"]);
});

test("a hyperlinked cell read by the fast path is its text", () => {
  const got = parseSheet(
    sheet(
      `<c r="A1" t="s"><v>0</v></c><c r="B1"><v>3</v></c>`,
      `<hyperlinks><hyperlink ref="A1" r:id="rId1" xmlns:r="r"/></hyperlinks>`
    ),
    { ...ctx, rels: new Map([["rId1", "https://x"]]) }
  );
  expect(got.rows[0]).toEqual(["chữ", 3]);
});

const messageOf = (f: () => void): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("not refused");
};

test.each([
  ["an unclosed self-closing cell", `<c r="A1" s="1"/`],
  ["a cell closed as another element", `<c r="A1" s="1"><v>1</v></d>`],
  ["a value without its closing tag", `<c r="A1"><v>1</c>`],
  ["a duplicate attribute", `<c r="A1" s="1" s="2"/>`],
  ["an undefined entity in a value", `<c r="A1"><v>1&x;</v></c>`],
  ["a quote missing", `<c r="A1 s="1"/>`],
  ["a raw control character", `<c r="A1"><v>1\u0001</v></c>`],
  ["a cell never closed", `<c r="A1" s="1">`],
])("refused with the tokenizer's message: %s", (_name, cell) => {
  const xml = sheet(cell);
  const expected = messageOf(() => scanXml(xml, { open: () => undefined, text: () => undefined }));
  expect(messageOf(() => parseSheet(xml, ctx))).toBe(expected);
});

const enc = (s: string) => new TextEncoder().encode(s);

function workbook(styles: string, sheetXml: string, extra: ZipEntry[] = []): Uint8Array {
  return makeZip([
    {
      name: "xl/workbook.xml",
      data: enc(
        `<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: enc(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="w" Target="worksheets/sheet1.xml"/></Relationships>`
      ),
    },
    { name: "xl/styles.xml", data: enc(styles) },
    { name: "xl/worksheets/sheet1.xml", data: enc(sheetXml) },
    ...extra,
  ]);
}

const styles = (fmt: string) =>
  `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="${fmt}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
const PERCENT = styles("0.0%");
/** Longer than its declared size below plus the 1,024 bytes of slack. */
const LONG = PERCENT.replace("<cellXfs", `<!--${"x".repeat(2000)}--><cellXfs`);
const DATE = styles("dd/mm/yyyy");
const cellSheet = (v: string) => sheet(`<c r="A1" s="1"><v>${v}</v></c>`);

test("members met before give the same grids as a fresh reader; other styles are read as theirs", async () => {
  const shared = createLeanXlsxReader(undefined, { nativeInflateRaw });
  const files = [
    workbook(PERCENT, cellSheet("0.5")),
    workbook(PERCENT, cellSheet("0.25")),
    workbook(DATE, cellSheet("43830")),
    workbook(PERCENT, cellSheet("0.75")),
    workbook(DATE, cellSheet("43831")),
    workbook(PERCENT, cellSheet("0.5")),
  ];
  const firstCells: unknown[] = [];
  for (const [i, bytes] of files.entries()) {
    const got = await shared.read(bytes, `f${i}.xlsx`);
    const fresh = await createLeanXlsxReader(undefined, { nativeInflateRaw }).read(
      bytes,
      `f${i}.xlsx`
    );
    expect(got).toEqual(fresh);
    firstCells.push(got.ok && got.grids.sheets[0]!.rows[0]![0]);
  }
  expect(firstCells).toEqual([
    { percentFraction: 0.5 },
    { percentFraction: 0.25 },
    new Date(Date.UTC(2019, 11, 31)),
    { percentFraction: 0.75 },
    new Date(Date.UTC(2020, 0, 1)),
    { percentFraction: 0.5 },
  ]);
});

test("the task pane's reader (fflate) uses the member cache the same way", async () => {
  const shared = createLeanXlsxReader();
  for (const [i, bytes] of [
    workbook(PERCENT, cellSheet("0.5")),
    workbook(PERCENT, cellSheet("0.5")),
    workbook(DATE, cellSheet("43830")),
    workbook(PERCENT, cellSheet("0.5")),
  ].entries())
    expect(await shared.read(bytes, `f${i}.xlsx`)).toEqual(
      await createLeanXlsxReader().read(bytes, `f${i}.xlsx`)
    );
});

test("a member identical to a cached one but declaring a smaller size is still refused", async () => {
  const reader = createLeanXlsxReader(undefined, { nativeInflateRaw });
  const good = workbook(LONG, cellSheet("1"));
  for (let i = 0; i < 3; i++) expect((await reader.read(good, "ok.xlsx")).ok).toBe(true);
  const lying = makeZip([
    ...["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"].map(
      (name) => ({ name, data: partOf(good, name) })
    ),
    { name: "xl/styles.xml", data: enc(LONG), declaredSize: 10 },
  ]);
  const r = await reader.read(lying, "bomb.xlsx");
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.refused.reason).toBe("too-large");
    expect(r.refused.message.en).toContain(`member "xl/styles.xml" expands beyond`);
  }
});

function partOf(zip: Uint8Array, name: string): Uint8Array {
  const s = sniffXlsx(zip, "x.xlsx");
  if (!s.ok) throw new Error("not a zip");
  const m = s.members.find((x) => x.name === name)!;
  return new Uint8Array(inflateRawSync(memberData(zip, m) as never));
}

test("MemberCache: kept from the second sighting, reused only for equal bytes, bounded", () => {
  const cache = new MemberCache(2, 1024 * 1024);
  const memberOf = (name: string, text: string) => {
    const zip = makeZip([
      { name: "xl/workbook.xml", data: enc("<workbook/>") },
      { name, data: enc(text) },
    ]);
    const s = sniffXlsx(zip, "x.xlsx");
    if (!s.ok) throw new Error("not a zip");
    const m = s.members.find((x) => x.name === name)!;
    return { m, data: memberData(zip, m) };
  };
  const a = memberOf("xl/styles.xml", PERCENT);
  const out = enc(PERCENT);
  expect(cache.offer(a.m, a.data, out.length, out)).toBeUndefined(); // first sighting
  expect(cache.lookup(a.m, a.data)).toBeUndefined();
  expect(cache.offer(a.m, a.data, out.length, out)?.out).toBe(out); // second: kept
  expect(cache.lookup(a.m, a.data)?.length).toBe(out.length);
  // The entry holds a copy, not a view of the file's bytes.
  expect(cache.lookup(a.m, a.data)?.compressed.buffer).not.toBe(a.data.buffer);
  // Same name, CRC and sizes but other compressed bytes: not a hit.
  const other = new Uint8Array(a.data);
  other[other.length - 1] ^= 1;
  expect(cache.lookup(a.m, other)).toBeUndefined();
  // Other members push the least recently used one out (at most 2 kept).
  for (const name of ["b", "c"]) {
    const { m, data } = memberOf(name, name);
    cache.offer(m, data, 1, null);
    expect(cache.offer(m, data, 1, null)).toBeDefined();
  }
  expect(cache.size).toBe(2);
  expect(cache.lookup(a.m, a.data)).toBeUndefined();
});

/** What follows the cells: long enough to be remembered (data validations, merges). */
const TAIL =
  `<mergeCells count="2"><mergeCell ref="A5:C5"/><mergeCell ref="B7:B8"/></mergeCells>` +
  `<dataValidations count="1"><dataValidation type="whole" sqref="B3" error="${"Hãy nhập số. ".repeat(100)}"><formula1>0</formula1></dataValidation></dataValidations>` +
  `<conditionalFormatting sqref="B3"><cfRule type="expression" priority="1"><formula>B3&lt;&gt;""</formula></cfRule></conditionalFormatting>`;
const withTail = (cells: string, tail: string, root = "worksheet") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root} ${NS.replace("xmlns", root.includes(":") ? `xmlns:${root.split(":")[0]}` : "xmlns")}><${root.includes(":") ? root.split(":")[0] + ":" : ""}sheetData><row r="1">${cells}</row></${root.includes(":") ? root.split(":")[0] + ":" : ""}sheetData>${tail}</${root}>`;

test("the part after the cells, met again, gives the same merges; what differs is read as itself", () => {
  const first = parseSheet(withTail(`<c r="A1"><v>1</v></c>`, TAIL), ctx);
  const again = parseSheet(withTail(`<c r="A1"><v>2</v></c>`, TAIL), ctx);
  expect(first.mergedInto).toEqual({ B5: "A5", C5: "A5", B8: "B7" });
  expect(again.mergedInto).toEqual(first.mergedInto);
  expect(again.rows[0]).toEqual([2]);
  // Another root prefix with the same rest: read as its own.
  const prefixed = parseSheet(withTail(`<x:c r="A1"><x:v>3</x:v></x:c>`, TAIL, "x:worksheet"), ctx);
  expect(prefixed.rows[0]).toEqual([3]);
  // A rest holding more cells (a second sheetData) is read whole.
  const more = `<sheetData><row r="9"><c r="A9"><v>9</v></c></row></sheetData>${TAIL}`;
  expect(parseSheet(withTail(`<c r="A1"><v>1</v></c>`, more), ctx).rows[8]).toEqual([9]);
  // "</sheetData>" inside a comment at the end: no stop there, read whole.
  const commented = `${TAIL}<!-- </sheetData> ${"x".repeat(1100)} -->`;
  expect(parseSheet(withTail(`<c r="A1"><v>4</v></c>`, commented), ctx).rows[0]).toEqual([4]);
});

test.each([
  ["an undefined entity", TAIL.replace("&lt;", "&nope;")],
  ["a closing tag that does not match", TAIL.replace("</cfRule>", "</cfRules>")],
  ["a raw control character", TAIL.replace("Hãy", "H\u0001ãy")],
  ["a duplicate attribute", TAIL.replace(`priority="1"`, `priority="1" priority="2"`)],
])("a rest like a known one but with %s is refused with the tokenizer's message", (_n, bad) => {
  parseSheet(withTail(`<c r="A1"><v>1</v></c>`, TAIL), ctx); // the good rest is known
  const xml = withTail(`<c r="A1"><v>1</v></c>`, bad);
  const expected = messageOf(() => scanXml(xml, { open: () => undefined, text: () => undefined }));
  expect(messageOf(() => parseSheet(xml, ctx))).toBe(expected);
});

test("an error among the cells is reported as reading whole reports it, whatever the rest", () => {
  parseSheet(withTail(`<c r="A1"><v>1</v></c>`, TAIL), ctx);
  for (const tail of [TAIL, TAIL.replace("</cfRule>", "</x>")]) {
    const xml = withTail(`<c r="A1"><v>1</v></d>`, tail);
    const expected = messageOf(() =>
      scanXml(xml, { open: () => undefined, text: () => undefined })
    );
    expect(messageOf(() => parseSheet(xml, ctx))).toBe(expected);
  }
});

test("merged ranges: the same for a sheet met again, overlapping ranges refused every time", () => {
  const merges = (refs: string[]) =>
    `<mergeCells>${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;
  const a = parseSheet(sheet(`<c r="A1"><v>1</v></c>`, merges(["A1:B1", "C3:C4"])), ctx);
  const b = parseSheet(sheet(`<c r="A1"><v>5</v></c>`, merges(["A1:B1", "C3:C4"])), ctx);
  expect(a.mergedInto).toEqual({ B1: "A1", C4: "C3" });
  expect(b.mergedInto).toEqual(a.mergedInto);
  expect(b.rows[3]).toEqual([]); // C4 covered: the row counts, its cell has no value
  for (let i = 0; i < 2; i++)
    expect(() =>
      parseSheet(sheet(`<c r="A1"><v>1</v></c>`, merges(["A1:B2", "B2:C3"])), ctx)
    ).toThrow("Cannot merge already merged cells");
});

test("shared strings: the plain forms read at once equal the same strings read through events", () => {
  const sst = (items: string[]) => `<sst ${NS}>${items.join("")}</sst>`;
  const fast = [
    `<si><t>Phường Phú Bài</t></si>`,
    `<si><t xml:space="preserve"> hai  </t></si>`,
    `<si><t></t></si>`,
    `<si><t>a_x000D_b</t></si>`,
  ];
  const slow = [
    `<si> <t>Phường Phú Bài</t></si>`,
    `<si><t xml:space='preserve'> hai  </t></si>`,
    `<si><t/></si>`,
    `<si><t >a_x000D_b</t></si>`,
  ];
  expect(parseSharedStrings(sst(fast))).toEqual(parseSharedStrings(sst(slow)));
  expect(parseSharedStrings(sst(fast))).toEqual(["Phường Phú Bài", " hai  ", "", "a\rb"]);
  // Left to the events: entities, runs, phonetic runs.
  expect(
    parseSharedStrings(
      sst([
        `<si><t>a&amp;b</t></si>`,
        `<si><r><t>x</t></r><r><t>y</t></r></si>`,
        `<si><t>z</t><rPh><t>q</t></rPh></si>`,
      ])
    )
  ).toEqual(["a&b", "xy", "z"]);
  expect(() => parseSharedStrings(sst([`<si><t>a</t></si>`, `<si><t>b</t></sj>`]))).toThrow(
    messageOf(() => scanXml(sst([`<si><t>a</t></si>`, `<si><t>b</t></sj>`]), { open: () => {} }))
  );
});
