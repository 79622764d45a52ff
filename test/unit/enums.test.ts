import { ENUMS, getEnum } from "../../src/core/templates/enums";
import { canonicalVietnamese } from "../../src/core/normalize";
import { LOAI_HINH } from "../../src/core/units/types";

const IDS = [
  "level4",
  "level4Cbccvc",
  "datChuaDat",
  "datKhongDat",
  "loaiHinh",
  "loaiHinhCoSo",
  "xepLoaiCchc",
  "thucHienChiThi",
  "danhHieu",
  "xepLoaiQp",
];

describe("ENUMS", () => {
  it.each(IDS)("%s exists with its own id", (id) => {
    expect(getEnum(id).id).toBe(id);
    expect(ENUMS[id]).toBe(getEnum(id));
  });

  it("getEnum throws on an unknown id (a spec bug)", () => {
    expect(() => getEnum("nope")).toThrow(/nope/);
  });

  it.each(Object.values(ENUMS).map((e) => [e.id, e] as const))(
    "%s: codes unique, labels vi+en, NFC",
    (_id, spec) => {
      const codes = spec.values.map((v) => v.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const v of spec.values) {
        expect(v.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(v.label.vi).toBe(v.label.vi.normalize("NFC"));
        expect(v.label.en.length).toBeGreaterThan(0);
      }
    }
  );

  it.each(Object.values(ENUMS).map((e) => [e.id, e] as const))(
    "%s: no two values share a form (no ambiguity)",
    (_id, spec) => {
      const owner = new Map<string, string>();
      for (const v of spec.values) {
        for (const form of new Set(
          [v.code, v.label.vi, v.label.en, ...(v.aliases ?? [])].map(canonicalVietnamese)
        )) {
          expect([form, owner.get(form) ?? v.code]).toEqual([form, v.code]);
          owner.set(form, v.code);
        }
      }
    }
  );

  it.each([
    ["level4", ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]],
    ["level4Cbccvc", ["HTXSNV", "HTTNV", "HTNV_HC", "KHTNV"]],
    ["xepLoaiCchc", ["XUAT_SAC", "TOT", "KHA", "TRUNG_BINH", "YEU"]],
    ["thucHienChiThi", ["TOT", "KHA", "TB", "YEU"]],
    ["xepLoaiQp", ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]],
  ])("%s: codes best first with strictly decreasing ranks", (id, codes) => {
    const spec = getEnum(id);
    expect(spec.values.map((v) => v.code)).toEqual(codes);
    const ranks = spec.values.map((v) => v.rank);
    ranks.forEach((r) => expect(typeof r).toBe("number"));
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]!).toBeLessThan(ranks[i - 1]!);
    expect(ranks[ranks.length - 1]).toBe(1);
  });

  it("level4 labels are the official ones", () => {
    expect(getEnum("level4").values.map((v) => v.label.vi)).toEqual([
      "Hoàn thành xuất sắc nhiệm vụ",
      "Hoàn thành tốt nhiệm vụ",
      "Hoàn thành nhiệm vụ",
      "Không hoàn thành nhiệm vụ",
    ]);
  });

  it("xepLoaiQp is a copy of level4 (changing one does not change the other)", () => {
    expect(getEnum("xepLoaiQp").values).toEqual(getEnum("level4").values);
    expect(getEnum("xepLoaiQp").values[0]).not.toBe(getEnum("level4").values[0]);
  });

  it("level4 has no 'Xuất sắc' alias (it is a criterion grade)", () => {
    const forms = getEnum("level4")
      .values.flatMap((v) => v.aliases ?? [])
      .map(canonicalVietnamese);
    expect(forms).not.toContain("xuất sắc");
  });

  it("the 2019 and the two-tier (2025) loaiHinh codes together are exactly LOAI_HINH", () => {
    const codes = [...getEnum("loaiHinh").values, ...getEnum("loaiHinhCoSo").values].map(
      (v) => v.code
    );
    expect(new Set(codes)).toEqual(new Set(LOAI_HINH));
    expect(getEnum("loaiHinh").values.map((v) => v.code)).toEqual(
      LOAI_HINH.filter((c) => c !== "THON_TDP")
    );
  });

  it.each([
    ["datChuaDat", ["DAT", "CHUA_DAT"]],
    ["datKhongDat", ["DAT", "KHONG_DAT"]],
    ["danhHieu", ["XA_VH_NTM", "PHUONG_VMDT", "CHUA_DAT"]],
  ])("%s codes", (id, codes) => {
    expect(getEnum(id).values.map((v) => v.code)).toEqual(codes);
  });

  it("danhHieu titles are limited to their unit kind", () => {
    const byCode = Object.fromEntries(getEnum("danhHieu").values.map((v) => [v.code, v.onlyFor]));
    expect(byCode).toEqual({ XA_VH_NTM: ["xa"], PHUONG_VMDT: ["phuong"], CHUA_DAT: undefined });
  });
});
