/** 3.12 Tuyên giáo: study of resolutions and of Hồ Chí Minh's thought per TCCS. */
import { assembleColumns, count, partLteTotal, rate, t, UOM } from "../common";
import type { TemplateSpec } from "../spec";

export const tuyenGiao: TemplateSpec = {
  id: "tuyen-giao",
  version: 1,
  section: "3.12",
  department: {
    code: "TUYEN_GIAO",
    name: t("Ban Tuyên giáo Thị ủy", "Propaganda and Training Committee"),
  },
  title: t(
    "Kết quả học tập, quán triệt nghị quyết và học tập, làm theo tư tưởng Hồ Chí Minh",
    "Study of resolutions and of Hồ Chí Minh's thought"
  ),
  sheetName: "Tuyên giáo",
  rowSet: "TCCS",
  orientation: "portrait",
  columns: assembleColumns("TCCS", [
    count("tongDv", t("Tổng số đảng viên", "Party members"), { unitOfMeasure: UOM.dangVien }),
    count("dvHocNq", t("ĐV học tập nghị quyết", "Members who studied the resolutions"), {
      unitOfMeasure: UOM.dangVien,
    }),
    rate("tyLeHocNq", t("Tỷ lệ %", "Rate %"), ["dvHocNq"], ["tongDv"], { master: true }),
    count(
      "soChuyenDeHcm",
      t("Chuyên đề học tập và làm theo tư tưởng HCM", "Hồ Chí Minh study topics"),
      { unitOfMeasure: UOM.chuyenDe }
    ),
  ]),
  rules: [
    partLteTotal(
      "tg.hocNq",
      { key: "dvHocNq", label: t("Số đảng viên học tập nghị quyết", "Members who studied") },
      { key: "tongDv", label: t("tổng số đảng viên", "all members") }
    ),
  ],
};
