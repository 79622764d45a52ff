/** Template specs: the catalog, the spec model, the derived row schema and the enums. */
export type * from "./spec";
export {
  CATALOG,
  getTemplate,
  requireTemplate,
  checkSpec,
  ruleKeys,
  computedKeys,
} from "./catalog";
export { rowSchema, parseCell, inputColumns, expectedText } from "./schema";
export type { CellResult, RowIssueParams } from "./schema";
export {
  templateSpecSchema,
  columnSpecSchema,
  ruleSpecSchema,
  parseTemplateSpec,
} from "./spec-schema";
export { identityColumns, identityKeys, assembleColumns, NON_INPUT_KEYS } from "./common";
export { ENUMS, getEnum } from "./enums";
export { NTM_CRITERIA, NTM_KEYS } from "./specs/kinh-te-ntm";
