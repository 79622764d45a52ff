import { classifyAll, leaderKey } from "../../../src/core/classify";
import { Rng } from "../../../src/core/demo/random";
import { rankOf } from "../../../src/core/rules/levels";
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

describe("leaders of the bodies the plan (III.1.2) reviews: linked to their collective row", () => {
  const UB = "tt-ubnd";
  const person = (values: Record<string, unknown>, rowNumber: number, unitCode = UB) => ({
    ...leader(values, rowNumber),
    unitCode,
  });
  const collective = (
    self: string,
    rowNumber: number,
    unitCode = UB,
    deXuat: string | null = null
  ) =>
    person(
      {
        ten: "Tập thể UBND thị xã",
        chucVu: "Tập thể lãnh đạo",
        laTapThe: true,
        tuXepLoai: self,
        deXuat,
      },
      rowNumber,
      unitCode
    );

  it("a leader of UBND is capped at the level of UBND's leadership collective, naming its cell", () => {
    const cls = run([
      collective("HTXSNV", 12, UB, "HTTNV"),
      person({ ten: "Dương Thị Quyên", tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTXSNV" }, 13),
    ]);
    const [coll, chair] = cls.leaders;
    // The collective row IS the body's level: never capped by itself.
    expect(coll).toMatchObject({ cap: "HTXSNV", suggested: "HTTNV" });
    expect(coll!.reasons).toEqual([]);
    expect(chair).toMatchObject({ cap: "HTTNV", suggested: "HTTNV" });
    const reason = chair!.reasons.find((r) => r.ruleId === "leader.cap-at-unit")!;
    expect(reason.message.vi).toContain(
      "Tập thể lãnh đạo Ủy ban nhân dân thị xã (“Tập thể UBND thị xã”, mẫu 3.15) được xếp HTTNV (theo tập thể đề xuất)"
    );
    expect(reason.cells.map((c) => `${c.file}!${c.cell}`)).toEqual(["lanh-dao.xlsx!G12"]);
  });

  it("with a collective at HTXSNV its leader keeps HTXSNV", () => {
    const cls = run([
      collective("HTXSNV", 12),
      person({ ten: "Dương Thị Quyên", tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTXSNV" }, 13),
    ]);
    expect(cls.leaders[1]).toMatchObject({ cap: "HTXSNV", suggested: "HTXSNV", reasons: [] });
  });

  it("the Standing Committee's decision on the collective is the level that counts", () => {
    const c = consolidate(
      [
        sub("lanh-dao", [
          collective("HTXSNV", 12),
          person({ ten: "Dương Thị Quyên", tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTXSNV" }, 13),
        ]),
      ],
      { register, settings, catalog }
    );
    const key = leaderKey(UB, "Tập thể UBND thị xã", "Tập thể lãnh đạo");
    const { classification } = classifyAll(c, {
      register,
      ruleSet: HD21,
      catalog,
      leaderManual: {
        [key]: {
          unitCode: UB,
          ten: "Tập thể UBND thị xã",
          chucVu: "Tập thể lãnh đạo",
          quyetDinhBtv: "HTNV",
          deXuatBtc: null,
          lyDoVuotTran: null,
          ghiChu: null,
        },
      },
    });
    const chair = classification.leaders[1]!;
    expect(chair).toMatchObject({ cap: "HTNV", suggested: "HTNV" });
    expect(chair.reasons[0]!.message.vi).toContain("được xếp HTNV (theo Quyết định BTV)");
  });

  it("several collective rows of one body: the lowest counts", () => {
    const cls = run([
      collective("HTXSNV", 12),
      person(
        { ten: "Thường trực UBND", chucVu: "Tập thể lãnh đạo", laTapThe: true, tuXepLoai: "HTNV" },
        13
      ),
      person({ ten: "Dương Thị Quyên", tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTXSNV" }, 14),
    ]);
    expect(cls.leaders[2]).toMatchObject({ cap: "HTNV", suggested: "HTNV" });
  });

  it("no collective row for the body: “chưa đủ căn cứ”, at most HTTNV for now (rule set: whenMissing)", () => {
    const chair = () => [
      person(
        {
          ten: "Đặng Văn Hùng",
          chucVu: "Trưởng ban",
          tuXepLoai: "HTXSNV",
          xepLoaiCbccvc: "HTXSNV",
        },
        12,
        "tt-ban-to-chuc"
      ),
    ];
    const l = run(chair()).leaders[0]!;
    expect(l).toMatchObject({ cap: "HTTNV", suggested: "HTTNV" });
    const reason = l.reasons.find((r) => r.ruleId === "leader.unit-level-missing")!;
    expect(reason).toMatchObject({ kind: "missing", maxLevel: "HTTNV" });
    expect(reason.message.vi).toContain(
      "Đặng Văn Hùng: chưa đủ căn cứ để gắn với đơn vị mình lãnh đạo — mẫu 3.15 chưa có dòng tập thể lãnh đạo của Ban Tổ chức Thị ủy"
    );
    // "note": said, not capped.
    const noted: RuleSet = {
      ...HD21,
      leaders: { ...HD21.leaders, capAtUnit: { ...HD21.leaders.capAtUnit!, whenMissing: "note" } },
    };
    const n = run(chair(), "HTTNV", noted).leaders[0]!;
    expect(n).toMatchObject({ cap: "HTXSNV", suggested: "HTXSNV" });
    expect(n.reasons.map((r) => [r.kind, r.maxLevel])).toEqual([["missing", null]]);
    // A rule set without the link (QĐ 366's example) does not ask for it.
    expect(run(chair(), "HTTNV", WARN_ONLY).leaders[0]).toMatchObject({
      suggested: "HTXSNV",
      reasons: [],
    });
  });

  it("a TCCS leader whose TCCS has no level yet (no 3.14 report) is “chưa đủ căn cứ” too", () => {
    const c = consolidate(
      [sub("lanh-dao", [leader({ tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTXSNV" }, 12)])],
      { register, settings, catalog }
    );
    const l = classifyAll(c, { register, ruleSet: HD21, catalog }).classification.leaders[0]!;
    expect(l).toMatchObject({ cap: "HTTNV", suggested: "HTTNV" });
    expect(l.reasons[0]!.message.vi).toContain("chưa có mức xếp loại của Đảng bộ phường Phú Bài");
  });

  it("bodies are never TCCS: not classified, not in the organisations' quota", () => {
    const c = consolidate(
      [
        sub("tccs-bao-cao", [report(PB, { tuXepLoai: "HTXSNV" })]),
        sub("lanh-dao", [collective("HTXSNV", 12), collective("HTXSNV", 13, "tt-mttq")]),
      ],
      { register, settings, catalog }
    );
    const { classification, quota } = classifyAll(c, { register, ruleSet: HD21, catalog });
    const codes = classification.tccs.map((t) => t.unitCode);
    expect(codes).toHaveLength(19);
    expect(codes.some((x) => x.startsWith("tt-"))).toBe(false);
    expect(quota.organisations.reduce((n, g) => n + g.total, 0)).toBeLessThanOrEqual(19);
    expect(quota.organisations.flatMap((g) => g.candidates).some((x) => x.startsWith("tt-"))).toBe(
      false
    );
  });
});

describe("property: a leader's suggestion never exceeds any cap nor their own rating (seeded)", () => {
  it("holds over 300 random 3.15 lists of TCCS and body leaders, collectives present or not", () => {
    const rng = new Rng(15);
    const levels = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"] as const;
    const units = [PB, "tt-ubnd", "tt-thuong-truc-hdnd", "tt-ban-to-chuc", "cq-noi-vu"];
    for (let n = 0; n < 300; n++) {
      const rows = [];
      for (let i = 0; i < rng.int(1, 6); i++) {
        const laTapThe = rng.chance(0.35);
        rows.push({
          ...leader(
            {
              ten: laTapThe ? `Tập thể ${i}` : `Người ${i}`,
              chucVu: laTapThe ? "Tập thể lãnh đạo" : "Lãnh đạo",
              laTapThe: laTapThe ? true : null,
              tuXepLoai: rng.pick([...levels]),
              deXuat: rng.chance(0.5) ? rng.pick([...levels]) : null,
              xepLoaiCbccvc: !laTapThe && rng.chance(0.6) ? rng.pick([...levels]) : null,
            },
            12 + i
          ),
          unitCode: rng.pick(units),
        });
      }
      const ruleSet = rng.chance(0.2) ? WARN_ONLY : HD21;
      for (const l of run(rows, rng.pick([...levels]), ruleSet).leaders) {
        const own = l.deXuat ?? l.tuXepLoai;
        expect(l.suggested).toBe(own ? l.suggested : null);
        if (!l.suggested) continue;
        const s = rankOf(l.suggested);
        expect(s).toBeLessThanOrEqual(rankOf(own!));
        expect(s).toBeLessThanOrEqual(rankOf(l.cap));
        for (const r of l.reasons)
          if (r.maxLevel) expect(s).toBeLessThanOrEqual(rankOf(r.maxLevel));
      }
    }
  });
});
