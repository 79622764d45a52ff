/** 3.1b Nội vụ – Đánh giá, xếp loại cán bộ, công chức (NĐ 56/2015, NĐ 88/2017). */
import { assembleColumns, count, partsSumToTotal, t, UOM } from "../common";
import type { TemplateSpec } from "../spec";

// The civil-servant scale (NĐ 56/2015 as amended by NĐ 88/2017), not the party scale: for cán bộ,
// công chức the third level is "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực" (enum
// level4Cbccvc). A later period under NĐ 90/2020 relabels it "Hoàn thành nhiệm vụ" here.
const grp = t(
  "Kết quả xếp loại CBCCVC (NĐ 56/2015, NĐ 88/2017)",
  "Civil-servant ratings (NĐ 56/2015, NĐ 88/2017)"
);

export const noiVuCbcc: TemplateSpec = {
  id: "noi-vu-cbcc",
  version: 1,
  section: "3.1b",
  department: { code: "NOI_VU", name: t("Phòng Nội vụ", "Home Affairs Office") },
  title: t(
    "Kết quả đánh giá, xếp loại cán bộ, công chức, viên chức",
    "Ratings of civil servants and public employees"
  ),
  sheetName: "Nội vụ - Đánh giá CBCC",
  rowSet: "DB_CQ",
  orientation: "landscape",
  columns: assembleColumns("DB_CQ", [
    count("tongSo", t("Tổng số", "Total"), { unitOfMeasure: UOM.nguoi, master: true }),
    count("soHtxs", t("HTXSNV", "Outstanding (HTXSNV)"), {
      group: grp,
      unitOfMeasure: UOM.nguoi,
      master: true,
    }),
    count("soHttn", t("HTTNV", "Good (HTTNV)"), {
      group: grp,
      unitOfMeasure: UOM.nguoi,
      master: true,
    }),
    count("soHtnv", t("HTNV, còn hạn chế về năng lực", "Completed, limited capacity"), {
      group: grp,
      unitOfMeasure: UOM.nguoi,
      master: true,
    }),
    count("soKhtnv", t("KHTNV", "Not completed (KHTNV)"), {
      group: grp,
      unitOfMeasure: UOM.nguoi,
      master: true,
    }),
    count("soChuaDg", t("Chưa đánh giá", "Not yet rated"), { unitOfMeasure: UOM.nguoi }),
  ]),
  rules: [
    partsSumToTotal(
      "cbcc.tongSo",
      {
        keys: ["soHtxs", "soHttn", "soHtnv", "soKhtnv", "soChuaDg"],
        label: t(
          "HTXSNV + HTTNV + HTNV + KHTNV + Chưa đánh giá",
          "The level counts plus not rated"
        ),
      },
      { key: "tongSo", label: t("Tổng số", "Total") }
    ),
  ],
};
