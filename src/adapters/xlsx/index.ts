/**
 * The .xlsx adapter behind two small interfaces. ExcelJS is imported lazily so the task pane can
 * keep it out of its first paint: `const xlsx = await loadXlsx()`.
 */
import type { XlsxReader } from "./reader";
import type { XlsxWriter } from "./writer";

export type { XlsxReader, XlsxReadResult } from "./reader";
export type { XlsxWriter } from "./writer";

export interface XlsxAdapter {
  reader: XlsxReader;
  writer: XlsxWriter;
}

let cached: Promise<XlsxAdapter> | null = null;

export function loadXlsx(): Promise<XlsxAdapter> {
  cached ??= (async () => {
    const [mod, { createXlsxReader }, { createXlsxWriter }] = await Promise.all([
      import("exceljs"),
      import("./reader"),
      import("./writer"),
    ]);
    // CommonJS interop: the module itself or its default export is the ExcelJS namespace.
    const ExcelJS = ((mod as { default?: unknown }).default ?? mod) as typeof import("exceljs");
    return { reader: createXlsxReader(ExcelJS), writer: createXlsxWriter(ExcelJS) };
  })();
  return cached;
}
