/**
 * Rule set "QD366-2025": QĐ 366-QĐ/TW (30/08/2025) scores collectives and individuals on a
 * 100-point scale (brief §5): HTXSNV ≥ 90 with conditions (every task on time with quality, at
 * least 30% beyond the requirement, no disciplined subordinate unit or member); HTTNV 70 to under
 * 90 with every task on time; HTNV 50 to under 70 with every task done and at most 20% late; below
 * or failing: KHTNV [M]. Every threshold is a parameter here (data), for TCCS (template 3.14 of the
 * QĐ 366 set) and for leadership collectives and individual leaders (3.15), whose rows carry the
 * same score and condition columns. Evidence rules of 2019 kept where they read rows about the
 * TCCS itself (UBKT, Tuyên giáo, Văn phòng: 3.11–3.13), as the two-tier commune has them.
 */
import { HD21_EVIDENCE } from "./hd21-evidence";
import type { BandCondition, RuleSet, ScoreBand } from "./types";

const REPORT = "tccs-bao-cao";
const ART = "QĐ 366-QĐ/TW ngày 30/8/2025, Điều 11";

const cond = (
  key: string,
  op: BandCondition["op"],
  value: number,
  vi: string,
  en: string
): BandCondition => ({ key, op, value, label: { vi, en } });

/** The bands of Article 11, read from the score and condition columns of a 3.14 or 3.15 row. */
export const QD366_BANDS: ScoreBand[] = [
  {
    level: "HTXSNV",
    min: 90,
    source: `${ART} (mức Hoàn thành xuất sắc nhiệm vụ)`,
    conditions: [
      cond(
        "tyLeDungHan",
        "gte",
        100,
        "100% nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng",
        "100% of tasks on time with quality"
      ),
      cond(
        "tyLeVuotYeuCau",
        "gte",
        30,
        "ít nhất 30% nhiệm vụ hoàn thành vượt yêu cầu",
        "at least 30% of tasks beyond the requirement"
      ),
      cond(
        "soDonViKyLuat",
        "lte",
        0,
        "không có đơn vị trực thuộc bị kỷ luật",
        "no disciplined subordinate unit"
      ),
      cond(
        "soCaNhanKyLuat",
        "lte",
        0,
        "không có đảng viên, thành viên bị kỷ luật",
        "no disciplined member"
      ),
    ],
  },
  {
    level: "HTTNV",
    min: 70,
    source: `${ART} (mức Hoàn thành tốt nhiệm vụ)`,
    conditions: [
      cond(
        "tyLeDungHan",
        "gte",
        100,
        "tất cả nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng",
        "every task on time with quality"
      ),
    ],
  },
  {
    level: "HTNV",
    min: 50,
    source: `${ART} (mức Hoàn thành nhiệm vụ)`,
    conditions: [
      cond("tyLeHoanThanh", "gte", 100, "hoàn thành tất cả nhiệm vụ", "every task completed"),
      cond("tyLeTreHan", "lte", 20, "không quá 20% nhiệm vụ trễ hạn", "at most 20% of tasks late"),
    ],
  },
];

const FALLBACK_SOURCE = `${ART} (dưới 50 điểm hoặc không đạt điều kiện các mức trên: Không hoàn thành nhiệm vụ)`;

export const QD366_2025: RuleSet = {
  id: "QD366-2025",
  name: {
    vi: "Quy định 366-QĐ/TW (từ năm 2025)",
    en: "Regulation 366-QĐ/TW (from 2025)",
  },
  source: "QĐ 366-QĐ/TW ngày 30/8/2025",
  validFrom: 2025,
  method: {
    kind: "scoreBands",
    score: { templateId: REPORT, key: "diemDanhGia" },
    bands: QD366_BANDS,
    fallback: "KHTNV",
    fallbackSource: FALLBACK_SOURCE,
  },
  caps: [
    {
      id: "ky-luat",
      name: { vi: "Tổ chức bị kỷ luật", en: "Organisation disciplined" },
      source: "QĐ 366-QĐ/TW; tham số do Ban Tổ chức quyết định",
      confidence: "M",
      data: { templateId: "ubkt", joinBy: "unitCode" },
      triggers: [{ kind: "anyTrue", keys: ["tccsBiKyLuat"] }],
      maxLevel: "KHTNV",
      whenMissing: "note",
      reason: {
        vi: "Tổ chức bị thi hành kỷ luật trong năm",
        en: "The organisation was disciplined this year",
      },
    },
  ],
  quota: {
    ratio: 0.2,
    rounding: "floor",
    quotaBase: "HTTNV_only",
    source: "QĐ 366-QĐ/TW: HTXSNV không vượt quá 20% số HTTNV; tham số do Ban Tổ chức quyết định",
    organisations: { groupBy: "all" },
    members: { groupBy: "tccs", templateId: REPORT, topKey: "dv_Htxs", baseKey: "dv_Httn" },
  },
  leaders: {
    templateId: "lanh-dao",
    civilServant: null,
    aboveUnitWarning: {
      source:
        "gắn đánh giá cá nhân với tập thể, đơn vị mình lãnh đạo; tham số do Ban Tổ chức quyết định",
    },
    capAtUnit: null,
    scoreBands: {
      key: "diemDanhGia",
      bands: QD366_BANDS,
      fallback: "KHTNV",
      fallbackSource: FALLBACK_SOURCE,
    },
  },
  crossChecks: { tc11Poverty: null },
  evidence: {
    // The two-tier commune keeps the checks on rows about the TCCS itself (3.11–3.13).
    whenMissing: "note",
    missingMaxLevel: "HTTNV",
    memberCheck: HD21_EVIDENCE.memberCheck,
    rules: HD21_EVIDENCE.rules.filter((r) => r.data.joinBy === "unitCode"),
  },
};
