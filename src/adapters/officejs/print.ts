/**
 * Renders a core PrintLayout onto `worksheet.pageLayout` (ExcelApi 1.9), matching what the ExcelJS
 * writer puts in the file: A4, orientation, fit to N pages wide, print titles, print area, margins
 * (mm → inches, rounded like the writer), horizontal centring and header/footer codes.
 */
import { columnLetter, marginsInInches, type PrintLayout } from "../../core/sheet/model";

export interface HeaderFooterSections {
  left: string;
  center: string;
  right: string;
}

/**
 * Splits an Excel header/footer code ("&LLeft&CTrang &P/&N&RRight") into its three sections.
 * Text before any section code belongs to the centre, as in Excel; "&&" is a literal ampersand.
 */
export function splitHeaderFooter(code: string | undefined): HeaderFooterSections {
  const out: HeaderFooterSections = { left: "", center: "", right: "" };
  if (!code) return out;
  let section: keyof HeaderFooterSections = "center";
  let i = 0;
  while (i < code.length) {
    if (code[i] === "&" && i + 1 < code.length) {
      const nxt = code[i + 1]!;
      if (nxt === "L" || nxt === "C" || nxt === "R") {
        section = nxt === "L" ? "left" : nxt === "C" ? "center" : "right";
        i += 2;
        continue;
      }
      out[section] += code.slice(i, i + 2);
      i += 2;
      continue;
    }
    out[section] += code[i];
    i++;
  }
  return out;
}

/**
 * Queues manual page breaks (ExcelApi 1.9 `horizontalPageBreaks`): a new page after each row.
 * Skipped where the host does not offer the collection.
 */
export function queueRowBreaks(ws: Excel.Worksheet, p: PrintLayout): void {
  const breaks = (ws as unknown as { horizontalPageBreaks?: Excel.PageBreakCollection })
    .horizontalPageBreaks;
  if (!breaks) return;
  for (const r of p.rowBreaks ?? []) breaks.add(`A${r + 1}`);
}

/** Queues the page setup of one sheet (no sync). */
export function queuePrintLayout(pl: Excel.PageLayout, p: PrintLayout): void {
  pl.paperSize = "A4";
  pl.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  if (p.fitToWidth > 0 || p.fitToHeight > 0) {
    // Both directions, 0 = "automatic" (the file's fitToHeight="0"): Excel keeps an omitted one as
    // it was, 1 page by default, and { horizontalFitToPages: 1 } alone shrinks the whole sheet onto
    // one page. "Fit all columns on one page" is { horizontalFitToPages: 1, verticalFitToPages: 0 }.
    pl.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  } else if (p.scale !== undefined) {
    pl.zoom = { scale: p.scale };
  }
  if (p.printTitleRows)
    pl.setPrintTitleRows(`$${p.printTitleRows.first}:$${p.printTitleRows.last}`);
  if (p.printArea) {
    const a = p.printArea;
    pl.setPrintArea(`${columnLetter(a.left)}${a.top}:${columnLetter(a.right)}${a.bottom}`);
  }
  pl.setPrintMargins("Inches", marginsInInches(p.margins));
  pl.centerHorizontally = p.centerHorizontally;
  if (p.header !== undefined || p.footer !== undefined) {
    const all = pl.headersFooters.defaultForAllPages;
    if (p.header !== undefined) {
      const h = splitHeaderFooter(p.header);
      all.leftHeader = h.left;
      all.centerHeader = h.center;
      all.rightHeader = h.right;
    }
    if (p.footer !== undefined) {
      const f = splitHeaderFooter(p.footer);
      all.leftFooter = f.left;
      all.centerFooter = f.center;
      all.rightFooter = f.right;
    }
  }
}
