/**
 * The .xlsx adapter behind two small interfaces. Reading uses the lean reader (lean/: fflate and a
 * strict XML tokenizer of our own); writing uses ExcelJS. Both are imported lazily so the task
 * pane keeps them out of its first paint: `const { reader, writer } = await loadXlsx()`, or `await loadXlsxReader()` where
 * only reading is needed (a small chunk, without ExcelJS). The writer's modules (writer.ts and the
 * cell writer and compression it uses) come with ExcelJS, in the chunks fetched to write.
 */
import type { XlsxReader } from "./read-types";
import type { DeflateRaw } from "./zip-writer";
import type { XlsxWriter } from "./writer";
import { printCopy, type PrintCopy } from "./print-copy";

export type { XlsxReader, XlsxReadResult } from "./read-types";
export type { XlsxWriter, XlsxWriterOptions } from "./writer";
export type { DeflateRaw } from "./zip-writer";
export type { PrintCopy } from "./print-copy";
export { sniffXlsx, LIMITS } from "./sniff";

export interface XlsxAdapter {
  reader: XlsxReader;
  writer: XlsxWriter;
  /** A copy of a workbook with only the named sheets visible (for printing to PDF). */
  printCopy(input: Uint8Array, sheets: readonly string[]): Promise<PrintCopy>;
  /** ExcelJS itself, for adapters that edit a workbook loaded from a file (src/adapters/file). */
  ExcelJS: typeof import("exceljs");
  /** The raw deflater the writer compresses with (fflate here; Node's zlib in node-writer.ts). */
  deflateRaw: DeflateRaw;
  /** The writer's functions for editing a workbook loaded with ExcelJS (src/adapters/file). */
  render: Pick<typeof import("./writer"), "renderSheet" | "applyPrintLayout" | "cellValue">;
}

let cachedReader: Promise<XlsxReader> | null = null;
let cached: Promise<XlsxAdapter> | null = null;

/** The reader alone: fflate and our tokenizer, no ExcelJS. */
export function loadXlsxReader(): Promise<XlsxReader> {
  cachedReader ??= import(/* webpackChunkName: "xlsx-reader" */ "./lean/reader").then((m) =>
    m.createLeanXlsxReader()
  );
  return cachedReader;
}

export function loadXlsx(): Promise<XlsxAdapter> {
  cached ??= Promise.all([
    loadXlsxReader(),
    import("exceljs"),
    import(/* webpackChunkName: "exceljs-writer" */ "./writer"),
    import(/* webpackChunkName: "exceljs-deflate" */ "./fflate-deflate"),
  ]).then(([reader, mod, render, { fflateDeflateRaw }]) => {
    // CommonJS interop: the namespace's default export (or the module itself) is ExcelJS.
    const ExcelJS = ((mod as { default?: unknown }).default ?? mod) as typeof import("exceljs");
    return {
      reader,
      writer: render.createXlsxWriter(ExcelJS, { deflateRaw: fflateDeflateRaw }),
      printCopy: (input, sheets) => printCopy(ExcelJS, input, sheets),
      ExcelJS,
      deflateRaw: fflateDeflateRaw,
      render,
    };
  });
  return cached;
}
