/** The Office.js side of XếpLoại: the WorkbookPort inside Excel. */
export {
  createOfficeWorkbookPort,
  createAdapterEnv,
  officeCapabilities,
  MIN_EXCEL_API,
} from "./port";
export type { OfficePortOptions, OfficeCapabilities } from "./port";
export type { ExcelRunner, ExcelRunnerWith, AdapterEnv } from "./env";
export { OfficeAdapterError } from "./errors";
export { debounce } from "./events";
export { writeModel } from "./write";
export type { WriteReportEx } from "./write";
export { readGridsWithReport, CURRENT_WORKBOOK } from "./read";
export { markIssuesWithReport, ERROR_FILL, WARNING_FILL } from "./marks";
