export {
  applyPrintLayout,
  printLines,
  shiftRows,
  dateLine,
  headerSplit,
  DEFAULT_MARGINS,
  type Margins,
  type PrintOptions,
  type PrintSpec,
  type PrintGeometry,
  type PrintLine,
} from "./layout";
export { printHeadingPatch, type HeadingPatch, type PrintedSheet } from "./patch";
