import { fill, formatNumberVi, localize } from "../../src/core/i18n";

describe("i18n", () => {
  it("fills placeholders and keeps unknown ones visible", () => {
    expect(fill("Ô {cell}: {missing}", { cell: "D7" })).toBe("Ô D7: {missing}");
  });
  it("returns NFC Vietnamese", () => {
    const nfd = "Thủy".normalize("NFD");
    expect(localize({ vi: nfd, en: "x" }).vi).toBe("Thủy".normalize("NFC"));
  });
});

describe("formatNumberVi", () => {
  // Whole numbers are grouped by hand; the result must be Intl's vi-VN, digit for digit.
  const intl = (d: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: d });
  it("prints whole numbers exactly as Intl vi-VN does", () => {
    const xs = [0, -0, 1, -1, 999, 1000, -1000, 12345, 1234567, -98765432, 2 ** 31, -(2 ** 40)];
    xs.push(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21);
    for (let i = -3000; i <= 3000; i += 7) xs.push(i, i * 1013, i * 1_000_003);
    for (const d of [0, 1, 2, 3])
      for (const x of xs) expect([x, d, formatNumberVi(x, d)]).toEqual([x, d, intl(d).format(x)]);
  });
  it("prints fractions, NaN and infinities through Intl", () => {
    const xs = [1.5, -1.5, 94.7619, 0.005, -0.001, 1234.5678, NaN, Infinity, -Infinity];
    for (const x of xs) expect(formatNumberVi(x)).toBe(intl(2).format(x));
    expect(formatNumberVi(94.7619)).toBe("94,76");
    expect(formatNumberVi(1234567)).toBe("1.234.567");
  });
});
