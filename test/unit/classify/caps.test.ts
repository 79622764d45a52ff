import { classifyAll, classifyTccs } from "../../../src/core/classify";
import { consolidate, RowIndex } from "../../../src/core/consolidate";
import {
  HD21_2019 as HD21_FULL,
  NO_EVIDENCE,
  parseRuleSet,
  QD366_2025,
  type RuleSet,
} from "../../../src/core/rules";
import type { Submission } from "../../../src/core/submission/types";
import { catalog, danVan, register, report, settings, sub, ubkt } from "../consolidate/fixtures";

/** The caps alone: the evidence rules are tested in evidence.test.ts. */
const HD21_2019: RuleSet = { ...HD21_FULL, evidence: NO_EVIDENCE };
const unit = (code: string) => register.units.find((u) => u.code === code)!;
const PB = "db-phuong-phu-bai"; // Đảng bộ phường (dangBo), locality phuong-phu-bai
const THPT = "tccs-thpt-huong-thuy"; // Chi bộ cơ sở (chiBo), no locality
const DB_XA = "db-xa-thuy-phu"; // Đảng bộ xã, locality xa-thuy-phu

function classifyOne(code: string, subs: Submission[], ruleSet: RuleSet = HD21_2019) {
  const c = consolidate(subs, { register, settings, catalog, ruleSet });
  const idx = new RowIndex(c);
  return classifyTccs(unit(code), ruleSet, { lookup: (t, u) => idx.get(t, u), catalog });
}
const caps = (r: ReturnType<typeof classifyOne>) =>
  r.reasons.filter((x) => x.kind === "cap").map((x) => x.ruleId);

/** All the data a Đảng bộ phường needs to stay at HTXSNV. */
const complete = (over: Record<string, unknown> = {}, dv = {}, uk = false) => [
  sub("tccs-bao-cao", [report(PB, over as never)]),
  sub("dan-van", [danVan("phuong-phu-bai", dv)]),
  sub("ubkt", [ubkt(PB, uk)]),
];

describe("HD21-2019 caps", () => {
  it("with every condition met the suggestion is the self-rating", () => {
    const r = classifyOne(PB, complete());
    expect(r).toMatchObject({
      selfRating: "HTXSNV",
      cap: "HTXSNV",
      suggested: "HTXSNV",
      complete: true,
      tccsForm: "dangBo",
    });
    expect(caps(r)).toEqual([]);
  });

  it("cap 1: a subordinate organisation at KHTNV → at most HTTNV, with the numbers and the source", () => {
    const r = classifyOne(PB, complete({ tc_Httn: 6, tc_Khtnv: 1 }));
    expect(r.suggested).toBe("HTTNV");
    expect(caps(r)).toEqual(["cap1-dang-bo-truc-thuoc"]);
    const reason = r.reasons.find((x) => x.ruleId === "cap1-dang-bo-truc-thuoc")!;
    expect(reason.message.vi).toContain("KHTNV = 1");
    expect(reason.source).toBe("HD 21-HD/BTCTW, II.B.1.3, điều kiện 2");
    expect(reason.cells[0]!.cell).toMatch(/^[A-Z]+12$/);
  });

  it("cap 1: fewer than 80 % at HTTNV or better → at most HTTNV; exactly 80 % passes", () => {
    const below = classifyOne(PB, complete({ tc_Htxs: 2, tc_Httn: 5, tc_Htnv: 3 }));
    expect(below.suggested).toBe("HTTNV");
    expect(below.reasons.find((x) => x.ruleId === "cap1-dang-bo-truc-thuoc")!.message.vi).toContain(
      "7/10 = 70% < 80%"
    );
    const exactly = classifyOne(PB, complete({ tc_Htxs: 2, tc_Httn: 6, tc_Htnv: 2 }));
    expect(exactly.suggested).toBe("HTXSNV");
  });

  it("cap 2: a chi bộ cơ sở is judged on its members", () => {
    const base = {
      loaiHinh: "SU_NGHIEP",
      soTcTrucThuoc: 0,
      tc_Htxs: 0,
      tc_Httn: 0,
      tc_Htnv: 0,
      tc_Khtnv: 0,
      tongDv: 20,
    };
    const bad = classifyOne(THPT, [
      sub("tccs-bao-cao", [
        report(THPT, { ...base, dv_Htxs: 2, dv_Httn: 12, dv_Htnv: 6, dv_Khtnv: 0 }),
      ]),
      sub("ubkt", [ubkt(THPT, false)]),
    ]);
    expect(bad.tccsForm).toBe("chiBo");
    expect(caps(bad)).toEqual(["cap2-chi-bo-dang-vien"]);
    expect(bad.suggested).toBe("HTTNV");
    const good = classifyOne(THPT, [
      sub("tccs-bao-cao", [
        report(THPT, { ...base, dv_Htxs: 3, dv_Httn: 15, dv_Htnv: 2, dv_Khtnv: 0 }),
      ]),
      sub("ubkt", [ubkt(THPT, false)]),
    ]);
    expect(caps(good)).toEqual([]);
    expect(good.suggested).toBe("HTXSNV");
    // Cap 3 (3.8) does not apply to an agency's chi bộ: no "missing 3.8" reason either.
    expect(good.reasons.some((x) => x.ruleId === "cap3-chinh-quyen-doan-the")).toBe(false);
  });

  it("cap 3: a 3.8 column below HTTNV caps a Đảng bộ xã joined by its locality", () => {
    const subs = (hoiNongDan: string) => [
      sub("tccs-bao-cao", [report(DB_XA, { loaiHinh: "DB_XA" })]),
      sub("dan-van", [danVan("xa-thuy-phu", { hoiNongDan })]),
      sub("ubkt", [ubkt(DB_XA, false)]),
    ];
    const r = classifyOne(DB_XA, subs("HTNV"));
    expect(caps(r)).toEqual(["cap3-chinh-quyen-doan-the"]);
    expect(r.reasons.find((x) => x.ruleId === "cap3-chinh-quyen-doan-the")!.message.vi).toContain(
      "Hội Nông dân: HTNV"
    );
    expect(classifyOne(DB_XA, subs("HTTNV")).suggested).toBe("HTXSNV");
  });

  it("cap 4: an unticked criterion (false or empty) → at most HTTNV", () => {
    expect(caps(classifyOne(PB, complete({ tcKtxhXuatSac: false })))).toEqual(["cap4-tieu-chi"]);
    const empty = classifyOne(PB, complete({ tcConLaiTot: null }));
    expect(empty.suggested).toBe("HTTNV");
    expect(empty.reasons.find((x) => x.ruleId === "cap4-tieu-chi")!.message.vi).toContain(
      "Các tiêu chí còn lại từ Tốt trở lên"
    );
  });

  it("cap 5: a disciplined organisation → KHTNV", () => {
    const r = classifyOne(PB, complete({}, {}, true));
    expect(r.suggested).toBe("KHTNV");
    expect(caps(r)).toEqual(["cap5-ky-luat"]);
  });

  it("cap 6: the KHTNV share above the parameter → KHTNV; at the parameter it is only capped by cap 1", () => {
    const over = classifyOne(PB, complete({ tc_Htxs: 2, tc_Httn: 5, tc_Htnv: 0, tc_Khtnv: 3 }));
    expect(over.suggested).toBe("KHTNV");
    expect(caps(over)).toEqual(["cap1-dang-bo-truc-thuoc", "cap6a-ty-le-tcd-khtnv"]);
    const at = classifyOne(PB, complete({ tc_Htxs: 2, tc_Httn: 6, tc_Htnv: 0, tc_Khtnv: 2 }));
    expect(at.suggested).toBe("HTTNV");
    expect(caps(at)).toEqual(["cap1-dang-bo-truc-thuoc"]);
  });

  it("cap 6b: a chi bộ with more than 20 % of its members at KHTNV → KHTNV; 20 % exactly is only capped by cap 2", () => {
    const base = {
      loaiHinh: "SU_NGHIEP",
      soTcTrucThuoc: 0,
      tc_Htxs: 0,
      tc_Httn: 0,
      tc_Htnv: 0,
      tc_Khtnv: 0,
      tongDv: 20,
    };
    const run = (dv_Khtnv: number) =>
      classifyOne(THPT, [
        sub("tccs-bao-cao", [
          report(THPT, { ...base, dv_Htxs: 2, dv_Httn: 18 - dv_Khtnv, dv_Htnv: 0, dv_Khtnv }),
        ]),
        sub("ubkt", [ubkt(THPT, false)]),
      ]);
    expect(run(5).suggested).toBe("KHTNV");
    expect(caps(run(5))).toEqual(["cap2-chi-bo-dang-vien", "cap6b-ty-le-dv-khtnv"]);
    expect(caps(run(4))).toEqual(["cap2-chi-bo-dang-vien"]);
    expect(run(4).suggested).toBe("HTTNV");
  });

  it("the threshold is data: a stricter copy of the rule set changes the result without code", () => {
    const strict = JSON.parse(JSON.stringify(HD21_2019)) as RuleSet;
    const cap6 = strict.caps.find((c) => c.id === "cap6a-ty-le-tcd-khtnv")!;
    (cap6.triggers[0] as { threshold: number }).threshold = 0.1;
    expect(
      classifyOne(PB, complete({ tc_Htxs: 2, tc_Httn: 6, tc_Htnv: 0, tc_Khtnv: 2 }), strict)
        .suggested
    ).toBe("KHTNV");
  });

  it("missing data is a reason, never a silent assumption", () => {
    const onlyReport = classifyOne(PB, [sub("tccs-bao-cao", [report(PB)])]);
    expect(onlyReport.complete).toBe(false);
    expect(onlyReport.suggested).toBe("HTTNV"); // 3.8 missing: HTXSNV cannot be proven
    const missing = onlyReport.reasons.filter((x) => x.kind === "missing").map((x) => x.ruleId);
    expect(missing).toEqual(["cap3-chinh-quyen-doan-the", "cap5-ky-luat"]);
    expect(
      onlyReport.reasons.find((x) => x.ruleId === "cap3-chinh-quyen-doan-the")!.message.vi
    ).toContain("chưa có số liệu");

    const nothing = classifyOne(PB, []);
    expect(nothing.suggested).toBeNull();
    expect(nothing.reasons[0]!.message.vi).toContain("hệ thống chưa đề xuất mức");
  });

  it("the suggestion never exceeds the self-rating", () => {
    expect(classifyOne(PB, complete({ tuXepLoai: "HTNV" })).suggested).toBe("HTNV");
  });
});

describe("rule sets are data", () => {
  it("both shipped rule sets pass the schema after a JSON round trip", () => {
    for (const rs of [HD21_FULL, QD366_2025]) {
      const r = parseRuleSet(JSON.stringify(rs));
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.ruleSet).toEqual(rs);
    }
  });

  it("rejects a malformed rule set with a Vietnamese message", () => {
    const bad = JSON.parse(JSON.stringify(HD21_2019));
    bad.caps[0].maxLevel = "GIOI";
    const r = parseRuleSet(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.vi).toContain("caps.0.maxLevel");
    expect(parseRuleSet("{oops").ok).toBe(false);
  });

  it("QD366-2025: the level comes from score bands and their conditions", () => {
    const row = (v: Record<string, unknown>) =>
      sub("tccs-bao-cao", [{ unitCode: PB, values: { loaiHinh: "DB_PHUONG", ...v } as never }]);
    // The 2019 template has no score column; the engine reads whatever the rule set names.
    const at = (v: Record<string, unknown>) =>
      classifyOne(PB, [row(v), sub("ubkt", [ubkt(PB, false)])], QD366_2025);
    const clean = { soDonViKyLuat: 0, soCaNhanKyLuat: 0, tyLeHoanThanh: 100 };
    expect(at({ diemDanhGia: 93, tyLeDungHan: 100, tyLeVuotYeuCau: 35, ...clean }).suggested).toBe(
      "HTXSNV"
    );
    const notAll = at({ diemDanhGia: 93, tyLeDungHan: 100, tyLeVuotYeuCau: 10, ...clean });
    expect(notAll.suggested).toBe("HTTNV");
    expect(notAll.reasons.map((r) => r.message.vi).join(" ")).toContain(
      "ít nhất 30% nhiệm vụ hoàn thành vượt yêu cầu"
    );
    expect(at({ diemDanhGia: 60, tyLeTreHan: 10, tyLeHoanThanh: 100 }).suggested).toBe("HTNV");
    expect(at({ diemDanhGia: 45 }).suggested).toBe("KHTNV");
    expect(at({}).suggested).toBeNull();
  });
});

describe("classifyAll", () => {
  it("asks for a reason when a hand-filled level exceeds the cap", () => {
    const c = consolidate(complete({ tcKtxhXuatSac: false }), { register, settings, catalog });
    const manual = {
      [PB]: { deXuatBtc: null, quyetDinhBtv: "HTXSNV" as const, lyDoVuotTran: null, ghiChu: null },
    };
    const { classification } = classifyAll(c, { register, ruleSet: HD21_2019, catalog, manual });
    expect(classification.warnings.map((w) => w.rule)).toEqual(["lyDoVuotTran.required"]);
    expect(classification.warnings[0]!.message.vi).toContain("Lý do vượt trần");
    const withReason = classifyAll(c, {
      register,
      ruleSet: HD21_2019,
      catalog,
      manual: { [PB]: { ...manual[PB], lyDoVuotTran: "Thành tích đột xuất" } },
    });
    expect(withReason.classification.warnings).toHaveLength(0);
  });
});
