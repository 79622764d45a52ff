import { consolidate } from "../../../src/core/consolidate";
import type { ConsolidateContext } from "../../../src/core/consolidate";
import { catalog, danVan, error, register, report, settings, sub } from "./fixtures";

const ctx = (over: Partial<ConsolidateContext> = {}): ConsolidateContext => ({
  register,
  settings,
  catalog,
  now: "2019-12-30T02:00:00.000Z",
  ...over,
});
const PB = "db-phuong-phu-bai";
const TC = "db-phuong-thuy-chau";

describe("merge and provenance", () => {
  it("merges rows of several files by (template, unit) and keeps the source cell of every value", () => {
    const c = consolidate(
      [
        sub("tccs-bao-cao", [report(PB)], { file: "pb.xlsx" }),
        sub("tccs-bao-cao", [report(TC, { tuXepLoai: "HTTNV" })], { file: "tc.xlsx" }),
        sub("ubkt", [{ unitCode: PB, values: { tccsBiKyLuat: false, tcdKyLuat: 0 } }], {
          file: "ubkt.xlsx",
        }),
      ],
      ctx()
    );
    const pb = c.rows.find((r) => r.templateId === "tccs-bao-cao" && r.unitCode === PB)!;
    const tc = c.rows.find((r) => r.templateId === "tccs-bao-cao" && r.unitCode === TC)!;
    expect(pb.values.tuXepLoai).toBe("HTXSNV");
    expect(tc.values.tuXepLoai).toBe("HTTNV");
    expect(c.rows.filter((r) => r.templateId === "ubkt")).toHaveLength(1);
    // tuXepLoai is the 19th column (S) of 3.14: identity (4) + 15 data columns.
    expect(pb.provenance.tuXepLoai).toEqual({
      file: "pb.xlsx",
      sheet: "TCCS - Báo cáo kết quả",
      cell: "S12",
    });
    expect(pb.provenance.soTcTrucThuoc!.cell).toBe("F12");
    expect(c.files.map((f) => f.status)).toEqual(["taken", "taken", "taken"]);
  });

  it("ignores rows a template lists but nobody filled (they are not a submission)", () => {
    const c = consolidate(
      [sub("tccs-bao-cao", [report(PB), { unitCode: TC, values: {} }], { file: "pb.xlsx" })],
      ctx()
    );
    expect(c.rows.map((r) => r.unitCode)).toEqual([PB]);
    expect(
      c.completeness.find((e) => e.templateId === "tccs-bao-cao" && e.unitCode === TC)!.status
    ).toBe("missing");
  });
});

describe("conflicts", () => {
  const older = sub("tccs-bao-cao", [report(PB, { tuXepLoai: "HTNV" })], {
    file: "old.xlsx",
    modifiedAt: "2019-12-10T02:00:00.000Z",
  });
  const newer = sub("tccs-bao-cao", [report(PB, { tuXepLoai: "HTTNV" })], {
    file: "new.xlsx",
    modifiedAt: "2019-12-22T02:00:00.000Z",
  });

  it.each([
    ["older first", [older, newer]],
    ["newer first", [newer, older]],
  ])(
    "the newer submission wins whatever the input order (%s) and the conflict names both files",
    (_label, input) => {
      const c = consolidate(input, ctx());
      expect(c.rows.filter((r) => r.unitCode === PB)).toHaveLength(1);
      expect(c.rows[0]!.values.tuXepLoai).toBe("HTTNV");
      expect(c.conflicts).toHaveLength(1);
      expect(c.conflicts[0]!.winner.file).toBe("new.xlsx");
      expect(c.conflicts[0]!.loser.file).toBe("old.xlsx");
      expect(c.conflicts[0]!.message.vi).toContain("old.xlsx");
      expect(c.conflicts[0]!.message.vi).toContain("new.xlsx");
      // The template is named as the official knows it, not by its internal id.
      expect(c.conflicts[0]!.message.vi).toContain("mẫu 3.14 “TCCS - Báo cáo kết quả”");
      expect(c.conflicts[0]!.message.vi).not.toContain("tccs-bao-cao");
      expect(c.files.find((f) => f.file === "old.xlsx")!.status).toBe("superseded");
    }
  );

  it("without comparable times the file given later wins", () => {
    const a = sub("tccs-bao-cao", [report(PB, { tuXepLoai: "HTNV" })], {
      file: "a.xlsx",
      modifiedAt: null,
      generatedAt: null,
    });
    const b = sub("tccs-bao-cao", [report(PB, { tuXepLoai: "HTTNV" })], {
      file: "b.xlsx",
      modifiedAt: null,
      generatedAt: null,
    });
    expect(consolidate([a, b], ctx()).rows[0]!.source.file).toBe("b.xlsx");
    expect(consolidate([b, a], ctx()).rows[0]!.source.file).toBe("a.xlsx");
  });
});

describe("a file dated in the future", () => {
  const future = sub("tccs-bao-cao", [report(PB, { tuXepLoai: "HTNV" })], {
    file: "dong-ho-sai.xlsx",
    modifiedAt: "2099-01-01T00:00:00.000Z",
  });
  const plain = sub("tccs-bao-cao", [report(PB, { tuXepLoai: "HTTNV" })], {
    file: "binh-thuong.xlsx",
    modifiedAt: "2019-12-22T02:00:00.000Z",
  });

  it.each([
    ["future first", [future, plain], "binh-thuong.xlsx"],
    ["future last", [plain, future], "dong-ho-sai.xlsx"],
  ])(
    "does not win by its date (%s): the file given later is taken, and the conflict warns and says which won",
    (_label, input, winner) => {
      const c = consolidate(input, ctx());
      expect(c.rows[0]!.source.file).toBe(winner);
      const m = c.conflicts[0]!.message;
      expect(m.vi).toContain(`lấy số liệu tệp ${winner} vì không so được thời điểm`);
      expect(m.vi).toContain("tệp dong-ho-sai.xlsx ghi thời điểm lưu 01/01/2099 07:00");
      expect(m.vi).toContain("ở tương lai");
      expect(m.en).toContain(`${winner} is taken`);
      expect(m.en).toContain("in the future");
    }
  );

  it("a time within a day after the run is not the future (time zones, clocks a little off)", () => {
    const soon = sub("tccs-bao-cao", [report(PB)], {
      file: "som.xlsx",
      modifiedAt: "2019-12-30T20:00:00.000Z",
    });
    const c = consolidate([soon, plain], ctx());
    expect(c.rows[0]!.source.file).toBe("som.xlsx");
    expect(c.conflicts[0]!.message.vi).not.toContain("tương lai");
  });
});

describe("completeness and deadline", () => {
  it("marks received, missing and late per template × unit", () => {
    const late = sub("tccs-bao-cao", [report(PB)], {
      file: "late.xlsx",
      modifiedAt: "2019-12-27T03:00:00.000Z",
    });
    const onTime = sub("tccs-bao-cao", [report(TC)], {
      file: "ok.xlsx",
      modifiedAt: "2019-12-25T16:00:00.000Z",
    }); // 23:00 in Vietnam
    const c = consolidate([late, onTime], ctx());
    const e = (u: string) =>
      c.completeness.find((x) => x.templateId === "tccs-bao-cao" && x.unitCode === u)!;
    expect(e(PB)).toMatchObject({ received: true, status: "valid", late: true, file: "late.xlsx" });
    expect(e(TC)).toMatchObject({ received: true, status: "valid", late: false });
    expect(e("db-xa-phu-son")).toMatchObject({ received: false, status: "missing", late: false });
    // Every TCCS of the register is expected; department templates list their xã/phường.
    expect(c.completeness.filter((x) => x.templateId === "tccs-bao-cao")).toHaveLength(
      register.units.filter((u) => u.kind === "tccs").length
    );
    expect(
      c.completeness.filter((x) => x.templateId === "dan-van" && x.status === "missing")
    ).toHaveLength(12);
  });

  it("takes a per-run deadline override", () => {
    const s = sub("tccs-bao-cao", [report(PB)], { modifiedAt: "2019-12-27T03:00:00.000Z" });
    expect(
      consolidate([s], ctx({ deadline: "2019-12-31" })).completeness.find((x) => x.unitCode === PB)!
        .late
    ).toBe(false);
    expect(consolidate([s], ctx({ deadline: "2019-12-31" })).deadline).toBe("2019-12-31");
  });

  it("3.8 (MTTQ, đoàn thể) has its own deadline from the settings: 20/11, the rest 25/12", () => {
    expect(settings.templateDeadlines).toEqual({ "dan-van": "2019-11-20" });
    const dv = sub("dan-van", [danVan("phuong-phu-bai")], { modifiedAt: "2019-12-01T03:00:00Z" });
    const rep = sub("tccs-bao-cao", [report(PB)], { modifiedAt: "2019-12-01T03:00:00Z" });
    const c = consolidate([dv, rep], ctx());
    expect(c.templateDeadlines).toEqual({ "dan-van": "2019-11-20" });
    expect(c.files.map((f) => [f.templateId, f.late])).toEqual([
      ["dan-van", true],
      ["tccs-bao-cao", false],
    ]);
    const e = c.completeness.find((x) => x.templateId === "dan-van" && x.received)!;
    expect(e.late).toBe(true);
    // Without the template's own deadline, 01/12 is on time.
    const plain = consolidate([dv], ctx({ settings: { ...settings, templateDeadlines: {} } }));
    expect(plain.files[0]!.late).toBe(false);
  });
});

describe("error policies", () => {
  const withError = () =>
    sub("tccs-bao-cao", [report(PB), report(TC, { tc_Htxs: null })], {
      file: "two.xlsx",
      issues: [error(13, "tc_Htxs", "Ô F13: -1 là số âm.")],
    });

  it("dropErroneousRows (default) leaves out only the erroneous row and says why", () => {
    const c = consolidate([withError()], ctx());
    expect(c.errorPolicy).toBe("dropErroneousRows");
    expect(c.rows.map((r) => r.unitCode)).toEqual([PB]);
    expect(c.excluded).toHaveLength(1);
    expect(c.excluded[0]).toMatchObject({
      scope: "row",
      row: 13,
      unitCode: TC,
      reason: "error-policy",
    });
    expect(c.excluded[0]!.message.vi).toContain("-1 là số âm");
    expect(c.files[0]).toMatchObject({ status: "partly", rowsTaken: 1, rowsLeftOut: 1 });
    expect(
      c.completeness.find((x) => x.templateId === "tccs-bao-cao" && x.unitCode === TC)
    ).toMatchObject({ received: true, status: "hasErrors", taken: false });
  });

  it("takeMarked takes the erroneous row and marks it", () => {
    const c = consolidate([withError()], ctx({ errorPolicy: "takeMarked" }));
    expect(c.rows.map((r) => [r.unitCode, r.marked])).toEqual([
      [PB, false],
      [TC, true],
    ]);
    expect(c.excluded).toHaveLength(0);
    expect(c.files[0]!.rowsMarked).toBe(1);
    expect(
      c.completeness.find((x) => x.unitCode === TC && x.templateId === "tccs-bao-cao")
    ).toMatchObject({ status: "hasErrors", taken: true });
  });

  it("dropFile leaves the whole file out", () => {
    const ok = sub("ubkt", [{ unitCode: PB, values: { tccsBiKyLuat: false } }], {
      file: "ubkt.xlsx",
    });
    const c = consolidate([withError(), ok], ctx({ errorPolicy: "dropFile" }));
    expect(c.rows.map((r) => r.templateId)).toEqual(["ubkt"]);
    expect(c.excluded).toEqual([
      expect.objectContaining({ scope: "file", file: "two.xlsx", reason: "error-policy" }),
    ]);
    expect(c.files.find((f) => f.file === "two.xlsx")!.status).toBe("leftOut");
  });

  it("leaves out rows without a known unit and files of another period", () => {
    const c = consolidate(
      [
        sub("tccs-bao-cao", [{ unitCode: null, values: { tuXepLoai: "HTTNV" } }], {
          file: "x.xlsx",
          issues: [error(12, "unitName", "Thủy Xuân không có trong danh mục")],
        }),
        sub("tccs-bao-cao", [report(PB)], { file: "2018.xlsx", period: 2018 }),
      ],
      ctx({ errorPolicy: "takeMarked" })
    );
    expect(c.rows).toHaveLength(0);
    expect(c.excluded.map((e) => e.reason).sort()).toEqual(["unknown-unit", "wrong-period"]);
  });
});

describe("cross-template checks", () => {
  const ntm = (tc11: string) =>
    sub("kinh-te-ntm", [{ unitCode: "xa-phu-son", values: { tc11 } }], { file: "ntm.xlsx" });
  const poverty = (poor: number) =>
    sub(
      "ldtbxh",
      [{ unitCode: "xa-phu-son", values: { tongSoHo: 1000, soHoNgheo: poor, soHoCanNgheo: 30 } }],
      { file: "ld.xlsx" }
    );

  it("warns when NTM criterion 11 is met but the poverty rate is above 5 %, with both sources", () => {
    const c = consolidate([ntm("DAT"), poverty(58)], ctx());
    expect(c.warnings).toHaveLength(1);
    expect(c.warnings[0]!.message.vi).toContain("5,8%");
    expect(c.warnings[0]!.sources.map((s) => s.file)).toEqual(["ntm.xlsx", "ld.xlsx", "ld.xlsx"]);
  });

  it("says nothing when both agree", () => {
    expect(consolidate([ntm("DAT"), poverty(30)], ctx()).warnings).toHaveLength(0);
    expect(consolidate([ntm("CHUA_DAT"), poverty(58)], ctx()).warnings).toHaveLength(0);
  });
});

it("is deterministic: the same inputs give the same result", () => {
  const input = () => [
    sub("tccs-bao-cao", [report(TC), report(PB)], { file: "b.xlsx" }),
    sub("tccs-bao-cao", [report(PB, { tuXepLoai: "HTNV" })], {
      file: "a.xlsx",
      modifiedAt: "2019-12-01T00:00:00.000Z",
    }),
    sub("dan-van", [{ unitCode: "phuong-phu-bai", values: { chinhQuyen: "HTTNV" } }]),
  ];
  const a = consolidate(input(), ctx());
  const b = consolidate(input(), ctx());
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  // Sorted by template, then register order.
  expect(a.rows.map((r) => `${r.templateId}/${r.unitCode}`)).toEqual([
    "dan-van/phuong-phu-bai",
    `tccs-bao-cao/${PB}`,
    `tccs-bao-cao/${TC}`,
  ]);
  expect(a.runAt).toBe("2019-12-30T02:00:00.000Z");
});
