/** Input normalisation shared by every reader (ExcelJS, Office.js, CLI) and the validator. */
export type { Parsed } from "./types";
export { normalizeText, canonicalVietnamese, stripDiacritics } from "./text";
export { parseNumber, parsePercent, readNumberText } from "./number";
export type { ParseNumberOptions } from "./number";
export { parseBoolean, parseText, parseEnum } from "./values";
export { describeRaw, excelErrorMessage, UNCALCULATED_FORMULA } from "./describe";
