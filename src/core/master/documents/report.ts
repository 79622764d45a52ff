/**
 * The printed report (Báo cáo) to the province's Standing Committee, HD 36 on A4 portrait at
 * 100 %: header with number and symbol, place and date, title, a short body giving the counts in
 * the customary wording ("HTTNV trở lên …%, trong đó HTXSNV …%") for grassroots organisations,
 * party members, leadership collectives and individual leaders, "Nơi nhận" and the signature
 * block (only once every row is decided). The organisations' and leaders' counts are formulas
 * over the annexes (decision, else proposal); the members' counts come from the TCCS reports.
 */
import { formatNumberVi } from "../../i18n";
import { documentPageSetup, type PageMargins } from "../../print/page";
import type { LevelCode } from "../../rules/types";
import type { PeriodSettings } from "../../settings/types";
import type { Cell, SheetModel } from "../../sheet/model";
import { SheetBuilder } from "../grid";
import { countLine, LEVEL_LEGEND, type AnnexResult } from "./annex";
import { documentHeading, signatureBlock, type DocumentGrid, type DraftTest } from "./heading";

/**
 * A4 portrait at 85 %: 160 mm between 35 mm and 15 mm margins; these columns take 152 mm on
 * paper (LibreOffice draws columns slightly wider than Excel: keep 5 % spare), the left block
 * (parent body at 14 pt) 47 characters and the right block (the Party's name, the date line) 45.
 * Body text set at 14 pt prints at 11.9 pt.
 */
export const REPORT_WIDTHS = [14, 17, 16, 15, 15, 15];
export const REPORT_SCALE = 85;
const BODY_PT = 14;

export interface ReportInput {
  sheetName: string;
  settings: PeriodSettings;
  draft: DraftTest;
  margins: PageMargins;
  /** The standing committee's name in running text: "Ban Thường vụ Thị ủy". */
  standingCommittee: string;
  tccs: { sheet: string; annex: AnnexResult };
  leaders: { sheet: string; annex: AnnexResult } | null;
  members: Record<LevelCode, number>;
  /** Annex sheet names mentioned in the closing line ("Phụ lục 1", "Phụ lục 2"). */
  annexNames: string[];
}

const pct = (k: number, n: number) => (n > 0 ? `${formatNumberVi((k / n) * 100)}%` : "n/a");

/** "Kế hoạch số 125-KH/TU", or "Kế hoạch" when the settings give no number. */
export function planName(settings: PeriodSettings): string {
  const n = settings.planNumber?.trim();
  return n ? `Kế hoạch số ${n}-${settings.planSymbol ?? "KH/TU"}` : "Kế hoạch";
}

/** The report's opening paragraph (starts with "Thực hiện"). */
export function reportIntro(settings: PeriodSettings, committee: string): string {
  return `      Thực hiện ${planName(settings)} của ${committee} về kiểm điểm, đánh giá, xếp loại chất lượng đối với tổ chức đảng, đảng viên và tập thể, cá nhân cán bộ lãnh đạo, quản lý các cấp năm ${settings.period}, ${committee} báo cáo kết quả như sau:`;
}

export function buildReport(input: ReportInput): SheetModel {
  const { settings, draft } = input;
  const b = new SheetBuilder();
  const n = REPORT_WIDTHS.length;
  const widthChars = REPORT_WIDTHS.reduce((a, w) => a + w, 0);
  const grid: DocumentGrid = { widthChars, columns: n, leftEnd: 3, rightStart: 4 };
  const year = settings.period;
  let row = documentHeading(b, grid, settings, draft, {
    title: "BÁO CÁO",
    subtitle: [
      `kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng, đảng viên và tập thể, cá nhân cán bộ lãnh đạo, quản lý năm ${year}`,
    ],
    number: true,
  });
  b.put(row - 1, 1, "-----");
  b.merge(row - 1, 1, row - 1, n);
  b.style(row - 1, 1, row - 1, n, { hAlign: "center", fontSize: 14 });

  // 14 pt regular: about 2.3 mm a character; the text spans the whole width.
  const perLine = Math.floor(widthChars * 0.85);
  const para = (v: Cell, now: string, opts: { bold?: boolean; italic?: boolean } = {}) => {
    b.put(row, 1, v);
    b.merge(row, 1, row, n);
    b.style(row, 1, row, n, {
      wrap: true,
      vAlign: "top",
      hAlign: "left",
      fontSize: BODY_PT,
      ...opts,
    });
    const lines = Math.max(1, Math.ceil((now.length + 6) / perLine));
    b.rowHeights[row] = 20 * lines + 6;
    row++;
  };
  const textOf = (c: Cell) =>
    typeof c === "object" && c !== null ? String(c.result ?? "") : String(c ?? "");

  const intro = reportIntro(settings, input.standingCommittee);
  para(intro, intro);

  const t = input.tccs.annex;
  const all = t.groups.flatMap((g) => g.rows);
  const firstT = t.groups[0]?.first ?? 1;
  const lastT = t.groups[t.groups.length - 1]?.last ?? 0;
  const lineT = countLine(
    input.tccs.sheet,
    firstT,
    Math.max(firstT, lastT),
    all,
    "tổ chức cơ sở đảng được đánh giá, xếp loại",
    true,
    "      1. Tổ chức cơ sở đảng: tổng số "
  );
  para(lineT, textOf(lineT));

  const m = input.members;
  const mTotal = m.HTXSNV + m.HTTNV + m.HTNV + m.KHTNV;
  const good = m.HTXSNV + m.HTTNV;
  const lineM = `      2. Đảng viên: tổng số ${mTotal} đảng viên được đánh giá, xếp loại; HTTNV trở lên ${good} (${pct(good, mTotal)}), trong đó HTXSNV ${m.HTXSNV} (${pct(m.HTXSNV, mTotal)}); HTNV ${m.HTNV}; KHTNV ${m.KHTNV} (theo báo cáo của các tổ chức cơ sở đảng).`;
  para(lineM, lineM);

  const leaders = input.leaders;
  const groupLine = (idx: number, head: string, noun: string) => {
    const g = leaders?.annex.groups[idx];
    if (!leaders || !g || g.rows.length === 0) {
      const none = `${head}chưa có số liệu.`;
      para(none, none);
      return;
    }
    const c = countLine(leaders.sheet, g.first, g.last, g.rows, noun, true, `${head}tổng số `);
    para(c, textOf(c));
  };
  groupLine(0, "      3. Tập thể lãnh đạo, quản lý: ", "tập thể được đánh giá, xếp loại");
  groupLine(1, "      4. Cá nhân cán bộ lãnh đạo, quản lý: ", "cá nhân được đánh giá, xếp loại");
  const closing = `      (Kết quả cụ thể tại ${input.annexNames.join(", ")} kèm theo.)`;
  para(closing, closing, { italic: true });
  const legend = `      ${LEVEL_LEGEND}`;
  para(legend, legend, { italic: true });
  const last = signatureBlock(b, grid, row + 1, settings, draft);

  const sheet = b.sheet(input.sheetName, REPORT_WIDTHS, {
    protect: true,
    print: documentPageSetup({
      orientation: "portrait",
      scale: REPORT_SCALE,
      margins: input.margins,
      lastRow: last,
      columns: n,
    }),
  });
  sheet.styles[0]!.style = { fontName: "Times New Roman", fontSize: BODY_PT };
  return sheet;
}
