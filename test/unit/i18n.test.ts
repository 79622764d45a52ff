import { fill, localize } from "../../src/core/i18n";

describe("i18n", () => {
  it("fills placeholders and keeps unknown ones visible", () => {
    expect(fill("Ô {cell}: {missing}", { cell: "D7" })).toBe("Ô D7: {missing}");
  });
  it("returns NFC Vietnamese", () => {
    const nfd = "Thủy".normalize("NFD");
    expect(localize({ vi: nfd, en: "x" }).vi).toBe("Thủy".normalize("NFC"));
  });
});
