/**
 * Enumerations used by template columns (type "enum"). Plain data so a later period can change
 * labels or scales without code. Codes are stable keys stored in rows; labels are what cells show.
 */
import type { EnumSpec, EnumValue } from "./spec";

/** Four-level scale of QĐ 132-QĐ/TW (HD 21): tổ chức đảng, đảng viên, tập thể and cá nhân lãnh đạo. */
const LEVEL4_VALUES: EnumValue[] = [
  {
    code: "HTXSNV",
    label: { vi: "Hoàn thành xuất sắc nhiệm vụ", en: "Excellently completed duties" },
    // Not "Xuất sắc": that word is a criterion grade (xepLoaiCchc), so it would be ambiguous.
    aliases: ["HTXSNV", "HTXS"],
    rank: 4,
  },
  {
    code: "HTTNV",
    label: { vi: "Hoàn thành tốt nhiệm vụ", en: "Well completed duties" },
    aliases: ["HTTNV", "HTT"],
    rank: 3,
  },
  {
    code: "HTNV",
    label: { vi: "Hoàn thành nhiệm vụ", en: "Completed duties" },
    aliases: ["HTNV", "HT"],
    rank: 2,
  },
  {
    code: "KHTNV",
    label: { vi: "Không hoàn thành nhiệm vụ", en: "Did not complete duties" },
    aliases: ["KHTNV", "KHT"],
    rank: 1,
  },
];

const level4: EnumSpec = {
  id: "level4",
  name: { vi: "Mức xếp loại chất lượng", en: "Quality classification level" },
  values: LEVEL4_VALUES,
};

/** Cán bộ, công chức, viên chức: NĐ 56/2015/NĐ-CP amended by NĐ 88/2017/NĐ-CP (level 2 differs). */
const level4Cbccvc: EnumSpec = {
  id: "level4Cbccvc",
  name: {
    vi: "Mức xếp loại cán bộ, công chức, viên chức",
    en: "Civil servant classification level",
  },
  values: [
    LEVEL4_VALUES[0],
    LEVEL4_VALUES[1],
    {
      code: "HTNV_HC",
      label: {
        vi: "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực",
        en: "Completed duties with limited capacity",
      },
      aliases: ["HTNV_HC", "HTNV nhưng còn hạn chế về năng lực", "HTNV còn hạn chế"],
      rank: 2,
    },
    LEVEL4_VALUES[3],
  ],
};

const datChuaDat: EnumSpec = {
  id: "datChuaDat",
  name: { vi: "Đạt / Chưa đạt", en: "Met / Not yet met" },
  values: [
    { code: "DAT", label: { vi: "Đạt", en: "Met" }, rank: 2 },
    { code: "CHUA_DAT", label: { vi: "Chưa đạt", en: "Not yet met" }, rank: 1 },
  ],
};

const datKhongDat: EnumSpec = {
  id: "datKhongDat",
  name: { vi: "Đạt / Không đạt", en: "Met / Not met" },
  values: [
    { code: "DAT", label: { vi: "Đạt", en: "Met" }, rank: 2 },
    { code: "KHONG_DAT", label: { vi: "Không đạt", en: "Not met" }, rank: 1 },
  ],
};

/** Loại hình TCCS; codes are the LoaiHinh of units/types.ts. */
const loaiHinh: EnumSpec = {
  id: "loaiHinh",
  name: { vi: "Loại hình tổ chức cơ sở đảng", en: "Type of grassroots party organisation" },
  values: [
    { code: "DB_XA", label: { vi: "Đảng bộ xã", en: "Commune party committee" } },
    { code: "DB_PHUONG", label: { vi: "Đảng bộ phường", en: "Ward party committee" } },
    { code: "CO_QUAN", label: { vi: "Cơ quan", en: "Agency" } },
    { code: "SU_NGHIEP", label: { vi: "Sự nghiệp", en: "Public service unit" } },
    { code: "DOANH_NGHIEP", label: { vi: "Doanh nghiệp", en: "Enterprise" } },
    { code: "LLVT", label: { vi: "Lực lượng vũ trang", en: "Armed forces" }, aliases: ["LLVT"] },
  ],
};

/**
 * Loại hình of the TCCS under a commune-level Party committee in the two-tier model (2025):
 * chi bộ thôn, tổ dân phố; cơ quan; trường học and other public service units; doanh nghiệp; LLVT.
 */
const loaiHinhCoSo: EnumSpec = {
  id: "loaiHinhCoSo",
  name: {
    vi: "Loại hình tổ chức đảng trực thuộc Đảng ủy xã, phường",
    en: "Type of party organisation under a commune or ward party committee",
  },
  values: [
    {
      code: "THON_TDP",
      label: { vi: "Chi bộ thôn, tổ dân phố", en: "Village or residential group cell" },
      aliases: ["Thôn", "Tổ dân phố", "Thôn, tổ dân phố"],
    },
    { code: "CO_QUAN", label: { vi: "Cơ quan", en: "Agency" } },
    {
      code: "SU_NGHIEP",
      label: { vi: "Trường học, đơn vị sự nghiệp", en: "School or public service unit" },
      aliases: ["Trường học", "Sự nghiệp"],
    },
    { code: "DOANH_NGHIEP", label: { vi: "Doanh nghiệp", en: "Enterprise" } },
    { code: "LLVT", label: { vi: "Lực lượng vũ trang", en: "Armed forces" }, aliases: ["LLVT"] },
  ],
};

/** CCHC (administrative reform) grade. The province's scale is unconfirmed [M]: edit here. */
const xepLoaiCchc: EnumSpec = {
  id: "xepLoaiCchc",
  name: { vi: "Xếp loại cải cách hành chính", en: "Administrative reform grade" },
  values: [
    { code: "XUAT_SAC", label: { vi: "Xuất sắc", en: "Excellent" }, rank: 5 },
    { code: "TOT", label: { vi: "Tốt", en: "Good" }, rank: 4 },
    { code: "KHA", label: { vi: "Khá", en: "Fair" }, rank: 3 },
    { code: "TRUNG_BINH", label: { vi: "Trung bình", en: "Average" }, rank: 2 },
    { code: "YEU", label: { vi: "Yếu", en: "Weak" }, rank: 1 },
  ],
};

const thucHienChiThi: EnumSpec = {
  id: "thucHienChiThi",
  name: { vi: "Mức thực hiện chỉ thị", en: "Directive implementation grade" },
  values: [
    { code: "TOT", label: { vi: "Tốt", en: "Good" }, rank: 4 },
    { code: "KHA", label: { vi: "Khá", en: "Fair" }, rank: 3 },
    { code: "TB", label: { vi: "Trung bình", en: "Average" }, aliases: ["TB"], rank: 2 },
    { code: "YEU", label: { vi: "Yếu", en: "Weak" }, rank: 1 },
  ],
};

/** Brief §3.4: cultural titles of a xã (TT 17/2011) or phường (TT 02/2013). */
const danhHieu: EnumSpec = {
  id: "danhHieu",
  name: { vi: "Danh hiệu văn hóa", en: "Cultural title" },
  values: [
    {
      code: "XA_VH_NTM",
      label: {
        vi: "Xã đạt chuẩn văn hóa nông thôn mới",
        en: "Commune meeting the new-rural cultural standard",
      },
      aliases: ["Xã đạt chuẩn văn hóa NTM"],
      onlyFor: ["xa"],
      rank: 2,
    },
    {
      code: "PHUONG_VMDT",
      label: {
        vi: "Phường đạt chuẩn văn minh đô thị",
        en: "Ward meeting the urban civilisation standard",
      },
      onlyFor: ["phuong"],
      rank: 2,
    },
    { code: "CHUA_DAT", label: { vi: "Chưa đạt", en: "Not yet met" }, rank: 1 },
  ],
};

/** Brief §3.9: defaults to the four levels but has its own id so the military scale can change alone. */
const xepLoaiQp: EnumSpec = {
  id: "xepLoaiQp",
  name: { vi: "Xếp loại quốc phòng – quân sự địa phương", en: "Local defence classification" },
  values: LEVEL4_VALUES.map((v) => ({ ...v, aliases: v.aliases ? [...v.aliases] : undefined })),
};

export const ENUMS: Record<string, EnumSpec> = Object.fromEntries(
  [
    level4,
    level4Cbccvc,
    datChuaDat,
    datKhongDat,
    loaiHinh,
    loaiHinhCoSo,
    xepLoaiCchc,
    thucHienChiThi,
    danhHieu,
    xepLoaiQp,
  ].map((e) => [e.id, e])
);

/** The enum with this id; throws on an unknown id (a spec bug, not a user error). */
export function getEnum(id: string): EnumSpec {
  const spec = ENUMS[id];
  if (!spec) throw new Error(`Unknown enum id "${id}". Known: ${Object.keys(ENUMS).join(", ")}`);
  return spec;
}

/**
 * The label people read for a stored code of this enum (undefined for a code the enum lacks):
 * cells, pages and messages show it, never the code.
 */
export function enumLabel(enumId: string, code: string): EnumValue["label"] | undefined {
  return getEnum(enumId).values.find((v) => v.code === code)?.label;
}

/**
 * The four levels' customary abbreviations (HTXSNV, HTTNV, HTNV, KHTNV): what officials write in a
 * level column, explained by a legend; the only enum codes shown as they are.
 */
export const LEVEL_ABBREVIATIONS: readonly string[] = LEVEL4_VALUES.map((v) => v.code);

/** Enums whose values are the four levels: shown by those abbreviations, with the legend. */
export const LEVEL_ENUM_IDS: readonly string[] = ["level4", "xepLoaiQp"];
