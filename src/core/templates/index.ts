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
export { NTM_CRITERIA, NTM_KEYS } from "./ntm-criteria";
export {
  parseTemplateSet,
  catalogFor,
  catalogForPeriod,
  servesPeriod,
  rangeText,
  templateSetInfoSchema,
  TEMPLATE_SET_FILE,
} from "./template-set";
export type { TemplateSet, TemplateSetInfo, TemplateSetLoad } from "./template-set";
export {
  TEMPLATE_SETS,
  TEMPLATE_SET_FOLDERS,
  getTemplateSet,
  templateSetForPeriod,
  shippedCatalogFor,
  HD21_2019_TEMPLATES,
  QD366_2025_TEMPLATES,
  templatesForSettings,
} from "./shipped-sets";
