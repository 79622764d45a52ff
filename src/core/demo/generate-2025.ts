/**
 * Sample submissions for a QĐ 366 period (2025, a ward Party Committee of the two-tier model): each
 * TCCS reports its score, its tasks and its discipline (3.14), UBKT, Xây dựng Đảng and Văn phòng
 * report on each TCCS (3.11–3.13), and 3.15 lists each chi ủy and its bí thư with their own scores.
 * The scenarios are chosen so the master shows every band of Article 11 and each condition failing:
 * exactly 90 / 70 / 50 points, too few tasks beyond the requirement, a task late, a task unfinished,
 * a member disciplined, and a Văn phòng figure that contradicts a "xuất sắc" claim. Deterministic.
 */
import type { TemplateSpec } from "../templates/spec";
import type { PeriodSettings } from "../settings/types";
import type { Unit, UnitRegister } from "../units/types";
import type { DemoFile, DemoPlan, DemoRow } from "./generate";
import { choiceLabel, DEMO_NAMES, departmentFile, finishPlan } from "./plan";

const label = choiceLabel;

/** One TCCS's year: score split, tasks and discipline, and what it claims. */
interface Scenario {
  chung: number;
  ketQua: number;
  nhiemVu: number;
  dungHan: number;
  treHan: number;
  chua: number;
  vuot: number;
  donViKyLuat: number;
  caNhanKyLuat: number;
  self: string;
  /** Văn phòng: reports on time out of 20 (below 18 contradicts a "xuất sắc" claim). */
  bcDungHan?: number;
  /** Said in the summary: what the master should show and why. */
  note: string;
}

const S = (
  total: number,
  tasks: [number, number, number, number, number],
  kl: [number, number],
  self: string,
  note: string,
  bcDungHan?: number
): Scenario => {
  const chung = Math.min(30, Math.round(total * 0.3 * 2) / 2);
  return {
    chung,
    ketQua: Math.round((total - chung) * 10) / 10,
    nhiemVu: tasks[0],
    dungHan: tasks[1],
    treHan: tasks[2],
    chua: tasks[3],
    vuot: tasks[4],
    donViKyLuat: kl[0],
    caNhanKyLuat: kl[1],
    self,
    note,
    ...(bcDungHan !== undefined ? { bcDungHan } : {}),
  };
};

/** In register order; a larger register repeats them. */
const SCENARIOS: Scenario[] = [
  S(95, [20, 20, 0, 0, 8], [0, 0], "HTXSNV", "95 điểm, đủ điều kiện → HTXSNV"),
  S(92, [20, 20, 0, 0, 4], [0, 0], "HTXSNV", "92 điểm nhưng chỉ 20% nhiệm vụ vượt yêu cầu → HTTNV"),
  S(84, [20, 18, 2, 0, 3], [0, 0], "HTTNV", "84 điểm nhưng 2 nhiệm vụ trễ hạn → HTNV"),
  S(76, [18, 18, 0, 0, 2], [0, 0], "HTTNV", "76 điểm, mọi nhiệm vụ đúng hạn → HTTNV"),
  S(91, [20, 20, 0, 0, 7], [0, 1], "HTXSNV", "91 điểm nhưng có đảng viên bị kỷ luật → HTTNV"),
  S(62, [20, 16, 3, 1, 0], [0, 0], "HTNV", "62 điểm nhưng còn 1 nhiệm vụ chưa hoàn thành → KHTNV"),
  S(88, [22, 22, 0, 0, 5], [0, 0], "HTTNV", "88 điểm, mọi nhiệm vụ đúng hạn → HTTNV"),
  S(90, [20, 20, 0, 0, 6], [0, 0], "HTXSNV", "đúng 90 điểm, đúng 30% vượt yêu cầu → HTXSNV"),
  S(70, [15, 15, 0, 0, 1], [0, 0], "HTTNV", "đúng 70 điểm, mọi nhiệm vụ đúng hạn → HTTNV"),
  S(50, [20, 16, 4, 0, 0], [0, 0], "HTNV", "đúng 50 điểm, 20% trễ hạn → HTNV"),
  S(49.5, [20, 18, 2, 0, 0], [0, 0], "HTNV", "49,5 điểm (dưới 50) → KHTNV"),
  S(
    93,
    [20, 20, 0, 0, 7],
    [0, 0],
    "HTXSNV",
    "93 điểm, đủ điều kiện, nhưng Văn phòng ghi chỉ 15/20 báo cáo đúng hạn → tối đa HTTNV",
    15
  ),
  S(86, [20, 20, 0, 0, 4], [0, 0], "HTTNV", "86 điểm, mọi nhiệm vụ đúng hạn → HTTNV"),
  S(94, [24, 24, 0, 0, 9], [0, 0], "HTXSNV", "94 điểm, đủ điều kiện → HTXSNV"),
];

const NAMES = DEMO_NAMES;

function scoreCells(s: Scenario): Record<string, number> {
  return {
    diemTieuChiChung: s.chung,
    diemKetQuaNhiemVu: s.ketQua,
    soNhiemVu: s.nhiemVu,
    soDungHan: s.dungHan,
    soTreHan: s.treHan,
    soChuaHoanThanh: s.chua,
    soVuotYeuCau: s.vuot,
    soDonViKyLuat: s.donViKyLuat,
    soCaNhanKyLuat: s.caNhanKyLuat,
  };
}

/** The year's sample submissions for a QĐ 366 template set (see the file comment). */
export function generateDemo2025(
  catalog: readonly TemplateSpec[],
  register: UnitRegister,
  settings: PeriodSettings
): DemoPlan {
  const year = settings.period;
  const made = `${year}-11-20T08:00:00+07:00`;
  const at = (d: number, h: number) =>
    `${year}-12-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:15:00+07:00`;
  const tccs: Unit[] = register.units
    .filter((u) => u.kind === "tccs")
    .sort((a, b) => a.order - b.order);
  const files: DemoFile[] = [];
  const dept = (templateId: string, d: number, rows: DemoRow[]) => {
    const spec = catalog.find((s) => s.id === templateId);
    if (!spec) return;
    files.push(departmentFile(spec, { generatedAt: made, modifiedAt: at(d, 9 + (d % 7)) }, rows));
  };
  const facts = tccs.map((u, i) => {
    const s = SCENARIOS[i % SCENARIOS.length]!;
    const dv = 12 + ((i * 7) % 30);
    const khtnv = s.caNhanKyLuat;
    const httn = Math.max(0, Math.round((dv - khtnv) * 0.7));
    const htxs = Math.min(Math.floor(httn * 0.2), dv - khtnv - httn);
    const htnv = dv - khtnv - httn - htxs;
    return { u, s, dv, dvs: [htxs, httn, htnv, khtnv] };
  });
  const notes = facts.map((f) => `${f.u.name}: ${f.s.note}.`);

  // 3.14: each TCCS's report with its score, tasks and discipline.
  dept(
    "tccs-bao-cao",
    15,
    facts.map((f) => ({
      unitCode: f.u.code,
      cells: {
        loaiHinh: f.u.loaiHinh ? label("loaiHinhCoSo", f.u.loaiHinh) : null,
        soTcTrucThuoc: 0,
        tc_Htxs: 0,
        tc_Httn: 0,
        tc_Htnv: 0,
        tc_Khtnv: 0,
        tongDv: f.dv,
        dv_Htxs: f.dvs[0]!,
        dv_Httn: f.dvs[1]!,
        dv_Htnv: f.dvs[2]!,
        dv_Khtnv: f.dvs[3]!,
        ...scoreCells(f.s),
        tcXdDangXuatSac: f.s.self === "HTXSNV" ? "x" : null,
        tcKtxhXuatSac: f.s.self === "HTXSNV" ? "x" : null,
        tcConLaiTot: "x",
        tuXepLoai: label("level4", f.s.self),
      },
    }))
  );
  // 3.11 UBKT: discipline as the reports say it.
  dept(
    "ubkt",
    12,
    facts.map((f) => ({
      unitCode: f.u.code,
      cells: {
        tcdKyLuat: 0,
        tccsBiKyLuat: "Không",
        dvKyLuat: f.s.caNhanKyLuat,
        klKhienTrach: f.s.caNhanKyLuat,
        klCanhCao: 0,
        klCachChuc: 0,
        klKhaiTru: 0,
        ktKeHoach: 2,
        ktThucHien: 2,
        gsKeHoach: 2,
        gsThucHien: 2,
      },
    }))
  );
  // 3.12 Xây dựng Đảng (học tập nghị quyết).
  dept(
    "tuyen-giao",
    12,
    facts.map((f) => ({
      unitCode: f.u.code,
      cells: { tongDv: f.dv, dvHocNq: f.dv, soChuyenDeHcm: 4 },
    }))
  );
  // 3.13 Văn phòng: reports on time (one contradiction by design).
  dept(
    "van-phong",
    14,
    facts.map((f) => {
      const dung = f.s.bcDungHan ?? 20;
      return {
        unitCode: f.u.code,
        cells: {
          bcPhaiNop: 20,
          bcDungHan: dung,
          bcTre: 20 - dung,
          bcKhong: 0,
          thucHienChiThi: label("thucHienChiThi", "TOT"),
        },
      };
    })
  );
  // 3.15: each chi ủy (collective) and its bí thư, scored like their chi bộ.
  const people: DemoRow[] = [];
  facts.forEach((f, i) => {
    const collective = { ...f.s };
    const leader = { ...f.s, chung: Math.min(30, f.s.chung), ketQua: f.s.ketQua };
    people.push({
      unitCode: null,
      cells: {
        ten: `Chi ủy ${f.u.name}`,
        chucVu: "Tập thể chi ủy",
        unitCode: f.u.name,
        laTapThe: "x",
        ...scoreCells(collective),
        tuXepLoai: label("level4", f.s.self),
        deXuat: null,
      },
    });
    people.push({
      unitCode: null,
      cells: {
        ten: NAMES[i % NAMES.length]!,
        chucVu: "Bí thư chi bộ",
        unitCode: f.u.name,
        laTapThe: null,
        ...scoreCells(leader),
        tuXepLoai: label("level4", f.s.self),
        deXuat: null,
      },
    });
  });
  dept("lanh-dao", 16, people);

  return finishPlan(catalog, files, notes);
}
