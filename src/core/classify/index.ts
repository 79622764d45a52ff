export * from "./types";
export { classifyAll, effectiveLevel, type ClassifyContext } from "./classify";
export { classifyTccs, applyCap, resolveTccsForm, type ClassifyEnv, type RowLookup } from "./tccs";
export { quotaPass, memberQuota, type QuotaRow } from "./quota";
export { classifyLeader, tccsOfUnit } from "./leaders";
