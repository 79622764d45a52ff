/**
 * readGrids: the used range of every sheet (plus the very hidden `_meta`) as raw cells, in a fixed
 * number of syncs: 1) sheet names and visibility, 2) used-range bounds, 3) values + number formats
 * + value types of all sheets at once (split into more syncs only for sheets beyond the read budget).
 * Number formats turn percent cells into {percentFraction} and date cells into Date; value types
 * tell Excel errors ("#REF!", "#DIV/0!" …) from text, as {error}.
 */
import type { SheetGrid, WorkbookGrids } from "../../core/submission/types";
import type { RawCell } from "../../core/validate/types";
import { toRawCell } from "./cells";
import { type AdapterEnv, syncCounter } from "./env";
import { describeOfficeError } from "./errors";

export const CURRENT_WORKBOOK = "Sổ làm việc hiện tại";
export const META_SHEET_NAME = "_meta";

type Visibility = SheetGrid["visibility"];
const VISIBILITY: Record<string, Visibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

export interface ReadOptions {
  sheets?: string[];
}

export interface ReadReport {
  grids: WorkbookGrids;
  syncs: number;
}

export async function readGridsWithReport(
  env: AdapterEnv,
  opts: ReadOptions = {}
): Promise<ReadReport> {
  const doing = { vi: "Không đọc được sổ tính", en: "Could not read the workbook" };
  try {
    return await env.run(async (ctx) => {
      const counter = syncCounter(ctx);
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await counter.sync();

      const wanted = opts.sheets
        ? new Set([...opts.sheets, META_SHEET_NAME].map((n) => n.toLowerCase()))
        : null;
      const chosen = sheets.items.filter((w) => !wanted || wanted.has(w.name.toLowerCase()));
      const used = chosen.map((w) => {
        const r = w.getUsedRangeOrNullObject(true);
        r.load("rowIndex,columnIndex,rowCount,columnCount");
        return { w, r };
      });
      await counter.sync();

      // Row slices per sheet, packed greedily across sheets under the cell budget per sync.
      type Slice = {
        sheet: number;
        top: number;
        rows: number;
        left: number;
        cols: number;
        range?: Excel.Range;
      };
      const slices: Slice[] = [];
      used.forEach(({ r }, i) => {
        if (r.isNullObject) return;
        const perSlice = Math.max(1, Math.floor(env.readCellBudget / Math.max(1, r.columnCount)));
        for (let off = 0; off < r.rowCount; off += perSlice)
          slices.push({
            sheet: i,
            top: r.rowIndex + off,
            rows: Math.min(perSlice, r.rowCount - off),
            left: r.columnIndex,
            cols: r.columnCount,
          });
      });
      const batches: Slice[][] = [];
      let current: Slice[] = [];
      let cells = 0;
      for (const s of slices) {
        const n = s.rows * s.cols;
        if (current.length > 0 && cells + n > env.readCellBudget) {
          batches.push(current);
          current = [];
          cells = 0;
        }
        current.push(s);
        cells += n;
      }
      if (current.length > 0) batches.push(current);

      const rows: RawCell[][][] = chosen.map(() => []);
      for (const batch of batches) {
        for (const s of batch) {
          s.range = chosen[s.sheet]!.getRangeByIndexes(s.top, s.left, s.rows, s.cols);
          s.range.load("values,numberFormat,valueTypes");
        }
        await counter.sync();
        for (const s of batch) {
          const { values, numberFormat, valueTypes } = s.range!;
          const out = rows[s.sheet]!;
          for (let i = 0; i < s.rows; i++) {
            const line: RawCell[] = new Array(s.left).fill(null);
            for (let j = 0; j < s.cols; j++)
              line.push(toRawCell(values[i]?.[j], numberFormat[i]?.[j], valueTypes[i]?.[j]));
            out[s.top + i] = line;
          }
          s.range!.untrack();
        }
      }

      const grids: SheetGrid[] = chosen.map((w, i) => {
        const r = rows[i]!;
        for (let k = 0; k < r.length; k++) if (!r[k]) r[k] = [];
        return { name: w.name, visibility: VISIBILITY[w.visibility] ?? "visible", rows: r };
      });
      return {
        grids: { source: CURRENT_WORKBOOK, sheets: grids, modifiedAt: null },
        syncs: counter.count,
      };
    });
  } catch (e) {
    throw describeOfficeError(e, doing);
  }
}

export async function readGrids(env: AdapterEnv, opts: ReadOptions = {}): Promise<WorkbookGrids> {
  return (await readGridsWithReport(env, opts)).grids;
}
