/**
 * A strict XML tokenizer (tokenize.ts: well-formedness errors, no DTD, no entities beyond XML's
 * five) with the element names handed over without their namespace prefix ("x:c" → "c"), so SpreadsheetML
 * written with a prefix (the .NET Open XML SDK) reads like Excel's own. A malformed part, or one
 * that stops before its root element is closed, is an error (the file is reported damaged).
 */
import { scanXml, scanXmlUntil, type Attributes, type ScanHandlers } from "./tokenize";

export type { Attributes } from "./tokenize";

export interface XmlHandlers {
  /** `attrs` is valid during the call only (read what you need: attrs.get("r")). */
  open(name: string, attrs: Attributes, qname: string): void;
  text?(text: string): void;
  close?(name: string, qname: string): void;
  /** See ScanHandlers.fast: a whole element read by the caller, or -1. */
  fast?(lt: number): number;
}

export const localName = (qname: string): string => {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
};

function localHandlers(h: XmlHandlers): ScanHandlers {
  const close = h.close;
  return {
    open: (qname, attrs) => h.open(localName(qname), attrs, qname),
    text: h.text,
    close: close ? (qname) => close(localName(qname), qname) : undefined,
    fast: h.fast,
  };
}

export function parseXml(xml: string, h: XmlHandlers): void {
  scanXml(xml, localHandlers(h));
}

/** parseXml of the part before `stopAt` (see scanXmlUntil): the open elements' qualified names. */
export function parseXmlUntil(xml: string, h: XmlHandlers, stopAt: number): string[] {
  return scanXmlUntil(xml, localHandlers(h), stopAt);
}

/** UTF-8 bytes → text (a BOM is dropped, as JSZip does for ExcelJS). */
const decoder = new TextDecoder("utf-8");
export function utf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
