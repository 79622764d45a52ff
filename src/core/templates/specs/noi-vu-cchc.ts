/** 3.1a Nội vụ – Cải cách hành chính: score, rank and grade of each xã/phường. */
import { assembleColumns, enumCol, t, UOM } from "../common";
import type { TemplateSpec } from "../spec";

export const noiVuCchc: TemplateSpec = {
  id: "noi-vu-cchc",
  version: 1,
  section: "3.1a",
  department: { code: "NOI_VU", name: t("Phòng Nội vụ", "Home Affairs Office") },
  title: t(
    "Kết quả chỉ số cải cách hành chính năm của các xã, phường",
    "Administrative reform (CCHC) index of the communes and wards"
  ),
  sheetName: "Nội vụ - CCHC",
  rowSet: "DB",
  orientation: "portrait",
  columns: assembleColumns("DB", [
    {
      key: "diemCchc",
      header: t("Điểm CCHC", "CCHC score"),
      type: "number",
      required: true,
      min: 0,
      max: 100,
      unitOfMeasure: UOM.diem,
      master: true,
    },
    {
      key: "xepHang",
      header: t("Xếp hạng", "Rank"),
      type: "int",
      required: true,
      min: 1,
      hint: t(
        "1 = cao điểm nhất; mỗi hạng chỉ dùng một lần.",
        "1 = highest score; each rank used once."
      ),
    },
    // The province's CCHC scale is [M]: the enum is data (enums.ts) and can be replaced per period.
    enumCol("xepLoaiCchc", t("Xếp loại", "Grade"), "xepLoaiCchc", { required: true, master: true }),
  ]),
  rules: [
    {
      id: "cchc.xepHangTrung",
      kind: "unique",
      key: "xepHang",
      severity: "error",
      message: {
        vi: "Xếp hạng {value} đã dùng ở dòng {otherRow}. Mỗi hạng chỉ dùng cho một đơn vị.",
        en: "Rank {value} is already used on row {otherRow}. Each rank belongs to one unit.",
      },
    },
    {
      id: "cchc.xepHangPhamVi",
      kind: "rankInRange",
      key: "xepHang",
      severity: "error",
      message: {
        vi: "Xếp hạng {value} nằm ngoài khoảng 1 đến {n} (số đơn vị). Hãy nhập hạng từ 1 đến {n}.",
        en: "Rank {value} is outside 1 to {n} (the number of units). Enter a rank from 1 to {n}.",
      },
    },
    {
      id: "cchc.xepHangTheoDiem",
      kind: "rankFollowsScore",
      rank: "xepHang",
      score: "diemCchc",
      severity: "warning",
      message: {
        vi: "Xếp hạng {rank} không khớp với điểm: {otherUnit} có điểm thấp hơn ({otherScore} < {score}) nhưng xếp hạng cao hơn ({otherRank}). Hãy kiểm tra lại xếp hạng.",
        en: "Rank {rank} does not follow the scores: {otherUnit} has a lower score ({otherScore} < {score}) but a better rank ({otherRank}). Check the ranking.",
      },
    },
  ],
};
