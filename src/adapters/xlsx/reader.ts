/**
 * Reads an .xlsx file into WorkbookGrids (raw cells as a person meant them). The bytes are checked
 * first (sniff.ts); data validations and other heavy nodes are never parsed.
 */
import type ExcelJSNs from "exceljs";
import type { RefusedFile, SheetGrid, WorkbookGrids } from "../../core/submission/types";
import type { RawCell } from "../../core/validate/types";
import { UNCALCULATED_FORMULA } from "../../core/normalize/describe";
import { boundForParser } from "./bound";
import { repairForParser } from "./repair";
import { sniffXlsx, verifyInflatedSizes } from "./sniff";

type ExcelJSModule = typeof ExcelJSNs;

export type XlsxReadResult =
  { ok: true; grids: WorkbookGrids } | { ok: false; refused: RefusedFile };

export interface XlsxReader {
  read(bytes: Uint8Array, fileName: string): Promise<XlsxReadResult>;
}

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

export function createXlsxReader(ExcelJS: ExcelJSModule): XlsxReader {
  return {
    async read(bytes, fileName) {
      const sniff = sniffXlsx(bytes, fileName);
      if (!sniff.ok)
        return {
          ok: false,
          refused: { file: fileName, reason: sniff.reason, message: sniff.message },
        };
      const lie = await verifyInflatedSizes(bytes, sniff.members, fileName);
      if (lie)
        return { ok: false, refused: { file: fileName, reason: lie.reason, message: lie.message } };
      const bounded = await boundForParser(bytes, sniff.members, fileName);
      if (bounded.kind === "refused")
        return {
          ok: false,
          refused: { file: fileName, reason: "too-large", message: bounded.message },
        };
      const input = bounded.kind === "cut" ? bounded.bytes : bytes;
      const load = async (b: Uint8Array) => {
        const wb = new ExcelJS.Workbook();
        // ExcelJS accepts a Buffer in Node and an ArrayBuffer in the browser.
        const data: unknown =
          typeof Buffer !== "undefined"
            ? Buffer.from(b.buffer, b.byteOffset, b.byteLength)
            : b.slice().buffer;
        await wb.xlsx.load(
          data as ArrayBuffer,
          { ignoreNodes: IGNORE_NODES } as ExcelJSNs.XlsxReadOptions
        );
        return wb;
      };
      let wb: ExcelJSNs.Workbook;
      try {
        try {
          wb = await load(input);
        } catch (first) {
          // Valid OOXML from other writers (namespace prefixes, no cell references): rewrite the
          // parts ExcelJS cannot take and try once more; otherwise report the first error.
          const repaired =
            bounded.kind === "as-is"
              ? await repairForParser(bytes, sniff.members).catch(() => null)
              : null;
          if (!repaired) throw first;
          wb = await load(repaired).catch(() => {
            throw first;
          });
        }
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        return {
          ok: false,
          refused: {
            file: fileName,
            reason: "corrupt",
            message: {
              vi: `Không đọc được tệp ${fileName}: tệp .xlsx bị hỏng (${why}). Hãy mở tệp trong Excel, lưu lại rồi gửi lại.`,
              en: `Could not read ${fileName}: the .xlsx file is damaged (${why}). Open it in Excel, save it again and resend.`,
            },
          },
        };
      }
      const sheets: SheetGrid[] = [];
      wb.eachSheet((ws) => {
        const grid = sheetGrid(ws, ExcelJS);
        const cutAfter = bounded.kind === "cut" ? bounded.lastRowBySheet.get(ws.name) : undefined;
        if (cutAfter !== undefined)
          grid.truncatedAfterRow = Math.min(grid.truncatedAfterRow ?? cutAfter, cutAfter);
        sheets.push(grid);
      });
      const modified =
        wb.modified instanceof Date && !Number.isNaN(wb.modified.getTime())
          ? wb.modified.toISOString()
          : null;
      return { ok: true, grids: { source: fileName, sheets, modifiedAt: modified } };
    },
  };
}
