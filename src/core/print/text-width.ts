/**
 * How wide a text prints in Times New Roman (or its metric twin Liberation Serif, which
 * LibreOffice uses where Times New Roman is missing): advance widths of the Latin letters in
 * thousandths of an em, Vietnamese letters measured as their base letter (diacritics sit above or
 * below; ơ and ư are a little wider). Used to size printed columns so that every word fits without
 * being cut, without guessing from character counts. Pure numbers, no host.
 */

const ADVANCE: Record<string, number> = {
  a: 444,
  b: 500,
  c: 444,
  d: 500,
  e: 444,
  f: 333,
  g: 500,
  h: 500,
  i: 278,
  j: 278,
  k: 500,
  l: 278,
  m: 778,
  n: 500,
  o: 500,
  p: 500,
  q: 500,
  r: 333,
  s: 389,
  t: 278,
  u: 500,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 444,
  A: 722,
  B: 667,
  C: 667,
  D: 722,
  E: 611,
  F: 556,
  G: 722,
  H: 722,
  I: 333,
  J: 389,
  K: 722,
  L: 611,
  M: 889,
  N: 722,
  O: 722,
  P: 556,
  Q: 722,
  R: 667,
  S: 556,
  T: 611,
  U: 722,
  V: 722,
  W: 944,
  X: 722,
  Y: 722,
  Z: 611,
  " ": 250,
  ".": 250,
  ",": 250,
  ":": 278,
  ";": 278,
  "/": 278,
  "-": 333,
  "–": 500,
  "(": 333,
  ")": 333,
  "%": 833,
  '"': 408,
  "“": 444,
  "”": 444,
  "+": 564,
  "*": 500,
  "…": 1000,
  "&": 778,
};
/** Bold Times is about 6 % wider. */
const BOLD = 1.06;

const PT_TO_MM = 25.4 / 72;

/** The advance of one character (a code point of NFC text), in thousandths of an em. */
function advanceOf(ch: string): number {
  let w = ADVANCE[ch];
  if (w === undefined) {
    const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
    const b = base === "đ" ? "d" : base === "Đ" ? "D" : base;
    w = ADVANCE[b] ?? (/\d/.test(b) ? 500 : /\p{Lu}/u.test(b) ? 722 : 500);
    if (ch.normalize("NFD").includes("\u031b")) w += 60; // the horn of ơ, ư
  }
  return w;
}

/**
 * advanceOf per character, worked out once: the master measures tens of thousands of texts made of
 * a few hundred distinct characters (digits and Vietnamese letters take the slow path above).
 */
const ADVANCE_SEEN = new Map<string, number>();

/** Width of `text` in thousandths of an em (a sum of integers, so the order does not matter). */
function emOf(text: string): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) {
    let w = ADVANCE_SEEN.get(ch);
    if (w === undefined) {
      w = advanceOf(ch);
      if (ADVANCE_SEEN.size < 4096) ADVANCE_SEEN.set(ch, w);
    }
    em += w;
  }
  return em;
}

/** Width in mm of `text` set at `fontPt` (one line, no wrapping). */
export function textWidthMm(text: string, fontPt: number, bold = false): number {
  return mmOf(emOf(text), fontPt, bold);
}

/** A width in thousandths of an em, in mm at `fontPt` (the one formula every width goes through). */
function mmOf(em: number, fontPt: number, bold: boolean): number {
  return (em / 1000) * fontPt * PT_TO_MM * (bold ? BOLD : 1);
}

/** Width in mm of the longest word of `text` (what a wrapped column must hold at least). */
export function longestWordMm(text: string, fontPt: number, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textWidthMm(w, fontPt, bold)));
}

/** Lines `text` takes when wrapped at word boundaries in `widthMm`. */
export function wrappedLines(text: string, widthMm: number, fontPt: number, bold = false): number {
  let lines = 0;
  const space = textWidthMm(" ", fontPt, bold);
  for (const words of wordEms(text)) {
    let used = 0;
    lines++;
    for (const em of words) {
      const w = mmOf(em, fontPt, bold);
      if (used === 0) used = w;
      else if (used + space + w <= widthMm) used += space + w;
      else {
        lines++;
        used = w;
      }
    }
  }
  return Math.max(1, lines);
}

/**
 * The widths (em) of the words of each paragraph of a text, kept per text: a layout tries a
 * table at several column widths, and the same names and values come back in many rows.
 */
const WORD_EMS = new Map<string, number[][]>();

function wordEms(text: string): number[][] {
  let paras = WORD_EMS.get(text);
  if (!paras) {
    paras = text.split("\n").map((para) =>
      para
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => emOf(word))
    );
    if (WORD_EMS.size >= 20_000) WORD_EMS.clear();
    WORD_EMS.set(text, paras);
  }
  return paras;
}
