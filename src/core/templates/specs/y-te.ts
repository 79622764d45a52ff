/** 3.6 Y tế: national commune-health criteria, natural population growth, third-child births. */
import { assembleColumns, count, enumCol, partLteTotal, rate, t, UOM } from "../common";
import type { TemplateSpec } from "../spec";

const danSo = t("Dân số", "Population");

export const yTe: TemplateSpec = {
  id: "y-te",
  version: 1,
  section: "3.6",
  department: { code: "Y_TE", name: t("Phòng Y tế", "Health Office") },
  title: t("Kết quả công tác y tế, dân số", "Health and population results"),
  sheetName: "Y tế",
  rowSet: "DB",
  orientation: "landscape",
  columns: assembleColumns("DB", [
    enumCol(
      "ytXaDat",
      t("Đạt Bộ tiêu chí QG y tế xã", "National commune-health criteria"),
      "datKhongDat",
      {
        required: true,
        master: true,
      }
    ),
    count("danSoTb", t("Dân số trung bình", "Average population"), {
      group: danSo,
      min: 1,
      unitOfMeasure: UOM.nguoi,
    }),
    count("soSinh", t("Số sinh", "Births"), { group: danSo, unitOfMeasure: UOM.nguoi }),
    count("soChet", t("Số chết", "Deaths"), { group: danSo, unitOfMeasure: UOM.nguoi }),
    rate(
      "tyLeTangTn",
      t("Tỷ lệ tăng dân số tự nhiên %", "Natural growth %"),
      ["soSinh"],
      ["danSoTb"],
      {
        group: danSo,
        minus: ["soChet"],
        master: true,
      }
    ),
    count("soSinhCon3", t("Sinh con thứ 3+", "Third+ child births"), {
      group: danSo,
      unitOfMeasure: UOM.nguoi,
    }),
    rate(
      "tyLeCon3",
      t("Tỷ lệ sinh con thứ 3+ %", "Third+ child births %"),
      ["soSinhCon3"],
      ["soSinh"],
      {
        group: danSo,
        master: true,
      }
    ),
  ]),
  rules: [
    partLteTotal(
      "yt.con3",
      { key: "soSinhCon3", label: t("Số sinh con thứ 3+", "Third+ child births") },
      { key: "soSinh", label: t("tổng số sinh", "all births") }
    ),
  ],
};
