/** 3.9 Quân sự: the defence rating of each xã/phường and agency. The scale is configurable [M]. */
import { assembleColumns, enumCol, t } from "../common";
import type { TemplateSpec } from "../spec";

export const quanSu: TemplateSpec = {
  id: "quan-su",
  version: 1,
  section: "3.9",
  department: { code: "QUAN_SU", name: t("Ban Chỉ huy Quân sự thị xã", "Town Military Command") },
  title: t(
    "Kết quả xếp loại công tác quốc phòng, quân sự địa phương",
    "Local defence and military work ratings"
  ),
  sheetName: "Quân sự",
  rowSet: "DB_CQ",
  orientation: "portrait",
  columns: assembleColumns("DB_CQ", [
    enumCol("xepLoaiQp", t("Xếp loại QP-QSĐP", "Defence rating"), "xepLoaiQp", {
      required: true,
      master: true,
    }),
  ]),
  rules: [],
};
