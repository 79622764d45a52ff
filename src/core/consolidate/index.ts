export * from "./types";
export { consolidate, type ConsolidateContext } from "./consolidate";
export { RowIndex, rowsOf } from "./query";
export { deadlineEnd, isLate, submittedAt, formatTimeVi } from "./time";
export { expectedUnits, sortedUnits, unitName, compareUnitCodes } from "./units";
