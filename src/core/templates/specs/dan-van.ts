/**
 * 3.8 MTTQ, đoàn thể và Dân vận (one shared sheet): the rating of the local government, the
 * Fatherland Front and the mass organisations of each xã/phường. `dkHtxsTccs` feeds condition 3 of
 * HD 21 II.B.1.3 (all rated ≥ HTTNV) and cap 3 of the master sheet (consolidation's job).
 */
import { assembleColumns, enumCol, t } from "../common";
import type { TemplateSpec } from "../spec";

const group = t("Kết quả xếp loại", "Ratings");
const lvl = (key: string, vi: string, en: string, extra = {}) =>
  enumCol(key, t(vi, en), "level4", { group, required: true, master: true, ...extra });

export const danVan: TemplateSpec = {
  id: "dan-van",
  version: 1,
  section: "3.8",
  department: {
    code: "DAN_VAN",
    name: t(
      "Ban Dân vận Thị ủy, MTTQ và các đoàn thể",
      "Mass Mobilisation Committee, Fatherland Front and mass organisations"
    ),
  },
  title: t(
    "Kết quả xếp loại chính quyền, MTTQ và các đoàn thể chính trị – xã hội xã, phường",
    "Ratings of local government, Fatherland Front and mass organisations"
  ),
  sheetName: "Dân vận - MTTQ - Đoàn thể",
  rowSet: "DB",
  orientation: "landscape",
  columns: assembleColumns("DB", [
    lvl("chinhQuyen", "Chính quyền", "Local government"),
    lvl("mttq", "MTTQ", "Fatherland Front"),
    lvl("hoiPhuNu", "Hội LHPN", "Women's Union"),
    // Wards may have no Farmers' Association: required for xã only.
    lvl("hoiNongDan", "Hội Nông dân", "Farmers' Association", { appliesTo: ["xa"] }),
    lvl("hoiCcb", "Hội CCB", "Veterans' Association"),
    lvl("doanTn", "Đoàn TN", "Youth Union"),
    {
      key: "dkHtxsTccs",
      header: t("Đủ điều kiện 3 (HTTNV trở lên)", "Condition 3 met (all ≥ HTTNV)"),
      type: "boolean",
      computed: {
        kind: "allAtLeast",
        keys: ["chinhQuyen", "mttq", "hoiPhuNu", "hoiNongDan", "hoiCcb", "doanTn"],
        enumId: "level4",
        code: "HTTNV",
      },
      master: true,
      hint: t(
        "Mọi cột đã nhập đều từ HTTNV trở lên (HD 21, II.B.1.3, điều kiện 3).",
        "Every filled column is HTTNV or better (HD 21, II.B.1.3, condition 3)."
      ),
    },
  ]),
  rules: [],
};
