/**
 * The print layout of a report sheet (HD 36-HD/VPTW) as a transformation of a SheetModel: the
 * table is moved down to make room for the header block (parent and issuing body on the left, the
 * Party's name and the place/date line on the right) and the title, the signature block is added
 * after the last row, and the page is set up (A4, landscape, fit to one page wide, repeated header
 * rows, page numbers, margins). Each adapter (ExcelJS, Office.js) renders the result.
 */
import type { PeriodSettings } from "../settings/types";
import type { Block, CellStyle, Rect, SheetModel, StyledRange } from "../sheet/model";

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** HD 36 proposal [P]: 25 mm top/bottom, 35 mm left, 15 mm right. */
export const DEFAULT_MARGINS: Margins = { top: 25, bottom: 25, left: 35, right: 15 };

export interface PrintOptions {
  /** Document type, upper case: "BẢNG TỔNG HỢP", "BÁO CÁO". */
  title: string;
  /** Subject lines under the title (bold). */
  subtitle?: string[];
  /** Table header rows of the unshifted sheet, repeated on every printed page. */
  headerRows?: { first: number; last: number };
  orientation?: "landscape" | "portrait";
  /** Only the first N columns are printed (the rest stays on screen). Default: all. */
  printColumns?: number;
  /** Adds the signature block (default true). */
  signature?: boolean;
  /** "Nơi nhận" lines printed at the left of the signature block. */
  recipients?: string[];
  margins?: Margins;
}

export interface PrintSpec {
  /** Rows the table moved down by. */
  offset: number;
  /** Last row used by the signature block. */
  lastRow: number;
  /** Columns the header block and the print area span. */
  columns: number;
  /** Where the header block, the title and the signature block are (for a later rewrite). */
  geometry: PrintGeometry;
}

const HEADER_ROWS = 3; // parent/party, issuing body, "*" + date line

function usedColumns(s: SheetModel): number {
  let n = s.columnWidths.length;
  for (const b of s.blocks) for (const r of b.cells) n = Math.max(n, b.left + r.length - 1);
  for (const m of s.merges) n = Math.max(n, m.right);
  return Math.max(1, n);
}

function usedRows(s: SheetModel): number {
  let n = 0;
  for (const b of s.blocks) n = Math.max(n, b.top + b.cells.length - 1);
  for (const m of s.merges) n = Math.max(n, m.bottom);
  return n;
}

const shiftRect = (r: Rect, d: number): Rect => ({ ...r, top: r.top + d, bottom: r.bottom + d });

/** Moves every row-addressed part of a sheet down by d rows. */
export function shiftRows(s: SheetModel, d: number): SheetModel {
  if (d === 0) return s;
  const rowHeights: Record<number, number> = {};
  for (const [r, h] of Object.entries(s.rowHeights ?? {})) rowHeights[Number(r) + d] = h;
  return {
    ...s,
    blocks: s.blocks.map((b) => ({ ...b, top: b.top + d })),
    styles: s.styles.map((st) => ({ ...st, range: shiftRect(st.range, d) })),
    merges: s.merges.map((m) => shiftRect(m, d)),
    validations: s.validations.map((v) => ({ ...v, range: shiftRect(v.range, d) })),
    notes: s.notes?.map((n) => ({ ...n, row: n.row + d })),
    rowHeights,
    freeze: s.freeze ? { ...s.freeze, row: s.freeze.row + d } : undefined,
    print: s.print?.printTitleRows
      ? {
          ...s.print,
          printTitleRows: {
            first: s.print.printTitleRows.first + d,
            last: s.print.printTitleRows.last + d,
          },
        }
      : s.print,
  };
}

/** "Hương Thủy, ngày 25 tháng 12 năm 2019", or with dots when the date is not set yet. */
export function dateLine(settings: PeriodSettings): string {
  const m = settings.documentDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(settings.documentDate) : null;
  if (!m) return `${settings.place}, ngày … tháng … năm …`;
  return `${settings.place}, ngày ${Number(m[3])} tháng ${Number(m[2])} năm ${m[1]}`;
}

/** Splits n columns into a left block (≈40 % of the width) and a right block (≈45 %). */
export function headerSplit(widths: number[]): { leftEnd: number; rightStart: number } {
  const n = widths.length;
  if (n <= 1) return { leftEnd: 1, rightStart: 1 };
  const total = widths.reduce((a, b) => a + b, 0);
  let acc = 0;
  let leftEnd = 1;
  for (let i = 0; i < n; i++) {
    acc += widths[i]!;
    leftEnd = i + 1;
    if (acc >= total * 0.4) break;
  }
  let rightStart = n;
  acc = 0;
  for (let i = n - 1; i >= 0; i--) {
    acc += widths[i]!;
    rightStart = i + 1;
    if (acc >= total * 0.45) break;
  }
  leftEnd = Math.min(leftEnd, n - 1);
  if (rightStart <= leftEnd) rightStart = leftEnd + 1;
  return { leftEnd, rightStart };
}

/**
 * Where the printed parts of a laid-out sheet are: enough to write them again with other settings
 * (recorded in the master's _meta, see core/master/manual.ts). Rows and columns are 1-based.
 */
export interface PrintGeometry {
  /** Columns the header block and the print area span. */
  columns: number;
  /** Last column of the left header block (parent and issuing body, "*"). */
  leftEnd: number;
  /** First column of the right header block (the Party's name, the date line, the signature). */
  rightStart: number;
  /** Number of subtitle lines under the title (row HEADER_ROWS + 2). */
  subtitleRows: number;
  /** First row of the signature block, null without one. */
  signatureTop: number | null;
  /** "Nơi nhận" lines at the left of the signature block. */
  recipientRows: number;
}

/** One merged, styled line of the header block, the title or the signature block. */
export interface PrintLine {
  row: number;
  left: number;
  right: number;
  text: string;
  style: CellStyle;
  /**
   * What the text depends on: "fixed" never changes ("ĐẢNG CỘNG SẢN VIỆT NAM", "*", the title),
   * "settings" follows the period settings (bodies, place/date, signer).
   */
  source: "fixed" | "settings";
}

const FIXED_PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM";

/**
 * The texts and places of the header block, the title and the signature block: the one source of
 * both the layout at consolidation time (applyPrintLayout) and the later rewrite with other
 * settings (printHeadingPatch), so the two can never write different texts.
 */
export function printLines(
  settings: PeriodSettings,
  opts: Pick<PrintOptions, "title" | "subtitle" | "recipients">,
  g: PrintGeometry
): PrintLine[] {
  const { columns: n, leftEnd, rightStart } = g;
  const out: PrintLine[] = [];
  const line = (
    row: number,
    left: number,
    right: number,
    text: string,
    style: CellStyle,
    source: PrintLine["source"]
  ) =>
    out.push({
      row,
      left,
      right,
      text,
      source,
      style: {
        fontName: "Times New Roman",
        hAlign: "center",
        vAlign: "middle",
        border: "none",
        ...style,
      },
    });

  line(1, 1, leftEnd, settings.parentBody.toUpperCase(), { fontSize: 14 }, "settings");
  line(1, rightStart, n, FIXED_PARTY, { fontSize: 15, bold: true, underline: true }, "fixed");
  line(2, 1, leftEnd, settings.issuingBody.toUpperCase(), { fontSize: 14, bold: true }, "settings");
  line(3, 1, leftEnd, "*", { fontSize: 14 }, "fixed");
  line(3, rightStart, n, dateLine(settings), { fontSize: 14, italic: true }, "settings");
  line(HEADER_ROWS + 2, 1, n, opts.title.toUpperCase(), { fontSize: 16, bold: true }, "fixed");
  (opts.subtitle ?? []).forEach((s, i) =>
    line(HEADER_ROWS + 3 + i, 1, n, s, { fontSize: 14, bold: true, wrap: true }, "fixed")
  );

  const top = g.signatureTop;
  if (top !== null) {
    const sig = { fontSize: 14, bold: true };
    line(top, rightStart, n, settings.signer.onBehalfOf.toUpperCase(), sig, "settings");
    line(top + 1, rightStart, n, settings.signer.position.toUpperCase(), sig, "settings");
    // Rows top+2 … top+5 stay blank for the signature and seal.
    line(top + 6, rightStart, n, settings.signer.name, sig, "settings");
    const rec = opts.recipients ?? [];
    if (rec.length) {
      const left = { hAlign: "left" } as const;
      line(
        top,
        1,
        leftEnd,
        "Nơi nhận:",
        { fontSize: 12, bold: true, italic: true, underline: true, ...left },
        "fixed"
      );
      rec.forEach((r, i) => line(top + 1 + i, 1, leftEnd, r, { fontSize: 11, ...left }, "fixed"));
    }
  }
  return out;
}

export function applyPrintLayout(
  sheet: SheetModel,
  settings: PeriodSettings,
  opts: PrintOptions
): { sheet: SheetModel; spec: PrintSpec } {
  const n = Math.min(usedColumns(sheet), opts.printColumns ?? Number.MAX_SAFE_INTEGER);
  const widths = Array.from({ length: n }, (_, i) => sheet.columnWidths[i] ?? 9);
  const { leftEnd, rightStart } = headerSplit(widths);
  const subtitle = opts.subtitle ?? [];
  // Rows: 1–3 header block, 4 blank, 5 title, subtitles, blank.
  const offset = HEADER_ROWS + 2 + subtitle.length + 1;
  const shifted = shiftRows(sheet, offset);
  const tableLast = usedRows(shifted);
  const withSignature = opts.signature !== false;
  const recipientRows = withSignature ? (opts.recipients ?? []).length : 0;
  const geometry: PrintGeometry = {
    columns: n,
    leftEnd,
    rightStart,
    subtitleRows: subtitle.length,
    signatureTop: withSignature ? tableLast + 2 : null,
    recipientRows,
  };

  const blocks: Block[] = [];
  const styles: StyledRange[] = [];
  const merges: Rect[] = [];
  for (const l of printLines(settings, opts, geometry)) {
    blocks.push({ top: l.row, left: l.left, cells: [[l.text]] });
    if (l.right > l.left) merges.push({ top: l.row, left: l.left, bottom: l.row, right: l.right });
    styles.push({
      range: { top: l.row, left: l.left, bottom: l.row, right: l.right },
      style: l.style,
    });
  }
  const rowHeights: Record<number, number> = { ...(shifted.rowHeights ?? {}) };
  for (let r = 1; r <= HEADER_ROWS + 2 + subtitle.length; r++) rowHeights[r] ??= 21;

  let lastRow = tableLast;
  if (geometry.signatureTop !== null) {
    const top = geometry.signatureTop;
    // Blank lines for the signature and seal.
    for (let r = top + 2; r <= top + 5; r++) rowHeights[r] = 20;
    lastRow = Math.max(top + 6, top + recipientRows);
  }

  const margins = opts.margins ?? settings.printMargins ?? DEFAULT_MARGINS;
  const headerRows = opts.headerRows
    ? { first: opts.headerRows.first + offset, last: opts.headerRows.last + offset }
    : shifted.print?.printTitleRows;
  const out: SheetModel = {
    ...shifted,
    blocks: [...blocks, ...shifted.blocks],
    // Header styles first so the table's own styles are not overridden.
    styles: [...styles, ...shifted.styles],
    merges: [...merges, ...shifted.merges],
    rowHeights,
    print: {
      paperSize: "A4",
      orientation: opts.orientation ?? "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      ...(headerRows ? { printTitleRows: headerRows } : {}),
      printArea: { top: 1, left: 1, bottom: lastRow, right: n },
      margins: { ...margins, header: 10, footer: 8 },
      centerHorizontally: true,
      footer: "&CTrang &P/&N",
    },
  };
  return { sheet: out, spec: { offset, lastRow, columns: n, geometry } };
}
