/** The template sheet as data (WorkbookModel), rendered by the ExcelJS and Office.js adapters. */
export {
  buildTemplateWorkbook,
  unitsForRowSet,
  columnWidthFor,
  LISTS_SHEET,
  DEFAULT_PEOPLE_ROWS,
  SUBTOTAL_LABELS,
} from "./build";
export type { BuildOptions } from "./build";
export { writeMeta, parseMeta, META_SHEET, META_COLUMN_PREFIX } from "./meta";
export type { MetaParse } from "./meta";
export { computedFormula } from "./formulas";
