/** Reading returned workbooks: WorkbookGrids (from any adapter) → recognised, validated submissions. */
export type {
  SheetGrid,
  WorkbookGrids,
  TemplateMeta,
  Submission,
  RefusedFile,
  ReadOutcome,
} from "./types";
export { readSubmissions, extractRows } from "./read";
export type { ReadContext } from "./read";
export { recognizeByHeader, mapColumns, firstDataRowAfter, headerKey } from "./recognize";
export type { HeaderMatch } from "./recognize";
