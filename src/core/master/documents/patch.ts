/**
 * The printed documents of a master already in the workbook, given other settings (the In part
 * without a consolidation in this session): the cells that follow the settings — bodies, number,
 * place/date, the annexes' "Kèm theo Báo cáo số …", the report's opening paragraph and the
 * signature block — rewritten in place, and each document's page setup. The rows of the tables
 * and the formulas over the decisions are not touched. A document whose title is no longer where
 * it was written (rows inserted above it) is left alone, with a message.
 */
import { dateLine } from "../../print/layout";
import { documentPageSetup } from "../../print/page";
import { DEFAULT_MARGINS } from "../../print/layout";
import type { PeriodSettings } from "../../settings/types";
import { cellText, headingPatch, patchSheet, type HeadingPatch } from "../../print/patch";
import type { Block, PrintLayout, SheetModel } from "../../sheet/model";
import type { SheetGrid } from "../../submission/types";
import { HEADING_ROWS, numberLine, onceDecided } from "./heading";
import { annexNote, PRINT_SHEETS, standingCommitteeOf } from "./index";
import { REPORT_SCALE, REPORT_WIDTHS, reportIntro } from "./report";
import { ANNEX_SCALE } from "./annex";
import { DEPARTMENT_SCALE, DEPARTMENT_WIDTHS } from "./departments";

const text = cellText;

interface DocShape {
  title: string;
  rightStart: number;
  orientation: "portrait" | "landscape";
  scale: number;
  columns: number;
  repeatHeader?: boolean;
}

const SHAPES: Record<string, DocShape> = {
  [PRINT_SHEETS.report]: {
    title: "BÁO CÁO",
    rightStart: 4,
    orientation: "portrait",
    scale: REPORT_SCALE,
    columns: REPORT_WIDTHS.length,
  },
  [PRINT_SHEETS.annexTccs]: {
    title: "PHỤ LỤC 1",
    rightStart: 5,
    orientation: "landscape",
    scale: ANNEX_SCALE,
    columns: 7,
  },
  [PRINT_SHEETS.annexLeaders]: {
    title: "PHỤ LỤC 2",
    rightStart: 5,
    orientation: "landscape",
    scale: ANNEX_SCALE,
    columns: 7,
  },
  [PRINT_SHEETS.annexDepartments]: {
    title: "PHỤ LỤC 3",
    rightStart: 5,
    orientation: "landscape",
    scale: DEPARTMENT_SCALE,
    columns: DEPARTMENT_WIDTHS.length,
    // Each department's section has its own header row: none repeated across pages.
    repeatHeader: false,
  },
};

export const isPrintDocument = (name: string): boolean => name in SHAPES;

/** The page setup of a printed document read from the workbook (null for other sheets). */
export function printDocumentLayout(settings: PeriodSettings, grid: SheetGrid): PrintLayout | null {
  const shape = SHAPES[grid.name];
  if (!shape) return null;
  const head = grid.rows.findIndex((r) => text(r?.[0]) === "STT");
  return documentPageSetup({
    orientation: shape.orientation,
    scale: shape.scale,
    margins: settings.printMargins ?? DEFAULT_MARGINS,
    lastRow: Math.max(1, grid.rows.length),
    columns: shape.columns,
    ...(head >= 0 && shape.repeatHeader !== false
      ? { titleRows: { first: head + 1, last: head + 1 } }
      : {}),
  });
}

/** Only the cells that follow the settings; documents whose title moved are skipped, with why. */
export type DocumentPatch = HeadingPatch;

export function documentHeadingPatch(settings: PeriodSettings, grids: SheetGrid[]): DocumentPatch {
  const committee = standingCommitteeOf(settings);
  const sheets: SheetModel[] = [];
  const skipped: DocumentPatch["skipped"] = [];
  for (const grid of grids) {
    const shape = SHAPES[grid.name];
    if (!shape) continue;
    const at = (row: number, col: number) => text(grid.rows[row - 1]?.[col - 1]);
    if (at(HEADING_ROWS.title, 1) !== shape.title) {
      skipped.push({
        sheet: grid.name,
        message: {
          vi: `Trang “${grid.name}”: tiêu đề “${shape.title}” không còn ở dòng ${HEADING_ROWS.title} (có thể do chèn hoặc xóa dòng), nên XếpLoại không ghi đè phần đầu và chữ ký. Hãy tổng hợp lại để ghi lại trang này.`,
          en: `Sheet “${grid.name}”: the title “${shape.title}” is no longer on row ${HEADING_ROWS.title} (rows inserted or deleted?), so XếpLoại does not overwrite its heading and signature. Consolidate again to rewrite it.`,
        },
      });
      continue;
    }
    const blocks: Block[] = [];
    const put = (row: number, col: number, v: Block["cells"][number][number]) =>
      blocks.push({ top: row, left: col, cells: [[v]] });
    put(HEADING_ROWS.parent, 1, settings.parentBody.toUpperCase());
    put(HEADING_ROWS.issuing, 1, settings.issuingBody.toUpperCase());
    put(HEADING_ROWS.number, shape.rightStart, dateLine(settings));
    const isReport = grid.name === PRINT_SHEETS.report;
    if (isReport) {
      put(HEADING_ROWS.number, 1, numberLine(settings));
      const intro = grid.rows.findIndex((r) => text(r?.[0]).startsWith("Thực hiện"));
      if (intro >= 0) put(intro + 1, 1, reportIntro(settings, committee));
      const sig = grid.rows.findIndex((r) => text(r?.[0]) === "Nơi nhận:");
      if (sig >= 0) {
        const draft = { now: at(HEADING_ROWS.draft, 1) !== "" };
        const top = sig + 1;
        put(top, shape.rightStart, onceDecided(draft, settings.signer.onBehalfOf.toUpperCase()));
        put(top + 1, shape.rightStart, onceDecided(draft, settings.signer.position.toUpperCase()));
        put(top + 6, shape.rightStart, onceDecided(draft, settings.signer.name));
      }
    } else {
      const note = grid.rows.findIndex((r) => text(r?.[0]).startsWith("(Kèm theo Báo cáo"));
      if (note >= 0) put(note + 1, 1, annexNote(settings, committee));
    }
    sheets.push(patchSheet(grid.name, grid.visibility, blocks));
  }
  return headingPatch(sheets, skipped);
}
