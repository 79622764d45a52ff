/** Validation of filled templates: row schema, computed columns, rules, unit set checks. */
export type {
  RawCell,
  RawRow,
  ValidRow,
  ValidationIssue,
  SheetLayout,
  ValidationResult,
  Value,
} from "./types";
export { validate, summarize, ROWSET_KINDS } from "./validate";
export type { ValidateContext, IssueSummary } from "./validate";
export { computeRow, computeValue, aggregateRows, round } from "./compute";
export { defaultLayout, cellAddress } from "./layout";
export { evalCondition, evalAll } from "./conditions";
