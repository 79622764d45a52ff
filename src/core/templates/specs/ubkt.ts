/**
 * 3.11 UBKT: discipline, inspection and supervision per TCCS. `tccsBiKyLuat` feeds cap 5 of the
 * master (→ KHTNV); `tcdKyLuat` only feeds the warnings (consolidation's job).
 */
import { assembleColumns, boolCol, count, partsSumToTotal, rate, t, textCol, UOM } from "../common";
import type { TemplateSpec } from "../spec";

const kl = t("Đảng viên bị kỷ luật theo hình thức", "Disciplined members by sanction");
const kt = t("Kiểm tra", "Inspections");
const gs = t("Giám sát", "Supervision");

export const ubkt: TemplateSpec = {
  id: "ubkt",
  version: 1,
  section: "3.11",
  department: { code: "UBKT", name: t("Ủy ban Kiểm tra Thị ủy", "Inspection Committee") },
  title: t(
    "Kết quả công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
    "Inspection, supervision and party discipline"
  ),
  sheetName: "UBKT",
  rowSet: "TCCS",
  orientation: "landscape",
  columns: assembleColumns("TCCS", [
    count(
      "tcdKyLuat",
      t("Tổ chức đảng trực thuộc bị kỷ luật", "Subordinate organisations disciplined"),
      {
        unitOfMeasure: UOM.toChuc,
        master: true,
      }
    ),
    boolCol("tccsBiKyLuat", t("TCCS / cấp ủy bị kỷ luật", "TCCS or its committee disciplined"), {
      required: true,
      master: true,
      hint: t('Nhập "Có" hoặc "Không".', "Enter yes or no."),
    }),
    count("dvKyLuat", t("Đảng viên bị kỷ luật", "Members disciplined"), {
      unitOfMeasure: UOM.dangVien,
      master: true,
    }),
    count("klKhienTrach", t("Khiển trách", "Reprimand"), {
      group: kl,
      unitOfMeasure: UOM.dangVien,
    }),
    count("klCanhCao", t("Cảnh cáo", "Warning"), { group: kl, unitOfMeasure: UOM.dangVien }),
    count("klCachChuc", t("Cách chức", "Dismissal"), { group: kl, unitOfMeasure: UOM.dangVien }),
    count("klKhaiTru", t("Khai trừ", "Expulsion"), { group: kl, unitOfMeasure: UOM.dangVien }),
    count("ktKeHoach", t("Theo chương trình", "Planned"), { group: kt, unitOfMeasure: UOM.cuoc }),
    count("ktThucHien", t("Đã thực hiện", "Done"), { group: kt, unitOfMeasure: UOM.cuoc }),
    count("gsKeHoach", t("Theo chương trình", "Planned"), { group: gs, unitOfMeasure: UOM.cuoc }),
    count("gsThucHien", t("Đã thực hiện", "Done"), { group: gs, unitOfMeasure: UOM.cuoc }),
    rate(
      "tyLeThucHien",
      t("Tỷ lệ thực hiện %", "Completion %"),
      ["ktThucHien", "gsThucHien"],
      ["ktKeHoach", "gsKeHoach"],
      {
        master: true,
      }
    ),
    textCol("kienNghi", t("Kiến nghị", "Recommendations"), { width: 30 }),
  ]),
  rules: [
    partsSumToTotal(
      "ubkt.hinhThucKyLuat",
      {
        keys: ["klKhienTrach", "klCanhCao", "klCachChuc", "klKhaiTru"],
        label: t("khiển trách + cảnh cáo + cách chức + khai trừ", "The four sanctions"),
      },
      { key: "dvKyLuat", label: t("số đảng viên bị kỷ luật", "disciplined members") },
      { source: "Điều lệ Đảng, Điều 35" }
    ),
  ],
};
