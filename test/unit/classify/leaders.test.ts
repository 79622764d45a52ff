import { classifyAll } from "../../../src/core/classify";
import { consolidate } from "../../../src/core/consolidate";
import { HD21_2019 } from "../../../src/core/rules";
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

function run(leaders: ReturnType<typeof leader>[], unitSelf = "HTTNV") {
  const c = consolidate(
    [
      sub("tccs-bao-cao", [report(PB, { tuXepLoai: unitSelf })]),
      sub("dan-van", [danVan("phuong-phu-bai")]),
      sub("ubkt", [ubkt(PB, false)]),
      sub("lanh-dao", leaders),
    ],
    { register, settings, catalog }
  );
  return classifyAll(c, { register, ruleSet: HD21_2019, catalog }).classification;
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
  });

  it("a civil servant rated HTXSNV as a civil servant keeps HTXSNV", () => {
    expect(
      run([leader({ tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTXSNV" }, 12)], "HTXSNV").leaders[0]
    ).toMatchObject({ cap: "HTXSNV", suggested: "HTXSNV" });
  });

  it("warns when a leader is rated above the unit they head (joined through the unit's locality or code)", () => {
    const cls = run([leader({ tuXepLoai: "HTXSNV", xepLoaiCbccvc: "HTXSNV" }, 12)], "HTTNV");
    expect(cls.leaders[0]!.warnings).toHaveLength(1);
    expect(cls.warnings.map((w) => w.rule)).toEqual(["leader.above-unit"]);
    expect(cls.warnings[0]!.message.vi).toContain("cao hơn Đảng bộ phường Phú Bài (HTTNV");
    // Sources: the leader's rating in 3.15 and the unit's self-rating in 3.14.
    expect(cls.warnings[0]!.cells.map((c) => `${c.file}!${c.cell}`)).toEqual([
      "lanh-dao.xlsx!F12",
      "tccs-bao-cao.xlsx!S12",
    ]);
    expect(run([leader({ tuXepLoai: "HTTNV" }, 12)], "HTTNV").warnings).toHaveLength(0);
  });
});
