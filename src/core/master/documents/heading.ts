/**
 * The HD 36-HD/VPTW blocks of a printed document laid out on a SheetBuilder: "DỰ THẢO" while the
 * Standing Committee has not decided every row, the header block (parent and issuing body, "*",
 * number and symbol on the left; the Party's name and the place/date line on the right), the
 * title, and the signature block that appears only once everything is decided. The draft test is
 * a formula over the master's own decision columns, so a decision typed in Excel takes effect at
 * once (Excel) or on the next recalculation (LibreOffice, `xeploai print`).
 */
import { dateLine } from "../../print/layout";
import type { PeriodSettings } from "../../settings/types";
import type { Cell, CellStyle } from "../../sheet/model";
import { formula, str } from "../formula";
import type { SheetBuilder } from "../grid";

export const DRAFT_LABEL = "DỰ THẢO";

/** Rows of the header block (fixed on every printed document). */
export const HEADING_ROWS = { draft: 1, parent: 2, issuing: 3, star: 4, number: 5, title: 7 };

/** Whether the document is still a draft: a formula condition and its value now. */
export interface DraftTest {
  /** Formula condition, true while some row has no Standing Committee decision. */
  condition: string;
  /** The condition's value when the master is written. */
  now: boolean;
}

/** A text shown only while a draft (the "DỰ THẢO" label). */
export const whileDraft = (d: DraftTest, text: string): Cell =>
  formula(`IF(${d.condition},${str(text)},"")`, d.now ? text : "");

/**
 * A text shown only once decided (the signature block): it follows the sheet's own "DỰ THẢO"
 * cell (A1), so rewriting it later with other settings needs no knowledge of the draft test.
 */
export const onceDecided = (d: Pick<DraftTest, "now">, text: string): Cell =>
  formula(`IF(LEN(${DRAFT_CELL})>0,"",${str(text)})`, d.now ? "" : text);

/** Where "DỰ THẢO" is on every printed document (the first cell of row 1). */
export const DRAFT_CELL = "$A$1";

const FONT = "Times New Roman";

/** Column split of the header block: left part 1..leftEnd, right part rightStart..columns. */
export interface DocumentGrid {
  /** Sum of the column widths (Excel characters), to estimate where long lines wrap. */
  widthChars: number;
  columns: number;
  leftEnd: number;
  rightStart: number;
}

function line(
  b: SheetBuilder,
  row: number,
  left: number,
  right: number,
  v: Cell,
  style: CellStyle,
  height?: number
): void {
  b.put(row, left, v);
  b.merge(row, left, row, right);
  b.style(row, left, row, right, {
    fontName: FONT,
    hAlign: "center",
    vAlign: "middle",
    border: "none",
    ...style,
  });
  if (height) b.rowHeights[row] = Math.max(b.rowHeights[row] ?? 0, height);
}

/** "Số 45-BC/TU", or with room for the number when it is not given yet. */
export function numberLine(settings: PeriodSettings): string {
  const symbol = settings.reportSymbol ?? "BC/TU";
  const n = settings.reportNumber?.trim();
  return `Số ${n ? n : "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"}-${symbol}`;
}

/**
 * Rows 1–5: "DỰ THẢO" (row 1, while a draft), the header block (rows 2–5), then the title and
 * subtitle lines from row 7. Returns the first free row after a blank line.
 */
export function documentHeading(
  b: SheetBuilder,
  g: DocumentGrid,
  settings: PeriodSettings,
  draft: DraftTest,
  opts: { title: string; subtitle: string[]; number: boolean; note?: string }
): number {
  const { columns: n, leftEnd, rightStart } = g;
  line(b, 1, 1, leftEnd, whileDraft(draft, DRAFT_LABEL), { fontSize: 14, bold: true }, 22);
  line(b, 2, 1, leftEnd, settings.parentBody.toUpperCase(), { fontSize: 14, wrap: true }, 20);
  line(b, 2, rightStart, n, "ĐẢNG CỘNG SẢN VIỆT NAM", {
    fontSize: 15,
    bold: true,
    underline: true,
  });
  line(b, 3, 1, leftEnd, settings.issuingBody.toUpperCase(), { fontSize: 14, bold: true }, 20);
  line(b, 4, 1, leftEnd, "*", { fontSize: 14 }, 18);
  if (opts.number) line(b, 5, 1, leftEnd, numberLine(settings), { fontSize: 14 }, 20);
  line(b, 5, rightStart, n, dateLine(settings), { fontSize: 14, italic: true }, 20);
  b.rowHeights[6] = 14;
  let row = 7;
  // 14 pt bold takes about 2.6 mm a character; a column character prints about 1.85 mm wide.
  const h = (t: string) => 20 * Math.max(1, Math.ceil(t.length / (g.widthChars * 0.68)));
  line(b, row++, 1, n, opts.title, { fontSize: 16, bold: true }, 24);
  for (const s of opts.subtitle)
    line(b, row++, 1, n, s, { fontSize: 14, bold: true, wrap: true }, h(s));
  if (opts.note)
    line(b, row++, 1, n, opts.note, { fontSize: 14, italic: true, wrap: true }, h(opts.note));
  b.rowHeights[row] = 12;
  return row + 1;
}

/** The default "Nơi nhận" of the report to the province (editable in the settings). */
export const DEFAULT_RECIPIENTS = [
  "- Ban Thường vụ Tỉnh ủy (b/c),",
  "- Ban Tổ chức Tỉnh ủy (b/c),",
  "- Các đồng chí Thị ủy viên,",
  "- Lưu Văn phòng Thị ủy.",
];

/**
 * "Nơi nhận" on the left (always) and the signature block on the right (only once decided).
 * Returns the last row used.
 */
export function signatureBlock(
  b: SheetBuilder,
  g: DocumentGrid,
  top: number,
  settings: PeriodSettings,
  draft: DraftTest
): number {
  const { columns: n, leftEnd, rightStart } = g;
  const sig: CellStyle = { fontSize: 14, bold: true };
  line(b, top, rightStart, n, onceDecided(draft, settings.signer.onBehalfOf.toUpperCase()), sig);
  line(b, top + 1, rightStart, n, onceDecided(draft, settings.signer.position.toUpperCase()), sig);
  for (let r = top + 2; r <= top + 5; r++) b.rowHeights[r] = 20;
  line(b, top + 6, rightStart, n, onceDecided(draft, settings.signer.name), sig, 20);
  const left: CellStyle = { hAlign: "left", wrap: false };
  line(b, top, 1, leftEnd, "Nơi nhận:", {
    ...left,
    fontSize: 14,
    bold: true,
    italic: true,
    underline: true,
  });
  const rec = settings.recipients ?? DEFAULT_RECIPIENTS;
  // 13 pt: at the report's 85 % it prints at 11 pt.
  rec.forEach((r, i) => line(b, top + 1 + i, 1, leftEnd, r, { ...left, fontSize: 13 }));
  return Math.max(top + 6, top + rec.length);
}
