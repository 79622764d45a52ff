import { canonicalVietnamese, normalizeText, stripDiacritics } from "../../../src/core/normalize";

const NBSP = "\u00A0";

describe("normalizeText", () => {
  it.each([
    ["  Phú Bài  ", "Phú Bài"],
    [`Phú${NBSP}Bài`, "Phú Bài"],
    ["Phú\t\tBài", "Phú Bài"],
    ["Phú\n Bài\r\n", "Phú Bài"],
    ["Phú\u200BBài", "Phú Bài"],
    ["Thủy".normalize("NFD"), "Thủy".normalize("NFC")],
    ["", ""],
    ["   ", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("returns NFC", () => {
    const out = normalizeText("Hương Thủy".normalize("NFD"));
    expect(out).toBe(out.normalize("NFC"));
    expect(out.length).toBe("Hương Thủy".normalize("NFC").length);
  });
});

describe("canonicalVietnamese", () => {
  it.each([
    ["Thuỷ", "Thủy"],
    ["Hoà", "Hòa"],
    ["hoá", "hóa"],
    ["khoẻ", "khỏe"],
    ["uý ban", "úy ban"],
    ["THUỶ DƯƠNG", "thủy dương"],
    ["Dương Hoà", "dương hòa"],
    ["Thủy".normalize("NFD"), "Thủy"],
    ["Thuỷ".normalize("NFD"), "Thủy"],
    [`  Phú${NBSP}Bài `, "phú bài"],
  ])("%j equals %j", (a, b) => {
    expect(canonicalVietnamese(a)).toBe(canonicalVietnamese(b));
  });

  it.each([
    ["Thuy", "Thủy"],
    ["Hoa", "Hòa"],
    ["Hòa", "Hóa"],
    ["Thủy Vân", "Thủy Xuân"],
  ])("%j differs from %j (no accent guessing)", (a, b) => {
    expect(canonicalVietnamese(a)).not.toBe(canonicalVietnamese(b));
  });

  it.each([
    ["hoàng", "hoàng"], // final consonant: tone stays on the main vowel
    ["thuyết", "thuyết"],
    ["quý", "quý"], // "qu": u is part of the consonant
    ["Hòa", "hòa"],
  ])("keeps %j as %j", (input, expected) => {
    expect(canonicalVietnamese(input)).toBe(expected.normalize("NFC"));
  });
});

describe("stripDiacritics", () => {
  it("gives base letters (for suggestions only)", () => {
    expect(stripDiacritics("Thủy Dương")).toBe("thuy duong");
    expect(stripDiacritics("Đảng bộ")).toBe("dang bo");
  });
});
