import { classifyAll } from "../../../src/core/classify";
import { consolidate } from "../../../src/core/consolidate";
import { HD21_2019, NO_EVIDENCE, QD366_2025, type RuleSet } from "../../../src/core/rules";
import { catalog, danVan, register, report, settings, sub, ubkt } from "../consolidate/fixtures";

const PB = "db-phuong-phu-bai";
const leader = (values: Record<string, unknown>, rowNumber: number) => ({
  unitCode: PB,
  rowNumber,
  values: {
    ten: "Nguyễn Văn An",
    chucVu: "Bí thư",
    laTapThe: null,
    deXuat: null,
    xepLoaiCbccvc: null,
    ...values,
  } as never,
});

/** Without the departments' evidence, so the unit's suggestion is its self-rating. */
const HD21: RuleSet = { ...HD21_2019, evidence: NO_EVIDENCE };
/** The warning-only variant (as QĐ 366's example): no cap at the unit's level. */
const WARN_ONLY: RuleSet = {
  ...HD21,
  leaders: {
    ...HD21.leaders,
    capAtUnit: null,
    aboveUnitWarning: QD366_2025.leaders.aboveUnitWarning,
  },
};

function run(leaders: ReturnType<typeof leader>[], unitSelf = "HTTNV", ruleSet: RuleSet = HD21) {
  const c = consolidate(
    [
      sub("tccs-bao-cao", [report(PB, { tuXepLoai: unitSelf })]),
      sub("dan-van", [danVan("phuong-phu-bai")]),
      sub("ubkt", [ubkt(PB, false)]),
      sub("lanh-dao", leaders),
    ],
    { register, settings, catalog }
  );
  return classifyAll(c, { register, ruleSet, catalog }).classification;
}

describe("leaders (3.15)", () => {
  it("a civil servant not rated HTXSNV as a civil servant is capped at HTTNV; a collective is not", () => {
    const cls = run(
      [
        leader({ tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTTNV" }, 12),
        leader(
          { ten: "Ban Thường vụ", laTapThe: true, tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTTNV" },
          13
        ),
      ],
      "HTXSNV"
    );
    expect(cls.leaders[0]).toMatchObject({ cap: "HTTNV", suggested: "HTTNV" });
    expect(cls.leaders[0]!.reasons[0]!.message.vi).toContain("HD 21-HD/BTCTW, 2.3");
    expect(cls.leaders[1]).toMatchObject({ cap: "HTXSNV", suggested: "HTXSNV" });
    // The rating error keeps the person on the list, marked (a warning naming both cells).
    expect(cls.leaders).toHaveLength(2);
    expect(cls.leaders[0]!.warnings[0]!.vi).toContain("vẫn giữ trong danh sách");
    expect(cls.leaders[0]!.warningCells.map((c) => c.cell)).toEqual(["F12", "H12"]);
  });

  it("a rule set without the civil-servant link does not apply it", () => {
    const rs: RuleSet = { ...HD21, leaders: { ...HD21.leaders, civilServant: null } };
    const cls = run([leader({ tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTTNV" }, 12)], "HTXSNV", rs);
    expect(cls.leaders[0]).toMatchObject({ cap: "HTXSNV", suggested: "HTXSNV", warnings: [] });
  });

  it("HD21-2019 caps a leader (and a collective) at the level of the unit they head", () => {
    const cls = run(
      [
        leader({ tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTXSNV" }, 12),
        leader({ ten: "Ban Thường vụ", laTapThe: true, tuXepLoai: "HTXSNV" }, 13),
      ],
      "HTTNV"
    );
    for (const l of cls.leaders) {
      expect(l).toMatchObject({ cap: "HTTNV", suggested: "HTTNV" });
      const reason = l.reasons.find((r) => r.ruleId === "leader.cap-at-unit")!;
      expect(reason.message.vi).toContain("Đảng bộ phường Phú Bài được xếp HTTNV");
      expect(reason.cells.map((c) => c.cell)).toEqual(["S12"]);
    }
    expect(cls.warnings.filter((w) => w.rule === "leader.above-unit")).toEqual([]);
  });

  it("a civil servant rated HTXSNV as a civil servant keeps HTXSNV", () => {
    expect(
      run([leader({ tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTXSNV" }, 12)], "HTXSNV").leaders[0]
    ).toMatchObject({ cap: "HTXSNV", suggested: "HTXSNV" });
  });

  it("a rule set with the warning only warns when a leader is rated above the unit they head", () => {
    const cls = run(
      [leader({ tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTXSNV" }, 12)],
      "HTTNV",
      WARN_ONLY
    );
    expect(cls.leaders[0]!.warnings).toHaveLength(1);
    expect(cls.warnings.map((w) => w.rule)).toEqual(["leader.above-unit"]);
    expect(cls.warnings[0]!.message.vi).toContain("cao hơn Đảng bộ phường Phú Bài (HTTNV");
    // Sources: the leader's rating in 3.15 and the unit's self-rating in 3.14.
    expect(cls.warnings[0]!.cells.map((c) => `${c.file}!${c.cell}`)).toEqual([
      "lanh-dao.xlsx!F12",
      "tccs-bao-cao.xlsx!S12",
    ]);
    expect(run([leader({ tuXepLoai: "HTTNV" }, 12)], "HTTNV", WARN_ONLY).warnings).toHaveLength(0);
  });
});
