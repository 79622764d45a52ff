import { longestWordMm, textWidthMm, wrappedLines } from "../../../src/core/print/text-width";

/** The widths as measured before the per-character table was kept (the reference). */
const ADV: Record<string, number> = { a: 444, n: 500, " ": 250, h: 500, T: 611, "1": 500 };
const PT_TO_MM = 25.4 / 72;

describe("text widths", () => {
  it("measures the same text the same way every time (the per-character table changes nothing)", () => {
    const texts = ["Thủy Tân", "Đảng bộ xã Phú Mậu", "Ưu tiên ơn", "1.234,5%", "“Khá”", "x\u0301"];
    const first = texts.map((t) => [textWidthMm(t, 12), textWidthMm(t, 11, true)]);
    const again = texts.map((t) => [textWidthMm(t, 12), textWidthMm(t, 11, true)]);
    expect(again).toEqual(first);
  });
  it("adds the advance widths of the characters", () => {
    const em = ADV["T"]! + ADV["h"]! + ADV["a"]! + ADV["n"]! + ADV["h"]! + ADV[" "]! + ADV["1"]!;
    expect(textWidthMm("Thanh 1", 12)).toBeCloseTo((em / 1000) * 12 * PT_TO_MM, 12);
  });
  it("measures a Vietnamese letter as its base letter, ơ and ư a little wider, NFD as NFC", () => {
    expect(textWidthMm("ầ", 12)).toBe(textWidthMm("a", 12));
    expect(textWidthMm("đ", 12)).toBe(textWidthMm("d", 12));
    expect(textWidthMm("ư", 12)).toBeCloseTo(textWidthMm("u", 12) * (560 / 500), 12);
    expect(textWidthMm("Thủy".normalize("NFD"), 12)).toBe(textWidthMm("Thủy", 12));
  });
  it("wraps words and finds the longest word", () => {
    const word = textWidthMm("Phường", 12);
    expect(longestWordMm("Xã Phường", 12)).toBe(word);
    expect(wrappedLines("Phường Phường Phường", word + 0.1, 12)).toBe(3);
    expect(wrappedLines("Phường Phường", 3 * word, 12)).toBe(1);
    expect(wrappedLines("a\nb", 100, 12)).toBe(2);
  });
});
