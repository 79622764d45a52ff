import { requireTemplate } from "../../../src/core/templates/catalog";
import { summarize, validate } from "../../../src/core/validate";
import type { RawRow, ValidationIssue } from "../../../src/core/validate/types";
import { FIRST_ROW, register, validRows, withPatch } from "./fixtures";

const ctx = { register };
const rulesOf = (issues: ValidationIssue[]) => issues.map((i) => [i.rule, i.row, i.cell]);

describe("the example message of the house rules", () => {
  it('names the cell, the header and the unit: Ô F7 (Điểm CCHC – Phường Phú Bài): "abc" không phải là số …', () => {
    const spec = requireTemplate("noi-vu-cchc");
    // A sheet that has one more column before the data: diemCchc sits in F.
    const columnLetters = { stt: "A", unitName: "B", unitCode: "C", unitType: "D", diemCchc: "F", xepHang: "G", xepLoaiCchc: "H", ghiChu: "I" };
    const res = validate(spec, withPatch(spec, 0, { diemCchc: "abc" }), { register, layout: { columnLetters, firstDataRow: FIRST_ROW } });
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]).toMatchObject({ rule: "number", cell: "F7", column: "diemCchc", row: 7, unitCode: "phuong-phu-bai", severity: "error" });
    expect(res.issues[0]!.message.vi).toMatch(/^Ô F7 \(Điểm CCHC – Phường Phú Bài\): "abc" không phải là số\. .*từ 0 đến 100\.$/);
    expect(res.issues[0]!.message.en).toMatch(/^Cell F7 \(CCHC score, Phường Phú Bài\): "abc" is not a number/);
  });
});

describe("unit matching and set-level checks", () => {
  const spec = requireTemplate("y-te");

  it("matches NFD, lower-case and prefixed names; identity values come from the register", () => {
    const rows = validRows(spec).map((r, i) =>
      i === 0 ? { ...r, cells: { ...r.cells, unitCode: null, unitName: "p. phú bài".normalize("NFD") } } : r
    );
    const res = validate(spec, rows, ctx);
    expect(res.issues).toEqual([]);
    expect(res.rows[0]).toMatchObject({ unitCode: "phuong-phu-bai", values: { unitName: "Phường Phú Bài", unitType: "phuong" } });
  });

  it("an unknown unit is an error with suggestions; its row is kept with unitCode null", () => {
    const rows = withPatch(spec, 0, { unitCode: null, unitName: "Thủy Xuân" });
    const res = validate(spec, rows, ctx);
    expect(rulesOf(res.issues)).toEqual([
      ["unit.missing", 0, null], // Phú Bài has no row now
      ["unit.unknown", FIRST_ROW, `B${FIRST_ROW}`],
    ]);
    expect(res.issues[1]!.message.vi).toContain("không có trong danh sách đơn vị");
    expect(res.rows[0]!.unitCode).toBeNull();
  });

  it("a unit of the wrong kind for the row set is unknown (a TCCS on a DB sheet)", () => {
    const res = validate(spec, withPatch(spec, 0, { unitCode: null, unitName: "Đảng bộ Quân sự thị xã" }), ctx);
    expect(res.issues.some((i) => i.rule === "unit.unknown")).toBe(true);
  });

  it("a name that disagrees with the hidden unit code is an error naming both; the row counts for neither", () => {
    const res = validate(spec, withPatch(spec, 0, { unitName: "Phường Thủy Châu" }), ctx);
    const mismatch = res.issues.filter((i) => i.rule === "unit.codeNameMismatch");
    expect(rulesOf(mismatch)).toEqual([["unit.codeNameMismatch", FIRST_ROW, `B${FIRST_ROW}`]]);
    expect(mismatch[0]!.severity).toBe("error");
    for (const t of ["Phường Thủy Châu", "phuong-phu-bai", "Phường Phú Bài"]) {
      expect(mismatch[0]!.message.vi).toContain(t);
      expect(mismatch[0]!.message.en).toContain(t);
    }
    expect(res.rows[0]!.unitCode).toBeNull();
  });

  it("a duplicate unit is an error on the second row, which is left out of the rows", () => {
    const rows = validRows(spec);
    const dup: RawRow = { rowNumber: 40, cells: { ...rows[0]!.cells, unitCode: null, unitName: "PHƯỜNG PHÚ BÀI" } };
    const res = validate(spec, [...rows, dup], ctx);
    expect(rulesOf(res.issues)).toEqual([["unit.duplicate", 40, "B40"]]);
    expect(res.issues[0]!.message.vi).toContain("dòng 7");
    expect(res.rows).toHaveLength(rows.length);
  });

  it("missing units: one warning each at row 0, unless checkMissing is false", () => {
    const rows = validRows(spec).slice(0, 10);
    const res = validate(spec, rows, ctx);
    expect(res.issues.map((i) => [i.rule, i.row, i.unitCode, i.severity])).toEqual([
      ["unit.missing", 0, "xa-thuy-thanh", "warning"],
      ["unit.missing", 0, "xa-thuy-van", "warning"],
    ]);
    expect(res.issues[0]!.message.vi).toContain("Xã Thủy Thanh");
    expect(validate(spec, rows, { ...ctx, checkMissing: false }).issues).toEqual([]);
  });

  it("skips entirely empty rows, rows with only a number, and cached formula results", () => {
    const rows: RawRow[] = [
      ...validRows(spec),
      { rowNumber: 30, cells: {} },
      { rowNumber: 31, cells: { stt: 13, unitName: "   ", tyLeTangTn: "n/a", tyLeCon3: 0 } },
      { rowNumber: 32, cells: { soSinh: null, ghiChu: "" } },
    ];
    expect(validate(spec, rows, ctx)).toEqual(validate(spec, validRows(spec), ctx));
  });

  it("a listed unit with no data gets one warning 'chưa nhập số liệu', not a required error per cell", () => {
    const rows = validRows(spec).map((r, i) => (i === 2 ? { ...r, cells: { stt: 3, unitName: r.cells.unitName, unitCode: r.cells.unitCode } } : r));
    const res = validate(spec, rows, ctx);
    expect(rulesOf(res.issues)).toEqual([["row.empty", FIRST_ROW + 2, null]]);
    expect(res.issues[0]!.message.vi).toMatch(/^Dòng 9 \(Phường Thủy Dương\): Chưa nhập số liệu/);
    expect(res.rows[2]!.values.soSinh).toBeNull();
  });

  it("data without a unit name: unitName required", () => {
    const res = validate(spec, withPatch(spec, 0, { unitName: "", unitCode: "" }), ctx);
    expect(rulesOf(res.issues)).toEqual([
      ["unit.missing", 0, null],
      ["required", FIRST_ROW, `B${FIRST_ROW}`],
    ]);
  });

  it("sorts issues by row, then by column order", () => {
    const rows = validRows(spec).map((r, i) =>
      i === 3 ? { ...r, cells: { ...r.cells, soChet: "x", ytXaDat: "?" } } : i === 1 ? { ...r, cells: { ...r.cells, soSinhCon3: 999 } } : r
    );
    const res = validate(spec, rows, ctx);
    expect(res.issues.map((i) => [i.row, i.column])).toEqual([
      [8, "soSinhCon3"],
      [10, "ytXaDat"],
      [10, "soChet"],
    ]);
  });

  it("summarize counts by severity", () => {
    const res = validate(spec, validRows(spec).slice(0, 11).map((r, i) => (i === 0 ? { ...r, cells: { ...r.cells, soSinh: "?" } } : r)), ctx);
    expect(summarize(res.issues)).toEqual({ error: 1, warning: 1, total: 2 });
    expect(summarize([])).toEqual({ error: 0, warning: 0, total: 0 });
  });

  it("raw values of every reader form flow through: numbers as text, NFD enums, booleans", () => {
    const ntm = requireTemplate("kinh-te-ntm");
    const res = validate(ntm, withPatch(ntm, 0, { tc01: "đạt".normalize("NFD"), tc02: " ĐẠT ", daCongNhanNtm: true, namCongNhan: "2.018" }), ctx);
    // "2.018" is accepted as 2018 but never silently: the one issue says how it was read.
    expect(res.issues.map((i) => [i.rule, i.severity, i.cell])).toEqual([["interpreted", "warning", "Z7"]]);
    expect(res.rows[0]!.values).toMatchObject({ tc01: "DAT", tc02: "DAT", soTieuChiDat: 19, daCongNhanNtm: true, namCongNhan: 2018 });
  });
});

describe("PEOPLE rows (3.15)", () => {
  const spec = requireTemplate("lanh-dao");

  it("matches the unit by name or code, any kind; no missing-unit warnings", () => {
    const res = validate(spec, validRows(spec), ctx);
    expect(res.issues).toEqual([]);
    expect(res.rows.map((r) => r.unitCode)).toEqual(["db-phuong-phu-bai", "phuong-thuy-duong", "db-xa-thuy-phu"]);
  });

  it("accepts the bodies the plan (III.1.2) reviews as the unit of a leader or collective", () => {
    const rows = validRows(spec);
    const bodies: RawRow[] = ["UBND thị xã", "Hội CCB thị xã", "Ban Tổ chức Thị ủy"].map(
      (unit, i) => ({ rowNumber: 30 + i, cells: { ...rows[0]!.cells, unitCode: unit } })
    );
    const res = validate(spec, bodies, ctx);
    expect(res.issues).toEqual([]);
    expect(res.rows.map((r) => r.unitCode)).toEqual(["tt-ubnd", "tt-hoi-ccb", "tt-ban-to-chuc"]);
  });

  it("the same (unit, name, position) twice is a duplicate; same name elsewhere is not", () => {
    const rows = validRows(spec);
    const dup: RawRow = { rowNumber: 20, cells: { ...rows[0]!.cells, ten: "nguyễn văn an".normalize("NFD") } };
    const other: RawRow = { rowNumber: 21, cells: { ...rows[0]!.cells, chucVu: "Phó Bí thư" } };
    const res = validate(spec, [...rows, dup, other], ctx);
    expect(rulesOf(res.issues)).toEqual([["unit.duplicate", 20, "B20"]]);
  });

  it("an unknown unit is an error at the unit column; the name is required", () => {
    const res = validate(spec, withPatch(spec, 0, { unitCode: "Phường Không Có", ten: "" }), ctx);
    expect(res.issues.map((i) => [i.rule, i.column])).toEqual([
      ["required", "ten"],
      ["unit.unknown", "unitCode"],
    ]);
  });

  it("a collective is exempt from the civil-servant rule", () => {
    const res = validate(spec, withPatch(spec, 0, { laTapThe: "x", xepLoaiCbccvc: "HTTNV" }), ctx);
    expect(res.issues).toEqual([]);
  });
});

describe("headers in messages", () => {
  it("a header shared by two groups is prefixed with its group", () => {
    const spec = requireTemplate("tccs-bao-cao");
    const res = validate(spec, withPatch(spec, 0, { dv_Htxs: "mười" }), ctx);
    expect(res.issues[0]!.message.vi).toMatch(/^Ô L7 \(Đảng viên: HTXSNV – Đảng bộ phường Phú Bài\): "mười" không phải là số/);
  });
});

describe("no cascades through computed columns", () => {
  it("a bad criterion does not also trigger the 'recognised with fewer than 19' warning", () => {
    const spec = requireTemplate("kinh-te-ntm");
    const res = validate(spec, withPatch(spec, 0, { tc05: "đạt chuẩn?" }), ctx);
    expect(res.issues.map((i) => i.rule)).toEqual(["enum"]);
  });
});
