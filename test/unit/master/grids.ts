/** Turns a WorkbookModel into the WorkbookGrids a reader would return (values only), for round trips without files. */
import type { SheetModel, WorkbookModel } from "../../../src/core/sheet/model";
import type { SheetGrid, WorkbookGrids } from "../../../src/core/submission/types";
import type { RawCell } from "../../../src/core/validate/types";

export function sheetToGrid(s: SheetModel): SheetGrid {
  const rows: RawCell[][] = [];
  for (const b of s.blocks) {
    b.cells.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c === null || c === undefined) return;
        const row = (rows[b.top + i - 1] ??= []);
        row[b.left + j - 1] = typeof c === "object" ? (c.result ?? null) : c;
      })
    );
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name: s.name, visibility: s.visibility, rows };
}

export function modelToGrids(m: WorkbookModel, source = "master.xlsx"): WorkbookGrids {
  return { source, sheets: m.sheets.map(sheetToGrid), modifiedAt: null };
}

export function findRow(grid: SheetGrid, col: number, value: string): number {
  return grid.rows.findIndex((r) => r?.[col - 1] === value) + 1;
}
