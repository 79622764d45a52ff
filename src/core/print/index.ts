export {
  applyPrintLayout,
  shiftRows,
  dateLine,
  headerSplit,
  DEFAULT_MARGINS,
  type Margins,
  type PrintOptions,
  type PrintSpec,
} from "./layout";
