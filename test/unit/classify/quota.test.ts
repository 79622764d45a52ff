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

describe("quota pass (organisations, per loại hình)", () => {
  it("allowed = floor(20 % × HTTNV); excess and candidates listed; nothing demoted", () => {
    const input = [
      ...rows("DB_XA", ["HTXSNV", "HTXSNV", ...Array<LevelCode>(9).fill("HTTNV"), "HTNV"]),
      ...rows("CO_QUAN", ["HTXSNV", ...Array<LevelCode>(5).fill("HTTNV")]),
    ];
    const before = JSON.stringify(input);
    const groups = quotaPass(input, HD21_2019);
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
