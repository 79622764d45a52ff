/** Valid filled rows for every template of the catalog, for the validation tests. */
import { NTM_KEYS } from "../../../src/core/templates/ntm-criteria";
import type { TemplateSpec } from "../../../src/core/templates/spec";
import { defaultRegister, unitsOfKind } from "../../../src/core/units";
import type { Unit, UnitRegister } from "../../../src/core/units/types";
import type { RawCell, RawRow } from "../../../src/core/validate/types";
import { ROWSET_KINDS } from "../../../src/core/validate";

export const FIRST_ROW = 7;
export const register: UnitRegister = defaultRegister();

type Cells = Record<string, RawCell>;

/** A valid set of inputs for `unit` (the i-th row of the sheet). */
export function validInputs(spec: TemplateSpec, unit: Unit, i: number): Cells {
  switch (spec.id) {
    case "noi-vu-cchc":
      return { diemCchc: 95 - i, xepHang: i + 1, xepLoaiCchc: "Tốt" };
    case "noi-vu-cbcc":
      return { tongSo: 20, soHtxs: 2, soHttn: 10, soHtnv: 6, soKhtnv: 1, soChuaDg: 1 };
    case "tai-chinh":
      return { duToanThu: 1000, thucHienThu: "1.234,5", duToanChi: 900, thucHienChi: 850 };
    case "kinh-te-ntm":
      return {
        ...Object.fromEntries(NTM_KEYS.map((k) => [k, "Đạt"])),
        daCongNhanNtm: "x",
        namCongNhan: 2018,
      };
    case "van-hoa":
      return {
        tongSoHo: 2000,
        soHoGdvh: 1800,
        tongThonTdp: 10,
        soThonTdpVh: 9,
        danhHieu:
          unit.kind === "xa" ? "Xã đạt chuẩn văn hóa NTM" : "Phường đạt chuẩn văn minh đô thị",
        namCongNhan: 2017,
      };
    case "giao-duc":
      return {
        mnTong: 3,
        mnDatChuan: 2,
        mnMucDo2: 1,
        thTong: 2,
        thDatChuan: 2,
        thMucDo2: 0,
        thcsTong: 1,
        thcsDatChuan: 1,
        thcsMucDo2: 1,
      };
    case "y-te":
      return { ytXaDat: "Đạt", danSoTb: 10000, soSinh: 150, soChet: 50, soSinhCon3: 10 };
    case "ldtbxh":
      return {
        tongSoHo: 2000,
        soHoNgheo: 40,
        soHoCanNgheo: 60,
        ngheoDauNam: 50,
        thoatNgheo: 15,
        taiNgheo: 2,
        phatSinh: 3,
      };
    case "dan-van":
      return {
        chinhQuyen: "HTTNV",
        mttq: "Hoàn thành xuất sắc nhiệm vụ",
        hoiPhuNu: "HTTNV",
        hoiNongDan: unit.kind === "xa" ? "HTTNV" : "",
        hoiCcb: "HTTNV",
        doanTn: "HTTNV",
      };
    case "quan-su":
      return { xepLoaiQp: "HTTNV" };
    case "cong-an":
      return { tongKdc: 10, kdcDat: 9, xaPhuongDat: "Đạt", coSoDangKy: 5, coSoDat: 5 };
    case "ubkt":
      return {
        tcdKyLuat: 0,
        tccsBiKyLuat: "không",
        dvKyLuat: 2,
        klKhienTrach: 1,
        klCanhCao: 1,
        klCachChuc: 0,
        klKhaiTru: 0,
        ktKeHoach: 4,
        ktThucHien: 4,
        gsKeHoach: 3,
        gsThucHien: 2,
        kienNghi: "Tăng cường giám sát",
      };
    case "tuyen-giao":
      return { tongDv: 100, dvHocNq: 95, soChuyenDeHcm: 2 };
    case "van-phong":
      return { bcPhaiNop: 20, bcDungHan: 18, bcTre: 1, bcKhong: 1, thucHienChiThi: "Tốt" };
    case "tccs-bao-cao":
      return {
        loaiHinh: unit.loaiHinh ?? "CO_QUAN",
        soTcTrucThuoc: 10,
        tc_Htxs: 2,
        tc_Httn: 6,
        tc_Htnv: 2,
        tc_Khtnv: 0,
        tongDv: 100,
        dv_Htxs: 10,
        dv_Httn: 60,
        dv_Htnv: 28,
        dv_Khtnv: 2,
        tcXdDangXuatSac: "x",
        tcKtxhXuatSac: "x",
        tcConLaiTot: "x",
        tuXepLoai: "HTTNV",
      };
    case "lanh-dao":
      return { laTapThe: "", tuXepLoai: "HTXSNV", deXuat: "HTTNV", xepLoaiCbccvc: "HTXSNV" };
    default:
      throw new Error(`no fixture for ${spec.id}`);
  }
}

const PEOPLE = [
  { ten: "Nguyễn Văn An", chucVu: "Bí thư Đảng ủy", unitCode: "Đảng bộ phường Phú Bài" },
  { ten: "Trần Thị Bình", chucVu: "Chủ tịch UBND", unitCode: "Phường Thủy Dương" },
  { ten: "Ban Thường vụ Đảng ủy", chucVu: "", unitCode: "db-xa-thuy-phu" },
];

/** Units listed by the spec (every register unit of its row set; PEOPLE: the units of 3 people). */
export function unitsFor(spec: TemplateSpec): Unit[] {
  const kinds = ROWSET_KINDS[spec.rowSet];
  return kinds ? unitsOfKind(register, kinds) : [];
}

/** A full valid sheet: one row per unit (or 3 people), from row FIRST_ROW on. */
export function validRows(spec: TemplateSpec): RawRow[] {
  if (spec.rowSet === "PEOPLE") {
    return PEOPLE.map((p, i) => {
      const unit = register.units.find((u) => u.code === "db-phuong-phu-bai")!;
      const extra = i === 2 ? { laTapThe: "x", xepLoaiCbccvc: "", tuXepLoai: "HTTNV" } : {};
      return {
        rowNumber: FIRST_ROW + i,
        cells: { stt: i + 1, ...p, ...validInputs(spec, unit, i), ...extra },
      };
    });
  }
  return unitsFor(spec).map((u, i) => ({
    rowNumber: FIRST_ROW + i,
    cells: {
      stt: i + 1,
      unitName: u.name,
      unitCode: u.code,
      unitType: u.kind === "xa" ? "Xã" : u.kind,
      ...validInputs(spec, u, i),
    },
  }));
}

/** validRows with `patch` merged into the cells of the i-th row. */
export function withPatch(spec: TemplateSpec, i: number, patch: Cells): RawRow[] {
  return validRows(spec).map((r, j) => (j === i ? { ...r, cells: { ...r.cells, ...patch } } : r));
}
