/**
 * What makes a blank template a document (HD 36-HD/VPTW for Party bodies, the state format for
 * state departments): the heading of the body that asks for it on the left, the Party's name or the
 * national motto on the right, "Mẫu số 3.x (kèm theo Kế hoạch số …-KH/TU ngày …)", and at the
 * bottom the sending unit's place and date line with the "NGƯỜI LẬP BIỂU" and "THỦ TRƯỞNG ĐƠN VỊ"
 * signature cells ("T/M ĐẢNG ỦY" on 3.14, the grassroots organisation's own report).
 *
 * All of it follows from the template's id and department code and from the period settings
 * (`departmentHeadings`, `planNumber`, `planSymbol`, `planDate`), never from the template specs.
 */
import { canonicalVietnamese } from "../normalize/text";
import { standingCommitteeOf } from "../settings/bodies";
import { DEFAULT_PARTY_ORGANS, formatIsoDateVi } from "../settings/defaults";
import type { PeriodSettings } from "../settings/types";
import type { TemplateSpec } from "../templates/spec";

/** Templates sent back by a grassroots Party organisation itself (signed "T/M ĐẢNG ỦY"). */
const SIGNED_BY_PARTY_COMMITTEE = new Set(["tccs-bao-cao"]);

export const PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM";
export const NATIONAL_MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

/** "noi-vu" from "NOI_VU": the key of `departmentHeadings` in the settings. */
export const departmentKey = (spec: TemplateSpec): string =>
  spec.department.code.toLowerCase().replace(/_/g, "-");

export interface TemplateHeading {
  /** Lines of the body, upper case; the last one (the body itself) is bold. */
  body: string[];
  /** Party format: the Party's name on the right and "*" under the body; else the national motto. */
  party: boolean;
}

/**
 * The heading of the body that asks for a template: a Party organ of the issuing body ("THỊ ỦY
 * HƯƠNG THỦY" / "BAN TỔ CHỨC"), or a state department as the settings give it ("UBND THỊ XÃ HƯƠNG
 * THỦY" / "PHÒNG Y TẾ"). The settings may name a template's heading by its id or its department.
 */
export function templateHeading(spec: TemplateSpec, settings: PeriodSettings): TemplateHeading {
  const organs = settings.partyOrgans ?? DEFAULT_PARTY_ORGANS;
  const organ = organs[departmentKey(spec)];
  const given =
    settings.departmentHeadings?.[spec.id] ?? settings.departmentHeadings?.[departmentKey(spec)];
  const upper = (s: string) => s.normalize("NFC").toUpperCase();
  if (given && given.length > 0) return { body: given.map(upper), party: organ !== undefined };
  if (organ) return { body: [upper(settings.issuingBody), upper(organ)], party: true };
  // A state department the settings do not name: the department's own name, under no parent.
  return { body: [upper(spec.department.name.vi)], party: false };
}

/** "Mẫu số 3.6 (kèm theo Kế hoạch số 125-KH/TU ngày 15/11/2019 của Ban Thường vụ Thị ủy)". */
export function formNumberLine(spec: TemplateSpec, settings: PeriodSettings): string {
  const n = settings.planNumber?.trim();
  const symbol = settings.planSymbol ?? "KH/TU";
  const date = settings.planDate ? formatIsoDateVi(settings.planDate) : "…";
  return `Mẫu số ${spec.section} (kèm theo Kế hoạch số ${n ? n : "…"}-${symbol} ngày ${date} của ${standingCommitteeOf(settings)})`;
}

/** The footer's texts: place/date line, then the two signature columns. */
export interface TemplateFooter {
  dateLine: string;
  /** Left column: "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)". */
  preparer: string[];
  /** Right column: "THỦ TRƯỞNG ĐƠN VỊ" or "T/M ĐẢNG ỦY", "BÍ THƯ", then the hint. */
  head: string[];
}

export const PREPARER = "NGƯỜI LẬP BIỂU";
export const UNIT_HEAD = "THỦ TRƯỞNG ĐƠN VỊ";
export const PARTY_COMMITTEE = "T/M ĐẢNG ỦY";

export function templateFooter(spec: TemplateSpec, settings: PeriodSettings): TemplateFooter {
  const dateLine = `${settings.place}, ngày … tháng … năm …`;
  const preparer = [PREPARER, "(Ký, ghi rõ họ tên)"];
  const head = SIGNED_BY_PARTY_COMMITTEE.has(spec.id)
    ? [PARTY_COMMITTEE, "BÍ THƯ", "(Ký tên, đóng dấu)"]
    : [UNIT_HEAD, "(Ký tên, đóng dấu)"];
  return { dateLine, preparer, head };
}

const MARKERS = new Set([PREPARER, UNIT_HEAD, PARTY_COMMITTEE].map(canonicalVietnamese));
/** "Hương Thủy, ngày … tháng … năm …", also once the date is filled in. */
const DATE_LINE = /^[^,]{1,80},\s*ngày\s.{0,20}\stháng\s.{0,20}\snăm(\s.{0,12})?$/u;

/**
 * Whether a cell's text belongs to a template's footer (the place/date line or a signature
 * title): the readers stop at the first row holding one with no unit name, so the footer is never
 * read as data, whether the file kept its `_meta` or not.
 */
export function isFooterText(text: string): boolean {
  const t = text.normalize("NFC").trim();
  if (!t) return false;
  return MARKERS.has(canonicalVietnamese(t)) || DATE_LINE.test(t);
}
