/**
 * Rule set "QD366-2025": an EXAMPLE of a later period's rules as data (brief §5). QĐ 366-QĐ/TW
 * (30/08/2025) scores collectives on a 100-point scale: HTXSNV ≥ 90 with conditions, HTTNV 70 to
 * under 90, HTNV 50 to under 70, KHTNV below 50 [V for the bands, M for the rest]. It reads a score
 * column ("diemDanhGia") that a 2025 template would add; the 2019 templates do not have it.
 */
import { NO_EVIDENCE, type RuleSet } from "./types";

const REPORT = "tccs-bao-cao";

export const QD366_2025: RuleSet = {
  id: "QD366-2025",
  name: { vi: "Quy định 366-QĐ/TW (năm 2025, ví dụ)", en: "Regulation 366-QĐ/TW (2025, example)" },
  source: "QĐ 366-QĐ/TW ngày 30/8/2025, Điều 11",
  validFrom: 2025,
  method: {
    kind: "scoreBands",
    score: { templateId: REPORT, key: "diemDanhGia" },
    bands: [
      {
        level: "HTXSNV",
        min: 90,
        conditions: [
          {
            key: "tyLeDungHan",
            op: "gte",
            value: 100,
            label: {
              vi: "100% nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng",
              en: "100% of tasks on time with quality",
            },
          },
          {
            key: "tyLeVuotYeuCau",
            op: "gte",
            value: 30,
            label: {
              vi: "ít nhất 30% nhiệm vụ vượt yêu cầu",
              en: "at least 30% of tasks beyond the requirement",
            },
          },
          {
            key: "coKyLuat",
            op: "false",
            label: {
              vi: "không có đơn vị, thành viên bị kỷ luật",
              en: "no disciplined unit or member",
            },
          },
        ],
      },
      {
        level: "HTTNV",
        min: 70,
        conditions: [
          {
            key: "tyLeDungHan",
            op: "gte",
            value: 100,
            label: { vi: "mọi nhiệm vụ hoàn thành đúng hạn", en: "every task on time" },
          },
        ],
      },
      {
        level: "HTNV",
        min: 50,
        conditions: [
          {
            key: "tyLeTreHan",
            op: "lte",
            value: 20,
            label: { vi: "không quá 20% nhiệm vụ trễ hạn", en: "at most 20% of tasks late" },
          },
        ],
      },
    ],
    fallback: "KHTNV",
  },
  caps: [
    {
      id: "ky-luat",
      name: { vi: "Tổ chức bị kỷ luật", en: "Organisation disciplined" },
      source: "QĐ 366-QĐ/TW [M]",
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
    source: "QĐ 366-QĐ/TW [M]: HTXSNV không vượt quá 20% số HTTNV",
    organisations: { groupBy: "all" },
    members: { groupBy: "tccs", templateId: REPORT, topKey: "dv_Htxs", baseKey: "dv_Httn" },
  },
  leaders: {
    templateId: "lanh-dao",
    civilServant: null,
    aboveUnitWarning: { source: "Đề xuất của sản phẩm [P]" },
    capAtUnit: null,
  },
  crossChecks: { tc11Poverty: null },
  evidence: NO_EVIDENCE,
};
