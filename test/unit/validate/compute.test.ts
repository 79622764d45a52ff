import { requireTemplate } from "../../../src/core/templates/catalog";
import { NTM_KEYS } from "../../../src/core/templates/ntm-criteria";
import {
  aggregateRows,
  computeRow,
  computeValue,
  round,
  validate,
} from "../../../src/core/validate";
import { register, withPatch } from "./fixtures";

describe("round", () => {
  it.each([
    [1.005, 2, 1.01],
    [12.344999, 2, 12.34],
    [-0.125, 2, -0.13],
    [-0.0001, 2, 0],
    [66.66666, 2, 66.67],
  ])("round(%d, %d) = %d", (x, d, r) => expect(round(x, d)).toBe(r));
});

describe("computeRow", () => {
  it("percent: 2 decimals, null (n/a) when the denominator is 0 or an input is missing", () => {
    const spec = requireTemplate("tai-chinh");
    expect(
      computeRow(spec, { duToanThu: 3, thucHienThu: 2, duToanChi: 0, thucHienChi: 5 })
    ).toMatchObject({
      tyLeThu: 66.67,
      tyLeChi: null,
      hoanThanhThu: false,
    });
    expect(computeRow(spec, { duToanThu: null, thucHienThu: 2 }).tyLeThu).toBeNull();
  });

  it("percent with minus: natural growth (sinh − chết) / dân số, may be negative", () => {
    const spec = requireTemplate("y-te");
    expect(
      computeRow(spec, { danSoTb: 10000, soSinh: 150, soChet: 50, soSinhCon3: 10 })
    ).toMatchObject({ tyLeTangTn: 1, tyLeCon3: 6.67 });
    expect(
      computeRow(spec, { danSoTb: 1000, soSinh: 5, soChet: 8, soSinhCon3: 0 }).tyLeTangTn
    ).toBe(-0.3);
    expect(
      computeRow(spec, { danSoTb: 1000, soSinh: 0, soChet: 0, soSinhCon3: 0 }).tyLeCon3
    ).toBeNull();
  });

  it("percent over several keys (UBKT: kiểm tra + giám sát)", () => {
    const spec = requireTemplate("ubkt");
    expect(
      computeRow(spec, { ktKeHoach: 4, ktThucHien: 4, gsKeHoach: 4, gsThucHien: 2 }).tyLeThucHien
    ).toBe(75);
  });

  it("atLeast: true from the threshold on, null when the input is null", () => {
    const spec = requireTemplate("tai-chinh");
    expect(computeRow(spec, { duToanThu: 100, thucHienThu: 100 }).hoanThanhThu).toBe(true);
    expect(computeRow(spec, { duToanThu: 100, thucHienThu: 99.99 }).hoanThanhThu).toBe(false);
    expect(computeRow(spec, { duToanThu: 0, thucHienThu: 5 }).hoanThanhThu).toBeNull();
  });

  it("countEquals: the N of 'N/19'", () => {
    const spec = requireTemplate("kinh-te-ntm");
    const values = Object.fromEntries(NTM_KEYS.map((k, i) => [k, i < 17 ? "DAT" : "CHUA_DAT"]));
    expect(computeRow(spec, values).soTieuChiDat).toBe(17);
    expect(computeRow(spec, {}).soTieuChiDat).toBeNull();
  });

  it("allAtLeast: every filled level ≥ HTTNV; blanks ignored; null when none filled", () => {
    const spec = requireTemplate("dan-van");
    const ok = {
      chinhQuyen: "HTXSNV",
      mttq: "HTTNV",
      hoiPhuNu: "HTTNV",
      hoiNongDan: null,
      hoiCcb: "HTTNV",
      doanTn: "HTTNV",
    };
    expect(computeRow(spec, ok).dkHtxsTccs).toBe(true);
    expect(computeRow(spec, { ...ok, doanTn: "HTNV" }).dkHtxsTccs).toBe(false);
    expect(computeRow(spec, {}).dkHtxsTccs).toBeNull();
  });

  it("sum", () => {
    expect(computeValue({ kind: "sum", keys: ["a", "b"] }, { a: 2, b: 3.5 })).toBe(5.5);
    expect(computeValue({ kind: "sum", keys: ["a", "b"] }, { a: 2, b: null })).toBeNull();
  });

  it("never trusts the file's computed value", () => {
    const spec = requireTemplate("tai-chinh");
    const res = validate(spec, withPatch(spec, 0, { tyLeThu: 999, hoanThanhThu: "không" }), {
      register,
    });
    expect(res.issues).toEqual([]);
    // thucHienThu "1.234,5" of 1000 → 123.45 %
    expect(res.rows[0]!.values).toMatchObject({
      thucHienThu: 1234.5,
      tyLeThu: 123.45,
      hoanThanhThu: true,
    });
  });
});

describe("aggregateRows (subtotals recompute rates from sums)", () => {
  it("sums counts and recomputes the rate, never averaging rates", () => {
    const spec = requireTemplate("ldtbxh");
    const a = computeRow(spec, { tongSoHo: 100, soHoNgheo: 10, soHoCanNgheo: 0 });
    const b = computeRow(spec, { tongSoHo: 900, soHoNgheo: 10, soHoCanNgheo: 0 });
    expect([a.tyLeNgheo, b.tyLeNgheo]).toEqual([10, 1.11]);
    const total = aggregateRows(spec, [a, b]);
    expect(total).toMatchObject({ tongSoHo: 1000, soHoNgheo: 20, tyLeNgheo: 2 });
    expect(total.ngheoDauNam).toBeNull(); // missing in the rows: a gap, not 0
  });
});
