/** 3.10 Công an: "An toàn về an ninh, trật tự" standard (TT 23/2012/TT-BCA). */
import { assembleColumns, count, enumCol, partLteTotal, rate, t, UOM } from "../common";
import type { TemplateSpec } from "../spec";

const kdc = t("Khu dân cư", "Residential areas");
const coSo = t("Cơ quan, doanh nghiệp, nhà trường", "Agencies, enterprises, schools");
const SOURCE = "TT 23/2012/TT-BCA";

export const congAn: TemplateSpec = {
  id: "cong-an",
  version: 1,
  section: "3.10",
  department: { code: "CONG_AN", name: t("Công an thị xã", "Town Police") },
  title: t(
    'Kết quả xây dựng phong trào "An toàn về an ninh, trật tự"',
    '"Safe for security and order" results'
  ),
  sheetName: "Công an - ANTT",
  rowSet: "DB",
  orientation: "landscape",
  columns: assembleColumns("DB", [
    count("tongKdc", t("Tổng khu dân cư", "Residential areas"), {
      group: kdc,
      unitOfMeasure: UOM.khu,
    }),
    count("kdcDat", t('KDC đạt "An toàn về ANTT"', "Areas meeting the standard"), {
      group: kdc,
      unitOfMeasure: UOM.khu,
    }),
    rate("tyLeKdc", t("Tỷ lệ %", "Rate %"), ["kdcDat"], ["tongKdc"], { group: kdc, master: true }),
    enumCol("xaPhuongDat", t("Xã/phường đạt", "Commune/ward meets it"), "datChuaDat", {
      required: true,
      master: true,
    }),
    count("coSoDangKy", t("Đăng ký", "Registered"), { group: coSo, unitOfMeasure: UOM.coSo }),
    count("coSoDat", t("Đạt", "Meeting it"), { group: coSo, unitOfMeasure: UOM.coSo }),
  ]),
  rules: [
    partLteTotal(
      "ca.kdcDat",
      { key: "kdcDat", label: t("Số khu dân cư đạt", "Areas meeting the standard") },
      { key: "tongKdc", label: t("tổng khu dân cư", "all areas") },
      { source: SOURCE }
    ),
    partLteTotal(
      "ca.coSoDat",
      {
        key: "coSoDat",
        label: t("Số cơ quan, doanh nghiệp, nhà trường đạt", "Establishments meeting it"),
      },
      { key: "coSoDangKy", label: t("số đăng ký", "registered") },
      { source: SOURCE }
    ),
  ],
};
