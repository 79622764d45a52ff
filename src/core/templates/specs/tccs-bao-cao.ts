/**
 * 3.14 Báo cáo kết quả của TCCS: each grassroots party organisation reports its subordinate
 * organisations and members by level, its qualitative criteria and its self-rating. The master's
 * caps (brief §4) are computed from these rows by the consolidation step, not here. Also for
 * consolidation: the per-loaiHinh quota over `quyetDinhBtv`, and checking `loaiHinh` against the
 * register's loaiHinh of the TCCS.
 */
import { assembleColumns, boolCol, count, enumCol, partsSumToTotal, t, UOM } from "../common";
import type { TemplateSpec } from "../spec";

const tcd = t("Tổ chức đảng trực thuộc", "Subordinate organisations");
const dv = t("Đảng viên", "Party members");
const tieuChi = t("Tiêu chí chất lượng", "Quality criteria");
const SOURCE_QUOTA = "HD 21-HD/BTCTW, 2.3";
const SOURCE_HTXS = "HD 21-HD/BTCTW, II.B.1.3";

export const tccsBaoCao: TemplateSpec = {
  id: "tccs-bao-cao",
  version: 1,
  section: "3.14",
  department: { code: "TCCS", name: t("Tổ chức cơ sở đảng", "Grassroots party organisations") },
  title: t(
    "Báo cáo kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên",
    "Report of a grassroots party organisation: ratings of its organisations and members"
  ),
  sheetName: "TCCS - Báo cáo kết quả",
  rowSet: "TCCS",
  orientation: "landscape",
  columns: assembleColumns("TCCS", [
    enumCol("loaiHinh", t("Loại hình", "Type"), "loaiHinh", { required: true, master: true }),
    count("soTcTrucThuoc", t("Số TCĐ trực thuộc", "Subordinate organisations"), {
      group: tcd,
      unitOfMeasure: UOM.toChuc,
      master: true,
    }),
    count("tc_Htxs", t("HTXSNV", "HTXSNV"), {
      group: tcd,
      unitOfMeasure: UOM.toChuc,
      master: true,
    }),
    count("tc_Httn", t("HTTNV", "HTTNV"), { group: tcd, unitOfMeasure: UOM.toChuc, master: true }),
    count("tc_Htnv", t("HTNV", "HTNV"), { group: tcd, unitOfMeasure: UOM.toChuc, master: true }),
    count("tc_Khtnv", t("KHTNV", "KHTNV"), { group: tcd, unitOfMeasure: UOM.toChuc, master: true }),
    count("tongDv", t("Tổng số đảng viên được xếp loại", "Members rated"), {
      group: dv,
      unitOfMeasure: UOM.dangVien,
      master: true,
    }),
    count("dv_Htxs", t("HTXSNV", "HTXSNV"), {
      group: dv,
      unitOfMeasure: UOM.dangVien,
      master: true,
    }),
    count("dv_Httn", t("HTTNV", "HTTNV"), { group: dv, unitOfMeasure: UOM.dangVien, master: true }),
    count("dv_Htnv", t("HTNV", "HTNV"), { group: dv, unitOfMeasure: UOM.dangVien, master: true }),
    count("dv_Khtnv", t("KHTNV", "KHTNV"), {
      group: dv,
      unitOfMeasure: UOM.dangVien,
      master: true,
    }),
    boolCol(
      "tcXdDangXuatSac",
      t("Tiêu chí xây dựng Đảng, HTCT xuất sắc", "Party-building criteria outstanding"),
      { group: tieuChi, master: true }
    ),
    boolCol(
      "tcKtxhXuatSac",
      t(
        "Tiêu chí lãnh đạo KT-XH, QP-AN xuất sắc",
        "Socio-economic and defence criteria outstanding"
      ),
      { group: tieuChi, master: true }
    ),
    boolCol(
      "tcConLaiTot",
      t("Các tiêu chí còn lại từ Tốt trở lên", "Other criteria good or better"),
      { group: tieuChi, master: true }
    ),
    enumCol("tuXepLoai", t("Tự xếp loại", "Self-rating"), "level4", {
      required: true,
      master: true,
    }),
  ]),
  rules: [
    partsSumToTotal(
      "tccs.tcTong",
      {
        keys: ["tc_Htxs", "tc_Httn", "tc_Htnv", "tc_Khtnv"],
        label: t("tổ chức đảng trực thuộc theo 4 mức", "Subordinate organisations by level"),
      },
      { key: "soTcTrucThuoc", label: t("số TCĐ trực thuộc", "subordinate organisations") }
    ),
    partsSumToTotal(
      "tccs.dvTong",
      {
        keys: ["dv_Htxs", "dv_Httn", "dv_Htnv", "dv_Khtnv"],
        label: t("đảng viên theo 4 mức", "Members by level"),
      },
      { key: "tongDv", label: t("tổng số đảng viên được xếp loại", "members rated") }
    ),
    {
      id: "tccs.quotaDv",
      kind: "quota",
      key: "dv_Htxs",
      base: "dv_Httn",
      ratio: 0.2,
      severity: "warning",
      source: SOURCE_QUOTA,
      message: {
        vi: "Số đảng viên HTXSNV ({value}) vượt tỷ lệ 20% số đảng viên HTTNV ({base}): tối đa {allowed}, vượt {excess}. Cấp có thẩm quyền xem xét, quyết định.",
        en: "Members rated HTXSNV ({value}) exceed 20% of those rated HTTNV ({base}): at most {allowed}, {excess} over. The competent level decides.",
      },
    },
    {
      // Self-rating HTXSNV needs condition 1 of HD 21 II.B.1.3 (the three criteria ticked).
      id: "tccs.htxsTieuChi",
      kind: "assert",
      severity: "warning",
      when: [{ key: "tuXepLoai", op: "eq", value: "HTXSNV" }],
      assert: [
        { key: "tcXdDangXuatSac", op: "true" },
        { key: "tcKtxhXuatSac", op: "true" },
        { key: "tcConLaiTot", op: "true" },
      ],
      anchor: "tuXepLoai",
      source: SOURCE_HTXS,
      message: {
        vi: "Tự xếp loại HTXSNV nhưng chưa đánh dấu đủ 3 tiêu chí chất lượng (xây dựng Đảng xuất sắc, lãnh đạo KT-XH xuất sắc, còn lại từ Tốt trở lên). Hãy kiểm tra lại.",
        en: "Self-rated HTXSNV but the three quality criteria are not all ticked. Check the rating.",
      },
    },
  ],
};
