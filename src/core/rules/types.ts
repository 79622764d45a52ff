/**
 * Classification rule sets as DATA: a JSON-able object validated by zod. A later period ships a new
 * rule set (another file), not new code (brief §5). The engine in ../classify interprets it.
 */
import { z } from "zod";
import { LOAI_HINH } from "../units/types";

const localized = z.object({ vi: z.string().min(1), en: z.string().min(1) });

/** Level codes of the four-level scale (enum "level4"); the engine compares them by rank. */
export const levelCode = z.enum(["HTXSNV", "HTTNV", "HTNV", "KHTNV"]);
export type LevelCode = z.infer<typeof levelCode>;

/** Where a rule reads its data: a template, joined to the TCCS by its own code or its locality. */
const dataRef = z.object({
  templateId: z.string().min(1),
  joinBy: z.enum(["unitCode", "localityCode"]),
});
export type DataRef = z.infer<typeof dataRef>;

/**
 * The tests a cap can run on the joined row. Each produces a reason text with the numbers used.
 * - ratioBelow / ratioAbove: Σnumerator / denominator compared with `threshold` (a fraction: 0.8);
 *   skipped (not triggered) when the denominator is 0.
 * - anyPositive: one of the keys is > 0.
 * - anyFalse: one of the boolean keys is false or empty (an unticked checkbox).
 * - anyTrue: one of the boolean keys is true.
 * - anyLevelBelow: one of the filled level columns ranks below `level`.
 */
export const capTest = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("ratioBelow"),
    numerator: z.array(z.string()).min(1),
    denominator: z.string(),
    threshold: z.number().min(0).max(1),
  }),
  z.object({
    kind: z.literal("ratioAbove"),
    numerator: z.array(z.string()).min(1),
    denominator: z.string(),
    threshold: z.number().min(0).max(1),
  }),
  z.object({ kind: z.literal("anyPositive"), keys: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal("anyFalse"), keys: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal("anyTrue"), keys: z.array(z.string()).min(1) }),
  z.object({
    kind: z.literal("anyLevelBelow"),
    keys: z.array(z.string()).min(1),
    level: levelCode,
  }),
]);
export type CapTest = z.infer<typeof capTest>;

export const capRule = z.object({
  id: z.string().min(1),
  name: localized,
  /** Legal source, e.g. "HD 21-HD/BTCTW, II.B.1.3". */
  source: z.string().min(1),
  /** V = a cited source confirms it; M = widely held, unconfirmed; P = product proposal. */
  confidence: z.enum(["V", "M", "P"]),
  /** Restricts the cap to some TCCS (by loại hình and/or by form: Đảng bộ cơ sở / Chi bộ cơ sở). */
  appliesTo: z
    .object({
      loaiHinh: z.array(z.enum(LOAI_HINH)).optional(),
      tccsForm: z.array(z.enum(["dangBo", "chiBo"])).optional(),
    })
    .optional(),
  data: dataRef,
  /** The cap triggers when ANY test triggers. */
  triggers: z.array(capTest).min(1),
  /** Highest level the system may suggest when the cap triggers. */
  maxLevel: levelCode,
  /**
   * When the data is missing: "cap" applies maxLevel anyway (a condition for a higher level cannot
   * be proven), "note" only records that the data is missing. Never silently assumed.
   */
  whenMissing: z.enum(["cap", "note"]),
  /** Sentence prefixed to the numbers, e.g. "Đảng bộ có tổ chức đảng trực thuộc chưa đạt yêu cầu". */
  reason: localized,
});
export type CapRule = z.infer<typeof capRule>;

const condition = z.object({
  key: z.string(),
  op: z.enum(["eq", "ne", "gte", "lte", "gt", "lt", "true", "false", "filled"]),
  value: z.union([z.number(), z.string(), z.boolean()]).optional(),
  label: localized,
});
export type BandCondition = z.infer<typeof condition>;

/**
 * Score bands (QĐ 366): a level for each band, highest first; a band's conditions must all hold,
 * otherwise the next band is tried; below every band (or failing every band's conditions) the
 * fallback. Every threshold is data [M]: the Ban Tổ chức edits it.
 */
export const scoreBand = z.object({
  level: levelCode,
  min: z.number(),
  conditions: z.array(condition).default([]),
  /** Article the band comes from, cited in its reason (default: the rule set's source). */
  source: z.string().optional(),
});
export type ScoreBand = z.infer<typeof scoreBand>;

/** How the starting level is found before caps apply. */
export const method = z.discriminatedUnion("kind", [
  /** HD 21 (2019): start from the organisation's self-rating, capped by the rules. */
  z.object({
    kind: z.literal("selfRatingCapped"),
    start: z.object({ templateId: z.string(), key: z.string() }),
  }),
  /**
   * QĐ 366 (2025): a score on a 100-point scale gives the level by bands (highest first); a band's
   * conditions must all hold, otherwise the next band is tried.
   */
  z.object({
    kind: z.literal("scoreBands"),
    score: z.object({ templateId: z.string(), key: z.string() }),
    bands: z.array(scoreBand).min(1),
    fallback: levelCode,
    /** Article of the fallback level (below every band), cited in its reason. */
    fallbackSource: z.string().optional(),
  }),
]);
export type Method = z.infer<typeof method>;

export const quotaSettings = z.object({
  /** allowed = rounding(ratio × base), floor by default. */
  ratio: z.number().min(0).max(1),
  rounding: z.enum(["floor", "round", "ceil"]).default("floor"),
  /** Literal reading: the base counts HTTNV only; the other reading counts HTTNV and HTXSNV. */
  quotaBase: z.enum(["HTTNV_only", "HTTNV_or_higher"]),
  source: z.string(),
  /**
   * Organisations: by default one group, every TCCS the Party Committee classifies ("cấp có thẩm
   * quyền" decides over all of them); one group per loại hình as an option. `source` cites the
   * organisations' quota (not the members' rule of HD 21, 2.3).
   */
  organisations: z.object({
    groupBy: z.enum(["loaiHinh", "all"]),
    source: z.string().optional(),
  }),
  /** Members: one group per TCCS, counts from the TCCS report. */
  members: z.object({
    groupBy: z.literal("tccs"),
    templateId: z.string(),
    topKey: z.string(),
    baseKey: z.string(),
  }),
});
export type QuotaSettings = z.infer<typeof quotaSettings>;

export const leaderRules = z.object({
  templateId: z.string(),
  /** A civil servant cannot be rated above `maxUnless` unless their civil-servant level is the top one. */
  civilServant: z
    .object({
      key: z.string(),
      requiredLevel: z.string(),
      maxUnless: levelCode,
      source: z.string(),
    })
    .nullable(),
  /** Warn when a leader is rated above the TCCS of the unit they head. */
  aboveUnitWarning: z.object({ source: z.string() }).nullable(),
  /**
   * "Gắn đánh giá cá nhân với tập thể": a leader's (or leadership collective's) suggestion is capped
   * at the level of the unit they head (decided, else proposed, else suggested): for a TCCS (or its
   * locality) the TCCS's level; for any other unit (a body of the town the plan III.1.2 reviews, an
   * agency) the level of that unit's leadership-collective row in 3.15 ("Là tập thể"; the lowest
   * when there are several). When that level is unknown (no 3.14 report, no collective row) the
   * leader is "chưa đủ căn cứ": at most `missingMaxLevel` ("cap") or only said ("note").
   */
  capAtUnit: z
    .object({
      source: z.string(),
      whenMissing: z.enum(["cap", "note"]).default("cap"),
      missingMaxLevel: levelCode.default("HTTNV"),
    })
    .nullable()
    .default(null),
  /**
   * QĐ 366: leadership collectives and individual leaders are scored too. The level comes from the
   * score column `key` of the leaders' template and the bands (conditions read the same row);
   * null = the leader's own level (decided, proposed, self-rated) is the start, as in 2019.
   */
  scoreBands: z
    .object({
      key: z.string(),
      bands: z.array(scoreBand).min(1),
      fallback: levelCode,
      fallbackSource: z.string().optional(),
    })
    .nullable()
    .default(null),
});
export type LeaderRules = z.infer<typeof leaderRules>;

export const crossChecks = z.object({
  /** NTM criterion 11 (hộ nghèo) marked "Đạt" while the poverty rate is above the threshold. */
  tc11Poverty: z
    .object({
      ntmTemplateId: z.string(),
      criterionKey: z.string(),
      povertyTemplateId: z.string(),
      poorKey: z.string(),
      totalKey: z.string(),
      /** Percent points: 5 means 5 %. */
      maxRatePercent: z.number().min(0).max(100),
      source: z.string(),
    })
    .nullable(),
});
export type CrossChecks = z.infer<typeof crossChecks>;

/** The three quality criteria a TCCS ticks in its report (3.14): the keys of its checkboxes. */
export const criterionKey = z.enum(["tcXdDangXuatSac", "tcKtxhXuatSac", "tcConLaiTot"]);
export type CriterionKey = z.infer<typeof criterionKey>;

/**
 * The test of an evidence rule: it FAILS when `value(key) op threshold` holds.
 * - lt/lte/gt/gte: numbers; `threshold` a number, or `{ key }` for another column of the same row
 *   (3.7: poor households at the end of the year ≥ at the start → poverty did not fall);
 * - eq/ne: a code of the column's enum ("KHONG_DAT") or a number;
 * - below: the column's enum value ranks below the code `threshold` ("TOT").
 * `threshold: null` = the parameter is not set (e.g. the year's NTM target): the value is shown,
 * not tested. `onlyIf` skips the test when another column does not hold (no schools at that level).
 */
export const evidenceTest = z.object({
  key: z.string().min(1),
  op: z.enum(["lt", "lte", "gt", "gte", "eq", "ne", "below"]),
  threshold: z
    .union([z.number(), z.string(), z.boolean(), z.object({ key: z.string().min(1) })])
    .nullable(),
  onlyIf: z
    .object({ key: z.string().min(1), op: z.enum(["gt", "gte", "lt", "lte"]), value: z.number() })
    .optional(),
});
export type EvidenceTest = z.infer<typeof evidenceTest>;

/**
 * An evidence rule (DHIS2-style validation rule as data): a department's figure for the TCCS's
 * locality (or for the TCCS itself) that must hold for the TCCS to claim a criterion "xuất sắc".
 */
export const evidenceRule = z.object({
  id: z.string().min(1),
  /** The criterion of the TCCS report this evidence supports. */
  criterion: criterionKey,
  appliesTo: z
    .object({
      loaiHinh: z.array(z.enum(LOAI_HINH)).optional(),
    })
    .optional(),
  data: dataRef,
  test: evidenceTest,
  /** When the test fails for a TCCS that ticked the criterion: cap the suggestion, or only warn. */
  consequence: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("cap"), maxLevel: levelCode }),
    z.object({ kind: z.literal("warn") }),
  ]),
  /** Legal source; a threshold the Ban Tổ chức decides says "tham số do Ban Tổ chức quyết định". */
  source: z.string().min(1),
  confidence: z.enum(["V", "M", "P"]),
  /** What the value is, "{value}" standing for it: "thu ngân sách đạt {value} dự toán". */
  message: localized,
});
export type EvidenceRule = z.infer<typeof evidenceRule>;

export const evidenceSettings = z.object({
  /**
   * A department's row is missing (file not sent, refused, row left out) for a TCCS that ticked the
   * criterion: "cap" = "chưa đủ căn cứ", at most `missingMaxLevel` for now; "note" = said, no cap.
   */
  whenMissing: z.enum(["cap", "note"]),
  missingMaxLevel: levelCode,
  rules: z.array(evidenceRule),
  /**
   * Members disciplined in the year (UBKT) cannot exceed members rated KHTNV (3.14): a member
   * disciplined in the year is KHTNV (HD 21). Disagreement is an error-level finding and the caps
   * read the larger count.
   */
  memberCheck: z
    .object({
      disciplined: z.object({ templateId: z.string(), key: z.string() }),
      khtnvKey: z.string(),
      source: z.string(),
    })
    .nullable(),
});
export type EvidenceSettings = z.infer<typeof evidenceSettings>;

export const NO_EVIDENCE: EvidenceSettings = {
  whenMissing: "note",
  missingMaxLevel: "HTTNV",
  rules: [],
  memberCheck: null,
};

export const ruleSetSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]+$/),
  name: localized,
  source: z.string().min(1),
  /** First period the rule set is meant for. */
  validFrom: z.number().int(),
  /** Last period the rule set is meant for (absent = until replaced). */
  validTo: z.number().int().optional(),
  method,
  caps: z.array(capRule),
  quota: quotaSettings,
  leaders: leaderRules,
  crossChecks,
  /** Evidence rules: the departments' figures checked against the TCCS's own claims. */
  evidence: evidenceSettings.default(NO_EVIDENCE),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;
