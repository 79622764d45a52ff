/** 3.2 Tài chính – Kế hoạch: budget revenue and spending of each xã/phường (triệu đồng). */
import { amount, assembleColumns, rate, t, UOM } from "../common";
import type { TemplateSpec } from "../spec";

const thu = t("Thu ngân sách", "Revenue");
const chi = t("Chi ngân sách", "Spending");

export const taiChinh: TemplateSpec = {
  id: "tai-chinh",
  version: 1,
  section: "3.2",
  department: {
    code: "TAI_CHINH",
    name: t("Phòng Tài chính – Kế hoạch", "Finance and Planning Office"),
  },
  title: t(
    "Kết quả thực hiện dự toán thu, chi ngân sách",
    "Budget revenue and spending against estimates"
  ),
  sheetName: "Tài chính - Kế hoạch",
  rowSet: "DB",
  orientation: "landscape",
  columns: assembleColumns("DB", [
    amount("duToanThu", t("Dự toán thu", "Revenue estimate"), {
      group: thu,
      unitOfMeasure: UOM.trieuDong,
    }),
    amount("thucHienThu", t("Thực hiện thu", "Revenue collected"), {
      group: thu,
      unitOfMeasure: UOM.trieuDong,
    }),
    rate("tyLeThu", t("Tỷ lệ thu %", "Revenue rate %"), ["thucHienThu"], ["duToanThu"], {
      group: thu,
      master: true,
    }),
    amount("duToanChi", t("Dự toán chi", "Spending estimate"), {
      group: chi,
      unitOfMeasure: UOM.trieuDong,
    }),
    amount("thucHienChi", t("Thực hiện chi", "Spending executed"), {
      group: chi,
      unitOfMeasure: UOM.trieuDong,
    }),
    rate("tyLeChi", t("Tỷ lệ chi %", "Spending rate %"), ["thucHienChi"], ["duToanChi"], {
      group: chi,
    }),
    {
      key: "hoanThanhThu",
      header: t("Hoàn thành dự toán thu", "Revenue estimate met"),
      type: "boolean",
      computed: { kind: "atLeast", key: "tyLeThu", threshold: 100 },
      master: true,
    },
  ]),
  rules: [],
};
