/**
 * The .xlsx adapter behind two small interfaces. ExcelJS itself is imported lazily so the task
 * pane keeps it out of its first paint: `const { reader, writer } = await loadXlsx()`. The reader
 * and writer modules only hold types of ExcelJS, so importing them statically costs nothing.
 */
import { createXlsxReader, type XlsxReader } from "./reader";
import { createXlsxWriter, type XlsxWriter } from "./writer";

export type { XlsxReader, XlsxReadResult } from "./reader";
export type { XlsxWriter } from "./writer";
export { sniffXlsx, LIMITS } from "./sniff";

export interface XlsxAdapter {
  reader: XlsxReader;
  writer: XlsxWriter;
}

let cached: Promise<XlsxAdapter> | null = null;

export function loadXlsx(): Promise<XlsxAdapter> {
  cached ??= import("exceljs").then((mod) => {
    // CommonJS interop: the namespace's default export (or the module itself) is ExcelJS.
    const ExcelJS = ((mod as { default?: unknown }).default ?? mod) as typeof import("exceljs");
    return { reader: createXlsxReader(ExcelJS), writer: createXlsxWriter(ExcelJS) };
  });
  return cached;
}
