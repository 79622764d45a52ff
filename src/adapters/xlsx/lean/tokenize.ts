/**
 * A strict, fast XML tokenizer for the parts of an .xlsx (issue #11: saxes, checking every
 * character against the XML name tables, was a third of the reading time). It scans with indexOf
 * and charCodeAt and reports the same events saxes did (open with attributes, text, close), and
 * refuses what saxes refused: a document type declaration (so no entity can be defined, let alone
 * expanded: the "billion laughs" bomb), an unknown entity, a malformed or unclosed tag, a closing
 * tag that does not match, a duplicate attribute, "<" in an attribute value, text or a second
 * element outside the root, and a part that ends before its root element is closed. Comments,
 * processing instructions and the XML declaration are skipped; CDATA sections give no text (as
 * the handlers never asked saxes for them); characters XML does not allow (raw control characters,
 * lone surrogates) are refused. Line ends are normalised (\r\n and \r → \n) and
 * attribute values have their literal tabs and line ends turned into spaces, as XML 1.0 says.
 */

export interface TokenHandlers {
  open(qname: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(qname: string): void;
}

const PREDEFINED: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  apos: "'",
  quot: '"',
};

function fail(why: string, at: number): never {
  throw new Error(`${why} (at character ${at})`);
}

/** Replaces character and predefined entity references; anything else is an error. */
function decodeEntities(s: string, at: number): string {
  if (s.indexOf("&") < 0) return s;
  let out = "";
  let i = 0;
  for (;;) {
    const amp = s.indexOf("&", i);
    if (amp < 0) return out + s.slice(i);
    out += s.slice(i, amp);
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) fail("unterminated entity reference", at + amp);
    const name = s.slice(amp + 1, semi);
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120; /* x */
      const digits = hex ? name.slice(2) : name.slice(1);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits))
        fail(`malformed character reference &${name};`, at + amp);
      const code = parseInt(digits, hex ? 16 : 10);
      if (
        code === 0 ||
        code > 0x10ffff ||
        (code >= 0xd800 && code <= 0xdfff) ||
        (code < 0x20 && code !== 9 && code !== 10 && code !== 13)
      )
        fail(`character reference &${name}; is not allowed in XML`, at + amp);
      out += String.fromCodePoint(code);
    } else {
      const v = PREDEFINED[name];
      if (v === undefined) fail(`undefined entity &${name};`, at + amp);
      out += v;
    }
    i = semi + 1;
  }
}

/* eslint-disable no-control-regex -- control characters are what these refuse */
/** Characters XML 1.0 does not allow anywhere: C0 controls but tab and line ends, lone surrogates, U+FFFE/F. */
const NOT_XML_CHAR =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** Characters that end a name: space, "/", ">", "=", quotes, "<". */
function isNameEnd(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 9 ||
    c === 13 ||
    c === 47 ||
    c === 62 ||
    c === 61 ||
    c === 34 ||
    c === 39 ||
    c === 60
  );
}

function normaliseLineEnds(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

/** A quick pre-check: no control character, surrogate or U+FFFE/F at all (the usual case). */
const MAYBE_NOT_XML_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */

export function tokenizeXml(xml: string, h: TokenHandlers): void {
  const bad = MAYBE_NOT_XML_CHAR.test(xml) ? NOT_XML_CHAR.exec(xml) : null;
  if (bad)
    fail(
      `character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} is not allowed in XML`,
      bad.index
    );
  const n = xml.length;
  const stack: string[] = [];
  let rootSeen = false;
  let i = 0;
  const onText = h.text;
  const onClose = h.close;

  const emitText = (from: number, to: number) => {
    if (to <= from) return;
    const raw = xml.slice(from, to);
    if (stack.length === 0) {
      // Outside the root only white space may appear.
      for (let k = 0; k < raw.length; k++)
        if (!isSpace(raw.charCodeAt(k))) fail("text outside the root element", from + k);
      return;
    }
    if (raw.indexOf(">") >= 0 && raw.indexOf("]]>") >= 0) fail('"]]>" in text', from);
    if (onText) onText(decodeEntities(normaliseLineEnds(raw), from));
  };

  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      emitText(i, n);
      break;
    }
    emitText(i, lt);
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) fail("unterminated comment", lt);
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        if (stack.length === 0) fail("CDATA outside the root element", lt);
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) fail("unterminated CDATA section", lt);
        i = end + 3;
      } else {
        // <!DOCTYPE …> (and anything else): no document type, hence no entity, is accepted.
        fail("a document type declaration is not accepted", lt);
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) fail("unterminated processing instruction", lt);
      i = end + 2;
      continue;
    }
    if (c === 47 /* / */) {
      let k = lt + 2;
      while (k < n && !isNameEnd(xml.charCodeAt(k))) k++;
      const name = xml.slice(lt + 2, k);
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (xml.charCodeAt(k) !== 62) fail(`malformed closing tag </${name}`, lt);
      const open = stack.pop();
      if (open !== name)
        fail(
          open === undefined
            ? `closing tag </${name}> without an opening tag`
            : `closing tag </${name}> does not match <${open}>`,
          lt
        );
      if (onClose) onClose(name);
      i = k + 1;
      continue;
    }
    // An opening (or empty-element) tag.
    let k = lt + 1;
    while (k < n && !isNameEnd(xml.charCodeAt(k))) k++;
    const name = xml.slice(lt + 1, k);
    if (name.length === 0) fail("a tag without a name", lt);
    if (stack.length === 0) {
      if (rootSeen) fail("a second root element", lt);
      rootSeen = true;
    }
    const attrs = Object.create(null) as Record<string, string>;
    let selfClosing = false;
    for (;;) {
      const before = k;
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (k >= n) fail(`unterminated tag <${name}`, lt);
      const ch = xml.charCodeAt(k);
      if (ch === 62 /* > */) {
        k++;
        break;
      }
      if (ch === 47 /* / */) {
        if (xml.charCodeAt(k + 1) !== 62) fail(`malformed tag <${name}`, lt);
        selfClosing = true;
        k += 2;
        break;
      }
      if (k === before) fail(`attributes of <${name}> must be separated by white space`, k);
      const aStart = k;
      while (k < n && !isNameEnd(xml.charCodeAt(k))) k++;
      const aName = xml.slice(aStart, k);
      if (aName.length === 0) fail(`malformed attribute in <${name}>`, aStart);
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (xml.charCodeAt(k) !== 61 /* = */) fail(`attribute ${aName} without a value`, k);
      k++;
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      const q = xml.charCodeAt(k);
      if (q !== 34 && q !== 39) fail(`attribute ${aName} value is not quoted`, k);
      const end = xml.indexOf(q === 34 ? '"' : "'", k + 1);
      if (end < 0) fail(`unterminated value of attribute ${aName}`, k);
      let value = xml.slice(k + 1, end);
      // One pass over the value: "<" is an error, "&" and literal tabs or line ends need work.
      let special = false;
      for (let v = 0; v < value.length; v++) {
        const vc = value.charCodeAt(v);
        if (vc === 60) fail(`"<" in the value of attribute ${aName}`, k);
        if (vc === 38 || vc === 9 || vc === 10 || vc === 13) special = true;
      }
      if (special) {
        value = value.replace(/\r\n|[\t\n\r]/g, " ");
        value = decodeEntities(value, k + 1);
      }
      if (attrs[aName] !== undefined) fail(`duplicate attribute ${aName} in <${name}>`, aStart);
      attrs[aName] = value;
      k = end + 1;
    }
    h.open(name, attrs);
    if (selfClosing) {
      if (onClose) onClose(name);
    } else stack.push(name);
    i = k;
  }
  if (!rootSeen) fail("no root element", n);
  if (stack.length > 0) fail(`unclosed tag <${stack[stack.length - 1]}>`, n);
}
