/** 3.5 Giáo dục và Đào tạo: national-standard schools (mức độ 1/2) per level, per xã/phường. */
import { assembleColumns, count, partLteTotal, rate, t, UOM } from "../common";
import type { ColumnSpec, RuleSpec, TemplateSpec } from "../spec";

const LEVELS = [
  { c: "mn", name: t("Mầm non", "Pre-school") },
  { c: "th", name: t("Tiểu học", "Primary") },
  { c: "thcs", name: t("THCS", "Lower secondary") },
];

const columns: ColumnSpec[] = LEVELS.flatMap(({ c, name }) => [
  count(`${c}Tong`, t("Tổng số trường", "Schools"), { group: name, unitOfMeasure: UOM.truong }),
  count(`${c}DatChuan`, t("Đạt chuẩn QG", "National standard"), {
    group: name,
    unitOfMeasure: UOM.truong,
  }),
  count(`${c}MucDo2`, t("Trong đó mức độ 2", "of which level 2"), {
    group: name,
    unitOfMeasure: UOM.truong,
  }),
  rate(`${c}TyLe`, t("Tỷ lệ %", "Rate %"), [`${c}DatChuan`], [`${c}Tong`], {
    group: name,
    master: true,
  }),
]);

const rules: RuleSpec[] = LEVELS.flatMap(({ c, name }) => [
  partLteTotal(
    `gd.${c}MucDo2`,
    { key: `${c}MucDo2`, label: t(`Số trường ${name.vi} mức độ 2`, `${name.en} level-2 schools`) },
    { key: `${c}DatChuan`, label: t("số trường đạt chuẩn", "standard schools") }
  ),
  partLteTotal(
    `gd.${c}DatChuan`,
    {
      key: `${c}DatChuan`,
      label: t(`Số trường ${name.vi} đạt chuẩn`, `${name.en} standard schools`),
    },
    { key: `${c}Tong`, label: t("tổng số trường", "all schools") }
  ),
]);

export const giaoDuc: TemplateSpec = {
  id: "giao-duc",
  version: 1,
  section: "3.5",
  department: {
    code: "GIAO_DUC",
    name: t("Phòng Giáo dục và Đào tạo", "Education and Training Office"),
  },
  title: t("Trường đạt chuẩn quốc gia theo cấp học", "National-standard schools by level"),
  sheetName: "Giáo dục - Đào tạo",
  rowSet: "DB",
  orientation: "landscape",
  columns: assembleColumns("DB", columns),
  rules,
};
