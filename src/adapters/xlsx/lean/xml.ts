/**
 * A strict XML tokenizer (tokenize.ts: well-formedness errors, no DTD, no entities beyond XML's
 * five) with the element names handed over without their namespace prefix ("x:c" → "c"), so SpreadsheetML
 * written with a prefix (the .NET Open XML SDK) reads like Excel's own. A malformed part, or one
 * that stops before its root element is closed, is an error (the file is reported damaged).
 */
import { tokenizeXml } from "./tokenize";

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, qname: string): void;
  text?(text: string): void;
  close?(name: string, qname: string): void;
}

export const localName = (qname: string): string => {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
};

/** Value of the attribute `local` in any namespace prefix ("r:id", "ns1:id"), but not the bare one. */
export function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  for (const k in attrs) {
    const i = k.indexOf(":");
    if (i > 0 && k.slice(i + 1) === local && k.slice(0, i) !== "xmlns") return attrs[k];
  }
  return undefined;
}

export function parseXml(xml: string, h: XmlHandlers): void {
  const close = h.close;
  tokenizeXml(xml, {
    open: (qname, attrs) => h.open(localName(qname), attrs, qname),
    text: h.text,
    close: close ? (qname) => close(localName(qname), qname) : undefined,
  });
}

/** UTF-8 bytes → text (a BOM is dropped, as JSZip does for ExcelJS). */
const decoder = new TextDecoder("utf-8");
export function utf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
