/**
 * A4 page arithmetic for the printed documents: how wide a column prints, how much room a page
 * leaves, and a page setup with an explicit scale (never "fit to one page wide", which shrinks a
 * wide table to 30 % and makes it unreadable). Pure numbers, no host.
 */
import type { PrintLayout } from "../sheet/model";

export const A4_MM = { short: 210, long: 297 } as const;

/** Smallest print scale the documents use, and the smallest text height on paper (points). */
export const MIN_SCALE = 85;
export const MIN_PAPER_PT = 11;

/**
 * Printed width in mm of a column `w` Excel characters wide at 100 %: Excel's pixel width
 * trunc(7w + 5) at 96 dpi (the maximum digit width of the default 11 pt font is 7 px).
 */
export const columnWidthMm = (w: number): number => (Math.trunc(7 * w + 5) * 25.4) / 96;

export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Width in mm between the margins of an A4 page. */
export function printableWidthMm(orientation: "portrait" | "landscape", m: PageMargins): number {
  return (orientation === "portrait" ? A4_MM.short : A4_MM.long) - m.left - m.right;
}

/**
 * Row height in points (as set, before scaling) that fits between the top and bottom margins of
 * an A4 page printed at `scale` percent: what one page holds.
 */
export function pageRowsHeightPt(
  orientation: "portrait" | "landscape",
  m: PageMargins,
  scale: number
): number {
  const heightMm = (orientation === "portrait" ? A4_MM.long : A4_MM.short) - m.top - m.bottom;
  return (((heightMm * 72) / 25.4) * 100) / scale;
}

/** Width in mm the columns take on paper at `scale` percent. */
export function tableWidthMm(widths: readonly number[], scale: number): number {
  return (widths.reduce((s, w) => s + columnWidthMm(w), 0) * scale) / 100;
}

/** The page setup of a printed document: A4, explicit scale, repeated header rows, page numbers. */
export function documentPageSetup(args: {
  orientation: "portrait" | "landscape";
  scale: number;
  margins: PageMargins;
  lastRow: number;
  columns: number;
  titleRows?: { first: number; last: number };
}): PrintLayout {
  return {
    paperSize: "A4",
    orientation: args.orientation,
    fitToWidth: 0,
    fitToHeight: 0,
    scale: args.scale,
    ...(args.titleRows ? { printTitleRows: args.titleRows } : {}),
    printArea: { top: 1, left: 1, bottom: Math.max(1, args.lastRow), right: args.columns },
    margins: { ...args.margins, header: 10, footer: 8 },
    centerHorizontally: true,
    footer: "&CTrang &P",
  };
}
