/**
 * 3.4 Văn hóa – Thông tin: cultured families and villages (NĐ 122/2018), the xã/phường title
 * (TT 17/2011 for xã, TT 02/2013 for phường). "danhHieu must match unitType" is enforced by the
 * enum values' `onlyFor` (danhHieu enum): the schema rejects a xã title on a phường and vice versa.
 */
import { assembleColumns, count, enumCol, partLteTotal, rate, t, UOM, yearCol } from "../common";
import type { TemplateSpec } from "../spec";

const gdvh = t("Gia đình văn hóa", "Cultured families");
const thon = t("Thôn, tổ dân phố văn hóa", "Cultured villages / residential groups");

export const vanHoa: TemplateSpec = {
  id: "van-hoa",
  version: 1,
  section: "3.4",
  department: {
    code: "VAN_HOA",
    name: t("Phòng Văn hóa – Thông tin", "Culture and Information Office"),
  },
  title: t(
    "Kết quả xây dựng gia đình, thôn, tổ dân phố văn hóa và danh hiệu văn hóa xã, phường",
    "Cultured families, villages and the cultural titles of communes and wards"
  ),
  sheetName: "Văn hóa - Thông tin",
  rowSet: "DB",
  orientation: "landscape",
  columns: assembleColumns("DB", [
    count("tongSoHo", t("Tổng số hộ", "Households"), { group: gdvh, unitOfMeasure: UOM.ho }),
    count("soHoGdvh", t("Hộ GĐVH", "Cultured families"), { group: gdvh, unitOfMeasure: UOM.ho }),
    rate("tyLeGdvh", t("Tỷ lệ GĐVH %", "Cultured families %"), ["soHoGdvh"], ["tongSoHo"], {
      group: gdvh,
      master: true,
    }),
    count("tongThonTdp", t("Tổng thôn/TDP", "Villages / groups"), {
      group: thon,
      unitOfMeasure: UOM.thon,
    }),
    count("soThonTdpVh", t("Thôn/TDP văn hóa", "Cultured villages"), {
      group: thon,
      unitOfMeasure: UOM.thon,
    }),
    rate(
      "tyLeThonTdpVh",
      t("Tỷ lệ thôn/TDP văn hóa %", "Cultured villages %"),
      ["soThonTdpVh"],
      ["tongThonTdp"],
      {
        group: thon,
        master: true,
      }
    ),
    enumCol("danhHieu", t("Danh hiệu", "Title"), "danhHieu", {
      required: true,
      master: true,
      hint: t(
        'Xã: "Xã đạt chuẩn văn hóa NTM"; phường: "Phường đạt chuẩn văn minh đô thị"; hoặc "Chưa đạt".',
        "Commune: NTM cultural standard; ward: civilised urban standard; or not met."
      ),
    }),
    yearCol("namCongNhan", t("Năm công nhận", "Year recognised")),
  ]),
  rules: [
    partLteTotal(
      "vh.hoGdvh",
      { key: "soHoGdvh", label: t("Số hộ GĐVH", "Cultured families") },
      { key: "tongSoHo", label: t("tổng số hộ", "all households") },
      { source: "NĐ 122/2018/NĐ-CP" }
    ),
    partLteTotal(
      "vh.thonVh",
      { key: "soThonTdpVh", label: t("Số thôn/TDP văn hóa", "Cultured villages") },
      { key: "tongThonTdp", label: t("tổng số thôn/TDP", "all villages") },
      { source: "NĐ 122/2018/NĐ-CP" }
    ),
    {
      id: "vh.namCongNhan",
      kind: "assert",
      severity: "warning",
      when: [
        { key: "danhHieu", op: "filled" },
        { key: "danhHieu", op: "ne", value: "CHUA_DAT" },
      ],
      assert: [{ key: "namCongNhan", op: "filled" }],
      anchor: "namCongNhan",
      message: {
        vi: "Đơn vị đã đạt danh hiệu nhưng chưa nhập năm công nhận. Hãy nhập năm công nhận.",
        en: "The unit holds the title but the year of recognition is missing. Enter the year.",
      },
    },
  ],
};
