import {
  describeEvidenceParameters,
  readableSource,
} from "../../../src/core/classify/evidence-parameters";
import { HD21_2019, NO_EVIDENCE, QD366_2025, parseRuleSet } from "../../../src/core/rules";

describe("the evidence parameters in words (what the pane shows read-only)", () => {
  const view = describeEvidenceParameters(HD21_2019);

  it("lists every evidence rule of the rule set, in its order", () => {
    expect(view.rules.map((r) => r.id)).toEqual(HD21_2019.evidence.rules.map((r) => r.id));
  });

  it("says per rule the department and template, when it fails, what follows and its source", () => {
    const budget = view.rules.find((r) => r.id === "ev-3.2-thu-ngan-sach")!;
    expect(budget).toMatchObject({
      criterion: { vi: "Lãnh đạo KT-XH, QP-AN" },
      department: { vi: "Tài chính – Kế hoạch (mẫu 3.2)" },
      failsWhen: { vi: "“Tỷ lệ thu %” < 100%" },
      consequence: { vi: "tối đa HTTNV" },
      appliesTo: { vi: "Đảng bộ xã, Đảng bộ phường" },
      source: { vi: "tham số do Ban Tổ chức quyết định" },
      decidedLocally: true,
    });
    const cchc = view.rules.find((r) => r.id === "ev-3.1a-cchc")!;
    expect(cchc.failsWhen.vi).toMatch(/^“.+” dưới mức “Tốt”$/);
    const poverty = view.rules.find((r) => r.id === "ev-3.7-ho-ngheo-giam")!;
    expect(poverty.failsWhen.vi).toMatch(/^“.+” ≥ “.+”$/);
    const ntm = view.rules.find((r) => r.id === "ev-3.3-tieu-chi-ntm")!;
    expect(ntm.failsWhen.vi).toContain("chưa đặt ngưỡng, chỉ ghi nhận");
    const schools = view.rules.find((r) => r.id === "ev-3.5-truong-chuan-mn")!;
    expect(schools.failsWhen.vi).toMatch(/\(khi “.+” > 0\)$/);
    const title = view.rules.find((r) => r.id === "ev-3.4-danh-hieu")!;
    expect(title.consequence.vi).toBe("chỉ cảnh báo");
  });

  it("a cited document stays, the [M] tag becomes words and a flag", () => {
    const antt = view.rules.find((r) => r.id === "ev-3.10-xa-phuong-antt")!;
    expect(antt.source.vi).toBe(
      "TT 23/2012/TT-BCA (tiêu chuẩn “An toàn về ANTT”); tham số do Ban Tổ chức quyết định"
    );
    expect(antt.decidedLocally).toBe(true);
    expect(readableSource("HD 21-HD/BTCTW, II.B.1.3")).toEqual({
      text: { vi: "HD 21-HD/BTCTW, II.B.1.3", en: "HD 21-HD/BTCTW, II.B.1.3" },
      decidedLocally: false,
    });
    for (const r of view.rules) {
      expect(`${r.source.vi} ${r.failsWhen.vi} ${r.department.vi}`).not.toMatch(/\[[MPV]\]|ev-3/);
      expect(r.source.vi).toBe(r.source.vi.normalize("NFC"));
    }
  });

  it("shows the missing-data policy and the members check", () => {
    expect(view.whenMissing.vi).toContain("chưa đủ căn cứ");
    expect(view.whenMissing.vi).toContain("HTTNV");
    expect(view.memberCheck?.text.vi).toContain("không được vượt số đảng viên KHTNV");
    expect(view.memberCheck?.source.vi).not.toContain("[M]");
  });

  it("follows the data: a threshold changed in the JSON shows changed", () => {
    const json = JSON.parse(JSON.stringify(HD21_2019)) as {
      evidence: { rules: { id: string; test: { threshold: unknown } }[] };
    };
    json.evidence.rules.find((r) => r.id === "ev-3.2-thu-ngan-sach")!.test.threshold = 90;
    const parsed = parseRuleSet(json);
    if (!parsed.ok) throw new Error("rule set refused");
    const budget = describeEvidenceParameters(parsed.ruleSet).rules.find(
      (r) => r.id === "ev-3.2-thu-ngan-sach"
    )!;
    expect(budget.failsWhen.vi).toBe("“Tỷ lệ thu %” < 90%");
  });

  it("a rule set without evidence rules has none to show", () => {
    const v = describeEvidenceParameters({ ...QD366_2025, evidence: NO_EVIDENCE });
    expect(v.rules).toEqual([]);
    // QĐ 366 keeps the checks on the TCCS's own rows (3.11–3.13) only.
    const kept = describeEvidenceParameters(QD366_2025).rules.length;
    expect(kept).toBe(HD21_2019.evidence.rules.filter((r) => r.data.joinBy === "unitCode").length);
  });
});
