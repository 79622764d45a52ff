/**
 * A growing byte buffer that XML parts are written into as UTF-8: tags, cell references and
 * numbers byte by byte, other text encoded here (escaped for XML on the way where asked). Writing a large worksheet as
 * JavaScript strings (a string per cell, joined, then encoded) made most of its cost garbage.
 */
/** Below "@": 0 = written as it is, 1 = dropped (not allowed in XML 1.0), 2 = written as an entity. */
const ESCAPE = new Uint8Array(0x40);
for (let c = 0; c < 0x20; c++) ESCAPE[c] = c === 9 || c === 10 || c === 13 ? 0 : 1;
const ENTITY: Record<number, string> = {
  34: "&quot;",
  38: "&amp;",
  39: "&apos;",
  60: "&lt;",
  62: "&gt;",
};
for (const c of Object.keys(ENTITY)) ESCAPE[Number(c)] = 2;

/**
 * The UTF-8 bytes of the character at `s[i]` (code unit `code`, 0x80 or more) into `buf` at `p`;
 * returns the position after them. A surrogate pair is one character; a lone surrogate is written
 * as U+FFFD, as TextEncoder does.
 */
function utf8(s: string, i: number, code: number, buf: Uint8Array, p: number): number {
  if (code < 0x800) {
    buf[p++] = 0xc0 | (code >> 6);
    buf[p++] = 0x80 | (code & 0x3f);
    return p;
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    const low = code <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff) {
      const cp = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
      buf[p++] = 0xf0 | (cp >> 18);
      buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
      buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
      buf[p++] = 0x80 | (cp & 0x3f);
      return p;
    }
    code = 0xfffd;
  }
  buf[p++] = 0xe0 | (code >> 12);
  buf[p++] = 0x80 | ((code >> 6) & 0x3f);
  buf[p++] = 0x80 | (code & 0x3f);
  return p;
}

export class ByteSink {
  private buf: Uint8Array;
  private pos = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  get length(): number {
    return this.pos;
  }

  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Text made of ASCII characters only (tags, attribute names, cell references). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Any text, as UTF-8 (as TextEncoder writes it: a lone surrogate becomes U+FFFD). */
  text(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const code = s.charCodeAt(i);
      if (code < 0x80) buf[p++] = code;
      else {
        p = utf8(s, i, code, buf, p);
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
          const low = s.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) i++;
        }
      }
    }
    this.pos = p;
  }

  /**
   * Text for XML content and attributes, as UTF-8: the five XML specials as entities, and the
   * control characters XML 1.0 cannot hold dropped, as ExcelJS does.
   */
  xmlText(s: string): void {
    const n = s.length;
    this.room(n * 6);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const code = s.charCodeAt(i);
      if (code >= 0x80) {
        p = utf8(s, i, code, buf, p);
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
          const low = s.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) i++;
        }
      } else if (code >= 0x40) {
        if (code !== 0x7f) buf[p++] = code; // DEL is dropped
      } else if (ESCAPE[code] === 0) buf[p++] = code;
      else if (ESCAPE[code] === 2) {
        const entity = ENTITY[code]!;
        for (let k = 0; k < entity.length; k++) buf[p++] = entity.charCodeAt(k);
      }
      // ESCAPE 1: a character XML cannot hold, dropped
    }
    this.pos = p;
  }

  /** A number as JavaScript prints it (`${v}`). */
  number(v: number): void {
    if (v >= 0 && v <= 0x7fffffff && (v | 0) === v) this.uint(v);
    else this.ascii(String(v));
  }

  /** A whole number from 0 to 2³¹ − 1, in decimal. */
  uint(v: number): void {
    this.room(10);
    const buf = this.buf;
    if (v < 10) {
      buf[this.pos++] = 48 + v;
      return;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
    let p = this.pos + digits;
    this.pos = p;
    do {
      buf[--p] = 48 + (v % 10);
      v = (v / 10) | 0;
    } while (v > 0);
  }

  /**
   * The buffer, with room for `n` more bytes from `length` on: write them into it, then call
   * advanceTo with the position after them (for the hottest loops; the buffer is valid until the
   * sink's next write).
   */
  reserve(n: number): Uint8Array {
    this.room(n);
    return this.buf;
  }

  /** The end of what was written into reserve()'s buffer. */
  advanceTo(p: number): void {
    this.pos = p;
  }

  /** Bytes as they are. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** What was written (a view of the buffer: write nothing more to the sink after). */
  done(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}
