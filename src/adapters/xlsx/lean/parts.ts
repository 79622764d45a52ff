/**
 * The small workbook parts, read the way ExcelJS 4.4 reads them (so both readers give the same
 * WorkbookGrids): the sheet list (name, visibility, part), relationships, number formats of the
 * cell styles, the shared strings and the last-modified date.
 */
import { parseXml } from "./xml";

export interface SheetEntry {
  name: string;
  state?: string;
  rId?: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
}

export function parseWorkbook(xml: string): WorkbookPart {
  const out: WorkbookPart = { sheets: [], date1904: false };
  parseXml(xml, {
    open(name, a) {
      if (name === "sheet")
        out.sheets.push({
          name: a.get("name") ?? "",
          state: a.get("state"),
          rId: a.prefixed("id"),
        });
      else if (name === "workbookPr") out.date1904 = a.get("date1904") === "1";
    },
  });
  return out;
}

/** Relationship targets by Id. */
export function parseRels(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  parseXml(xml, {
    open(name, a) {
      if (name !== "Relationship") return;
      const id = a.get("Id");
      if (id !== undefined) out.set(id, a.get("Target") ?? "");
    },
  });
  return out;
}

/** Excel's built-in number formats (the ones ExcelJS knows, en-US). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Number format code of each cell style (cellXfs index), undefined where none applies. */
export function parseStyles(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const xfNumFmtIds: number[] = [];
  let inCellXfs = false;
  parseXml(xml, {
    open(name, a) {
      if (name === "numFmt") {
        const id = a.get("numFmtId");
        if (id !== undefined)
          custom.set(parseInt(id, 10), (a.get("formatCode") ?? "").replace(/[\\](.)/g, "$1"));
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs)
        xfNumFmtIds.push(parseInt(a.get("numFmtId") ?? "0", 10) || 0);
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return xfNumFmtIds.map((id) => (id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined));
}

/** "_x000D_" escapes of OOXML text → the character. */
export const unescapeOoxml = (s: string): string =>
  s.includes("_x")
    ? s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;

/** A shared string as the person sees it: plain text, or its rich text runs joined. */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let inSi = false;
  let inRun = false;
  let inPhonetic = false;
  let inT = false;
  let buf: string[] = [];
  let runs: string[] | null = null;
  let plain: string | null = null;
  parseXml(xml, {
    // `<si><t>text</t></si>` (or `<t xml:space="preserve">`), text without "&", "\r" or ">" (as
    // the tokenizer would check it): the string at once, without the events below.
    fast(lt) {
      if (inSi || !xml.startsWith("<si><t", lt)) return -1;
      let k = lt + 6;
      if (xml.startsWith(' xml:space="preserve">', k)) k += 22;
      else if (xml.charCodeAt(k) === 62 /* > */) k++;
      else return -1;
      const close = xml.indexOf("<", k);
      if (close < 0 || !xml.startsWith("</t></si>", close)) return -1;
      for (let j = k; j < close; j++) {
        const c = xml.charCodeAt(j);
        if (c === 38 /* & */ || c === 13 || c === 62 /* > */) return -1;
      }
      out.push(unescapeOoxml(xml.slice(k, close)));
      return close + 9;
    },
    open(name) {
      if (name === "si") {
        inSi = true;
        runs = null;
        plain = null;
      } else if (!inSi) {
        if (name !== "sst") throw new Error(`Unexpected xml node in parseOpen: ${name}`);
      } else if (name === "rPh") inPhonetic = true;
      else if (name === "r" && !inPhonetic) {
        inRun = true;
        runs ??= [];
      } else if (name === "t" && !inPhonetic) {
        inT = true;
        buf = [];
      }
    },
    text(t) {
      if (inT) buf.push(t);
    },
    close(name) {
      if (!inSi) return;
      if (name === "rPh") inPhonetic = false;
      else if (name === "t" && inT) {
        inT = false;
        const text = unescapeOoxml(buf.join(""));
        if (inRun && runs) runs.push(text);
        else plain = text;
      } else if (name === "r") inRun = false;
      else if (name === "si") {
        inSi = false;
        out.push(runs ? runs.join("") : (plain ?? ""));
      }
    },
  });
  return out;
}

/** dcterms:modified of docProps/core.xml, ISO, or null. */
export function parseModified(xml: string): string | null {
  let inModified = false;
  let text = "";
  parseXml(xml, {
    open(_name, _a, qname) {
      if (qname === "dcterms:modified") inModified = true;
    },
    text(t) {
      if (inModified) text += t;
    },
    close(_name, qname) {
      if (qname === "dcterms:modified") inModified = false;
    },
  });
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
