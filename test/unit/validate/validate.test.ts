import { CATALOG, requireTemplate } from "../../../src/core/templates/catalog";
import { inputColumns } from "../../../src/core/templates/schema";
import type { ColumnSpec, TemplateSpec } from "../../../src/core/templates/spec";
import { defaultLayout, summarize, validate } from "../../../src/core/validate";
import type { RawCell, ValidationIssue } from "../../../src/core/validate/types";
import { FIRST_ROW, register, validRows, withPatch } from "./fixtures";

const ctx = { register };
const VI_MARKS = /[ôưđạảấầậếềệốồộớờợứừựịọụăâêơáàãéèẽíìĩóòõúùũýỳỹ]/i;

function expectVietnamese(iss: ValidationIssue) {
  expect(iss.message.vi).toBe(iss.message.vi.normalize("NFC"));
  expect(iss.message.vi).toMatch(VI_MARKS);
  expect(iss.message.en.length).toBeGreaterThan(0);
}

const letter = (spec: TemplateSpec, key: string) => defaultLayout(spec, FIRST_ROW).columnLetters[key];
const errors = (issues: ValidationIssue[]) => issues.filter((i) => i.severity === "error");

/** Columns a person fills (not identity, not notes, not computed). */
function dataColumns(spec: TemplateSpec): ColumnSpec[] {
  const skip = new Set(["stt", "unitName", "unitCode", "unitType", "ghiChu", "ten", "chucVu"]);
  return inputColumns(spec).filter((c) => !skip.has(c.key));
}

/** A raw value that the column type must refuse, with the rule id expected. */
function badValue(col: ColumnSpec): [RawCell, string] | null {
  switch (col.type) {
    case "int":
      return ["abc", "int"];
    case "number":
      return ["12abc", "number"];
    case "year":
      return [1800, "year"];
    case "enum":
      return ["không biết", "enum"];
    case "boolean":
      return ["có lẽ", "boolean"];
    default:
      return null;
  }
}

describe.each(CATALOG.map((s) => [s.id, s] as const))("validate %s", (_id, spec) => {
  it("a valid full set gives no issue at all", () => {
    const res = validate(spec, validRows(spec), ctx);
    expect(res.issues).toEqual([]);
    expect(res.rows).toHaveLength(validRows(spec).length);
    for (const r of res.rows) expect(r.unitCode).toMatch(/^[a-z0-9-]+$/);
  });

  const cols = dataColumns(spec);
  const typed = cols.map((c) => [c.key, c, badValue(c)] as const).filter((x) => x[2] !== null);

  it.each(typed)("column %s refuses a value of the wrong type", (key, _col, bad) => {
    const [raw, rule] = bad!;
    const res = validate(spec, withPatch(spec, 1, { [key]: raw }), ctx);
    const cell = `${letter(spec, key)}${FIRST_ROW + 1}`;
    expect(errors(res.issues)).toEqual([expect.objectContaining({ rule, cell, column: key, row: FIRST_ROW + 1, severity: "error" })]);
    const iss = errors(res.issues)[0]!;
    expect(iss.message.vi.startsWith(`Ô ${cell} (`)).toBe(true);
    expectVietnamese(iss);
    // The bad cell is null in the row, never a silent zero.
    expect(res.rows[1]!.values[key]).toBeNull();
  });

  it.each(typed)("column %s: an Excel error value is reported", (key) => {
    const res = validate(spec, withPatch(spec, 0, { [key]: { error: "#REF!" } }), ctx);
    expect(errors(res.issues)).toEqual([expect.objectContaining({ rule: "excelError", column: key })]);
    expectVietnamese(errors(res.issues)[0]!);
  });

  const required = cols.filter((c) => c.required && !c.appliesTo);
  if (required.length > 0) {
    it.each(required.map((c) => [c.key]))("required column %s left empty", (key) => {
      const res = validate(spec, withPatch(spec, 0, { [key]: "" }), ctx);
      const expected = cols.length === 1 ? "row.empty" : "required";
      const hit = res.issues.find((i) => i.rule === expected);
      expect(hit).toBeDefined();
      expect(hit!.row).toBe(FIRST_ROW);
      if (expected === "required") expect(hit!.cell).toBe(`${letter(spec, key)}${FIRST_ROW}`);
      expect(errors(res.issues).filter((i) => i.rule !== "required")).toEqual([]);
      expectVietnamese(hit!);
    });
  }

  const withMin = cols.filter((c) => (c.type === "int" || c.type === "number") && c.min !== undefined);
  if (withMin.length > 0) {
    it.each(withMin.map((c) => [c.key, c.min!]))("column %s below its minimum %d", (key, min) => {
      const res = validate(spec, withPatch(spec, 0, { [key]: min - 1 }), ctx);
      expect(errors(res.issues)).toEqual([expect.objectContaining({ rule: "min", column: key, cell: `${letter(spec, key)}${FIRST_ROW}` })]);
    });
  }
});

type Case = [templateId: string, rowIndex: number, patch: Record<string, RawCell>, rule: string, anchor: string, severity: "error" | "warning"];

/** A row that breaks each rule of each template (and its expected issue). */
const RULE_CASES: Case[] = [
  ["noi-vu-cchc", 1, { xepHang: 1 }, "cchc.xepHangTrung", "xepHang", "error"],
  ["noi-vu-cchc", 11, { xepHang: 13 }, "cchc.xepHangPhamVi", "xepHang", "error"],
  ["noi-vu-cchc", 1, { diemCchc: 96 }, "cchc.xepHangTheoDiem", "xepHang", "warning"],
  ["noi-vu-cchc", 0, { diemCchc: 101 }, "max", "diemCchc", "error"],
  ["noi-vu-cbcc", 0, { tongSo: 21 }, "cbcc.tongSo", "tongSo", "error"],
  ["kinh-te-ntm", 0, { tc05: "Chưa đạt" }, "ntm.congNhanDu19", "daCongNhanNtm", "warning"],
  ["kinh-te-ntm", 0, { namCongNhan: "" }, "ntm.namCongNhan", "namCongNhan", "warning"],
  ["van-hoa", 0, { soHoGdvh: 2001 }, "vh.hoGdvh", "soHoGdvh", "error"],
  ["van-hoa", 0, { soThonTdpVh: 11 }, "vh.thonVh", "soThonTdpVh", "error"],
  ["van-hoa", 0, { namCongNhan: null }, "vh.namCongNhan", "namCongNhan", "warning"],
  ["van-hoa", 0, { danhHieu: "Xã đạt chuẩn văn hóa NTM" }, "enum.onlyFor", "danhHieu", "error"], // row 0 is a phường
  ["van-hoa", 11, { danhHieu: "Phường đạt chuẩn văn minh đô thị" }, "enum.onlyFor", "danhHieu", "error"], // row 11 is a xã
  ["giao-duc", 0, { mnMucDo2: 3 }, "gd.mnMucDo2", "mnMucDo2", "error"],
  ["giao-duc", 0, { mnDatChuan: 4, mnMucDo2: 1 }, "gd.mnDatChuan", "mnDatChuan", "error"],
  ["giao-duc", 0, { thMucDo2: 3 }, "gd.thMucDo2", "thMucDo2", "error"],
  ["giao-duc", 0, { thDatChuan: 3 }, "gd.thDatChuan", "thDatChuan", "error"],
  ["giao-duc", 0, { thcsMucDo2: 2 }, "gd.thcsMucDo2", "thcsMucDo2", "error"],
  ["giao-duc", 0, { thcsDatChuan: 2, thcsMucDo2: 0 }, "gd.thcsDatChuan", "thcsDatChuan", "error"],
  ["y-te", 0, { soSinhCon3: 151 }, "yt.con3", "soSinhCon3", "error"],
  ["y-te", 0, { danSoTb: 0 }, "min", "danSoTb", "error"],
  ["ldtbxh", 0, { soHoCanNgheo: 1961 }, "ldtbxh.ngheoCanNgheo", "soHoNgheo", "error"],
  ["ldtbxh", 0, { phatSinh: 4 }, "ldtbxh.bienDong", "soHoNgheo", "warning"],
  ["dan-van", 11, { hoiNongDan: "" }, "required", "hoiNongDan", "error"], // xã: the Farmers' Association is required
  ["cong-an", 0, { kdcDat: 11 }, "ca.kdcDat", "kdcDat", "error"],
  ["cong-an", 0, { coSoDat: 6 }, "ca.coSoDat", "coSoDat", "error"],
  ["ubkt", 0, { klKhaiTru: 1 }, "ubkt.hinhThucKyLuat", "dvKyLuat", "error"],
  ["tuyen-giao", 0, { dvHocNq: 101 }, "tg.hocNq", "dvHocNq", "error"],
  ["van-phong", 0, { bcKhong: 2 }, "vp.baoCao", "bcPhaiNop", "error"],
  ["tccs-bao-cao", 0, { tc_Htnv: 3 }, "tccs.tcTong", "soTcTrucThuoc", "error"],
  ["tccs-bao-cao", 0, { dv_Khtnv: 3 }, "tccs.dvTong", "tongDv", "error"],
  ["tccs-bao-cao", 0, { dv_Htxs: 13, dv_Httn: 57 }, "tccs.quotaDv", "dv_Htxs", "warning"],
  ["tccs-bao-cao", 0, { tuXepLoai: "HTXSNV", tcKtxhXuatSac: "" }, "tccs.htxsTieuChi", "tuXepLoai", "warning"],
];

describe("each rule of each template", () => {
  it.each(RULE_CASES)("%s row %d %j → %s", (id, i, patch, rule, anchor, severity) => {
    const spec = requireTemplate(id);
    const res = validate(spec, withPatch(spec, i, patch), ctx);
    const cell = `${defaultLayout(spec, FIRST_ROW).columnLetters[anchor]}${FIRST_ROW + i}`;
    expect(res.issues).toEqual([expect.objectContaining({ rule, severity, column: anchor, cell, row: FIRST_ROW + i })]);
    const iss = res.issues[0]!;
    expect(iss.message.vi.startsWith(`Ô ${cell} (`)).toBe(true);
    expect(iss.message.vi).not.toMatch(/\{\w+\}/); // every placeholder filled
    expect(iss.message.en).not.toMatch(/\{\w+\}/);
    expectVietnamese(iss);
  });

  it("covers every rule of the catalog", () => {
    const covered = new Set(RULE_CASES.map((c) => `${c[0]}/${c[3]}`));
    const missing = CATALOG.flatMap((s) => s.rules.map((r) => `${s.id}/${r.id}`)).filter((k) => !covered.has(k));
    expect(missing).toEqual([]);
  });

  it("rule messages carry the numbers and the source", () => {
    const spec = requireTemplate("tccs-bao-cao");
    const [iss] = validate(spec, withPatch(spec, 0, { dv_Htxs: 13, dv_Httn: 57 }), ctx).issues;
    expect(iss!.message.vi).toContain("(13)");
    expect(iss!.message.vi).toContain("tối đa 11, vượt 2");
    expect(iss!.message.vi).toContain("HD 21-HD/BTCTW, 2.3");
    expect(iss!.message.vi).toContain("Đảng bộ phường Phú Bài");
  });

  it("rankFollowsScore names the other unit", () => {
    const spec = requireTemplate("noi-vu-cchc");
    const rows = withPatch(spec, 0, { xepHang: 2 }).map((r, j) => (j === 1 ? { ...r, cells: { ...r.cells, xepHang: 1 } } : r));
    const res = validate(spec, rows, ctx);
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]!.message.vi).toContain("Phường Thủy Châu");
    expect(res.issues[0]!.message.vi).toContain("Phường Phú Bài");
  });

  it("a compare rule is skipped when one of its cells already has an error (no cascade)", () => {
    const spec = requireTemplate("noi-vu-cbcc");
    const res = validate(spec, withPatch(spec, 0, { soHtxs: "hai" }), ctx);
    expect(res.issues.map((i) => i.rule)).toEqual(["int"]);
  });
});

describe("odd raw values never crash and never become silent zeros", () => {
  const ODD: RawCell[] = [new Date(Date.UTC(2019, 11, 20)), true, { error: "#N/A" }, { percentFraction: 0.5 }, NaN, Infinity, "—", "1,2,3", -0];
  it.each(CATALOG.map((s) => [s.id, s] as const))("%s", (_id, spec) => {
    for (const col of dataColumns(spec)) {
      for (const raw of ODD) {
        const res = validate(spec, withPatch(spec, 0, { [col.key]: raw }), ctx);
        for (const iss of res.issues) expect(iss.message.vi).toBe(iss.message.vi.normalize("NFC"));
        const v = res.rows[0]!.values[col.key];
        const CELL_RULES = ["int", "number", "percent", "year", "boolean", "enum", "text", "excelError", "ambiguous", "min", "max", "required"];
        const flagged = res.issues.some((i) => i.column === col.key && CELL_RULES.includes(i.rule));
        // Either refused (and null), or accepted as a real reading of the raw value.
        if (flagged) expect(v).toBeNull();
        else if (v === 0) expect(raw === -0 || raw === 0).toBe(true);
      }
    }
  });
});
