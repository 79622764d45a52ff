/**
 * Rule set "HD21-2019": QĐ 132-QĐ/TW (2018) as guided by HD 21-HD/BTCTW (18/10/2019); the default
 * for period 2019. Caps 1–4 are confirmed [V S1]; caps 5–6 are widely held [M] with their
 * thresholds as parameters (brief §1, §4). Plain data: copy, edit and load it with parseRuleSet().
 */
import { HD21_EVIDENCE } from "./hd21-evidence";
import type { RuleSet } from "./types";

const TCCS_REPORT = "tccs-bao-cao";

export const HD21_2019: RuleSet = {
  id: "HD21-2019",
  name: {
    vi: "Quy định 132-QĐ/TW và Hướng dẫn 21-HD/BTCTW (năm 2019)",
    en: "Regulation 132-QĐ/TW and Guidance 21-HD/BTCTW (2019)",
  },
  source: "QĐ 132-QĐ/TW ngày 08/3/2018; HD 21-HD/BTCTW ngày 18/10/2019",
  validFrom: 2019,
  // QĐ 132 and HD 21 until QĐ 366 (2025) brought the score-based rules.
  validTo: 2024,
  method: { kind: "selfRatingCapped", start: { templateId: TCCS_REPORT, key: "tuXepLoai" } },
  caps: [
    {
      id: "cap1-dang-bo-truc-thuoc",
      name: {
        vi: "Đảng bộ: tổ chức đảng trực thuộc",
        en: "Party committee: subordinate organisations",
      },
      source: "HD 21-HD/BTCTW, II.B.1.3, điều kiện 2",
      confidence: "V",
      appliesTo: { tccsForm: ["dangBo"] },
      data: { templateId: TCCS_REPORT, joinBy: "unitCode" },
      triggers: [
        { kind: "anyPositive", keys: ["tc_Khtnv"] },
        {
          kind: "ratioBelow",
          numerator: ["tc_Htxs", "tc_Httn"],
          denominator: "soTcTrucThuoc",
          threshold: 0.8,
        },
      ],
      maxLevel: "HTTNV",
      whenMissing: "cap",
      reason: {
        vi: "Đảng bộ chưa đạt điều kiện về tổ chức đảng trực thuộc (100% từ HTNV trở lên và ít nhất 80% từ HTTNV trở lên)",
        en: "Subordinate organisations do not meet the condition (100% at HTNV or better and at least 80% at HTTNV or better)",
      },
    },
    {
      id: "cap2-chi-bo-dang-vien",
      name: { vi: "Chi bộ cơ sở: đảng viên", en: "Grassroots cell: members" },
      source: "HD 21-HD/BTCTW, II.B.1.3, điều kiện 2",
      confidence: "V",
      appliesTo: { tccsForm: ["chiBo"] },
      data: { templateId: TCCS_REPORT, joinBy: "unitCode" },
      triggers: [
        { kind: "anyPositive", keys: ["dv_Khtnv"] },
        {
          kind: "ratioBelow",
          numerator: ["dv_Htxs", "dv_Httn"],
          denominator: "tongDv",
          threshold: 0.8,
        },
      ],
      maxLevel: "HTTNV",
      whenMissing: "cap",
      reason: {
        vi: "Chi bộ cơ sở chưa đạt điều kiện về đảng viên (100% từ HTNV trở lên và ít nhất 80% từ HTTNV trở lên)",
        en: "Members do not meet the condition (100% at HTNV or better and at least 80% at HTTNV or better)",
      },
    },
    {
      id: "cap3-chinh-quyen-doan-the",
      name: {
        vi: "Chính quyền, MTTQ, đoàn thể cùng cấp",
        en: "Government, Front and mass organisations",
      },
      source: "HD 21-HD/BTCTW, II.B.1.3, điều kiện 3",
      confidence: "V",
      appliesTo: { loaiHinh: ["DB_XA", "DB_PHUONG"] },
      data: { templateId: "dan-van", joinBy: "localityCode" },
      triggers: [
        {
          kind: "anyLevelBelow",
          keys: ["chinhQuyen", "mttq", "hoiPhuNu", "hoiNongDan", "hoiCcb", "doanTn"],
          level: "HTTNV",
        },
      ],
      maxLevel: "HTTNV",
      whenMissing: "cap",
      reason: {
        vi: "Chính quyền, MTTQ hoặc đoàn thể cùng cấp có đơn vị xếp loại dưới HTTNV",
        en: "Government, Front or a mass organisation at the same level is rated below HTTNV",
      },
    },
    {
      id: "cap4-tieu-chi",
      name: { vi: "Các tiêu chí đánh giá", en: "Assessment criteria" },
      source: "HD 21-HD/BTCTW, II.B.1.3, điều kiện 1",
      confidence: "V",
      data: { templateId: TCCS_REPORT, joinBy: "unitCode" },
      triggers: [{ kind: "anyFalse", keys: ["tcXdDangXuatSac", "tcKtxhXuatSac", "tcConLaiTot"] }],
      maxLevel: "HTTNV",
      whenMissing: "cap",
      reason: {
        vi: "Chưa đạt đủ các tiêu chí (xây dựng Đảng, HTCT và lãnh đạo KT-XH, QP-AN xuất sắc; các tiêu chí còn lại từ Tốt trở lên)",
        en: "Not every criterion is met (Party building and socio-economic leadership excellent; the rest good or better)",
      },
    },
    {
      id: "cap5-ky-luat",
      name: { vi: "Tổ chức cơ sở đảng bị kỷ luật", en: "Organisation disciplined" },
      source:
        "HD 21-HD/BTCTW (tổ chức đảng bị thi hành kỷ luật); tham số do Ban Tổ chức quyết định",
      confidence: "M",
      data: { templateId: "ubkt", joinBy: "unitCode" },
      triggers: [{ kind: "anyTrue", keys: ["tccsBiKyLuat"] }],
      maxLevel: "KHTNV",
      whenMissing: "note",
      reason: {
        vi: "Tổ chức cơ sở đảng hoặc cấp ủy bị thi hành kỷ luật trong năm",
        en: "The organisation or its committee was disciplined this year",
      },
    },
    {
      id: "cap6a-ty-le-tcd-khtnv",
      name: {
        vi: "Tỷ lệ tổ chức đảng trực thuộc KHTNV",
        en: "Share of subordinate organisations at KHTNV",
      },
      source:
        "HD 21-HD/BTCTW (trên 20% tổ chức đảng trực thuộc KHTNV); tham số do Ban Tổ chức quyết định",
      confidence: "M",
      appliesTo: { tccsForm: ["dangBo"] },
      data: { templateId: TCCS_REPORT, joinBy: "unitCode" },
      triggers: [
        {
          kind: "ratioAbove",
          numerator: ["tc_Khtnv"],
          denominator: "soTcTrucThuoc",
          threshold: 0.2,
        },
      ],
      maxLevel: "KHTNV",
      whenMissing: "note",
      reason: {
        vi: "Tỷ lệ tổ chức đảng trực thuộc KHTNV vượt ngưỡng",
        en: "Too many subordinate organisations at KHTNV",
      },
    },
    {
      id: "cap6b-ty-le-dv-khtnv",
      name: { vi: "Tỷ lệ đảng viên KHTNV", en: "Share of members at KHTNV" },
      source: "HD 21-HD/BTCTW (trên 20% đảng viên KHTNV); tham số do Ban Tổ chức quyết định",
      confidence: "M",
      appliesTo: { tccsForm: ["chiBo"] },
      data: { templateId: TCCS_REPORT, joinBy: "unitCode" },
      triggers: [
        { kind: "ratioAbove", numerator: ["dv_Khtnv"], denominator: "tongDv", threshold: 0.2 },
      ],
      maxLevel: "KHTNV",
      whenMissing: "note",
      reason: { vi: "Tỷ lệ đảng viên KHTNV vượt ngưỡng", en: "Too many members at KHTNV" },
    },
  ],
  quota: {
    ratio: 0.2,
    rounding: "floor",
    quotaBase: "HTTNV_only",
    source: "HD 21-HD/BTCTW, 2.3: HTXSNV không vượt quá 20% số được xếp loại HTTNV",
    organisations: {
      groupBy: "all",
      source:
        "HD 21-HD/BTCTW, II.B.1.3: cấp có thẩm quyền xem xét, quyết định số tổ chức cơ sở đảng HTXSNV, không vượt quá 20% số được xếp loại HTTNV; tham số do Ban Tổ chức quyết định",
    },
    members: { groupBy: "tccs", templateId: TCCS_REPORT, topKey: "dv_Htxs", baseKey: "dv_Httn" },
  },
  leaders: {
    templateId: "lanh-dao",
    civilServant: {
      key: "xepLoaiCbccvc",
      requiredLevel: "HTXSNV",
      maxUnless: "HTTNV",
      source: "HD 21-HD/BTCTW, 2.3 (đảng viên là CBCCVC phải được xếp loại HTXSNV theo NĐ 56/2015)",
    },
    // Capped at the unit's level instead of a warning only (issue #9).
    aboveUnitWarning: null,
    scoreBands: null,
    capAtUnit: {
      source:
        "HD 21-HD/BTCTW: gắn đánh giá cá nhân với tập thể, đơn vị mình lãnh đạo, quản lý; tham số do Ban Tổ chức quyết định",
      // The unit's level unknown (no 3.14 report, no collective row in 3.15): "chưa đủ căn cứ".
      whenMissing: "cap",
      missingMaxLevel: "HTTNV",
    },
  },
  crossChecks: {
    tc11Poverty: {
      ntmTemplateId: "kinh-te-ntm",
      criterionKey: "tc11",
      povertyTemplateId: "ldtbxh",
      poorKey: "soHoNgheo",
      totalKey: "tongSoHo",
      maxRatePercent: 5,
      source:
        "QĐ 1980/QĐ-TTg, tiêu chí 11 (vùng Bắc Trung Bộ: tỷ lệ hộ nghèo ≤ 5%); tham số do Ban Tổ chức quyết định",
    },
  },
  evidence: HD21_EVIDENCE,
};
