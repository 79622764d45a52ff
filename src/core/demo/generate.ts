/**
 * Realistic sample submissions for the 2019 register, for `xeploai demo`: every department file
 * filled with plausible numbers (households 2.000–6.000, poverty 1–6 %, …), one TCCS report per
 * organisation (its own one-row 3.14 template), and a few deliberate problems so the master shows what it does with them:
 * a sum that does not add up, a number typed as text "1.234,5", an unknown unit "Thủy Xuân", a civil
 * servant rated above the rule, a late department, a missing department and a corrected resend.
 * The departments' figures agree with what each TCCS claims, except a few contradictions by design
 * that the evidence rules must catch: Xã Thủy Tân's budget revenue at 94,76% of the estimate and 2
 * members disciplined while its Đảng bộ reports none KHTNV; Phường Thủy Lương's CCHC grade "Khá"
 * and 3 members disciplined; the Quân sự file without Phường Phú Bài's row ("chưa đủ căn cứ").
 * Pure and deterministic (seeded).
 */
import type { TemplateSpec } from "../templates/spec";
import type { PeriodSettings } from "../settings/types";
import type { Unit, UnitRegister } from "../units/types";
import { choiceLabel, DEMO_NAMES, departmentFile, finishPlan } from "./plan";
import { Rng } from "./random";

export type DemoCell = string | number | boolean | null;

export interface DemoRow {
  /** Register code of the row's unit; null for free rows (3.15). */
  unitCode: string | null;
  cells: Record<string, DemoCell>;
}

export interface DemoFile {
  fileName: string;
  templateId: string;
  /** `_meta` generatedAt of the template the department filled. */
  generatedAt: string;
  /** When the department saved the file (the workbook's modified time). */
  modifiedAt: string;
  /**
   * The template lists only these units (a TCCS's own 3.14 report: its one row); absent, it lists
   * every unit of its row set.
   */
  units?: string[];
  rows: DemoRow[];
}

export interface DemoPlan {
  files: DemoFile[];
  /** Templates nobody sent. */
  missing: string[];
  /** What is wrong on purpose, in Vietnamese, for the summary. */
  mistakes: string[];
}

const label = choiceLabel;
const LV = (code: string) => label("level4", code);

const TEMPLATE_MADE = "2019-11-25T08:00:00+07:00";
const LATE_TEMPLATE = "cong-an";
/** Contradictions by design (register codes of the 2019 register; skipped in another register). */
const BUDGET_SHORT = "xa-thuy-tan"; // 94,76% of the revenue estimate
const CCHC_FAIR = "phuong-thuy-luong"; // CCHC grade "Khá"
const DISCIPLINED: Record<string, number> = { "db-xa-thuy-tan": 2, "db-phuong-thuy-luong": 3 };
const NO_DEFENCE_ROW = "phuong-phu-bai"; // the Quân sự file lacks this locality

const NAMES = DEMO_NAMES;

/** An ISO date moved by n days (pure, UTC arithmetic on the date only). */
function addDays(iso: string, n: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function day(d: number, hour: number): string {
  return `2019-12-${String(d).padStart(2, "0")}T${String(hour).padStart(2, "0")}:15:00+07:00`;
}

export function generateDemo(
  catalog: readonly TemplateSpec[],
  register: UnitRegister,
  settings: PeriodSettings,
  seed = 2019
): DemoPlan {
  const rng = new Rng(seed);
  const units = (kinds: Unit["kind"][]) =>
    register.units
      .filter((u) => kinds.includes(u.kind))
      .sort((a, b) =>
        a.kind === b.kind ? a.order - b.order : kinds.indexOf(a.kind) - kinds.indexOf(b.kind)
      );
  const localities = units(["phuong", "xa"]);
  const xa = units(["xa"]);
  const agencies = units(["coQuan"]);
  const tccs = units(["tccs"]);
  const mistakes: string[] = [];
  const files: DemoFile[] = [];
  const nameOf = (code: string) => register.units.find((u) => u.code === code)?.name ?? code;

  // What each TCCS will claim in 3.14 (every third one HTXSNV, one with a good clean record).
  const selfOf = (i: number) =>
    i % 3 === 0 || i === 4 ? "HTXSNV" : i % 7 === 6 ? "HTNV" : "HTTNV";
  const claims = new Set(
    tccs.filter((_, i) => selfOf(i) === "HTXSNV").flatMap((u) => [u.code, u.localityCode ?? ""])
  );
  /** The locality's Đảng bộ claims HTXSNV: its departments' figures back it (unless by design). */
  const claimed = (code: string) => claims.has(code);

  // Shared facts so that departments agree with each other.
  const households = new Map(localities.map((u) => [u.code, rng.int(2000, 6000)]));
  const poorRate = new Map(
    localities.map((u) => [u.code, rng.real(0.01, u.kind === "xa" ? 0.06 : 0.035)])
  );
  // One commune claims NTM criterion 11 while its poverty rate is above 5 % (cross-template check).
  const tc11Mismatch = xa[1]?.code;
  if (tc11Mismatch) poorRate.set(tc11Mismatch, 0.058);

  const dept = (templateId: string, d: number, rows: DemoRow[]) => {
    const spec = catalog.find((s) => s.id === templateId);
    if (!spec) return;
    const late = templateId === LATE_TEMPLATE;
    // A template with its own earlier deadline (3.8: 20/11) is sent out and back earlier.
    const own = settings.templateDeadlines?.[templateId];
    files.push(
      departmentFile(
        spec,
        {
          generatedAt: late
            ? day(27, 8)
            : own
              ? `${addDays(own, -15)}T08:00:00+07:00`
              : TEMPLATE_MADE,
          modifiedAt: late
            ? day(27, 10)
            : own
              ? `${addDays(own, -2)}T09:15:00+07:00`
              : day(d, 9 + (d % 7)),
        },
        rows
      )
    );
  };

  // 3.1a CCHC: scores with ranks that follow them.
  const scores = localities.map((u) => ({
    u,
    s: u.code === CCHC_FAIR ? 78.5 : Math.round(rng.real(claimed(u.code) ? 82 : 72, 96) * 10) / 10,
  }));
  const ranked = [...scores].sort((a, b) => b.s - a.s);
  dept(
    "noi-vu-cchc",
    16,
    scores.map(({ u, s }) => ({
      unitCode: u.code,
      cells: {
        diemCchc: s,
        xepHang: ranked.findIndex((r) => r.u === u) + 1,
        xepLoaiCchc: label("xepLoaiCchc", s >= 90 ? "XUAT_SAC" : s >= 80 ? "TOT" : "KHA"),
      },
    }))
  );

  if (scores.some(({ u }) => u.code === CCHC_FAIR))
    mistakes.push(
      `Mẫu 3.1a (Nội vụ): ${nameOf(CCHC_FAIR)} có chỉ số CCHC xếp loại "Khá", trong khi Đảng bộ tự đánh giá tiêu chí xây dựng Đảng, hệ thống chính trị xuất sắc — đề xuất tối đa HTTNV.`
    );

  // 3.1b CBCC: level counts add up — except one row (mistake 1).
  const cbccRows = [...localities, ...agencies].map((u, i) => {
    const tong = u.kind === "coQuan" ? rng.int(8, 20) : rng.int(18, 30);
    const htxs = Math.floor(tong * rng.real(0.1, 0.18));
    const htnv = rng.int(0, 2);
    const khtnv = rng.chance(0.1) ? 1 : 0;
    const chua = rng.chance(0.2) ? 1 : 0;
    const httn = tong - htxs - htnv - khtnv - chua;
    const cells: Record<string, DemoCell> = {
      tongSo: tong,
      soHtxs: htxs,
      soHttn: httn,
      soHtnv: htnv,
      soKhtnv: khtnv,
      soChuaDg: chua,
    };
    if (i === 2) {
      cells.tongSo = tong + 2;
      mistakes.push(
        `Mẫu 3.1b (Nội vụ): dòng ${u.name} có tổng các mức (${tong}) khác "Tổng số" (${tong + 2}) — dòng này bị loại khi tổng hợp.`
      );
    }
    return { unitCode: u.code, cells };
  });
  dept("noi-vu-cbcc", 18, cbccRows);

  // 3.2 Tài chính: one amount typed as text with Vietnamese separators (mistake 2, read correctly).
  dept(
    "tai-chinh",
    20,
    localities.map((u, i) => {
      const thu = Math.round(rng.real(5000, 40000));
      const chi = Math.round(thu * rng.real(0.85, 1.05));
      const cells: Record<string, DemoCell> = {
        duToanThu: thu,
        thucHienThu: Math.round(thu * rng.real(claimed(u.code) ? 1 : 0.92, 1.25) * 10) / 10,
        duToanChi: chi,
        thucHienChi: Math.round(chi * rng.real(0.9, 1.02) * 10) / 10,
      };
      if (u.code === BUDGET_SHORT) {
        cells.duToanThu = 25000;
        cells.thucHienThu = 23690;
        mistakes.push(
          `Mẫu 3.2 (Tài chính): ${u.name} thu ngân sách đạt 94,76% dự toán, trong khi Đảng bộ tự đánh giá tiêu chí lãnh đạo KT-XH xuất sắc — đề xuất tối đa HTTNV, lý do ghi rõ tệp và ô.`
        );
      }
      if (i === localities.length - 1) {
        cells.duToanThu = 1200;
        cells.thucHienThu = "1.234,5";
        mistakes.push(
          `Mẫu 3.2 (Tài chính): ${u.name} nhập "1.234,5" dạng chữ — được hiểu đúng là 1234,5 triệu đồng.`
        );
      }
      return { unitCode: u.code, cells };
    })
  );

  // 3.3 NTM (xã only).
  dept(
    "kinh-te-ntm",
    19,
    xa.map((u) => {
      const fails = u.code === tc11Mismatch ? 0 : rng.pick([0, 0, 1, 2, 3]);
      const failing = new Set<number>();
      while (failing.size < fails) failing.add(rng.pick([2, 3, 6, 7, 9, 12, 13, 16, 17]));
      const poor = poorRate.get(u.code)!;
      if (poor > 0.05 && u.code !== tc11Mismatch) failing.add(11);
      const cells: Record<string, DemoCell> = {};
      for (let k = 1; k <= 19; k++)
        cells[`tc${String(k).padStart(2, "0")}`] = label(
          "datChuaDat",
          failing.has(k) ? "CHUA_DAT" : "DAT"
        );
      const all = failing.size === 0;
      cells.daCongNhanNtm = all ? "x" : null;
      cells.namCongNhan = all ? rng.int(2016, 2019) : null;
      return { unitCode: u.code, cells };
    })
  );
  if (tc11Mismatch)
    mistakes.push(
      `Mẫu 3.3 / 3.7: ${register.units.find((u) => u.code === tc11Mismatch)!.name} ghi tiêu chí 11 (Hộ nghèo) "Đạt" nhưng tỷ lệ hộ nghèo 5,8% — cảnh báo đối chiếu giữa hai phòng.`
    );

  // 3.4 Văn hóa: the same household totals as 3.7.
  dept(
    "van-hoa",
    17,
    localities.map((u) => {
      const ho = households.get(u.code)!;
      const thon = rng.int(6, 18);
      const titled = claimed(u.code) || rng.chance(0.5);
      return {
        unitCode: u.code,
        cells: {
          tongSoHo: ho,
          soHoGdvh: Math.round(ho * rng.real(claimed(u.code) ? 0.87 : 0.84, 0.95)),
          tongThonTdp: thon,
          soThonTdpVh: thon - rng.int(0, 3),
          danhHieu: titled
            ? label("danhHieu", u.kind === "xa" ? "XA_VH_NTM" : "PHUONG_VMDT")
            : label("danhHieu", "CHUA_DAT"),
          namCongNhan: titled ? rng.int(2015, 2019) : null,
        },
      };
    })
  );

  // 3.5 Giáo dục.
  dept(
    "giao-duc",
    18,
    localities.map((u) => {
      const cells: Record<string, DemoCell> = {};
      for (const [c, lo, hi] of [
        ["mn", 1, 3],
        ["th", 1, 3],
        ["thcs", 1, 2],
      ] as const) {
        const tong = rng.int(lo, hi);
        const dat = rng.int(Math.max(claimed(u.code) ? 1 : 0, tong - 1), tong);
        cells[`${c}Tong`] = tong;
        cells[`${c}DatChuan`] = dat;
        cells[`${c}MucDo2`] = rng.int(0, Math.min(1, dat));
      }
      return { unitCode: u.code, cells };
    })
  );

  // 3.6 Y tế.
  dept(
    "y-te",
    20,
    localities.map((u) => {
      const dan = Math.round(households.get(u.code)! * rng.real(3.6, 4.3));
      const sinh = Math.round(dan * rng.real(0.012, 0.017));
      return {
        unitCode: u.code,
        cells: {
          ytXaDat: label("datKhongDat", claimed(u.code) || rng.chance(0.85) ? "DAT" : "KHONG_DAT"),
          danSoTb: dan,
          soSinh: sinh,
          soChet: Math.round(dan * rng.real(0.004, 0.006)),
          soSinhCon3: Math.round(sinh * rng.real(0.04, claimed(u.code) ? 0.09 : 0.12)),
        },
      };
    })
  );

  // 3.7 LĐ-TB&XH: poverty 1–6 %, movements that add up.
  dept(
    "ldtbxh",
    23,
    localities.map((u) => {
      const ho = households.get(u.code)!;
      const ngheo = Math.max(1, Math.round(ho * poorRate.get(u.code)!));
      const thoat = rng.int(claimed(u.code) ? 12 : 5, 40);
      const tai = rng.int(0, 3);
      const phatSinh = rng.int(0, 8);
      return {
        unitCode: u.code,
        cells: {
          tongSoHo: ho,
          soHoNgheo: ngheo,
          soHoCanNgheo: Math.round(ho * rng.real(0.02, 0.05)),
          ngheoDauNam: ngheo + thoat - tai - phatSinh,
          thoatNgheo: thoat,
          taiNgheo: tai,
          phatSinh,
        },
      };
    })
  );

  // 3.8 Dân vận: one commune's Farmers' Association below HTTNV (cap 3).
  const cap3 = xa[3]?.code;
  dept(
    "dan-van",
    21,
    localities.map((u) => {
      const lv = () => LV(rng.chance(0.3) ? "HTXSNV" : "HTTNV");
      return {
        unitCode: u.code,
        cells: {
          chinhQuyen: lv(),
          mttq: lv(),
          hoiPhuNu: lv(),
          hoiNongDan: u.kind === "xa" ? (u.code === cap3 ? LV("HTNV") : lv()) : null,
          hoiCcb: lv(),
          doanTn: lv(),
        },
      };
    })
  );

  // 3.10 Công an: LATE (generated and filled after the deadline).
  dept(
    "cong-an",
    27,
    localities.map((u) => {
      const kdc = rng.int(6, 18);
      const reg = rng.int(10, 40);
      return {
        unitCode: u.code,
        cells: {
          tongKdc: kdc,
          kdcDat: kdc - rng.int(0, claimed(u.code) ? 1 : 2),
          xaPhuongDat: label(
            "datChuaDat",
            claimed(u.code) || rng.chance(0.85) ? "DAT" : "CHUA_DAT"
          ),
          coSoDangKy: reg,
          coSoDat: reg - rng.int(0, 4),
        },
      };
    })
  );
  mistakes.push(`Mẫu 3.10 (Công an) nộp ngày 27/12/2019, sau hạn 25/12/2019 — đánh dấu trễ hạn.`);

  // 3.9 Quân sự: every locality and agency except one (its Đảng bộ gets "chưa đủ căn cứ").
  dept(
    "quan-su",
    22,
    [...localities, ...agencies]
      .filter((u) => u.code !== NO_DEFENCE_ROW)
      .map((u) => ({
        unitCode: u.code,
        cells: { xepLoaiQp: LV(claimed(u.code) || rng.chance(0.4) ? "HTXSNV" : "HTTNV") },
      }))
  );
  if (localities.some((u) => u.code === NO_DEFENCE_ROW))
    mistakes.push(
      `Mẫu 3.9 (Quân sự) thiếu dòng ${nameOf(NO_DEFENCE_ROW)} — tiêu chí lãnh đạo KT-XH, QP-AN của Đảng bộ "chưa đủ căn cứ", đề xuất tạm tối đa HTTNV; bảng "Tình hình nộp" ghi "Chưa nhận".`
    );

  // TCCS facts (3.14) drive 3.11–3.13 too.
  const disciplined = tccs.find((u) => u.loaiHinh === "DOANH_NGHIEP")?.code;
  const facts = tccs.map((u, i) => {
    const dangBo = u.tccsForm !== "chiBo";
    const so = dangBo
      ? u.loaiHinh === "DB_XA" || u.loaiHinh === "DB_PHUONG"
        ? rng.int(10, 22)
        : rng.int(5, 12)
      : 0;
    // Subordinates: mostly good; a few with a KHTNV or below 80 % (cap 1).
    const weak = i % 5 === 2;
    const tcKh = so > 0 && weak && rng.chance(0.5) ? 1 : 0;
    const tcHtnv = so === 0 ? 0 : weak ? Math.ceil(so * 0.25) : rng.int(0, 1);
    const tcXs = Math.floor((so - tcKh - tcHtnv) * rng.real(0.15, 0.3));
    const tcTot = so - tcKh - tcHtnv - tcXs;
    const dv = dangBo ? (so > 0 ? so * rng.int(18, 35) : rng.int(60, 120)) : rng.int(15, 45);
    const dvKh = DISCIPLINED[u.code] !== undefined ? 0 : rng.chance(0.3) ? 1 : 0;
    const dvHt = Math.round(dv * rng.real(0.05, 0.12));
    const dvXs = Math.round(dv * rng.real(0.08, 0.15));
    const dvTot = dv - dvKh - dvHt - dvXs;
    const self = selfOf(i);
    const criteria = self === "HTXSNV" && i !== 6;
    return {
      u,
      so,
      tc: [tcXs, tcTot, tcHtnv, tcKh],
      dv,
      dvs: [dvXs, dvTot, dvHt, dvKh],
      self,
      criteria,
    };
  });
  // One agency's self-rating HTXSNV with a criterion unticked (cap 4).
  for (const f of facts) {
    const d = 10 + (facts.indexOf(f) % 12);
    files.push({
      fileName: `3.14-${f.u.code}.xlsx`,
      templateId: "tccs-bao-cao",
      generatedAt: TEMPLATE_MADE,
      modifiedAt: day(d, 14),
      // Each TCCS fills its own report: a template with its one row.
      units: [f.u.code],
      rows: [
        {
          unitCode: f.u.code,
          cells: {
            loaiHinh: label("loaiHinh", f.u.loaiHinh ?? "CO_QUAN"),
            soTcTrucThuoc: f.so,
            tc_Htxs: f.tc[0]!,
            tc_Httn: f.tc[1]!,
            tc_Htnv: f.tc[2]!,
            tc_Khtnv: f.tc[3]!,
            tongDv: f.dv,
            dv_Htxs: f.dvs[0]!,
            dv_Httn: f.dvs[1]!,
            dv_Htnv: f.dvs[2]!,
            dv_Khtnv: f.dvs[3]!,
            tcXdDangXuatSac: f.self === "HTXSNV" || rng.chance(0.4) ? "x" : null,
            tcKtxhXuatSac: f.criteria || rng.chance(0.3) ? "x" : null,
            tcConLaiTot: "x",
            tuXepLoai: LV(f.self),
          },
        },
      ],
    });
  }
  // A corrected resend: the newer file wins, the conflict is reported.
  const first = facts[0];
  if (first) {
    const orig = files.find((f) => f.fileName === `3.14-${first.u.code}.xlsx`)!;
    files.push({
      ...orig,
      fileName: `3.14-${first.u.code}-bo-sung.xlsx`,
      modifiedAt: day(22, 16),
      rows: [
        {
          unitCode: first.u.code,
          cells: { ...orig.rows[0]!.cells, ghiChu: "Bản bổ sung, thay bản trước" },
        },
      ],
    });
    orig.rows[0]!.cells.tuXepLoai = LV("HTTNV");
    mistakes.push(
      `${first.u.name} gửi hai bản báo cáo 3.14; bản mới hơn (bổ sung ngày 22/12) được lấy, xung đột được ghi vào Nhật ký.`
    );
  }

  // 3.11 UBKT: the enterprise cell's committee disciplined (cap 5 → KHTNV).
  dept(
    "ubkt",
    20,
    facts.map((f) => {
      // Members disciplined are rated KHTNV (HD 21), except the contradictions by design.
      const n = DISCIPLINED[f.u.code] ?? f.dvs[3]!;
      const kl = [n, 0, 0, 0];
      if (DISCIPLINED[f.u.code] !== undefined)
        mistakes.push(
          `Mẫu 3.11 (UBKT): ${f.u.name} có ${n} đảng viên bị kỷ luật trong năm nhưng báo cáo 3.14 ghi ${f.dvs[3]} đảng viên KHTNV — lỗi đối chiếu; điều kiện về đảng viên tính theo số lớn hơn.`
        );
      const kt = rng.int(2, 8);
      const good = f.self === "HTXSNV";
      const gs = rng.int(2, 6);
      return {
        unitCode: f.u.code,
        cells: {
          tcdKyLuat: f.so > 0 && rng.chance(0.15) ? 1 : 0,
          tccsBiKyLuat: f.u.code === disciplined ? "Có" : "Không",
          dvKyLuat: kl.reduce((a, b) => a + b, 0),
          klKhienTrach: kl[0]!,
          klCanhCao: kl[1]!,
          klCachChuc: kl[2]!,
          klKhaiTru: kl[3]!,
          ktKeHoach: kt,
          ktThucHien: good ? kt : kt - rng.int(0, 1),
          gsKeHoach: gs,
          gsThucHien: gs,
        },
      };
    })
  );
  // 3.12 Tuyên giáo.
  dept(
    "tuyen-giao",
    19,
    facts.map((f) => ({
      unitCode: f.u.code,
      cells: {
        tongDv: f.dv,
        dvHocNq: Math.round(f.dv * rng.real(0.92, 0.99)),
        soChuyenDeHcm: rng.int(2, 6),
      },
    }))
  );
  // 3.13 Văn phòng.
  dept(
    "van-phong",
    24,
    facts.map((f) => {
      const good = f.self === "HTXSNV";
      const tre = rng.int(0, good ? 1 : 3);
      const khong = !good && rng.chance(0.15) ? 1 : 0;
      return {
        unitCode: f.u.code,
        cells: {
          bcPhaiNop: 24,
          bcDungHan: 24 - tre - khong,
          bcTre: tre,
          bcKhong: khong,
          thucHienChiThi: label("thucHienChiThi", rng.pick(["TOT", "TOT", "KHA"])),
        },
      };
    })
  );

  // 3.15 Leaders: a few secretaries, two collectives, one unknown unit and one civil-servant error.
  const people: DemoRow[] = [];
  const dbs = facts.filter((f) => f.u.localityCode).slice(0, 6);
  dbs.forEach((f, i) => {
    const above = i === 1; // rated above the unit's own level (warning)
    people.push({
      unitCode: null,
      cells: {
        ten: NAMES[i]!,
        chucVu: "Bí thư Đảng ủy",
        unitCode: f.u.name,
        laTapThe: null,
        tuXepLoai: LV(above ? "HTXSNV" : f.self === "HTXSNV" ? "HTXSNV" : "HTTNV"),
        deXuat: null,
        xepLoaiCbccvc: LV(above || f.self === "HTXSNV" ? "HTXSNV" : "HTTNV"),
      },
    });
  });
  if (dbs[1]) {
    // Make sure the unit's self-rating is below the leader's.
    const f = dbs[1];
    const row = files.find((x) => x.fileName === `3.14-${f.u.code}.xlsx`)!;
    row.rows[0]!.cells.tuXepLoai = LV("HTTNV");
    mistakes.push(
      `Mẫu 3.15: ${NAMES[1]} (Bí thư ${f.u.name}) tự xếp HTXSNV, cao hơn đơn vị mình lãnh đạo — đề xuất tối đa bằng mức của đơn vị (gắn cá nhân với tập thể).`
    );
  }
  for (const f of facts.slice(0, 2)) {
    people.push({
      unitCode: null,
      cells: {
        ten: `Ban Thường vụ ${f.u.name}`,
        chucVu: "Tập thể lãnh đạo",
        unitCode: f.u.name,
        laTapThe: "x",
        tuXepLoai: LV("HTTNV"),
        deXuat: LV("HTTNV"),
        xepLoaiCbccvc: null,
      },
    });
  }
  people.push({
    unitCode: null,
    cells: {
      ten: NAMES[8]!,
      chucVu: "Chủ tịch UBND",
      unitCode: "Thủy Xuân",
      laTapThe: null,
      tuXepLoai: LV("HTTNV"),
      deXuat: null,
      xepLoaiCbccvc: LV("HTTNV"),
    },
  });
  mistakes.push(
    `Mẫu 3.15: một dòng ghi đơn vị "Thủy Xuân" (phường của Huế, không thuộc Hương Thủy) — lỗi "đơn vị không có trong danh mục", dòng bị loại.`
  );
  const agencyTccs = facts.find((f) => !f.u.localityCode);
  if (agencyTccs) {
    people.push({
      unitCode: null,
      cells: {
        ten: NAMES[9]!,
        chucVu: "Trưởng phòng",
        unitCode: agencyTccs.u.name,
        laTapThe: null,
        tuXepLoai: LV("HTXSNV"),
        deXuat: LV("HTXSNV"),
        xepLoaiCbccvc: LV("HTTNV"),
      },
    });
    mistakes.push(
      `Mẫu 3.15: ${NAMES[9]} là công chức xếp loại CBCCVC HTTNV nhưng tự xếp HTXSNV — sai theo HD 21 (2.3): vẫn ở trong danh sách, được đánh dấu và đề xuất tối đa HTTNV.`
    );
  }
  // Leaders of the bodies the plan (III.1.2) reviews (not TCCS): each is linked to its body's
  // leadership-collective row in 3.15; one body sent no collective row ("chưa đủ căn cứ").
  const bodies = units(["tapThe"]);
  const person = (ten: string, chucVu: string, unit: Unit, self: string, cbccvc: string | null) =>
    people.push({
      unitCode: null,
      cells: {
        ten,
        chucVu,
        unitCode: unit.name,
        laTapThe: cbccvc === null ? "x" : null,
        tuXepLoai: LV(self),
        deXuat: cbccvc === null ? LV(self) : null,
        xepLoaiCbccvc: cbccvc === null ? null : LV(cbccvc),
      },
    });
  const [hdnd, ubnd, third] = bodies;
  if (hdnd) {
    person(hdnd.name, "Tập thể lãnh đạo", hdnd, "HTXSNV", null);
    person(NAMES[10]!, "Chủ tịch", hdnd, "HTXSNV", "HTXSNV");
  }
  if (ubnd) {
    person(ubnd.name, "Tập thể lãnh đạo", ubnd, "HTTNV", null);
    person(NAMES[11]!, "Chủ tịch", ubnd, "HTXSNV", "HTXSNV");
    mistakes.push(
      `Mẫu 3.15: ${NAMES[11]} (Chủ tịch, ${ubnd.name}) tự xếp HTXSNV trong khi tập thể lãnh đạo ${ubnd.name} xếp HTTNV — đề xuất tối đa HTTNV (gắn cá nhân với tập thể).`
    );
  }
  if (third) {
    person(NAMES[6]!, "Trưởng ban", third, "HTXSNV", "HTXSNV");
    mistakes.push(
      `Mẫu 3.15: ${NAMES[6]} (${third.name}) tự xếp HTXSNV nhưng mẫu 3.15 không có dòng tập thể lãnh đạo của ${third.name} — "chưa đủ căn cứ", đề xuất tạm tối đa HTTNV.`
    );
  }
  dept("lanh-dao", 24, people);

  return finishPlan(catalog, files, mistakes);
}
