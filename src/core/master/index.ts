export { buildMasterWorkbook, type MasterInput } from "./build";
export {
  readManualColumns,
  readMasterSettings,
  masterSettingsPatch,
  writeMasterMeta,
  MANUAL_KEYS,
  type ManualRead,
  type MasterMeta,
} from "./manual";
export { SHEETS as MASTER_SHEETS } from "./labels";
export type { LogEntry, ManualEntry } from "./types";
export { runPipeline, type PipelineInput, type PipelineResult } from "./pipeline";
