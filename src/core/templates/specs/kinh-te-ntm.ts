/**
 * 3.3 Kinh tế – Nông thôn mới: the 19 criteria of QĐ 1980/QĐ-TTg per xã, reported as "đạt N/19".
 * Cross-template rule (NOT here, for the consolidation step): TC11 "Hộ nghèo" is checked against
 * the poverty rate of template 3.7 (ldtbxh) for the same xã.
 */
import { assembleColumns, boolCol, enumCol, t, UOM, yearCol } from "../common";
import type { ColumnSpec, TemplateSpec } from "../spec";

/** The 19 criteria, QĐ 1980/QĐ-TTg (17/10/2016). */
export const NTM_CRITERIA: { vi: string; en: string }[] = [
  t("Quy hoạch", "Planning"),
  t("Giao thông", "Transport"),
  t("Thủy lợi", "Irrigation"),
  t("Điện", "Electricity"),
  t("Trường học", "Schools"),
  t("Cơ sở vật chất văn hóa", "Cultural facilities"),
  t("Cơ sở hạ tầng thương mại nông thôn", "Rural commerce infrastructure"),
  t("Thông tin và Truyền thông", "Information and communication"),
  t("Nhà ở dân cư", "Housing"),
  t("Thu nhập", "Income"),
  t("Hộ nghèo", "Poor households"),
  t("Lao động có việc làm", "Employment"),
  t("Tổ chức sản xuất", "Production organisation"),
  t("Giáo dục và Đào tạo", "Education and training"),
  t("Y tế", "Health"),
  t("Văn hóa", "Culture"),
  t("Môi trường và an toàn thực phẩm", "Environment and food safety"),
  t("Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law"),
  t("Quốc phòng và An ninh", "Defence and security"),
];

export const NTM_KEYS = NTM_CRITERIA.map((_, i) => `tc${String(i + 1).padStart(2, "0")}`);

const group = t("Tiêu chí nông thôn mới (QĐ 1980/QĐ-TTg)", "New-rural criteria (QĐ 1980/QĐ-TTg)");

const criteriaColumns: ColumnSpec[] = NTM_CRITERIA.map((name, i) =>
  enumCol(NTM_KEYS[i]!, t(`TC${i + 1}`, `C${i + 1}`), "datChuaDat", {
    group,
    required: true,
    width: 7,
    hint: t(
      `Tiêu chí ${i + 1}: ${name.vi}. Chọn Đạt hoặc Chưa đạt.`,
      `Criterion ${i + 1}: ${name.en}. Choose met or not met.`
    ),
  })
);

export const kinhTeNtm: TemplateSpec = {
  id: "kinh-te-ntm",
  version: 1,
  section: "3.3",
  department: { code: "KINH_TE", name: t("Phòng Kinh tế", "Economic Office") },
  title: t(
    "Kết quả thực hiện Bộ tiêu chí quốc gia về xã nông thôn mới",
    "New-rural (NTM) criteria met by each commune"
  ),
  sheetName: "Kinh tế - NTM",
  rowSet: "XA",
  orientation: "landscape",
  columns: assembleColumns("XA", [
    ...criteriaColumns,
    {
      key: "soTieuChiDat",
      header: t("Số tiêu chí đạt", "Criteria met"),
      type: "int",
      min: 0,
      max: 19,
      unitOfMeasure: UOM.tieuChi,
      computed: { kind: "countEquals", keys: NTM_KEYS, code: "DAT" },
      hint: t("Hiển thị dạng N/19.", "Shown as N/19."),
      master: true,
    },
    boolCol("daCongNhanNtm", t("Đã công nhận đạt chuẩn NTM", "Recognised as NTM commune"), {
      master: true,
    }),
    yearCol("namCongNhan", t("Năm công nhận", "Year recognised")),
  ]),
  rules: [
    {
      id: "ntm.congNhanDu19",
      kind: "assert",
      severity: "warning",
      when: [{ key: "daCongNhanNtm", op: "true" }],
      assert: [{ key: "soTieuChiDat", op: "gte", value: 19 }],
      anchor: "daCongNhanNtm",
      source: "QĐ 1980/QĐ-TTg",
      message: {
        vi: "Xã được ghi là đã công nhận đạt chuẩn nông thôn mới nhưng chỉ đạt {soTieuChiDat}/19 tiêu chí. Hãy kiểm tra lại các tiêu chí hoặc ô công nhận.",
        en: "The commune is marked as recognised NTM but meets only {soTieuChiDat}/19 criteria. Check the criteria or the recognition cell.",
      },
    },
    {
      id: "ntm.namCongNhan",
      kind: "assert",
      severity: "warning",
      when: [{ key: "daCongNhanNtm", op: "true" }],
      assert: [{ key: "namCongNhan", op: "filled" }],
      anchor: "namCongNhan",
      message: {
        vi: "Xã đã công nhận đạt chuẩn nông thôn mới nhưng chưa nhập năm công nhận. Hãy nhập năm (ví dụ 2018).",
        en: "The commune is recognised NTM but the year is missing. Enter the year (e.g. 2018).",
      },
    },
  ],
};
