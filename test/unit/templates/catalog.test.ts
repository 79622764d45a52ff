import { CATALOG, checkSpec, getTemplate, requireTemplate } from "../../../src/core/templates/catalog";
import { parseTemplateSpec, templateSpecSchema } from "../../../src/core/templates/spec-schema";
import type { TemplateSpec } from "../../../src/core/templates/spec";

const clone = (s: TemplateSpec): TemplateSpec => JSON.parse(JSON.stringify(s));

describe("catalog", () => {
  it("has at least the 16 templates of brief §3 with unique ids and sheet names", () => {
    expect(CATALOG.map((s) => s.id)).toEqual([
      "noi-vu-cchc",
      "noi-vu-cbcc",
      "tai-chinh",
      "kinh-te-ntm",
      "van-hoa",
      "giao-duc",
      "y-te",
      "ldtbxh",
      "dan-van",
      "quan-su",
      "cong-an",
      "ubkt",
      "tuyen-giao",
      "van-phong",
      "tccs-bao-cao",
      "lanh-dao",
    ]);
    expect(new Set(CATALOG.map((s) => s.sheetName)).size).toBe(CATALOG.length);
  });

  it("getTemplate / requireTemplate", () => {
    expect(getTemplate("y-te")?.section).toBe("3.6");
    expect(getTemplate("nope")).toBeUndefined();
    expect(() => requireTemplate("nope")).toThrow(/Unknown template/);
  });

  describe.each(CATALOG.map((s) => [s.id, s] as const))("%s", (_id, spec) => {
    it("is well-formed (checkSpec)", () => {
      expect(checkSpec(spec)).toEqual([]);
    });
    it("passes the JSON spec schema after a JSON round trip", () => {
      expect(templateSpecSchema.safeParse(clone(spec)).success).toBe(true);
      expect(parseTemplateSpec(clone(spec), checkSpec)).toEqual({ ok: true, spec: clone(spec) });
    });
    it("starts with the identity columns and ends with ghiChu", () => {
      const keys = spec.columns.map((c) => c.key);
      expect(keys[0]).toBe("stt");
      expect(keys[keys.length - 1]).toBe("ghiChu");
      if (spec.rowSet === "PEOPLE") expect(keys).toEqual(expect.arrayContaining(["unitCode", "ten", "chucVu"]));
      else expect(keys.slice(1, 4)).toEqual(["unitName", "unitCode", "unitType"]);
    });
    it("has Vietnamese NFC headers and rule messages", () => {
      for (const c of spec.columns) expect(c.header.vi).toBe(c.header.vi.normalize("NFC"));
      for (const r of spec.rules) expect(r.message.vi).toBe(r.message.vi.normalize("NFC"));
      expect(spec.sheetName.length).toBeLessThanOrEqual(31);
    });
    it("makes counts required int ≥ 0 and rates computed with 2 decimals", () => {
      for (const c of spec.columns) {
        if (c.type === "percent") expect(c.computed).toMatchObject({ kind: "percent", decimals: 2 });
        if (c.type === "int" && !c.identity && !c.computed && !["ngheoDauNam", "thoatNgheo", "taiNgheo", "phatSinh"].includes(c.key)) {
          expect(c.required).toBe(true);
          expect(c.min).toBeGreaterThanOrEqual(0);
        }
      }
    });
    it("marks some indicator columns for the master sheet", () => {
      expect(spec.columns.some((c) => c.master)).toBe(true);
    });
  });
});

describe("checkSpec finds broken specs", () => {
  const base = () => clone(requireTemplate("y-te"));
  it.each<[string, (s: TemplateSpec) => void, RegExp]>([
    ["duplicate key", (s) => s.columns.push({ ...s.columns[5] }), /duplicate column key/],
    ["unknown enum", (s) => (s.columns.find((c) => c.key === "ytXaDat")!.enumId = "nope"), /unknown enum "nope"/],
    ["computed reads missing key", (s) => ((s.columns.find((c) => c.key === "tyLeCon3")!.computed as { numerator: string[] }).numerator = ["zzz"]), /reads "zzz"/],
    ["rule reads missing key", (s) => s.rules.push({ id: "x", kind: "unique", key: "zzz", severity: "error", message: { vi: "a", en: "a" } }), /unknown column "zzz"/],
    ["duplicate rule id", (s) => s.rules.push({ ...s.rules[0] }), /duplicate rule id/],
    ["long sheet name", (s) => (s.sheetName = "Một tên trang tính rất dài quá ba mươi mốt ký tự"), /1–31/],
    ["illegal sheet name", (s) => (s.sheetName = "Y tế/Dân số"), /contains one of/],
    ["missing unitName", (s) => (s.columns = s.columns.filter((c) => c.key !== "unitName")), /unitName/],
    ["compare on an enum column", (s) => s.rules.push({ id: "y", kind: "compare", left: [{ key: "ytXaDat" }], op: "lte", right: [{ key: "soSinh" }], severity: "error", message: { vi: "a", en: "a" } }), /needs a numeric column/],
    ["enum code not in enum", (s) => s.rules.push({ id: "z", kind: "assert", assert: [{ key: "ytXaDat", op: "eq", value: "CHUA_DAT" }], severity: "error", message: { vi: "a", en: "a" } }), /not in datKhongDat/],
  ])("%s", (_name, mutate, expected) => {
    const s = base();
    mutate(s);
    expect(checkSpec(s).join("\n")).toMatch(expected);
  });

  it("the JSON schema rejects a malformed spec", () => {
    const r = parseTemplateSpec({ id: "X Y", columns: [] }, checkSpec);
    expect(r.ok).toBe(false);
  });
});
