/**
 * Fitting a template's table on one A4 width at a readable scale. Text is set at 12 pt and the
 * page prints at 92 % or more, so nothing is below 11 pt on paper (12 × 0.92 = 11.04); the
 * issue's floor of 85 % would need 13 pt text, which takes the same room on paper, so 12 pt at
 * ≥ 92 % is the same fit with a larger scale on screen. A column is never narrower than its
 * longest word (header or value, measured in Times New Roman), so nothing is cut: headers and
 * long values wrap instead. Columns start at their screen widths and are narrowed toward that
 * minimum only as far as the page needs; a portrait template too wide for portrait turns
 * landscape. Pure numbers, no host.
 */
import { A4_MM, columnWidthMm, type PageMargins } from "../print/page";
import { longestWordMm, textWidthMm } from "../print/text-width";

/** Text size of the table (header, units of measure, rows) as set on the sheet. */
export const TABLE_PT = 12;
/** The smallest scale at which TABLE_PT still prints at 11 pt or more. */
export const TEMPLATE_MIN_SCALE = 92;
/**
 * Margins of a form (mm): narrower than a report's HD 36 [P] 25/25/35/15, so that the widest
 * forms (3.3's nineteen criteria) still fit one A4 width at a readable scale.
 */
export const TEMPLATE_MARGINS: PageMargins = { top: 15, bottom: 12, left: 12, right: 8 };

/**
 * Slack beside a text, in mm at 100 %, over the 5 px of margins Excel adds to every column (a
 * column `w` characters wide holds 7w px of text).
 */
const CELL_PAD_MM = 1.1;

/** Excel characters for a text `mm` wide at 100 %. */
export function widthForMm(mm: number): number {
  return Math.ceil((((mm + CELL_PAD_MM) * 96) / 25.4 / 7) * 100) / 100;
}

export interface ColumnNeed {
  /** Width on screen (Excel characters): the starting point. */
  preferred: number;
  /** Texts the column must hold without cutting a word: header, units, values. */
  words: { text: string; bold?: boolean }[];
  /** Shortest the column may be in mm (e.g. a free-text column). */
  minMm?: number;
  hidden?: boolean;
  /** Columns with a lower number give up their room first (free text before names). */
  shrinkOrder?: number;
}

export interface PageFit {
  widths: number[];
  orientation: "portrait" | "landscape";
  scale: number;
  /** Widths on paper (mm, at the scale), hidden columns 0. */
  paperMm: number[];
}

const printable = (o: "portrait" | "landscape", m: PageMargins) =>
  (o === "portrait" ? A4_MM.short : A4_MM.long) - m.left - m.right;

/** The narrowest width (Excel characters) that holds every word of the column at TABLE_PT. */
export function minimumWidth(need: ColumnNeed): number {
  const word = Math.max(
    0,
    ...need.words.map((w) => longestWordMm(w.text, TABLE_PT, w.bold ?? false))
  );
  return widthForMm(Math.max(word, need.minMm ?? 0));
}

function total(widths: number[], needs: ColumnNeed[]): number {
  return widths.reduce((s, w, i) => s + (needs[i]!.hidden ? 0 : columnWidthMm(w)), 0);
}

export function fitColumns(
  needs: ColumnNeed[],
  orientation: "portrait" | "landscape",
  margins: PageMargins = TEMPLATE_MARGINS
): PageFit {
  const min = needs.map(minimumWidth);
  const pref = needs.map((n, i) => Math.max(n.preferred, min[i]!));
  // 3 % of the room kept free where the table allows: LibreOffice lays columns out a little wider
  // than Excel's pixel arithmetic, and a column pushed past the margin prints on a page of its own.
  const attempt = (o: "portrait" | "landscape", slack = 0.97): PageFit | null => {
    const room = printable(o, margins) * slack;
    const fits = (w: number[]) => total(w, needs) * (TEMPLATE_MIN_SCALE / 100) <= room;
    if (!fits(min)) return null;
    // Narrow one class of columns at a time (free text, then values, then names), each only as
    // far as the page needs.
    let widths = pref;
    const orders = [...new Set(needs.map((n) => n.shrinkOrder ?? 1))].sort((a, b) => a - b);
    for (const order of orders) {
      if (fits(widths)) break;
      const base = widths;
      const at = (t: number) =>
        base.map((w, i) =>
          (needs[i]!.shrinkOrder ?? 1) === order ? min[i]! + t * (pref[i]! - min[i]!) : w
        );
      if (!fits(at(0))) {
        widths = at(0);
        continue;
      }
      let lo = 0;
      let hi = 1;
      for (let k = 0; k < 30; k++) {
        const mid = (lo + hi) / 2;
        if (fits(at(mid))) lo = mid;
        else hi = mid;
      }
      widths = at(lo).map((w) => Math.floor(w * 100) / 100);
    }
    const scale = Math.min(100, Math.floor((room / total(widths, needs)) * 100));
    return {
      widths,
      orientation: o,
      scale,
      paperMm: widths.map((w, i) => (needs[i]!.hidden ? 0 : (columnWidthMm(w) * scale) / 100)),
    };
  };
  const fit =
    attempt(orientation) ??
    (orientation === "portrait" ? attempt("landscape") : null) ??
    attempt(orientation, 1) ??
    (orientation === "portrait" ? attempt("landscape", 1) : null) ??
    // Nothing fits at the floor: the narrowest columns, landscape, at whatever scale fits (the
    // print check reports it).
    (() => {
      const room = printable("landscape", margins);
      const scale = Math.floor((room / total(min, needs)) * 100);
      return {
        widths: min,
        orientation: "landscape" as const,
        scale,
        paperMm: min.map((w, i) => (needs[i]!.hidden ? 0 : (columnWidthMm(w) * scale) / 100)),
      };
    })();
  return fit;
}

/** Width in mm (at 100 %) of the text area of a column `w` characters wide. */
export const textRoomMm = (w: number): number => (w * 7 * 25.4) / 96 - CELL_PAD_MM;

export { textWidthMm };
