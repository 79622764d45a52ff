import { requireTemplate } from "../../../src/core/templates/catalog";
import { assembleColumns, count, rate, t } from "../../../src/core/templates/common";
import { inputColumns, parseCell, rowSchema } from "../../../src/core/templates/schema";
import type { ColumnSpec, TemplateSpec } from "../../../src/core/templates/spec";

const nfd = (s: string) => s.normalize("NFD");

/** A small spec with a percent input column, to test every column type through the schema. */
const demo: TemplateSpec = {
  id: "demo",
  version: 1,
  section: "x",
  department: { code: "X", name: t("Thử", "Test") },
  title: t("Thử", "Test"),
  sheetName: "Thử",
  rowSet: "DB",
  orientation: "portrait",
  columns: assembleColumns("DB", [
    { key: "tyLeNhap", header: t("Tỷ lệ nhập", "Typed rate"), type: "percent", min: 0, max: 100 },
    count("soHo", t("Số hộ", "Households")),
    { key: "diem", header: t("Điểm", "Score"), type: "number", min: 0, max: 100 },
    { key: "nam", header: t("Năm", "Year"), type: "year" },
    { key: "co", header: t("Có", "Yes"), type: "boolean" },
    { key: "muc", header: t("Mức", "Level"), type: "enum", enumId: "level4", required: true, appliesTo: ["xa"] },
    rate("tyLe", t("Tỷ lệ", "Rate"), ["soHo"], ["soHo"]),
  ]),
  rules: [],
};

describe("rowSchema", () => {
  it("is derived from the spec: inputs only, computed columns dropped", () => {
    const s = rowSchema(demo, "xa");
    const r = s.safeParse({ unitName: "Xã Phú Sơn", tyLeNhap: "12%", soHo: "1.234", diem: "1.234,5", nam: 2019, co: "x", muc: "HTTNV", tyLe: 77 });
    expect(r.success).toBe(false); // diem 1234.5 > 100
    const ok = s.safeParse({ unitName: "Xã Phú Sơn", tyLeNhap: "12,5 %", soHo: "1.234", diem: "99,5", nam: "2019", co: "có", muc: "hoàn thành tốt nhiệm vụ", tyLe: 77 });
    expect(ok.success && ok.data).toEqual({
      stt: null,
      unitName: "Xã Phú Sơn",
      unitCode: null,
      unitType: null,
      tyLeNhap: 12.5,
      soHo: 1234,
      diem: 99.5,
      nam: 2019,
      co: true,
      muc: "HTTNV",
      ghiChu: null,
    });
  });

  it("caches one schema per spec and unit kind", () => {
    expect(rowSchema(demo, "xa")).toBe(rowSchema(demo, "xa"));
    expect(rowSchema(demo, "xa")).not.toBe(rowSchema(demo, "phuong"));
  });

  it("reports every bad cell with its rule and a Vietnamese detail", () => {
    const r = rowSchema(demo, "xa").safeParse({ unitName: "Xã Phú Sơn", tyLeNhap: "abc", soHo: -3, diem: 101, nam: 1800, co: "có lẽ", muc: "" });
    expect(r.success).toBe(false);
    const got = r.success ? [] : r.error.issues.map((i) => [i.path[0], (i as unknown as { params: { rule: string } }).params.rule]);
    expect(got).toEqual([
      ["tyLeNhap", "percent"],
      ["soHo", "min"],
      ["diem", "max"],
      ["nam", "year"],
      ["co", "boolean"],
      ["muc", "required"],
    ]);
  });

  it("every catalog spec yields a schema whose keys are its input columns", () => {
    const spec = requireTemplate("tccs-bao-cao");
    const r = rowSchema(spec, "tccs").safeParse({});
    expect(r.success).toBe(false);
    if (!r.success) {
      const required = inputColumns(spec).filter((c) => c.required).map((c) => c.key);
      expect(r.error.issues.map((i) => i.path[0])).toEqual(required);
    }
  });
});

describe("parseCell", () => {
  const col = (key: string) => demo.columns.find((c) => c.key === key) as ColumnSpec;
  it.each<[string, unknown, unknown]>([
    ["tyLeNhap", "12%", 12],
    ["tyLeNhap", "12,5 %", 12.5],
    ["tyLeNhap", { percentFraction: 0.125 }, 12.5],
    ["tyLeNhap", 0.125, 12.5],
    ["soHo", "1.234", 1234],
    ["soHo", " 42 ", 42],
    ["diem", "12,5", 12.5],
    ["nam", "2019", 2019],
    ["co", "X", true],
    ["co", nfd("Không"), false],
    ["muc", nfd("Hoàn thành xuất sắc nhiệm vụ"), "HTXSNV"],
    ["muc", "htnv", "HTNV"],
  ])("%s: %j → %j", (key, raw, value) => {
    expect(parseCell(col(key), raw as never, "xa")).toEqual({ ok: true, value });
  });

  it.each<[string, unknown, string]>([
    ["soHo", "12%", "int"],
    ["soHo", 2.5, "int"],
    ["soHo", "abc", "int"],
    ["diem", "1.234", "ambiguous"],
    ["diem", { error: "#DIV/0!" }, "excelError"],
    ["nam", 19, "year"],
    ["muc", "Xuất sắc", "enum"],
  ])("%s refuses %j (%s)", (key, raw, rule) => {
    const r = parseCell(col(key), raw as never, "xa");
    expect(r).toMatchObject({ ok: false, rule });
    if (!r.ok) expect(r.message.vi).toMatch(/[ôưđạảấầậếềệốồộớờợứừựịọụăâêơáàãéèíìóòúùýỳ]/i);
  });

  it("appliesTo: a required column is optional for other unit kinds", () => {
    expect(parseCell(col("muc"), "", "phuong")).toEqual({ ok: true, value: null });
    expect(parseCell(col("muc"), "", "xa")).toMatchObject({ ok: false, rule: "required" });
  });

  it("onlyFor: a xã title on a phường is refused, accepted on a xã; unchecked when the kind is unknown", () => {
    const danhHieu = requireTemplate("van-hoa").columns.find((c) => c.key === "danhHieu")!;
    expect(parseCell(danhHieu, "Xã đạt chuẩn văn hóa NTM", "phuong")).toMatchObject({ ok: false, rule: "enum.onlyFor" });
    expect(parseCell(danhHieu, "Xã đạt chuẩn văn hóa NTM", "xa")).toEqual({ ok: true, value: "XA_VH_NTM" });
    expect(parseCell(danhHieu, "Xã đạt chuẩn văn hóa NTM")).toEqual({ ok: true, value: "XA_VH_NTM" });
  });
});
