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
 * scanXml hands each tag's attributes over as positions (Attributes), checked as above but made
 * into strings only when a handler asks for one: a sheet's thousands of cells cost no object each.
 */

export interface TokenHandlers {
  open(qname: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(qname: string): void;
}

/**
 * The attributes of the tag being opened, valid only during the `open` call: positions in the
 * part, checked (quoted, no "<", no duplicate, entities defined) but turned into strings only when
 * asked for, so a sheet's thousands of `<c r="B12" s="5"/>` cost no object per tag.
 */
export class Attributes {
  /** Per attribute: name start, name end, value start, value end, 1 when the value needs work. */
  private pos = new Int32Array(5 * 16);
  private xml = "";
  count = 0;

  /** @internal The tokenizer starts a new tag. */
  reset(xml: string): void {
    this.xml = xml;
    this.count = 0;
  }

  /** @internal The tokenizer records one attribute; false when its name is already there. */
  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, special: boolean) {
    const len = nameEnd - nameStart;
    for (let i = 0; i < this.count; i++) {
      const b = i * 5;
      if (
        this.pos[b + 1]! - this.pos[b]! === len &&
        sameRange(this.xml, this.pos[b]!, nameStart, len)
      )
        return false;
    }
    if ((this.count + 1) * 5 > this.pos.length) {
      const bigger = new Int32Array(this.pos.length * 2);
      bigger.set(this.pos);
      this.pos = bigger;
    }
    const b = this.count * 5;
    this.pos[b] = nameStart;
    this.pos[b + 1] = nameEnd;
    this.pos[b + 2] = valueStart;
    this.pos[b + 3] = valueEnd;
    this.pos[b + 4] = special ? 1 : 0;
    this.count++;
    return true;
  }

  name(i: number): string {
    return this.xml.slice(this.pos[i * 5]!, this.pos[i * 5 + 1]!);
  }

  /** The i-th value as XML gives it: entities replaced, literal tabs and line ends as spaces. */
  value(i: number): string {
    const b = i * 5;
    const raw = this.xml.slice(this.pos[b + 2]!, this.pos[b + 3]!);
    return this.pos[b + 4] ? attributeValue(raw, this.pos[b + 2]!) : raw;
  }

  /** The value of the attribute named exactly `name`. */
  get(name: string): string | undefined {
    const len = name.length;
    for (let i = 0; i < this.count; i++) {
      const b = i * 5;
      const start = this.pos[b]!;
      if (this.pos[b + 1]! - start === len && matchesAt(this.xml, start, name))
        return this.value(i);
    }
    return undefined;
  }

  /** The value of attribute `local` under any namespace prefix ("r:id", "ns1:id"), not the bare one. */
  prefixed(local: string): string | undefined {
    for (let i = 0; i < this.count; i++) {
      const n = this.name(i);
      const c = n.indexOf(":");
      if (c > 0 && n.slice(c + 1) === local && n.slice(0, c) !== "xmlns") return this.value(i);
    }
    return undefined;
  }

  /** Every attribute as a record (for callers that want them all). */
  toRecord(): Record<string, string> {
    const out = Object.create(null) as Record<string, string>;
    for (let i = 0; i < this.count; i++) out[this.name(i)] = this.value(i);
    return out;
  }
}

/** Handlers of scanXml: as TokenHandlers, with lazily read attributes. */
export interface ScanHandlers {
  open(qname: string, attrs: Attributes): void;
  text?(text: string): void;
  close?(qname: string): void;
  /**
   * A short cut for the commonest elements of a part (a worksheet's cells): called at each "<"
   * that starts an opening tag inside the root element. It either returns -1 (the tokenizer goes
   * on as usual) or the position just after a whole element it has read itself, which it may only
   * do for an element it has checked to be well-formed character by character (a name, quoted
   * values without "<", "&" or white space but single spaces between attributes, no duplicate
   * attribute, text without "&", "\r" or ">"), as nothing of it is checked again; the other
   * handlers are not called for it. Characters XML does not allow are refused before any call.
   */
  fast?(lt: number): number;
}

function sameRange(s: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

function matchesAt(s: string, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++)
    if (s.charCodeAt(at + k) !== name.charCodeAt(k)) return false;
  return true;
}

/** An attribute value with literal tabs and line ends as spaces and its entities replaced. */
function attributeValue(raw: string, at: number): string {
  return decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, " "), at);
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

/** Characters that end a name: space, "/", ">", "=", quotes, "<" (a table: one load per character). */
const NAME_END = new Uint8Array(128);
for (const c of [32, 10, 9, 13, 47, 62, 61, 34, 39, 60]) NAME_END[c] = 1;
const isNameEnd = (c: number): boolean => c < 128 && NAME_END[c] === 1;

/** Characters an attribute value's scan stops at: quotes, "<", "&", tab and line ends. */
const IN_VALUE = new Uint8Array(128);
for (const c of [34, 39, 60, 38, 9, 10, 13]) IN_VALUE[c] = 1;

function normaliseLineEnds(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

/** A quick pre-check: no control character, surrogate or U+FFFE/F at all (the usual case). */
const MAYBE_NOT_XML_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */

/** The strict tokenizer with every tag's attributes as a record (see scanXml). */
export function tokenizeXml(xml: string, h: TokenHandlers): void {
  const open = h.open;
  scanXml(xml, {
    open: (qname, attrs) => open(qname, attrs.toRecord()),
    text: h.text,
    close: h.close,
  });
}

/** scanXml with a stop position did not stop there (it lies inside a tag, text or comment). */
export class MissedStop extends Error {}

export function scanXml(xml: string, h: ScanHandlers): void {
  scan(xml, h, -1);
}

/**
 * scanXml of the part before `stopAt` only: the scan stops when it reaches exactly that position
 * between two tokens and returns the names of the elements then open (outermost first); it
 * throws MissedStop when it would go past it. What comes after is neither read nor checked.
 */
export function scanXmlUntil(xml: string, h: ScanHandlers, stopAt: number): string[] {
  return scan(xml, h, stopAt)!;
}

function scan(xml: string, h: ScanHandlers, stopAt: number): string[] | undefined {
  const checked = stopAt >= 0 ? xml.slice(0, stopAt) : xml;
  const bad = MAYBE_NOT_XML_CHAR.test(checked) ? NOT_XML_CHAR.exec(checked) : null;
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
  const fast = h.fast;
  const attrs = new Attributes();

  const emitText = (from: number, to: number) => {
    if (to <= from) return;
    if (stack.length === 0) {
      // Outside the root only white space may appear.
      for (let k = from; k < to; k++)
        if (!isSpace(xml.charCodeAt(k))) fail("text outside the root element", k);
      return;
    }
    const raw = xml.slice(from, to);
    if (raw.indexOf(">") >= 0 && raw.indexOf("]]>") >= 0) fail('"]]>" in text', from);
    if (onText) onText(decodeEntities(normaliseLineEnds(raw), from));
  };

  while (i < n) {
    if (stopAt >= 0 && i >= stopAt) {
      if (i === stopAt) return stack.slice();
      throw new MissedStop();
    }
    // Tags mostly follow one another: no search (and no text) then.
    const lt = xml.charCodeAt(i) === 60 ? i : xml.indexOf("<", i);
    if (lt < 0) {
      emitText(i, n);
      break;
    }
    if (lt > i) emitText(i, lt);
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
      const len = k - lt - 2;
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (xml.charCodeAt(k) !== 62)
        fail(`malformed closing tag </${xml.slice(lt + 2, lt + 2 + len)}`, lt);
      const open = stack.pop();
      if (open === undefined || open.length !== len || !matchesAt(xml, lt + 2, open)) {
        const name = xml.slice(lt + 2, lt + 2 + len);
        fail(
          open === undefined
            ? `closing tag </${name}> without an opening tag`
            : `closing tag </${name}> does not match <${open}>`,
          lt
        );
      }
      if (onClose) onClose(open);
      i = k + 1;
      continue;
    }
    // An opening (or empty-element) tag.
    if (fast !== undefined && stack.length > 0) {
      const end = fast(lt);
      if (end >= 0) {
        i = end;
        continue;
      }
    }
    let k = lt + 1;
    while (k < n && !isNameEnd(xml.charCodeAt(k))) k++;
    const name = xml.slice(lt + 1, k);
    if (name.length === 0) fail("a tag without a name", lt);
    if (stack.length === 0) {
      if (rootSeen) fail("a second root element", lt);
      rootSeen = true;
    }
    attrs.reset(xml);
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
      const aEnd = k;
      if (aEnd === aStart) fail(`malformed attribute in <${name}>`, aStart);
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (xml.charCodeAt(k) !== 61 /* = */)
        fail(`attribute ${xml.slice(aStart, aEnd)} without a value`, k);
      k++;
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      const q = xml.charCodeAt(k);
      if (q !== 34 && q !== 39) fail(`attribute ${xml.slice(aStart, aEnd)} value is not quoted`, k);
      // One pass over the value: "<" is an error, "&" and literal tabs or line ends need work.
      let end = k + 1;
      let special = false;
      let amp = false;
      for (; end < n; end++) {
        const vc = xml.charCodeAt(end);
        if (vc >= 128 || IN_VALUE[vc] === 0) continue;
        if (vc === q) break;
        if (vc === 60) fail(`"<" in the value of attribute ${xml.slice(aStart, aEnd)}`, k);
        if (vc === 38) amp = special = true;
        else if (vc === 9 || vc === 10 || vc === 13) special = true;
      }
      if (end >= n) fail(`unterminated value of attribute ${xml.slice(aStart, aEnd)}`, k);
      // An undefined entity is an error whether or not the value is read.
      if (amp) attributeValue(xml.slice(k + 1, end), k + 1);
      if (!attrs.add(aStart, aEnd, k + 1, end, special))
        fail(`duplicate attribute ${xml.slice(aStart, aEnd)} in <${name}>`, aStart);
      k = end + 1;
    }
    h.open(name, attrs);
    if (selfClosing) {
      if (onClose) onClose(name);
    } else stack.push(name);
    i = k;
  }
  if (stopAt >= 0) throw new MissedStop();
  if (!rootSeen) fail("no root element", n);
  if (stack.length > 0) fail(`unclosed tag <${stack[stack.length - 1]}>`, n);
  return undefined;
}
