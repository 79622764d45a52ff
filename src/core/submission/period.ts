/** The period a returned workbook was made for, from its `_meta` sheet (null when unknown). */
import { META_SHEET, parseMeta } from "../template-sheet/meta";
import type { WorkbookGrids } from "./types";

export function periodOfWorkbook(grids: WorkbookGrids): number | null {
  const meta = grids.sheets.find((s) => s.name === META_SHEET);
  if (!meta) return null;
  const parsed = parseMeta(meta);
  return parsed.ok && Number.isInteger(parsed.meta.period) ? parsed.meta.period : null;
}
