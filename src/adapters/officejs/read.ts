/**
 * readGrids: the used range of every sheet (plus the very hidden `_meta`) as raw cells, in a fixed
 * number of syncs: 1) sheet names and visibility, 2) used-range bounds, 3) values + number formats
 * + value types of all sheets at once (more syncs only beyond the read budget: bytes, measured).
 * Number formats turn percent cells into {percentFraction} and date cells into Date; value types
 * tell Excel errors ("#REF!", "#DIV/0!" …) from text, as {error}.
 */
import type { SheetGrid, WorkbookGrids } from "../../core/submission/types";
import type { RawCell } from "../../core/validate/types";
import { jsonBytes, toRawCell } from "./cells";
import { type AdapterEnv, syncCounter } from "./env";
import { describeOfficeError, officeErrorCode } from "./errors";

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
  /** Slices read again in smaller pieces after Excel refused them as too large. */
  retries: number;
}

/** Response bytes per cell assumed before any is measured (values + number format + value type). */
export const BYTES_PER_CELL_GUESS = 40;
const BYTES_PER_CELL_MIN = 16;
/** Codes Excel answers when a request or its response is over the limit. */
const TOO_LARGE = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

export async function readGridsWithReport(
  env: AdapterEnv,
  opts: ReadOptions = {}
): Promise<ReadReport> {
  const doing = { vi: "Không đọc được sổ tính", en: "Could not read the workbook" };
  try {
    return await env.run(async (ctx) => {
      const counter = syncCounter(ctx);
      let retries = 0;
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

      // Row slices packed across sheets into syncs under a byte budget: Excel on the web refuses a
      // response over 5 MB, and Vietnamese text is 2–3 bytes a character, so counting cells is no
      // bound. Sizes are estimated at BYTES_PER_CELL_GUESS until measured on what was read; a batch
      // Excel still refuses as too large is read again with half the budget.
      const rows: RawCell[][][] = chosen.map(() => []);
      const pending = used.flatMap(({ r }, sheet) =>
        r.isNullObject
          ? []
          : [
              {
                sheet,
                next: r.rowIndex,
                end: r.rowIndex + r.rowCount,
                left: r.columnIndex,
                cols: r.columnCount,
              },
            ]
      );
      let measuredBytes = 0;
      let measuredCells = 0;
      let scale = 1;
      while (pending.length > 0) {
        const perCell =
          measuredCells > 0
            ? Math.max(BYTES_PER_CELL_MIN, measuredBytes / measuredCells)
            : BYTES_PER_CELL_GUESS;
        const byteRoom = env.readByteBudget * scale;
        const cellRoom = env.readCellBudget * scale;
        type Slice = { p: (typeof pending)[number]; count: number; range?: Excel.Range };
        const batch: Slice[] = [];
        let bytes = 0;
        let cells = 0;
        for (const p of pending) {
          const fit = Math.floor(
            Math.min((byteRoom - bytes) / (perCell * p.cols), (cellRoom - cells) / p.cols)
          );
          if (fit < 1 && batch.length > 0) break;
          const count = Math.min(Math.max(1, fit), p.end - p.next);
          batch.push({ p, count });
          bytes += count * p.cols * perCell;
          cells += count * p.cols;
          if (count < p.end - p.next) break; // the batch is full
        }
        for (const s of batch) {
          s.range = chosen[s.p.sheet]!.getRangeByIndexes(s.p.next, s.p.left, s.count, s.p.cols);
          s.range.load("values,numberFormat,valueTypes");
        }
        try {
          await counter.sync();
        } catch (e) {
          const single = batch.length === 1 && batch[0]!.count === 1;
          if (!TOO_LARGE.has(officeErrorCode(e)) || single) throw e;
          scale /= 2;
          retries++;
          continue;
        }
        for (const s of batch) {
          const { values, numberFormat, valueTypes } = s.range!;
          measuredBytes += jsonBytes(values) + jsonBytes(numberFormat) + jsonBytes(valueTypes);
          measuredCells += s.count * s.p.cols;
          const out = rows[s.p.sheet]!;
          for (let i = 0; i < s.count; i++) {
            const line: RawCell[] = new Array(s.p.left).fill(null);
            for (let j = 0; j < s.p.cols; j++)
              line.push(toRawCell(values[i]?.[j], numberFormat[i]?.[j], valueTypes[i]?.[j]));
            out[s.p.next + i] = line;
          }
          s.range!.untrack();
          s.p.next += s.count;
        }
        for (let k = pending.length - 1; k >= 0; k--)
          if (pending[k]!.next >= pending[k]!.end) pending.splice(k, 1);
      }

      const grids: SheetGrid[] = chosen.map((w, i) => {
        const r = rows[i]!;
        for (let k = 0; k < r.length; k++) if (!r[k]) r[k] = [];
        return { name: w.name, visibility: VISIBILITY[w.visibility] ?? "visible", rows: r };
      });
      return {
        grids: { source: CURRENT_WORKBOOK, sheets: grids, modifiedAt: null },
        syncs: counter.count,
        retries,
      };
    });
  } catch (e) {
    throw describeOfficeError(e, doing);
  }
}

export async function readGrids(env: AdapterEnv, opts: ReadOptions = {}): Promise<WorkbookGrids> {
  return (await readGridsWithReport(env, opts)).grids;
}
