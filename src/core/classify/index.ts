export * from "./types";
export { classifyAll, effectiveLevel, describeManual, type ClassifyContext } from "./classify";
export { classifyTccs, applyCap, resolveTccsForm, type ClassifyEnv, type RowLookup } from "./tccs";
export { quotaPass, memberQuota, type QuotaRow } from "./quota";
export { classifyLeader, collectiveLevels, headedUnit, leaderKey, tccsOfUnit } from "./leaders";
