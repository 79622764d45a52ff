/**
 * The master workbook and its print layout, from core/classify, core/master and core/print.
 * The master keeps the hand-filled columns (proposed/decided levels, reasons) and the log of an
 * earlier master in the open workbook: they are read back before it is rewritten.
 */
import type { Consolidation } from "../../core/consolidate";
import { MASTER_SHEETS, masterSettingsPatch, readManualColumns } from "../../core/master";
import { masterHeadingPatch } from "../../core/master/build";
import { PRINT_SHEETS } from "../../core/master/documents";
import { documentHeadingPatch, printDocumentLayout } from "../../core/master/documents/patch";
import { masterStep, ruleSetFor } from "../../core/master/pipeline";
import { DEFAULT_MARGINS } from "../../core/print";
import type { PrintLayout } from "../../core/sheet/model";
import type { PeriodSettings } from "../../core/settings/types";
import type { SheetGrid } from "../../core/submission/types";
import { templatesForSettings } from "../../core/templates/shipped-sets";
import type { PaneServices } from "./services";

type MasterServices = Pick<
  PaneServices,
  | "buildMaster"
  | "masterSheetNames"
  | "printableSheets"
  | "printTargets"
  | "headingSheets"
  | "headingUpdate"
  | "pageSetupFor"
>;

/**
 * The sheets the print part lays out: the printed documents (report and annexes, what is signed)
 * and the working sheets (master, leaders, summary, submission status) for reading on paper.
 */
const PRINTABLE: string[] = [
  ...Object.values(PRINT_SHEETS),
  MASTER_SHEETS.master,
  MASTER_SHEETS.leaders,
  MASTER_SHEETS.summary,
  MASTER_SHEETS.status,
];
/** Sheets read back before rewriting: the hand-filled columns live in the master, the log in its own sheet, both indexed by _meta. */
const READ_BACK: string[] = [
  MASTER_SHEETS.master,
  MASTER_SHEETS.leaders,
  MASTER_SHEETS.log,
  MASTER_SHEETS.meta,
];

export function masterServices(): MasterServices {
  return {
    buildMaster(consolidated, existing, settings, register) {
      return masterStep({
        consolidation: consolidated.result as Consolidation,
        previous: existing ? readManualColumns(existing) : null,
        settings,
        register,
        catalog: templatesForSettings(settings),
        ruleSet: ruleSetFor(settings),
      }).model;
    },
    masterSheetNames: () => READ_BACK,
    printableSheets: () => PRINTABLE,
    headingSheets: () => [...PRINTABLE, MASTER_SHEETS.meta],
    headingUpdate: (settings, grids) => {
      // The working sheets' heading (recorded in _meta) and the printed documents' settings cells.
      const working = masterHeadingPatch(settings, grids.sheets);
      const docs = documentHeadingPatch(settings, grids.sheets);
      if (!working && docs.sheets.length === 0 && docs.skipped.length === 0) return null;
      // The period the heading now shows is the one _meta_master records (a later pane starts from it).
      const rewritten = docs.sheets.length + (working?.sheets.length ?? 0) > 0;
      const meta = rewritten ? masterSettingsPatch(settings, grids.sheets) : null;
      return {
        model: {
          sheets: [...docs.model.sheets, ...(working?.model.sheets ?? []), ...(meta ? [meta] : [])],
        },
        // What the official is told was updated: the printed sheets, never the hidden record.
        sheets: [...docs.sheets, ...(working?.sheets ?? [])],
        skipped: [...docs.skipped, ...(working?.skipped ?? [])],
      };
    },
    printTargets: (model) =>
      model.sheets
        .filter((s) => PRINTABLE.includes(s.name) && s.print)
        .map((s) => ({ sheet: s.name, layout: s.print as PrintLayout })),
    pageSetupFor: (settings: PeriodSettings, grid: SheetGrid): PrintLayout => {
      const document = printDocumentLayout(settings, grid);
      if (document) return document;
      const rows = grid.rows.length;
      const cols = Math.max(1, ...grid.rows.map((r) => r.length));
      const margins = settings.printMargins ?? DEFAULT_MARGINS;
      return {
        paperSize: "A4",
        orientation: grid.name === MASTER_SHEETS.summary ? "portrait" : "landscape",
        fitToWidth: 1,
        fitToHeight: 0,
        printArea: { top: 1, left: 1, bottom: Math.max(1, rows), right: cols },
        margins: { ...margins, header: 10, footer: 8 },
        centerHorizontally: true,
        footer: "&CTrang &P/&N",
      };
    },
  };
}
