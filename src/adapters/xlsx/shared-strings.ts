/**
 * The fast writer's shared-string table and its part (xl/sharedStrings.xml), as ExcelJS 4.4 makes
 * them: each text once, in the order first used, `count` = every use. ExcelJS's own table looks
 * texts up as keys of a plain object, slow with the hundred thousand cells of a large master.
 */
import { ByteSink } from "./byte-sink";

export class SharedStrings {
  /** Every text, at its index. */
  readonly texts: string[] = [];
  /** Uses, counting each one. */
  count = 0;
  private readonly indexOf = new Map<string, number>();

  /** A table continuing `texts` (each once) used `count` times so far (ExcelJS's table, say). */
  constructor(texts: readonly string[] = [], count = 0) {
    for (const t of texts) this.indexOf.set(t, this.texts.push(t) - 1);
    this.count = count;
  }

  /** The index of `text`, added when new; counts one use. */
  add(text: string): number {
    this.count++;
    let index = this.indexOf.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.texts.push(text);
      this.indexOf.set(text, index);
    }
    return index;
  }

  /** xl/sharedStrings.xml, as UTF-8 (what ExcelJS writes for a table of plain texts). */
  xml(): Uint8Array {
    const out = new ByteSink(this.texts.reduce((n, t) => n + t.length + 16, 256));
    out.ascii('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
    out.ascii('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="');
    out.uint(this.count);
    out.ascii('" uniqueCount="');
    out.uint(this.texts.length);
    out.ascii('">');
    for (const t of this.texts) {
      out.ascii(keepsSpaces(t) ? '<si><t xml:space="preserve">' : "<si><t>");
      out.xmlText(t);
      out.ascii("</t></si>");
    }
    out.ascii("</sst>");
    return out.done();
  }
}

/**
 * Whether ExcelJS marks a text xml:space="preserve": white space (JavaScript's \s) first or last,
 * or a line break anywhere (its test /^\s|\n|\s$/).
 */
export function keepsSpaces(t: string): boolean {
  const n = t.length;
  return n > 0 && (isSpace(t.charCodeAt(0)) || isSpace(t.charCodeAt(n - 1)) || t.includes("\n"));
}

/** JavaScript's \s: white space and line terminators of ECMAScript. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
