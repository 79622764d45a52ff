/** Pure test helper: what an adapter would hand the core for a WorkbookModel (formulas → cached result). */
import type { WorkbookModel } from "../../../src/core/sheet/model";
import type { WorkbookGrids } from "../../../src/core/submission/types";
import type { RawCell } from "../../../src/core/validate/types";

export function modelToGrids(model: WorkbookModel, source = "test.xlsx"): WorkbookGrids {
  return {
    source,
    modifiedAt: null,
    sheets: model.sheets.map((s) => {
      const rows: RawCell[][] = [];
      for (const b of s.blocks) {
        b.cells.forEach((cells, i) => {
          const r = b.top + i - 1;
          while (rows.length <= r) rows.push([]);
          cells.forEach((c, j) => {
            const col = b.left + j - 1;
            const raw: RawCell = c !== null && typeof c === "object" ? (c.result ?? null) : c;
            while (rows[r]!.length <= col) rows[r]!.push(null);
            rows[r]![col] = raw;
          });
        });
      }
      return { name: s.name, visibility: s.visibility, rows };
    }),
  };
}

/** Sets a raw cell in grids (1-based row/col). */
export function setRaw(grids: WorkbookGrids, sheet: string, row: number, col: number, v: RawCell): void {
  const s = grids.sheets.find((x) => x.name === sheet)!;
  while (s.rows.length < row) s.rows.push([]);
  const r = s.rows[row - 1]!;
  while (r.length < col) r.push(null);
  r[col - 1] = v;
}
