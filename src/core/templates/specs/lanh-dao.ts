/**
 * 3.15 Tập thể, cá nhân lãnh đạo, quản lý thuộc diện Thị ủy quản lý. Rows are people or
 * leadership collectives keyed by (unitCode, ten, chucVu).
 * Rules that need the rule set (NOT here, for the classification step): the civil-servant link and
 * the leader capped at (or warned above) the level of the unit they head.
 */
import { assembleColumns, boolCol, enumCol, t } from "../common";
import type { TemplateSpec } from "../spec";

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
  // The civil-servant link (HD 21, 2.3) is a rule of the rule set (leaders.civilServant), applied
  // when classifying: a row rated above it stays on the list, marked and capped, never dropped.
  rules: [],
};
