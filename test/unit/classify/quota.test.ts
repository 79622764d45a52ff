import { memberQuota, quotaPass, type QuotaRow } from "../../../src/core/classify";
import { HD21_2019, type RuleSet } from "../../../src/core/rules";
import type { LevelCode } from "../../../src/core/rules";
import { sub, report } from "../consolidate/fixtures";

const rows = (group: string, levels: LevelCode[]): QuotaRow[] =>
  levels.map((level, i) => ({
    unitCode: `${group}-${i}`,
    unitName: `${group} ${i}`,
    group,
    groupLabel: group,
    level,
  }));
const withBase = (quotaBase: RuleSet["quota"]["quotaBase"]): RuleSet => ({
  ...HD21_2019,
  quota: { ...HD21_2019.quota, quotaBase },
});

/** The per-loại-hình option; the default groups every TCCS together. */
const BY_TYPE: RuleSet = {
  ...HD21_2019,
  quota: { ...HD21_2019.quota, organisations: { groupBy: "loaiHinh" } },
};

describe("quota pass (organisations)", () => {
  it("by default one group: every TCCS under the Party Committee", () => {
    const input = [
      ...rows("DB_XA", ["HTXSNV", ...Array<LevelCode>(4).fill("HTTNV")]),
      ...rows("CO_QUAN", ["HTXSNV", ...Array<LevelCode>(5).fill("HTTNV")]),
    ];
    const groups = quotaPass(input, HD21_2019);
    expect(groups).toHaveLength(1);
    // Per loại hình, floor(0.2 × 4) = 0 would forbid the commune's HTXSNV; together 9 HTTNV allow 1.
    expect(groups[0]).toMatchObject({ group: "all", base: 9, allowed: 1, used: 2, excess: 1 });
    expect(quotaPass(input, BY_TYPE).map((g) => [g.group, g.allowed])).toEqual([
      ["DB_XA", 0],
      ["CO_QUAN", 1],
    ]);
  });

  it("rounding is a setting: floor (default), round, ceil", () => {
    const seven = rows("G", Array<LevelCode>(7).fill("HTTNV")); // 0.2 × 7 = 1.4
    const eight = rows("G", Array<LevelCode>(8).fill("HTTNV")); // 0.2 × 8 = 1.6
    const at = (rounding: RuleSet["quota"]["rounding"], r: QuotaRow[]) =>
      quotaPass(r, { ...HD21_2019, quota: { ...HD21_2019.quota, rounding } })[0]!.allowed;
    expect([at("floor", seven), at("round", seven), at("ceil", seven)]).toEqual([1, 1, 2]);
    expect([at("floor", eight), at("round", eight), at("ceil", eight)]).toEqual([1, 2, 2]);
  });

  it("cites the organisations' quota, not the members' rule of HD 21, 2.3", () => {
    expect(HD21_2019.quota.organisations.source).toContain("II.B.1.3");
    expect(HD21_2019.quota.organisations.source).not.toContain("2.3");
  });

  it("allowed = floor(20 % × HTTNV); excess and candidates listed; nothing demoted", () => {
    const input = [
      ...rows("DB_XA", ["HTXSNV", "HTXSNV", ...Array<LevelCode>(9).fill("HTTNV"), "HTNV"]),
      ...rows("CO_QUAN", ["HTXSNV", ...Array<LevelCode>(5).fill("HTTNV")]),
    ];
    const before = JSON.stringify(input);
    const groups = quotaPass(input, BY_TYPE);
    const xa = groups.find((g) => g.group === "DB_XA")!;
    expect(xa).toMatchObject({ base: 9, allowed: 1, used: 2, excess: 1, total: 12 });
    expect(xa.candidates).toEqual(["DB_XA-0", "DB_XA-1"]);
    expect(xa.message.vi).toContain("không tự hạ mức");
    const cq = groups.find((g) => g.group === "CO_QUAN")!;
    expect(cq).toMatchObject({ base: 5, allowed: 1, used: 1, excess: 0, candidates: [] });
    expect(JSON.stringify(input)).toBe(before); // never demotes
  });

  it("floor: 4 HTTNV allow 0, 5 allow 1, 9 allow 1, 10 allow 2", () => {
    for (const [n, allowed] of [
      [4, 0],
      [5, 1],
      [9, 1],
      [10, 2],
    ] as const) {
      expect(quotaPass(rows("G", Array<LevelCode>(n).fill("HTTNV")), HD21_2019)[0]!.allowed).toBe(
        allowed
      );
    }
  });

  it("quotaBase HTTNV_or_higher counts the HTXSNV in the base", () => {
    const input = rows("G", [
      "HTXSNV",
      "HTXSNV",
      "HTTNV",
      "HTTNV",
      "HTTNV",
      "HTTNV",
      "HTTNV",
      "HTTNV",
      "HTTNV",
      "HTTNV",
    ]);
    expect(quotaPass(input, withBase("HTTNV_only"))[0]).toMatchObject({
      base: 8,
      allowed: 1,
      excess: 1,
    });
    expect(quotaPass(input, withBase("HTTNV_or_higher"))[0]).toMatchObject({
      base: 10,
      allowed: 2,
      excess: 0,
    });
  });

  it("groups everything together when the rule set says so", () => {
    const rs: RuleSet = {
      ...HD21_2019,
      quota: { ...HD21_2019.quota, organisations: { groupBy: "all" } },
    };
    const groups = quotaPass([...rows("A", ["HTTNV"]), ...rows("B", ["HTTNV"])], rs);
    expect(groups.map((g) => [g.group, g.total])).toEqual([["all", 2]]);
  });
});

describe("member quota (per TCCS, from 3.14)", () => {
  it("flags a TCCS whose HTXSNV members exceed 20 % of its HTTNV members", () => {
    const s = sub("tccs-bao-cao", [
      report("db-phuong-phu-bai", { dv_Htxs: 45, dv_Httn: 220 }),
      report("db-phuong-thuy-chau", { dv_Htxs: 44, dv_Httn: 220 }),
    ]);
    const groups = memberQuota(
      s.validation.rows.map((r) => ({
        unitName: r.unitCode!,
        row: {
          templateId: "tccs-bao-cao",
          unitCode: r.unitCode!,
          rowNumber: r.rowNumber,
          values: r.values,
          provenance: {},
          source: {
            file: "f",
            sheet: "s",
            templateId: "tccs-bao-cao",
            submittedAt: null,
            inputIndex: 0,
          },
          marked: false,
          issues: [],
        },
      })),
      HD21_2019
    );
    expect(groups.map((g) => [g.group, g.allowed, g.excess])).toEqual([
      ["db-phuong-phu-bai", 44, 1],
      ["db-phuong-thuy-chau", 44, 0],
    ]);
    expect(groups[0]!.message.vi).toContain("vượt 1");
  });
});
