/**
 * The unit register: localities (xã/phường), grassroots party organisations (TCCS) and agencies.
 * Codes are stable keys used everywhere; names are what people type.
 */
export type LocalityKind = "phuong" | "xa";
/**
 * - tccs: a grassroots party organisation (the TCCS templates, quota and tables list these only);
 * - coQuan: a town agency listed in the DB_CQ templates (3.1b, 3.9);
 * - tapThe: a body of the town the plan (III.1.2) reviews as a leadership collective — Thường trực
 *   HĐND, UBND, the Thị ủy's committees, MTTQ and đoàn thể, đơn vị sự nghiệp. Not a TCCS: it is
 *   only the unit of leaders and collectives in 3.15, and its level comes from its collective row.
 */
export type UnitKind = LocalityKind | "tccs" | "coQuan" | "tapThe";

/** Loại hình TCCS (brief §3.14, §4). */
export const LOAI_HINH = [
  "DB_XA",
  "DB_PHUONG",
  "CO_QUAN",
  "SU_NGHIEP",
  "DOANH_NGHIEP",
  "LLVT",
  /** Chi bộ thôn, tổ dân phố under a commune-level Party committee (two-tier model, 2025). */
  "THON_TDP",
] as const;
export type LoaiHinh = (typeof LOAI_HINH)[number];

export interface Unit {
  /** Stable key, e.g. "phuong-phu-bai", "db-phuong-phu-bai". Lowercase ASCII, digits and '-'. */
  code: string;
  /** Official name with its prefix, NFC: "Phường Phú Bài", "Đảng bộ phường Phú Bài". */
  name: string;
  kind: UnitKind;
  /** Other spellings people use (matched with the same tolerance as the name). */
  aliases?: string[];
  /** TCCS of a xã/phường: the locality it belongs to. */
  localityCode?: string;
  /** TCCS only. */
  loaiHinh?: LoaiHinh;
  /** TCCS only: a Đảng bộ cơ sở (has subordinate chi bộ) or a Chi bộ cơ sở (members only). */
  tccsForm?: "dangBo" | "chiBo";
  /** True for entries shipped as an example that the Organization Committee must review. */
  sample?: boolean;
  /** Display order inside its kind. */
  order: number;
}

export interface UnitRegister {
  /** e.g. "huong-thuy-2019" */
  id: string;
  /** The period (year) this register is valid for. */
  period: number;
  /** "Thị xã Hương Thủy" */
  name: string;
  /** Free note for the people who edit the register (what is sample, sources). */
  note?: string;
  units: Unit[];
}
