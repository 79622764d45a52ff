/**
 * The reader's XML tokenizer: the events a strict parser gives on well-formed parts, and a
 * refusal (an error, so the file is reported damaged) on everything saxes refused.
 */
import {
  MissedStop,
  scanXml,
  scanXmlUntil,
  tokenizeXml,
} from "../../../src/adapters/xlsx/lean/tokenize";

function events(xml: string): string[] {
  const out: string[] = [];
  tokenizeXml(xml, {
    open: (name, attrs) => out.push(`<${name}${JSON.stringify({ ...attrs })}`),
    text: (t) => out.push(`"${t}"`),
    close: (name) => out.push(`</${name}`),
  });
  return out;
}

test("tags, attributes, text with entities, prefixes, comments and declarations", () => {
  expect(
    events(
      `<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- c --><x:a xmlns:x="u" t='s' v = "1&amp;2&#x41;&#66;\tz"><b/>a&lt;b\r\nc<![CDATA[ignored]]><?pi x?></x:a>\n`
    )
  ).toEqual([`<x:a{"xmlns:x":"u","t":"s","v":"1&2AB z"}`, `<b{}`, `</b`, `"a<b\nc"`, `</x:a`]);
});

test.each([
  ["a document type (entity definitions)", `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`],
  ["an undefined entity", `<a>&nbsp;</a>`],
  ["a malformed character reference", `<a>&#xZZ;</a>`],
  ["a reference to a control character", `<a>&#1;</a>`],
  ["a raw control character", `<a>\u0001</a>`],
  ["a lone surrogate", `<a>\ud800</a>`],
  ["a closing tag that does not match", `<a><b></a></b>`],
  ["an unclosed root", `<a><b/>`],
  ["a second root", `<a/><b/>`],
  ["text outside the root", `x<a/>`],
  ["no root", `<?xml version="1.0"?>`],
  ["a duplicate attribute", `<a x="1" x="2"/>`],
  ["an unquoted attribute", `<a x=1/>`],
  ["an attribute without a value", `<a x/>`],
  ["< in an attribute value", `<a x="<"/>`],
  ["attributes not separated", `<a x="1"y="2"/>`],
  ["an unterminated tag", `<a x="1"`],
  ["an unterminated comment", `<a><!-- x</a>`],
  ["a closing tag without an opening one", `</a>`],
])("refused: %s", (_name, xml) => {
  expect(() => events(xml)).toThrow();
});

test("scanXml: attributes read on demand (exact name, any prefix), the same values as the record", () => {
  const seen: (string | undefined)[] = [];
  scanXml(`<a xmlns:r="u" r:id="rId1" t='s&amp;t' v="1\t2"><c r="B12" s="5"/></a>`, {
    open: (name, a) => {
      if (name === "a")
        seen.push(a.get("t"), a.get("v"), a.prefixed("id"), a.get("id"), a.get("r"));
      else seen.push(a.get("r"), a.get("s"), a.get("t"), String(a.count));
    },
  });
  expect(seen).toEqual(["s&t", "1 2", "rId1", undefined, undefined, "B12", "5", undefined, "2"]);
});

test.each([
  ["an undefined entity in an attribute nobody reads", `<a><b x="&nbsp;"/></a>`],
  [
    "a duplicate attribute among many",
    `<a p="1" q="2" r="3" s="4" t="5" u="6" v="7" w="8" x="9" y="10" z="11" aa="12" bb="13" cc="14" dd="15" ee="16" ff="17" p="18"/>`,
  ],
  ["a closing tag longer than the open one", `<a></ab>`],
])("scanXml refuses %s", (_name, xml) => {
  expect(() => scanXml(xml, { open: () => undefined })).toThrow();
});

test("scanXml takes many attributes (more than its first buffer holds)", () => {
  const names = Array.from({ length: 40 }, (_, i) => `a${i}`);
  let last: string | undefined;
  scanXml(`<x ${names.map((n, i) => `${n}="${i}"`).join(" ")}/>`, {
    open: (_n, a) => {
      last = a.get("a39");
    },
  });
  expect(last).toBe("39");
});

test("scanXmlUntil: stops exactly between two tokens with the open elements, else MissedStop", () => {
  const xml = `<a><b x="1"/><c>t</c><d/></a>`;
  const opened: string[] = [];
  const open = (n: string) => void opened.push(n);
  expect(scanXmlUntil(xml, { open }, xml.indexOf("<d"))).toEqual(["a"]);
  expect(opened).toEqual(["a", "b", "c"]); // nothing after the stop is read
  expect(scanXmlUntil(xml, { open }, xml.indexOf("t<"))).toEqual(["a", "c"]);
  expect(() => scanXmlUntil(xml, { open }, xml.indexOf("x="))).toThrow(MissedStop);
  expect(() => scanXmlUntil(`<a><!-- z --></a>`, { open }, 6)).toThrow(MissedStop);
  // Only what comes before the stop is checked.
  expect(scanXmlUntil(`<a><b/>\u0001<c></a>`, { open }, 7)).toEqual(["a"]);
  expect(() => scanXmlUntil(`<a>\u0001<b/></a>`, { open }, 5)).toThrow("not allowed in XML");
});
