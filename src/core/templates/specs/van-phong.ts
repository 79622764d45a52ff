/** 3.13 Văn phòng Thị ủy: reports submitted on time and carrying out directives, per TCCS. */
import { assembleColumns, count, enumCol, partsSumToTotal, rate, t, UOM } from "../common";
import type { TemplateSpec } from "../spec";

const bc = t("Chế độ báo cáo", "Reporting");

export const vanPhong: TemplateSpec = {
  id: "van-phong",
  version: 1,
  section: "3.13",
  department: { code: "VAN_PHONG", name: t("Văn phòng Thị ủy", "Party Committee Office") },
  title: t(
    "Kết quả thực hiện chế độ báo cáo và chỉ thị của Thị ủy",
    "Reporting discipline and carrying out directives"
  ),
  sheetName: "Văn phòng Thị ủy",
  rowSet: "TCCS",
  orientation: "landscape",
  columns: assembleColumns("TCCS", [
    count("bcPhaiNop", t("Báo cáo phải nộp", "Reports due"), {
      group: bc,
      unitOfMeasure: UOM.baoCao,
    }),
    count("bcDungHan", t("Nộp đúng hạn", "On time"), { group: bc, unitOfMeasure: UOM.baoCao }),
    count("bcTre", t("Nộp trễ", "Late"), { group: bc, unitOfMeasure: UOM.baoCao }),
    count("bcKhong", t("Không nộp", "Not submitted"), { group: bc, unitOfMeasure: UOM.baoCao }),
    rate("tyLeDungHan", t("Tỷ lệ đúng hạn %", "On-time %"), ["bcDungHan"], ["bcPhaiNop"], {
      group: bc,
      master: true,
    }),
    enumCol("thucHienChiThi", t("Thực hiện chỉ thị", "Carrying out directives"), "thucHienChiThi", {
      required: true,
      master: true,
    }),
  ]),
  rules: [
    partsSumToTotal(
      "vp.baoCao",
      {
        keys: ["bcDungHan", "bcTre", "bcKhong"],
        label: t("đúng hạn + trễ + không nộp", "On time + late + missing"),
      },
      { key: "bcPhaiNop", label: t("số báo cáo phải nộp", "reports due") }
    ),
  ],
};
