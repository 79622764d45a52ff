import { classifyAll, classifyTccs } from "../../../src/core/classify";
import { consolidate, RowIndex } from "../../../src/core/consolidate";
import { Rng } from "../../../src/core/demo/random";
import { rankOf } from "../../../src/core/rules/levels";
import { HD21_2019, parseRuleSet, type RuleSet } from "../../../src/core/rules";
import type { Submission } from "../../../src/core/submission/types";
import type { Value } from "../../../src/core/validate/types";
import { catalog, danVan, register, report, settings, sub } from "../consolidate/fixtures";

const TCCS = "db-xa-thuy-phu"; // Đảng bộ xã, locality xa-thuy-phu
const LOC = "xa-thuy-phu";
const unit = register.units.find((u) => u.code === TCCS)!;

/** Every department's row for Thủy Phù, each passing its evidence rules. */
const PASSING: Record<string, { code: string; values: Record<string, Value> }> = {
  "noi-vu-cchc": { code: LOC, values: { diemCchc: 90, xepHang: 1, xepLoaiCchc: "TOT" } },
  "tai-chinh": { code: LOC, values: { duToanThu: 100, thucHienThu: 105, tyLeThu: 105 } },
  "kinh-te-ntm": { code: LOC, values: { tc01: "DAT", soTieuChiDat: 17 } },
  "van-hoa": {
    code: LOC,
    values: { tongSoHo: 100, soHoGdvh: 90, tyLeGdvh: 90, danhHieu: "XA_VH_NTM" },
  },
  "giao-duc": {
    code: LOC,
    values: { mnTong: 2, mnDatChuan: 1, thTong: 2, thDatChuan: 2, thcsTong: 1, thcsDatChuan: 1 },
  },
  "y-te": { code: LOC, values: { ytXaDat: "DAT", soSinh: 100, soSinhCon3: 5, tyLeCon3: 5 } },
  ldtbxh: { code: LOC, values: { tongSoHo: 4000, soHoNgheo: 80, ngheoDauNam: 100 } },
  "cong-an": { code: LOC, values: { tongKdc: 10, kdcDat: 9, tyLeKdc: 90, xaPhuongDat: "DAT" } },
  "quan-su": { code: LOC, values: { xepLoaiQp: "HTTNV" } },
  ubkt: {
    code: TCCS,
    values: { tcdKyLuat: 0, tccsBiKyLuat: false, dvKyLuat: 0, tyLeThucHien: 100 },
  },
  "tuyen-giao": { code: TCCS, values: { tongDv: 300, dvHocNq: 285, tyLeHocNq: 95 } },
  "van-phong": { code: TCCS, values: { tyLeDungHan: 100, thucHienChiThi: "TOT" } },
};

/** For each rule with a threshold: values that make it fail. */
const FAILING: Record<string, Record<string, Value>> = {
  "ev-3.2-thu-ngan-sach": { tyLeThu: 94.76 },
  "ev-3.4-gia-dinh-van-hoa": { tyLeGdvh: 84 },
  "ev-3.4-danh-hieu": { danhHieu: "CHUA_DAT" },
  "ev-3.5-truong-chuan-mn": { mnDatChuan: 0 },
  "ev-3.5-truong-chuan-th": { thDatChuan: 0 },
  "ev-3.5-truong-chuan-thcs": { thcsDatChuan: 0 },
  "ev-3.6-y-te-xa": { ytXaDat: "KHONG_DAT" },
  "ev-3.6-sinh-con-thu-3": { tyLeCon3: 12.5 },
  "ev-3.7-ho-ngheo-giam": { soHoNgheo: 100 },
  "ev-3.10-xa-phuong-antt": { xaPhuongDat: "CHUA_DAT" },
  "ev-3.10-khu-dan-cu": { tyLeKdc: 60 },
  "ev-3.9-quoc-phong": { xepLoaiQp: "HTNV" },
  "ev-3.1a-cchc": { xepLoaiCchc: "KHA" },
  "ev-3.11-tccs-ky-luat": { tccsBiKyLuat: true },
  "ev-3.11-kiem-tra-giam-sat": { tyLeThucHien: 90 },
  "ev-3.12-hoc-tap-nghi-quyet": { tyLeHocNq: 85 },
  "ev-3.13-bao-cao-dung-han": { tyLeDungHan: 85 },
  "ev-3.13-chi-thi": { thucHienChiThi: "TB" },
};

function submissions(
  over: { template?: string; values?: Record<string, Value>; drop?: string } = {},
  reportOver: Record<string, Value> = {}
): Submission[] {
  const subs = [
    sub("tccs-bao-cao", [report(TCCS, { loaiHinh: "DB_XA", ...reportOver })]),
    sub("dan-van", [danVan(LOC)]),
  ];
  for (const [t, row] of Object.entries(PASSING)) {
    if (t === over.drop) continue;
    const values = t === over.template ? { ...row.values, ...over.values } : row.values;
    subs.push(sub(t, [{ unitCode: row.code, values }]));
  }
  return subs;
}

function classify(subs: Submission[], ruleSet: RuleSet = HD21_2019) {
  const c = consolidate(subs, { register, settings, catalog, ruleSet });
  const idx = new RowIndex(c);
  const env = {
    lookup: (t: string, u: string | null | undefined) => idx.get(t, u),
    catalog,
    unitName: (code: string) => register.units.find((u) => u.code === code)?.name,
  };
  return classifyTccs(unit, ruleSet, env);
}

const resultOf = (r: ReturnType<typeof classify>, ruleId: string) =>
  r.criteria.flatMap((c) => c.results).find((x) => x.ruleId === ruleId)!;

describe("evidence rules (HD21-2019 defaults)", () => {
  it("with every department's figure backing the claims the suggestion stays HTXSNV", () => {
    const r = classify(submissions());
    expect(r.reasons.filter((x) => x.kind !== "info").map((x) => x.message.vi)).toEqual([]);
    expect(r.suggested).toBe("HTXSNV");
    expect(r.findings).toEqual([]);
    const statuses = r.criteria.flatMap((c) => c.results.map((x) => [x.ruleId, x.status]));
    expect(statuses.filter(([, s]) => s !== "pass")).toEqual([
      ["ev-3.3-tieu-chi-ntm", "notTested"], // no target set for the year
    ]);
    expect(r.criteria.map((c) => [c.criterion, c.claimed, c.status])).toEqual([
      ["tcXdDangXuatSac", true, "ok"],
      ["tcKtxhXuatSac", true, "ok"],
      ["tcConLaiTot", true, "none"],
    ]);
  });

  const rules = HD21_2019.evidence.rules.filter((x) => x.test.threshold !== null);
  it("every shipped rule with a threshold has a failing case here", () => {
    expect(rules.map((x) => x.id).sort()).toEqual(Object.keys(FAILING).sort());
  });

  describe.each(rules.map((x) => [x.id, x] as const))("%s", (id, rule) => {
    const template = rule.data.templateId;

    it("passes with the department's figure in range", () => {
      expect(resultOf(classify(submissions()), id).status).toBe("pass");
    });

    it("fails: caps a claimed criterion (or warns) and names department, file, sheet and cell", () => {
      const r = classify(submissions({ template, values: FAILING[id]! }));
      const res = resultOf(r, id);
      expect(res.status).toBe("fail");
      const spec = catalog.find((s) => s.id === template)!;
      expect(res.message.vi).toContain(`${template}.xlsx › ${spec.sheetName} › `);
      expect(res.cells[0]!.cell).toMatch(/^[A-Z]+12$/);
      if (rule.consequence.kind === "cap") {
        const reason = r.reasons.find((x) => x.ruleId === id)!;
        expect(reason.kind).toBe("cap");
        expect(reason.message.vi).toContain("tự đánh giá xuất sắc nhưng");
        expect(reason.message.vi).not.toMatch(/\[M\]|ev-/);
        expect(rankOf(r.suggested!)).toBeLessThanOrEqual(rankOf("HTTNV"));
      } else {
        expect(r.reasons.some((x) => x.ruleId === id)).toBe(false);
        expect(r.findings.map((f) => f.rule)).toContain("evidence.warn");
      }
    });

    it("missing: the department's file absent → “chưa đủ căn cứ”, never a pass", () => {
      const r = classify(submissions({ drop: template }));
      expect(resultOf(r, id).status).toBe("missing");
      const criterion = r.criteria.find((c) => c.criterion === rule.criterion)!;
      expect(criterion.status).toBe(
        // Another capping rule of the same department may fail first; here none does.
        "insufficient"
      );
      if (rule.consequence.kind === "cap") {
        const reason = r.reasons.find((x) => x.ruleId === `evidence.missing.${rule.criterion}`)!;
        expect(reason.message.vi).toContain("chưa đủ căn cứ");
        expect(reason.maxLevel).toBe("HTTNV");
        expect(r.suggested).toBe("HTTNV");
      }
    });

    it("a criterion not claimed is not capped by its evidence (cap 4 already speaks)", () => {
      const r = classify(
        submissions({ template, values: FAILING[id]! }, { [rule.criterion]: false })
      );
      expect(resultOf(r, id).status).toBe("fail");
      expect(r.reasons.some((x) => x.ruleId === id)).toBe(false);
    });
  });

  it("the message reads as the issue asks: department, value, file › sheet › cell, comparison", () => {
    const r = classify(submissions({ template: "tai-chinh", values: { tyLeThu: 94.76 } }));
    expect(r.reasons.find((x) => x.ruleId === "ev-3.2-thu-ngan-sach")!.message.vi).toMatch(
      /Tài chính – Kế hoạch: thu ngân sách đạt 94,76% dự toán \(tai-chinh\.xlsx › Tài chính - Kế hoạch › [A-Z]+12\) < 100%/
    );
  });

  it("a rule without the TCCS's loại hình does not run (3.3 is for xã only)", () => {
    const pb = register.units.find((u) => u.code === "db-phuong-phu-bai")!;
    const c = consolidate(submissions(), { register, settings, catalog, ruleSet: HD21_2019 });
    const idx = new RowIndex(c);
    const r = classifyTccs(pb, HD21_2019, { lookup: (t, u) => idx.get(t, u), catalog });
    expect(
      r.criteria.flatMap((x) => x.results).some((x) => x.ruleId === "ev-3.3-tieu-chi-ntm")
    ).toBe(false);
  });

  it("thresholds are data: a target set in the JSON rule set changes the suggestion, no code", () => {
    const json = JSON.parse(JSON.stringify(HD21_2019)) as {
      evidence: { rules: { id: string; test: { threshold: unknown } }[] };
    };
    json.evidence.rules.find((x) => x.id === "ev-3.3-tieu-chi-ntm")!.test.threshold = 19;
    const loaded = parseRuleSet(JSON.stringify(json));
    if (!loaded.ok) throw new Error(loaded.message.vi);
    expect(classify(submissions()).suggested).toBe("HTXSNV");
    const r = classify(submissions(), loaded.ruleSet);
    expect(r.suggested).toBe("HTTNV");
    expect(r.reasons.find((x) => x.ruleId === "ev-3.3-tieu-chi-ntm")!.message.vi).toContain(
      "đạt 17/19 tiêu chí nông thôn mới"
    );
    // And a looser budget threshold lets 94,76% pass.
    const loose = JSON.parse(JSON.stringify(HD21_2019)) as typeof json;
    loose.evidence.rules.find((x) => x.id === "ev-3.2-thu-ngan-sach")!.test.threshold = 90;
    const l = parseRuleSet(JSON.stringify(loose));
    if (!l.ok) throw new Error(l.message.vi);
    const subs = submissions({ template: "tai-chinh", values: { tyLeThu: 94.76 } });
    expect(classify(subs).suggested).toBe("HTTNV");
    expect(classify(subs, l.ruleSet).suggested).toBe("HTXSNV");
  });

  it("whenMissing “note” says “chưa đủ căn cứ” without capping", () => {
    const rs: RuleSet = { ...HD21_2019, evidence: { ...HD21_2019.evidence, whenMissing: "note" } };
    const r = classify(submissions({ drop: "quan-su" }), rs);
    expect(r.suggested).toBe("HTXSNV");
    expect(r.reasons.find((x) => x.kind === "missing")!.message.vi).toContain("chưa đủ căn cứ");
  });

  it("3.5 skips a school level the locality does not have", () => {
    const r = classify(submissions({ template: "giao-duc", values: { mnTong: 0, mnDatChuan: 0 } }));
    expect(resultOf(r, "ev-3.5-truong-chuan-mn").status).toBe("pass");
    expect(r.suggested).toBe("HTXSNV");
  });
});

describe("members disciplined vs members KHTNV (3.11 vs 3.14)", () => {
  it("more disciplined than KHTNV: an error finding naming both cells, and caps read the larger count", () => {
    const thpt = register.units.find((u) => u.code === "tccs-thpt-huong-thuy")!; // chi bộ cơ sở
    const subs = [
      sub("tccs-bao-cao", [
        report(thpt.code, {
          loaiHinh: "SU_NGHIEP",
          soTcTrucThuoc: 0,
          tc_Htxs: 0,
          tc_Httn: 0,
          tc_Htnv: 0,
          tc_Khtnv: 0,
          tongDv: 20,
          dv_Htxs: 3,
          dv_Httn: 15,
          dv_Htnv: 2,
          dv_Khtnv: 0,
        }),
      ]),
      sub("ubkt", [
        {
          unitCode: thpt.code,
          values: { tcdKyLuat: 0, tccsBiKyLuat: false, dvKyLuat: 5, tyLeThucHien: 100 },
        },
      ]),
      sub("tuyen-giao", [{ unitCode: thpt.code, values: { tyLeHocNq: 95 } }]),
      sub("van-phong", [
        { unitCode: thpt.code, values: { tyLeDungHan: 100, thucHienChiThi: "TOT" } },
      ]),
    ];
    const c = consolidate(subs, { register, settings, catalog, ruleSet: HD21_2019 });
    const { classification } = classifyAll(c, { register, ruleSet: HD21_2019, catalog });
    const t = classification.tccs.find((x) => x.unitCode === thpt.code)!;
    const finding = classification.warnings.find((w) => w.rule === "evidence.members-disciplined")!;
    expect(finding.severity).toBe("error");
    expect(finding.message.vi).toContain("5 đảng viên bị kỷ luật");
    expect(finding.message.vi).toContain("0 đảng viên KHTNV");
    expect(finding.cells.map((x) => x.file)).toEqual(["ubkt.xlsx", "tccs-bao-cao.xlsx"]);
    // Cap 2 (any member KHTNV) and cap 6b (5/20 = 25% > 20%) now use 5.
    expect(t.reasons.filter((x) => x.kind === "cap").map((x) => x.ruleId)).toEqual([
      "cap2-chi-bo-dang-vien",
      "cap6b-ty-le-dv-khtnv",
    ]);
    expect(t.suggested).toBe("KHTNV");
  });

  it("agreeing counts give no finding", () => {
    const c = consolidate(submissions(), { register, settings, catalog, ruleSet: HD21_2019 });
    const { classification } = classifyAll(c, { register, ruleSet: HD21_2019, catalog });
    expect(classification.warnings.filter((w) => w.severity === "error")).toEqual([]);
  });
});

describe("property: the suggestion never exceeds any cap nor the self-rating (seeded)", () => {
  it("holds over 300 random combinations of claims and department figures", () => {
    const rng = new Rng(9);
    const levels = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"] as const;
    for (let n = 0; n < 300; n++) {
      const self = rng.pick([...levels]);
      const values: Record<string, Record<string, Value>> = {};
      for (const [t, row] of Object.entries(PASSING)) values[t] = { ...row.values };
      // Break a few figures at random.
      for (const [id, fail] of Object.entries(FAILING)) {
        if (!rng.chance(0.15)) continue;
        const rule = HD21_2019.evidence.rules.find((x) => x.id === id)!;
        Object.assign(values[rule.data.templateId]!, fail);
      }
      const drop = rng.chance(0.2) ? rng.pick(Object.keys(PASSING)) : undefined;
      const subs = [
        sub("tccs-bao-cao", [
          report(TCCS, {
            loaiHinh: "DB_XA",
            tuXepLoai: self,
            tcXdDangXuatSac: rng.chance(0.7),
            tcKtxhXuatSac: rng.chance(0.7),
            tcConLaiTot: rng.chance(0.9),
            dv_Khtnv: rng.int(0, 2),
            dv_Htnv: 40 - 0,
          }),
        ]),
        sub("dan-van", [danVan(LOC, rng.chance(0.1) ? { hoiCcb: "HTNV" } : {})]),
        ...Object.entries(PASSING)
          .filter(([t]) => t !== drop)
          .map(([t, row]) =>
            sub(t, [
              {
                unitCode: row.code,
                values: t === "ubkt" ? { ...values[t], dvKyLuat: rng.int(0, 3) } : values[t]!,
              },
            ])
          ),
      ];
      const r = classify(subs);
      expect(r.suggested).not.toBeNull();
      const s = rankOf(r.suggested!);
      expect(s).toBeLessThanOrEqual(rankOf(self));
      for (const reason of r.reasons)
        if (reason.maxLevel) expect(s).toBeLessThanOrEqual(rankOf(reason.maxLevel));
      expect(s).toBeLessThanOrEqual(rankOf(r.cap));
    }
  });
});
