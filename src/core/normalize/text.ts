/**
 * Text normalisation shared by every reader and matcher. Vietnamese text arrives as NFC or NFD
 * (macOS, some IMEs), with NBSP from copy-paste, and with two tone-placement styles ("Thuỷ" /
 * "Thủy", "Hoà" / "Hòa"); matching must treat all of these as the same word.
 */

/**
 * A pure string function with a bounded memo: the same names and labels come back in every row
 * and every file (issue #11: normalising them again was a tenth of the reading time). Short
 * strings only; the memo is emptied when full, so memory stays bounded.
 */
function memoized(fn: (s: string) => string): (s: string) => string {
  const MAX_ENTRIES = 20_000;
  const MAX_LENGTH = 200;
  const memo = new Map<string, string>();
  return (s: string): string => {
    if (s.length > MAX_LENGTH) return fn(s);
    let v = memo.get(s);
    if (v === undefined) {
      v = fn(s);
      if (memo.size >= MAX_ENTRIES) memo.clear();
      memo.set(s, v);
    }
    return v;
  };
}

// An alternation, not a class: zero-width joiners inside a class read as one joined character.
/* eslint-disable no-control-regex -- control characters are what this removes */
const BLANKS =
  /(?:\s|[\u0000-\u001F\u007F]|\u00A0|\u2007|\u202F|\u200B|\u200C|\u200D|\u2060|\uFEFF)+/g;
/* eslint-enable no-control-regex */

/**
 * NFC, trimmed, every run of white space (NBSP, tabs, newlines, zero-width) and of control
 * characters collapsed to one space. Control characters arrive from Excel's "_x0001_" escapes and
 * from text pasted out of other programs; they are invisible in a cell, so they count as spaces.
 */
export const normalizeText = memoized((s: string): string =>
  s.normalize("NFC").replace(BLANKS, " ").trim()
);

/** Combining tone marks (huyền, sắc, ngã, hỏi, nặng) as they appear after NFD decomposition. */
const TONE = "\u0300\u0301\u0303\u0309\u0323";

/**
 * Syllable-final "oa", "oe", "uy" (no consonant after them): the old style puts the tone on the
 * first vowel ("hòa", "thủy"), the new style on the second ("hoà", "thuỷ"). We canonicalise to
 * the first vowel. With a final consonant ("hoàng", "thuyết") both styles agree, so those stay.
 */
const TONE_PAIR = new RegExp(
  `(?<!q)([ou])([${TONE}]?)([aey])([${TONE}]?)(?![\\p{L}\\p{M}\\p{N}])`,
  "gu"
);
const VALID_PAIRS = new Set(["oa", "oe", "uy"]);

function canonicalTonePlacement(lowerNfd: string): string {
  return lowerNfd.replace(TONE_PAIR, (whole, v1: string, t1: string, v2: string, t2: string) => {
    if (!VALID_PAIRS.has(v1 + v2) || t1 || !t2) return whole;
    return v1 + t2 + v2;
  });
}

/**
 * A key for comparing Vietnamese text typed by people: normalizeText, lower case (vi), canonical
 * tone placement. Diacritics are KEPT: "Thuy" and "Thủy" stay different (no guessing).
 */
export const canonicalVietnamese = memoized((s: string): string => {
  const lower = normalizeText(s).toLocaleLowerCase("vi");
  return canonicalTonePlacement(lower.normalize("NFD")).normalize("NFC");
});

/**
 * Base letters only ("Thủy Dương" → "thuy duong"). ONLY for ranking suggestions in error
 * messages, never for accepting a value.
 */
export function stripDiacritics(s: string): string {
  return canonicalVietnamese(s)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .normalize("NFC");
}
