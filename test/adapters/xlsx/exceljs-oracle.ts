/**
 * Test oracle: ExcelJS's reading of a workbook, turned into WorkbookGrids the way the former ExcelJS
 * reader did (src/adapters/xlsx/reader.ts until the lean reader became the only one). The
 * differential test compares the lean reader with it on files ExcelJS can load as they are (no
 * byte checks, cuts or repairs: those are the lean reader's own tests).
 */
import type ExcelJSNs from "exceljs";
import type { SheetGrid } from "../../../src/core/submission/types";
import type { RawCell } from "../../../src/core/validate/types";
import { UNCALCULATED_FORMULA } from "../../../src/core/normalize/describe";
import type { XlsxReader } from "../../../src/adapters/xlsx/read-types";

type ExcelJSModule = typeof ExcelJSNs;

/** Beyond this, a sheet is cut (a template has a few hundred rows at most). */
const MAX_ROWS = 50_000;
const MAX_COLS = 500;

/** ExcelJS parses these into per-cell objects that can take minutes (exceljs#1283); we never need them. */
const IGNORE_NODES = ["dataValidations", "conditionalFormatting", "drawing", "extLst"];

function plainText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "richText" in v) {
    return (v as ExcelJSNs.CellRichTextValue).richText.map((r) => r.text).join("");
  }
  return v === null || v === undefined ? "" : String(v);
}

function isPercentFormat(numFmt: string | undefined): boolean {
  // A literal "%" inside quotes is not a percent format.
  return !!numFmt && numFmt.replace(/"[^"]*"/g, "").includes("%");
}

/** One ExcelJS cell value → RawCell. */
export function toRawCell(value: ExcelJSNs.CellValue | undefined, numFmt?: string): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { error: "#NUM!" };
    return isPercentFormat(numFmt) ? { percentFraction: value } : value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value) return { error: String((value as ExcelJSNs.CellErrorValue).error) };
    if ("formula" in value || "sharedFormula" in value) {
      // The cached result stands for what the person saw; computed columns are recomputed anyway.
      // No cached result (a program that does not calculate wrote it): the value is unknown.
      const result = (value as ExcelJSNs.CellFormulaValue).result;
      if (result === undefined) return { error: UNCALCULATED_FORMULA };
      return toRawCell(result as ExcelJSNs.CellValue, numFmt);
    }
    if ("richText" in value) return plainText(value);
    if ("hyperlink" in value) return plainText((value as ExcelJSNs.CellHyperlinkValue).text);
  }
  return String(value);
}

function sheetGrid(ws: ExcelJSNs.Worksheet, ExcelJS: ExcelJSModule): SheetGrid {
  const rows: RawCell[][] = [];
  const mergedInto: Record<string, string> = {};
  let truncated = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > MAX_ROWS) {
      truncated = true;
      return;
    }
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > MAX_COLS) return;
      // Merged slave cells repeat their master's value in ExcelJS; keep the value in the master only.
      if (cell.type === ExcelJS.ValueType.Merge) {
        mergedInto[cell.address] = cell.master.address;
        return;
      }
      const raw = toRawCell(cell.value, cell.numFmt);
      if (raw === null) return;
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = raw;
    });
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  const state = ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
  const grid: SheetGrid = { name: ws.name, visibility: state, rows };
  if (truncated) grid.truncatedAfterRow = MAX_ROWS;
  if (Object.keys(mergedInto).length > 0) grid.mergedInto = mergedInto;
  return grid;
}

/** Reads with ExcelJS alone; a file ExcelJS cannot load is "corrupt" with its complaint. */
export function createExcelJsOracle(ExcelJS: ExcelJSModule): XlsxReader {
  return {
    async read(bytes, fileName) {
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(
          Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
          { ignoreNodes: IGNORE_NODES } as ExcelJSNs.XlsxReadOptions
        );
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        return {
          ok: false,
          refused: { file: fileName, reason: "corrupt", message: { vi: why, en: why } },
        };
      }
      const sheets: SheetGrid[] = [];
      wb.eachSheet((ws) => sheets.push(sheetGrid(ws, ExcelJS)));
      const modified =
        wb.modified instanceof Date && !Number.isNaN(wb.modified.getTime())
          ? wb.modified.toISOString()
          : null;
      return { ok: true, grids: { source: fileName, sheets, modifiedAt: modified } };
    },
  };
}
