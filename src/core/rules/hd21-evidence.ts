/**
 * Evidence rules of HD21-2019 (brief §4, issue #9): which department figure must hold for a TCCS
 * to claim a criterion "xuất sắc". Every threshold is a parameter the Ban Tổ chức edits (data,
 * `xeploai defaults` writes it); none is a rule of HD 21 itself unless its source says so.
 */
import type { EvidenceRule, EvidenceSettings } from "./types";

/** A threshold the Ban Tổ chức decides (confidence "M"), said in words wherever it is shown. */
const M = "tham số do Ban Tổ chức quyết định";
const DB: EvidenceRule["appliesTo"] = { loaiHinh: ["DB_XA", "DB_PHUONG"] };
const KTXH = "tcKtxhXuatSac" as const;
const XDD = "tcXdDangXuatSac" as const;
const CAP = { kind: "cap", maxLevel: "HTTNV" } as const;
const atLocality = (templateId: string) => ({ templateId, joinBy: "localityCode" as const });
const ofTccs = (templateId: string) => ({ templateId, joinBy: "unitCode" as const });

const schools = (
  [
    ["mn", "mầm non", "pre-school"],
    ["th", "tiểu học", "primary"],
    ["thcs", "THCS", "lower-secondary"],
  ] as const
).map(([c, vi, en]): EvidenceRule => ({
  id: `ev-3.5-truong-chuan-${c}`,
  criterion: KTXH,
  appliesTo: DB,
  data: atLocality("giao-duc"),
  test: {
    key: `${c}DatChuan`,
    op: "lt",
    threshold: 1,
    onlyIf: { key: `${c}Tong`, op: "gt", value: 0 },
  },
  consequence: CAP,
  source: M,
  confidence: "M",
  message: {
    vi: `số trường ${vi} đạt chuẩn quốc gia là {value}`,
    en: `${en} schools meeting the national standard: {value}`,
  },
}));

export const HD21_EVIDENCE: EvidenceSettings = {
  whenMissing: "cap",
  missingMaxLevel: "HTTNV",
  memberCheck: {
    disciplined: { templateId: "ubkt", key: "dvKyLuat" },
    khtnvKey: "dv_Khtnv",
    source:
      "HD 21-HD/BTCTW: đảng viên bị thi hành kỷ luật trong năm xếp loại KHTNV; tham số do Ban Tổ chức quyết định",
  },
  rules: [
    // Lãnh đạo phát triển KT-XH (Đảng bộ xã/phường: the locality's figures).
    {
      id: "ev-3.2-thu-ngan-sach",
      criterion: KTXH,
      appliesTo: DB,
      data: atLocality("tai-chinh"),
      test: { key: "tyLeThu", op: "lt", threshold: 100 },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: {
        vi: "thu ngân sách đạt {value} dự toán",
        en: "budget revenue at {value} of the estimate",
      },
    },
    {
      id: "ev-3.3-tieu-chi-ntm",
      criterion: KTXH,
      appliesTo: { loaiHinh: ["DB_XA"] },
      data: atLocality("kinh-te-ntm"),
      // The year's target differs per xã: set it here (null = shown, not tested).
      test: { key: "soTieuChiDat", op: "lt", threshold: null },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: {
        vi: "đạt {value} tiêu chí nông thôn mới",
        en: "{value} new-rural criteria met",
      },
    },
    {
      id: "ev-3.4-gia-dinh-van-hoa",
      criterion: KTXH,
      appliesTo: DB,
      data: atLocality("van-hoa"),
      test: { key: "tyLeGdvh", op: "lt", threshold: 85 },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: { vi: "tỷ lệ hộ gia đình văn hóa {value}", en: "cultured families {value}" },
    },
    {
      id: "ev-3.4-danh-hieu",
      criterion: KTXH,
      appliesTo: DB,
      data: atLocality("van-hoa"),
      test: { key: "danhHieu", op: "eq", threshold: "CHUA_DAT" },
      consequence: { kind: "warn" },
      source: M,
      confidence: "M",
      message: { vi: "danh hiệu văn hóa: {value}", en: "cultural title: {value}" },
    },
    ...schools,
    {
      id: "ev-3.6-y-te-xa",
      criterion: KTXH,
      appliesTo: DB,
      data: atLocality("y-te"),
      test: { key: "ytXaDat", op: "eq", threshold: "KHONG_DAT" },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: {
        vi: "Bộ tiêu chí quốc gia về y tế xã: {value}",
        en: "national commune-health standard: {value}",
      },
    },
    {
      id: "ev-3.6-sinh-con-thu-3",
      criterion: KTXH,
      appliesTo: DB,
      data: atLocality("y-te"),
      test: { key: "tyLeCon3", op: "gt", threshold: 10 },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: {
        vi: "tỷ lệ sinh con thứ 3 trở lên {value}",
        en: "third-or-later births {value}",
      },
    },
    {
      id: "ev-3.7-ho-ngheo-giam",
      criterion: KTXH,
      appliesTo: DB,
      data: atLocality("ldtbxh"),
      test: { key: "soHoNgheo", op: "gte", threshold: { key: "ngheoDauNam" } },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: {
        vi: "hộ nghèo cuối năm {value}, không giảm so với đầu năm",
        en: "poor households at year end {value}, not fewer than at the start",
      },
    },
    // Lãnh đạo QP-AN.
    {
      id: "ev-3.10-xa-phuong-antt",
      criterion: KTXH,
      appliesTo: DB,
      data: atLocality("cong-an"),
      test: { key: "xaPhuongDat", op: "eq", threshold: "CHUA_DAT" },
      consequence: CAP,
      source: "TT 23/2012/TT-BCA (tiêu chuẩn “An toàn về ANTT”); " + M,
      confidence: "M",
      message: {
        vi: "xã/phường đạt tiêu chuẩn “An toàn về ANTT”: {value}",
        en: "commune/ward meets the security standard: {value}",
      },
    },
    {
      id: "ev-3.10-khu-dan-cu",
      criterion: KTXH,
      appliesTo: DB,
      data: atLocality("cong-an"),
      test: { key: "tyLeKdc", op: "lt", threshold: 70 },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: {
        vi: "tỷ lệ khu dân cư đạt “An toàn về ANTT” {value}",
        en: "residential areas meeting the security standard {value}",
      },
    },
    {
      id: "ev-3.9-quoc-phong",
      criterion: KTXH,
      appliesTo: DB,
      data: atLocality("quan-su"),
      test: { key: "xepLoaiQp", op: "below", threshold: "HTTNV" },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: {
        vi: "xếp loại quốc phòng – quân sự địa phương {value}",
        en: "local defence rating {value}",
      },
    },
    // Xây dựng Đảng và hệ thống chính trị.
    {
      id: "ev-3.1a-cchc",
      criterion: XDD,
      appliesTo: DB,
      data: atLocality("noi-vu-cchc"),
      test: { key: "xepLoaiCchc", op: "below", threshold: "TOT" },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: {
        vi: "chỉ số cải cách hành chính xếp loại {value}",
        en: "administrative-reform grade {value}",
      },
    },
    {
      id: "ev-3.11-tccs-ky-luat",
      criterion: XDD,
      data: ofTccs("ubkt"),
      test: { key: "tccsBiKyLuat", op: "eq", threshold: true },
      consequence: CAP,
      source:
        "HD 21-HD/BTCTW (tổ chức đảng bị thi hành kỷ luật); tham số do Ban Tổ chức quyết định",
      confidence: "M",
      message: {
        vi: "tổ chức cơ sở đảng hoặc cấp ủy bị kỷ luật: {value}",
        en: "organisation or its committee disciplined: {value}",
      },
    },
    {
      id: "ev-3.11-kiem-tra-giam-sat",
      criterion: XDD,
      data: ofTccs("ubkt"),
      test: { key: "tyLeThucHien", op: "lt", threshold: 100 },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: {
        vi: "kiểm tra, giám sát thực hiện {value} chương trình",
        en: "inspection and supervision done: {value} of the programme",
      },
    },
    {
      id: "ev-3.12-hoc-tap-nghi-quyet",
      criterion: XDD,
      data: ofTccs("tuyen-giao"),
      test: { key: "tyLeHocNq", op: "lt", threshold: 90 },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: {
        vi: "{value} đảng viên học tập nghị quyết",
        en: "{value} of members studied the resolutions",
      },
    },
    {
      id: "ev-3.13-bao-cao-dung-han",
      criterion: XDD,
      data: ofTccs("van-phong"),
      test: { key: "tyLeDungHan", op: "lt", threshold: 90 },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: { vi: "nộp báo cáo đúng hạn {value}", en: "reports on time {value}" },
    },
    {
      id: "ev-3.13-chi-thi",
      criterion: XDD,
      data: ofTccs("van-phong"),
      test: { key: "thucHienChiThi", op: "below", threshold: "KHA" },
      consequence: CAP,
      source: M,
      confidence: "M",
      message: { vi: "thực hiện chỉ thị: {value}", en: "carrying out directives: {value}" },
    },
  ],
};
