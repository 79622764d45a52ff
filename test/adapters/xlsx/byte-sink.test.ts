/**
 * The fast writer's byte-level text output (byte-sink.ts) and shared-string part (shared-strings.ts)
 * write what the string-based writer wrote: UTF-8 as TextEncoder makes it, XML text escaped as
 * ExcelJS escapes it, numbers as JavaScript prints them, xml:space where ExcelJS puts it.
 */
import { ByteSink } from "../../../src/adapters/xlsx/byte-sink";
import { keepsSpaces, SharedStrings } from "../../../src/adapters/xlsx/shared-strings";

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const encode = (s: string) => new TextEncoder().encode(s);

/** ExcelJS 4.4's own XML escaping (utils.js), which the fast writer matches. */
const { xmlEncode: excelJsXmlText } = require("exceljs/lib/utils/utils") as {
  xmlEncode(text: string): string;
};

const TEXTS = [
  "",
  "plain ascii",
  "Tổng hợp kết quả xếp loại",
  "ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ",
  'IF(LEN(TRIM(\'Tổng hợp\'!AA10))>0,"Tiêu chí “Lãnh đạo”","")',
  "<b>&amp;\"'</b>",
  "a\u0001b\u000bc\u007fd\te\nf\rg",
  "emoji 😀 and 𝔘 pairs",
  "lone \ud800 high, lone \udc00 low, high at end \ud83d",
  "\ud83d\ude00\ud83d",
  "€ ₫ \u00a0 \u2028 \ufeff",
  "x".repeat(5000) + "ế".repeat(3000),
];

describe("ByteSink", () => {
  it("writes text as UTF-8, as TextEncoder does (a lone surrogate becomes U+FFFD)", () => {
    for (const t of TEXTS) {
      const out = new ByteSink(1);
      out.ascii("<");
      out.text(t);
      out.ascii(">");
      expect(out.done()).toEqual(encode(`<${t}>`));
    }
  });

  it("escapes XML text as ExcelJS does and drops what XML cannot hold", () => {
    for (const t of TEXTS) {
      const out = new ByteSink(4);
      out.xmlText(t);
      expect(out.done()).toEqual(encode(excelJsXmlText(t)));
    }
  });

  it("prints numbers as JavaScript does", () => {
    const numbers = [0, -0, 1, 9, 10, 99, 100, 12345, 2147483647, 2147483648, -1, -250, 0.5];
    numbers.push(1 / 3, 1e21, 1e-7, 123456789012345680000, NaN, Infinity, -Infinity, 83.33);
    const out = new ByteSink(2);
    for (const n of numbers) {
      out.number(n);
      out.ascii(",");
    }
    expect(decode(out.done())).toBe(numbers.map((n) => `${n},`).join(""));
    const ints = new ByteSink(2);
    for (const n of [0, 7, 10, 65535, 1048576, 2147483647]) ints.uint(n);
    expect(decode(ints.done())).toBe("07106553510485762147483647");
  });

  it("grows as written into, through reserve and advanceTo too", () => {
    const out = new ByteSink(1);
    let expected = "";
    for (let i = 0; i < 2000; i++) {
      const buf = out.reserve(3);
      let p = out.length;
      buf[p++] = 60;
      buf[p++] = 62;
      out.advanceTo(p);
      out.bytes(encode("ữ"));
      out.uint(i);
      expected += `<>ữ${i}`;
    }
    expect(decode(out.done())).toBe(expected);
  });
});

describe("SharedStrings", () => {
  it("marks xml:space as ExcelJS's test /^\\s|\\n|\\s$/ does", () => {
    const samples = [
      "",
      "a",
      " a",
      "a ",
      "a\nb",
      "\ta",
      "a\u00a0",
      "\u3000a",
      "a\u2028",
      "a b",
      "\r",
    ];
    for (const t of [...samples, ...TEXTS])
      expect([t, keepsSpaces(t)]).toEqual([t, /^\s|\n|\s$/.test(t)]);
  });

  it("continues a table, counts every use and writes the part ExcelJS writes", () => {
    const table = new SharedStrings(["có sẵn"], 3);
    expect([table.add("b"), table.add("có sẵn"), table.add(" x"), table.add("b")]).toEqual([
      1, 0, 2, 1,
    ]);
    expect(table.count).toBe(7);
    expect(decode(table.xml())).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="3">' +
        '<si><t>có sẵn</t></si><si><t>b</t></si><si><t xml:space="preserve"> x</t></si></sst>'
    );
  });
});
