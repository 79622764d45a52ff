/**
 * A printed annex (Phụ lục): the HD 36 heading, then one table row per organisation or leader,
 * grouped with a subtotal after each group and a total at the end: STT, name, a second
 * descriptive column, self-rating, the Organization Committee's proposal, the Standing
 * Committee's decision and a short reason. The proposal, decision and reason cells are formulas
 * over the working sheet's hand-filled columns (Tổng hợp / Lãnh đạo), so what is typed there in
 * Excel is what prints; a decision cell is blank until a level is typed. Values from submissions
 * (names, self-ratings) are written as values.
 */
import { LEVEL_CODES } from "../../rules/levels";
import type { LevelCode } from "../../rules/types";
import type { PeriodSettings } from "../../settings/types";
import { columnLetter, type Cell, type CellStyle, type SheetModel } from "../../sheet/model";
import { formula, pctText, quoteSheet, str } from "../formula";
import { ROMAN } from "../figures";
import { SheetBuilder } from "../grid";
import { documentPageSetup, type PageMargins } from "../../print/page";
import { documentHeading, type DocumentGrid, type DraftTest } from "./heading";

/** Where a row's hand-filled cells are on its working sheet (final row and column numbers). */
export interface WorkingRef {
  sheet: string;
  row: number;
  proposalCol: number;
  decisionCol: number;
  reasonCol: number;
  /** The system's suggestion, shown as the proposal when none was typed. */
  suggestionCol: number;
}

export interface AnnexRow {
  name: string;
  /** The second column: loại hình, or chức vụ and unit. */
  detail: string;
  self: LevelCode | null;
  ref: WorkingRef;
  /** Values when the master is written (cached results of the formulas). */
  now: { proposal: string; decision: string; typedReason: string };
  /** The classification's short reason (printed when no reason was typed). */
  reason: string;
}

export interface AnnexGroup {
  label: string;
  rows: AnnexRow[];
}

/**
 * Column widths (Excel characters) of an annex on A4 landscape at 90 %: 135 characters take
 * 259 mm × 0.9 = 233 mm of the 247 mm between the margins. The name, detail and reason columns
 * differ between the annexes; the four level columns do not.
 */
export const TCCS_WIDTHS = [5, 30, 19, 10, 12, 13, 46];
export const LEADER_WIDTHS = [5, 25, 30, 10, 12, 13, 40];
export const ANNEX_SCALE = 90;
/** Body text as set (13 pt at 90 % prints at 11.7 pt). */
export const ANNEX_BODY_PT = 13;
const BODY_PT = ANNEX_BODY_PT;

/** An annex's table header row: bold, centred, wrapped, boxed. */
export const ANNEX_HEADER_STYLE: CellStyle = {
  bold: true,
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
  border: "thin",
  fontSize: ANNEX_BODY_PT,
};

/** An annex's columns for its heading: the issuing body over columns 1–3, the motto from 5. */
export const annexGrid = (widths: readonly number[]): DocumentGrid => ({
  widthChars: widths.reduce((a, x) => a + x, 0),
  columns: widths.length,
  leftEnd: 3,
  rightStart: 5,
});

export const LEVEL_LEGEND =
  "Ghi chú: HTXSNV: Hoàn thành xuất sắc nhiệm vụ; HTTNV: Hoàn thành tốt nhiệm vụ; HTNV: Hoàn thành nhiệm vụ; KHTNV: Không hoàn thành nhiệm vụ.";

const refOf = (r: WorkingRef, col: number) => `${quoteSheet(r.sheet)}!${columnLetter(col)}${r.row}`;

/** A level typed in a working-sheet cell, upper case; otherwise `orElse`. */
function levelOr(levelList: string, ref: string, orElse: string): string {
  return `IF(ISNUMBER(MATCH(${ref},${levelList},0)),UPPER(${ref}),${orElse})`;
}

/** Lines a wrapped text takes in a column `w` characters wide at 13 pt (generous). */
const linesOf = (text: string, w: number) =>
  text
    .split("\n")
    .reduce(
      (s, p) =>
        s + Math.max(1, Math.ceil(p.length / Math.max(4, Math.floor(w * (w >= 40 ? 0.9 : 0.8))))),
      0
    );

/** Count of rows whose effective level (decision, else proposal) is `level`, over rows first..last. */
function effectiveCount(sheet: string, first: number, last: number, level: LevelCode): string {
  const at = sheet ? `${quoteSheet(sheet)}!` : "";
  const d = `${at}$F$${first}:$F$${last}`;
  const p = `${at}$E$${first}:$E$${last}`;
  return `SUMPRODUCT((${d}="${level}")+(${d}="")*(${p}="${level}"))`;
}

function effectiveNow(rows: AnnexRow[]): Record<LevelCode, number> {
  const out: Record<LevelCode, number> = { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 };
  for (const r of rows) {
    const l = (r.now.decision || r.now.proposal) as LevelCode;
    if (l in out) out[l]++;
  }
  return out;
}

/**
 * "5 tổ chức — HTXSNV: 2; HTTNV: 3; HTNV: 0; KHTNV: 0", or with shares in the customary wording
 * ("…; HTTNV trở lên 18 (94,74%), trong đó HTXSNV 4 (21,05%); …"), as a formula over an annex's
 * rows first..last (`sheet` "" = the annex itself), counting the decision, else the proposal.
 */
export function countLine(
  sheet: string,
  first: number,
  last: number,
  rows: AnnexRow[],
  noun: string,
  withShares: boolean,
  prefix = ""
): Cell {
  const now = effectiveNow(rows);
  const n = rows.length;
  const pctNow = (k: number) =>
    n > 0
      ? `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format((k / n) * 100)}%`
      : "n/a";
  const parts = LEVEL_CODES.map((l) => `${l}: ${now[l]}`);
  const textNow =
    prefix +
    (withShares
      ? `${n} ${noun}; HTTNV trở lên ${now.HTXSNV + now.HTTNV} (${pctNow(now.HTXSNV + now.HTTNV)}), trong đó HTXSNV ${now.HTXSNV} (${pctNow(now.HTXSNV)}); HTNV ${now.HTNV}; KHTNV ${now.KHTNV}`
      : `${n} ${noun} — ${parts.join("; ")}`);
  if (n === 0) return textNow;
  const c = (l: LevelCode) => effectiveCount(sheet, first, last, l);
  const f = withShares
    ? `"${n} ${noun}; HTTNV trở lên "&(${c("HTXSNV")}+${c("HTTNV")})&" ("&${pctText(`(${c("HTXSNV")}+${c("HTTNV")})`, String(n))}&"), trong đó HTXSNV "&${c("HTXSNV")}&" ("&${pctText(c("HTXSNV"), String(n))}&"); HTNV "&${c("HTNV")}&"; KHTNV "&${c("KHTNV")}`
    : `"${n} ${noun} — "&${LEVEL_CODES.map((l) => `"${l}: "&${c(l)}`).join(`&"; "&`)}`;
  return formula(prefix ? `${str(prefix)}&${f}` : f, textNow);
}

export interface AnnexSpec {
  sheetName: string;
  title: string;
  subtitle: string[];
  /** Under the title: "(Kèm theo Báo cáo số …-BC/TU …)". */
  note: string;
  /** Header of the name column and of the second column. */
  nameHeader: string;
  detailHeader: string;
  /** "tổ chức", "tập thể", "cá nhân" for the subtotals. */
  noun: (group: AnnexGroup) => string;
  /** For the total line: "tổ chức", "tập thể, cá nhân". */
  totalNoun: string;
  groups: AnnexGroup[];
  levelList: string;
  emptyText: string;
  /** Column widths (7 columns). */
  widths: number[];
}

export interface AnnexResult {
  sheet: SheetModel;
  /** Rows of the table body (from the first group row to the last total row), for the report's counts. */
  groups: { label: string; first: number; last: number; rows: AnnexRow[] }[];
}

export function buildAnnex(
  spec: AnnexSpec,
  settings: PeriodSettings,
  draft: DraftTest,
  margins: PageMargins
): AnnexResult {
  const b = new SheetBuilder();
  const w = spec.widths;
  const n = w.length;
  const grid = annexGrid(w);
  let row = documentHeading(b, grid, settings, draft, {
    title: spec.title,
    subtitle: spec.subtitle,
    number: false,
    note: spec.note,
  });
  const head = row;
  const headers = [
    "STT",
    spec.nameHeader,
    spec.detailHeader,
    "Tự xếp loại",
    "Ban Tổ chức đề xuất",
    "Ban Thường vụ quyết định",
    "Lý do",
  ];
  headers.forEach((h, i) => b.put(head, i + 1, h));
  b.style(head, 1, head, n, ANNEX_HEADER_STYLE);
  b.rowHeights[head] = 50;
  row = head + 1;
  const out: AnnexResult["groups"] = [];
  const all: AnnexRow[] = [];
  const firstBody = row;
  const single = spec.groups.length === 1;
  spec.groups.forEach((g, gi) => {
    if (!single) {
      b.put(row, 1, ROMAN[gi] ?? String(gi + 1));
      b.put(row, 2, g.label);
      b.merge(row, 2, row, n);
      b.style(row, 1, row, n, { bold: true });
      b.style(row, 1, row, 1, { hAlign: "center" });
      b.rowHeights[row] = 20;
      row++;
    }
    const first = row;
    g.rows.forEach((r, i) => {
      b.put(row, 1, i + 1);
      b.put(row, 2, r.name);
      b.put(row, 3, r.detail);
      if (r.self) b.put(row, 4, r.self);
      const ref = r.ref;
      b.put(
        row,
        5,
        formula(
          levelOr(
            spec.levelList,
            refOf(ref, ref.proposalCol),
            `${refOf(ref, ref.suggestionCol)}&""`
          ),
          r.now.proposal
        )
      );
      b.put(
        row,
        6,
        formula(levelOr(spec.levelList, refOf(ref, ref.decisionCol), '""'), r.now.decision)
      );
      const typed = refOf(ref, ref.reasonCol);
      const shown = r.now.typedReason.trim() || r.reason;
      b.put(row, 7, formula(`IF(LEN(TRIM(${typed}))>0,TRIM(${typed}),${str(r.reason)})`, shown));
      const lines = Math.max(
        linesOf(r.name, w[1]!),
        linesOf(r.detail, w[2]!),
        linesOf(shown, w[6]!),
        1
      );
      b.rowHeights[row] = 17 * lines + 5;
      row++;
    });
    const last = row - 1;
    if (g.rows.length === 0) {
      b.put(row, 2, spec.emptyText);
      b.merge(row, 2, row, n);
      b.style(row, 2, row, n, { italic: true });
      row++;
    }
    if (!single) {
      b.put(row, 2, "Cộng");
      b.put(row, 3, countLine("", first, last, g.rows, spec.noun(g), false));
      b.merge(row, 3, row, n);
      b.style(row, 1, row, n, { bold: true, italic: true });
      b.rowHeights[row] = 20;
      row++;
    }
    out.push({ label: g.label, first, last, rows: g.rows });
    all.push(...g.rows);
  });
  const lastBody = row - 1;
  const totalRow = row;
  b.put(totalRow, 2, single ? "Cộng" : "Tổng cộng");
  b.put(totalRow, 3, countLine("", firstBody, lastBody, all, spec.totalNoun, true));
  b.merge(totalRow, 3, totalRow, n);
  b.style(totalRow, 1, totalRow, n, { bold: true, wrap: true });
  b.rowHeights[totalRow] = 38;
  b.style(firstBody, 1, totalRow, n, { border: "thin", vAlign: "middle", fontSize: BODY_PT });
  b.style(firstBody, 2, totalRow, 3, { wrap: true });
  b.style(firstBody, 7, lastBody, 7, { wrap: true });
  b.style(firstBody, 1, lastBody, 1, { hAlign: "center" });
  b.style(firstBody, 4, lastBody, 6, { hAlign: "center" });
  b.style(firstBody, 6, lastBody, 6, { bold: true });
  const legend = totalRow + 1;
  b.put(legend, 1, LEVEL_LEGEND);
  b.merge(legend, 1, legend, n);
  b.style(legend, 1, legend, n, { italic: true, fontSize: BODY_PT, wrap: true, vAlign: "top" });
  b.rowHeights[legend] = 36;
  const sheet = b.sheet(spec.sheetName, w, {
    protect: true,
    print: documentPageSetup({
      orientation: "landscape",
      scale: ANNEX_SCALE,
      margins,
      lastRow: legend,
      columns: n,
      titleRows: { first: head, last: head },
    }),
  });
  sheet.styles[0]!.style = { fontName: "Times New Roman", fontSize: BODY_PT };
  return { sheet, groups: out };
}
