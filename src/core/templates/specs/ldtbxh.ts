/**
 * 3.7 LĐ-TB&XH: poor and near-poor households (QĐ 59/2015/QĐ-TTg, TT 17/2016/TT-BLĐTBXH).
 * Rows are grouped "Khu vực thành thị" (phường) / "Khu vực nông thôn" (xã) as in the official form;
 * subtotal rates are recomputed from the summed counts, never averaged (`groupBy: "urbanRural"`).
 */
import { assembleColumns, count, rate, t, UOM } from "../common";
import type { TemplateSpec } from "../spec";

const bienDong = t("Biến động hộ nghèo trong năm", "Changes during the year");

export const ldtbxh: TemplateSpec = {
  id: "ldtbxh",
  version: 1,
  section: "3.7",
  department: {
    code: "LDTBXH",
    name: t("Phòng Lao động – Thương binh và Xã hội", "Labour, Invalids and Social Affairs Office"),
  },
  title: t("Kết quả rà soát hộ nghèo, hộ cận nghèo", "Poor and near-poor household survey"),
  sheetName: "LĐ-TB&XH",
  rowSet: "DB",
  groupBy: "urbanRural",
  orientation: "landscape",
  columns: assembleColumns("DB", [
    count("tongSoHo", t("Tổng số hộ dân cư", "Households"), { min: 1, unitOfMeasure: UOM.ho }),
    count("soHoNgheo", t("Hộ nghèo", "Poor households"), { unitOfMeasure: UOM.ho, master: true }),
    rate("tyLeNgheo", t("Tỷ lệ hộ nghèo %", "Poverty rate %"), ["soHoNgheo"], ["tongSoHo"], {
      master: true,
    }),
    count("soHoCanNgheo", t("Hộ cận nghèo", "Near-poor households"), { unitOfMeasure: UOM.ho }),
    rate(
      "tyLeCanNgheo",
      t("Tỷ lệ hộ cận nghèo %", "Near-poor rate %"),
      ["soHoCanNgheo"],
      ["tongSoHo"]
    ),
    count("ngheoDauNam", t("Hộ nghèo đầu năm", "Poor at start of year"), {
      group: bienDong,
      required: false,
      unitOfMeasure: UOM.ho,
    }),
    count("thoatNgheo", t("Thoát nghèo", "Left poverty"), {
      group: bienDong,
      required: false,
      unitOfMeasure: UOM.ho,
    }),
    count("taiNgheo", t("Tái nghèo", "Fell back"), {
      group: bienDong,
      required: false,
      unitOfMeasure: UOM.ho,
    }),
    count("phatSinh", t("Phát sinh", "Newly poor"), {
      group: bienDong,
      required: false,
      unitOfMeasure: UOM.ho,
    }),
  ]),
  rules: [
    {
      id: "ldtbxh.ngheoCanNgheo",
      kind: "compare",
      left: [{ key: "soHoNgheo" }, { key: "soHoCanNgheo" }],
      op: "lte",
      right: [{ key: "tongSoHo" }],
      severity: "error",
      anchor: "soHoNgheo",
      message: {
        vi: "Hộ nghèo + hộ cận nghèo = {left}, lớn hơn tổng số hộ dân cư ({right}). Hãy kiểm tra lại các số.",
        en: "Poor + near-poor households = {left}, more than all households ({right}). Check the numbers.",
      },
    },
    {
      // Only when the start-of-year count is given; missing flows count as 0.
      id: "ldtbxh.bienDong",
      kind: "compare",
      left: [{ key: "soHoNgheo" }],
      op: "eq",
      right: [
        { key: "ngheoDauNam" },
        { key: "thoatNgheo", coef: -1 },
        { key: "taiNgheo" },
        { key: "phatSinh" },
      ],
      requireAll: false,
      when: [{ key: "ngheoDauNam", op: "filled" }],
      severity: "warning",
      anchor: "soHoNgheo",
      source: "TT 17/2016/TT-BLĐTBXH",
      message: {
        vi: "Hộ nghèo cuối năm ({left}) khác hộ nghèo đầu năm − thoát nghèo + tái nghèo + phát sinh ({right}). Hãy kiểm tra lại số biến động.",
        en: "Poor households at year end ({left}) differ from start − left + fell back + new ({right}). Check the changes.",
      },
    },
  ],
};
