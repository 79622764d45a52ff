/**
 * 3.15 Tập thể, cá nhân lãnh đạo, quản lý thuộc diện Thị ủy quản lý. Rows are people or
 * leadership collectives keyed by (unitCode, ten, chucVu).
 * Cross-template rule (NOT here, for the consolidation step): warn when a leader is rated above
 * the unit they head (compare with the unit's rating in 3.14 / the master) [P].
 */
import { assembleColumns, boolCol, enumCol, t } from "../common";
import type { RuleSpec, TemplateSpec } from "../spec";

const SOURCE = "HD 21-HD/BTCTW, 2.3";

/** A civil servant's party rating cannot be HTXSNV unless the civil-servant rating is HTXSNV. */
function cbccvcRule(id: string, key: string, vi: string, en: string): RuleSpec {
  return {
    id,
    kind: "assert",
    severity: "error",
    when: [
      { key: "laTapThe", op: "ne", value: true },
      { key: key, op: "eq", value: "HTXSNV" },
      { key: "xepLoaiCbccvc", op: "filled" },
    ],
    assert: [{ key: "xepLoaiCbccvc", op: "eq", value: "HTXSNV" }],
    anchor: key,
    source: SOURCE,
    message: {
      vi: `${vi} là HTXSNV nhưng xếp loại cán bộ, công chức, viên chức là "{xepLoaiCbccvc}". Đảng viên là CBCCVC chỉ được HTXSNV khi xếp loại CBCCVC cũng là HTXSNV. Hãy sửa mức xếp loại.`,
      en: `${en} is HTXSNV but the civil-servant rating is "{xepLoaiCbccvc}". A civil servant can be HTXSNV only when rated HTXSNV as a civil servant. Correct the rating.`,
    },
  };
}

export const lanhDao: TemplateSpec = {
  id: "lanh-dao",
  version: 1,
  section: "3.15",
  department: { code: "TO_CHUC", name: t("Ban Tổ chức Thị ủy", "Organization Committee") },
  title: t(
    "Đánh giá, xếp loại tập thể, cá nhân lãnh đạo, quản lý thuộc diện Ban Thường vụ Thị ủy quản lý",
    "Ratings of leadership collectives and individual leaders managed by the Standing Committee"
  ),
  sheetName: "Lãnh đạo, quản lý",
  rowSet: "PEOPLE",
  orientation: "landscape",
  columns: assembleColumns("PEOPLE", [
    boolCol("laTapThe", t("Là tập thể", "Collective"), {
      hint: t('Đánh dấu "x" nếu là tập thể lãnh đạo.', 'Mark "x" for a leadership collective.'),
    }),
    enumCol("tuXepLoai", t("Tự xếp loại", "Self-rating"), "level4", {
      required: true,
      master: true,
    }),
    enumCol("deXuat", t("Tập thể đề xuất", "Proposed by the collective"), "level4", {
      master: true,
    }),
    enumCol(
      "xepLoaiCbccvc",
      t("Là CBCCVC: xếp loại CBCCVC", "Civil servant: civil-servant rating"),
      "level4Cbccvc",
      {
        hint: t(
          "Chỉ nhập nếu là cán bộ, công chức, viên chức (NĐ 56/2015).",
          "Only for civil servants (NĐ 56/2015)."
        ),
      }
    ),
  ]),
  rules: [
    cbccvcRule("ld.tuXepLoaiCbccvc", "tuXepLoai", "Tự xếp loại", "The self-rating"),
    cbccvcRule("ld.deXuatCbccvc", "deXuat", "Mức tập thể đề xuất", "The proposed rating"),
  ],
};
