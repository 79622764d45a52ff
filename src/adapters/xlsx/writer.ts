/**
 * Renders a WorkbookModel into .xlsx bytes with ExcelJS. Only rendering lives here: every layout
 * decision was made by the core (src/core/template-sheet, master, print).
 */
import type ExcelJSNs from "exceljs";
import {
  marginsInInches,
  address,
  columnLetter,
  type Cell,
  type DataValidation,
  type PrintLayout,
  type SheetModel,
  type WorkbookModel,
} from "../../core/sheet/model";
import { cellStyles, COLUMNS } from "./cell-styles";
import {
  gridSize,
  MAX_GRID_CELLS,
  sheetDataXml,
  type CellTables,
  type SheetData,
} from "./sheet-data";
import { SharedStrings } from "./shared-strings";
import { zipParts, type Crc32, type DeflateRaw } from "./zip-writer";

type ExcelJSModule = typeof ExcelJSNs;
type Worksheet = ExcelJSNs.Worksheet;

export interface XlsxWriter {
  write(model: WorkbookModel): Promise<Uint8Array>;
}

export interface XlsxWriterOptions {
  /**
   * A native or faster raw deflater (Node's zlib in the command line, fflate in the task pane):
   * the fast writer. ExcelJS then makes every part but the cells and the shared strings, which
   * sheet-data.ts writes, and zip-writer.ts zips them. Without it ExcelJS writes the whole file
   * (compressed with JSZip's JavaScript deflate), several times slower.
   */
  deflateRaw?: DeflateRaw;
  /** A native CRC-32 (Node's zlib.crc32); a JavaScript one otherwise. */
  crc32?: Crc32;
}

export function createXlsxWriter(ExcelJS: ExcelJSModule, opts: XlsxWriterOptions = {}): XlsxWriter {
  return {
    async write(model) {
      const wb = new ExcelJS.Workbook();
      wb.creator = "XếpLoại";
      wb.created = new Date();
      if (model.modifiedAt && !Number.isNaN(Date.parse(model.modifiedAt))) {
        wb.created = new Date(model.modifiedAt);
        wb.modified = new Date(model.modifiedAt);
      }
      const { deflateRaw } = opts;
      if (!deflateRaw) {
        for (const sheet of model.sheets) await renderSheet(wb, sheet);
        return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      }
      // The fast way: ExcelJS writes all but the cells and merges, sheet-data.ts writes those (for
      // every sheet but one too large for its dense grid, which ExcelJS writes whole).
      const fast: { id: number; model: SheetModel; size: { rows: number; cols: number } }[] = [];
      for (const sheet of model.sheets) {
        const size = gridSize(sheet);
        const direct = size.rows * size.cols <= MAX_GRID_CELLS;
        const ws = await renderSheetWith(wb, sheet, !direct);
        if (direct) fast.push({ id: ws.id, model: sheet, size });
      }
      const data = new Map<string, SheetData>();
      const parts = await workbookParts(wb, (tables) => {
        for (const { id, model: sheet, size } of fast)
          data.set(`xl/worksheets/sheet${id}.xml`, sheetDataXml(sheet, tables, size));
      });
      const encoder = new TextEncoder();
      return zipParts(
        parts.map(({ name, data: text }) => {
          if (typeof text !== "string") return { name, data: text };
          const d = data.get(name);
          return { name, data: d ? withSheetData(text, d) : encoder.encode(text) };
        }),
        deflateRaw,
        opts.crc32
      );
    },
  };
}

/** ExcelJS 4.4's XLSX writer, inside: the model it prepares and the steps of its write(). */
interface PreparedModel {
  sharedStrings: {
    add(text: string): number;
    model: { count: number };
    count: number;
    values: unknown[];
    xml: string;
  };
  styles: { addStyleModel(style: Partial<ExcelJSNs.Style>): number };
}
type Step = (zip: PartSink, model: PreparedModel) => Promise<void>;
interface PartSink {
  append(data: unknown, options: { name: string; base64?: boolean }): void;
}
interface XlsxInternals {
  workbook: { model: PreparedModel };
  prepareModel(model: PreparedModel, options: object): void;
  addContentTypes: Step;
  addOfficeRels: Step;
  addWorkbookRels: Step;
  addWorksheets: Step;
  addDrawings: Step;
  addTables: Step;
  addThemes: Step;
  addStyles: Step;
  addMedia: Step;
  addApp: Step;
  addCore: Step;
  addWorkbook: Step;
}

/**
 * The parts of the workbook as ExcelJS makes them (its XLSX.write, step by step, in its order),
 * collected as text instead of going through JSZip. `prepared` is called with ExcelJS's shared-
 * string table and style registry once the model is prepared, before any part is made, so what it
 * adds is written with them. The shared strings are written by shared-strings.ts. ExcelJS is
 * pinned at 4.4.0; the fast writer's test compares the result with ExcelJS's own file.
 */
async function workbookParts(
  wb: ExcelJSNs.Workbook,
  prepared: (tables: CellTables) => void
): Promise<{ name: string; data: string | Uint8Array }[]> {
  const xlsx = wb.xlsx as unknown as XlsxInternals;
  const model = xlsx.workbook.model;
  const parts: { name: string; data: string | Uint8Array }[] = [];
  const zip: PartSink = {
    append(data, { name, base64 }) {
      if (typeof data !== "string" || base64)
        throw new Error(`writer: part ${name} is not XML text (media are not written)`);
      parts.push({ name, data });
    },
  };
  xlsx.prepareModel(model, {});
  // The shared strings: our table, continuing ExcelJS's (which holds the texts of any sheet it
  // wrote whole), then given back to it where the part is its to write (rich text) and its count
  // set (the content types and the workbook's relations list the part when it is used).
  const table = model.sharedStrings;
  const plain = table.values.every((v) => typeof v === "string");
  const strings = plain
    ? new SharedStrings(table.values as string[], table.count)
    : new SharedStrings();
  prepared({
    sharedString: plain ? (text) => strings.add(text) : (text) => table.add(text),
    styleId: (style) => model.styles.addStyleModel(style),
  });
  if (plain) table.model.count = strings.count;
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  if (table.count) {
    const name = "xl/sharedStrings.xml";
    if (plain) parts.push({ name, data: strings.xml() });
    else zip.append(table.xml, { name });
  }
  await xlsx.addDrawings(zip, model);
  await xlsx.addTables(zip, model);
  await xlsx.addThemes(zip, model);
  await xlsx.addStyles(zip, model);
  await xlsx.addMedia(zip, model);
  await xlsx.addApp(zip, model);
  await xlsx.addCore(zip, model);
  await xlsx.addWorkbook(zip, model);
  return parts;
}

/** What may follow <mergeCells> in a worksheet (CT_Worksheet's order in ECMA-376), as tags. */
const AFTER_MERGE_CELLS = [
  "<phoneticPr",
  "<conditionalFormatting",
  "<dataValidations",
  "<hyperlinks",
  "<printOptions",
  "<pageMargins",
  "<pageSetup",
  "<headerFooter",
  "<rowBreaks",
  "<colBreaks",
  "<customProperties",
  "<cellWatches",
  "<ignoredErrors",
  "<smartTags",
  "<drawing",
  "<legacyDrawing",
  "<legacyDrawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

/**
 * A worksheet part as ExcelJS wrote it (without cells or merges), with our sheetData, used range
 * and merged ranges in place, as UTF-8.
 */
function withSheetData(xml: string, d: SheetData): Uint8Array {
  const start = xml.indexOf("<sheetData");
  if (start < 0) throw new Error("writer: a worksheet without <sheetData>");
  const selfClosed = xml.startsWith("<sheetData/>", start);
  const end = selfClosed ? start + "<sheetData/>".length : xml.indexOf("</sheetData>", start) + 12;
  // Head and tail are ExcelJS's small parts around the cells: all searching is done in them.
  let head = xml.slice(0, start);
  let tail = xml.slice(end);
  if (d.mergeCells) {
    if (tail.includes("<mergeCells")) throw new Error("writer: ExcelJS wrote merged cells");
    const at = Math.min(...AFTER_MERGE_CELLS.map((tag) => tail.indexOf(tag)).filter((i) => i >= 0));
    tail = tail.slice(0, at) + d.mergeCells + tail.slice(at);
  }
  const dim = /<dimension ref="[^"]*"\/>/;
  if (d.dimension) {
    const tag = `<dimension ref="${d.dimension}"/>`;
    head = dim.test(head)
      ? head.replace(dim, tag)
      : head.replace(/(<sheetViews|<sheetFormatPr)/, `${tag}$1`);
  } else head = head.replace(dim, "");
  const encoder = new TextEncoder();
  const before = encoder.encode(head);
  const after = encoder.encode(tail);
  const bytes = new Uint8Array(before.length + d.xml.length + after.length);
  bytes.set(before, 0);
  bytes.set(d.xml, before.length);
  bytes.set(after, before.length + d.xml.length);
  return bytes;
}

/** Page setup, print titles, print area, header and footer of a print layout, on a worksheet. */
export function applyPrintLayout(ws: Worksheet, p: PrintLayout) {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: p.orientation,
    fitToPage: p.fitToWidth > 0 || p.fitToHeight > 0,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    scale: p.scale ?? 100,
    horizontalCentered: p.centerHorizontally,
    margins: marginsInInches(p.margins),
  };
  if (p.printTitleRows)
    ws.pageSetup.printTitlesRow = `${p.printTitleRows.first}:${p.printTitleRows.last}`;
  if (p.printArea) {
    const a = p.printArea;
    // ExcelJS prefixes "$" to each part: "A$1" becomes "$A$1". An unanchored row ("$A1") makes
    // LibreOffice ignore the print area and Excel read it relative to the active cell.
    ws.pageSetup.printArea = `${columnLetter(a.left)}$${a.top}:${columnLetter(a.right)}$${a.bottom}`;
  }
  ws.headerFooter = {
    ...(p.header ? { oddHeader: p.header } : {}),
    ...(p.footer ? { oddFooter: p.footer } : {}),
  };
}

export function cellValue(c: Cell): ExcelJSNs.CellValue {
  if (c !== null && typeof c === "object") {
    const formula = c.formula.startsWith("=") ? c.formula.slice(1) : c.formula;
    // A null cached result is written as "no result": Excel and LibreOffice recalculate on open.
    return c.result === null || c.result === undefined
      ? ({ formula } as ExcelJSNs.CellFormulaValue)
      : ({ formula, result: c.result } as ExcelJSNs.CellFormulaValue);
  }
  return c;
}

function validationOf(v: DataValidation): ExcelJSNs.DataValidation {
  const base = {
    allowBlank: v.allowBlank,
    showInputMessage: !!v.prompt,
    promptTitle: v.prompt?.title,
    prompt: v.prompt?.message,
    showErrorMessage: true,
    errorStyle: "stop" as const, // the only style that blocks bad input (ECMA-376 ST_DataValidationErrorStyle)
    errorTitle: v.error?.title,
    error: v.error?.message,
  };
  const r = v.rule;
  if (r.kind === "list") {
    const src = r.source.startsWith("=") ? r.source.slice(1) : r.source;
    return { ...base, type: "list", formulae: [src] };
  }
  const type = r.kind === "whole" ? "whole" : "decimal";
  if (r.min !== undefined && r.max !== undefined)
    return { ...base, type, operator: "between", formulae: [r.min, r.max] };
  if (r.min !== undefined)
    return { ...base, type, operator: "greaterThanOrEqual", formulae: [r.min] };
  if (r.max !== undefined) return { ...base, type, operator: "lessThanOrEqual", formulae: [r.max] };
  // No bounds: still restrict to numbers of that kind.
  return { ...base, type, operator: "between", formulae: [-1e12, 1e12] };
}

/** Adds one sheet of a model to a workbook (also used to write into a workbook loaded from a file). */
export async function renderSheet(wb: ExcelJSNs.Workbook, s: SheetModel): Promise<Worksheet> {
  return renderSheetWith(wb, s, true);
}

/**
 * A sheet of the model in the workbook; without `cells`, everything but the cells' values and
 * styles and the rows' heights (the fast writer writes those itself, sheet-data.ts).
 */
async function renderSheetWith(
  wb: ExcelJSNs.Workbook,
  s: SheetModel,
  cells: boolean
): Promise<Worksheet> {
  const ws: Worksheet = wb.addWorksheet(s.name, {
    state: s.visibility === "visible" ? "visible" : s.visibility,
    views: s.freeze
      ? [{ state: "frozen", xSplit: s.freeze.col - 1, ySplit: s.freeze.row - 1 }]
      : undefined,
  });
  if (cells) renderCells(ws, s);
  s.columnWidths.forEach((w, i) => {
    if (w !== undefined) ws.getColumn(i + 1).width = w;
  });
  for (const c of s.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  // Merging in ExcelJS checks every earlier merge and makes an object per covered cell: the fast
  // writer writes the merges with the cells.
  if (cells) for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);

  // ws.dataValidations.add(range, …) writes one sqref per range (not in the typings).
  const dvs = (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJSNs.DataValidation): void } }
  ).dataValidations;
  for (const v of s.validations) {
    const ref = `${address(v.range.top, v.range.left)}:${address(v.range.bottom, v.range.right)}`;
    dvs.add(ref, validationOf(v));
  }

  // Highlights of invalid values: Excel evaluates them on every edit and paste.
  (s.conditionalFormats ?? []).forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: `${address(cf.range.top, cf.range.left)}:${address(cf.range.bottom, cf.range.right)}`,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF" + cf.fill } },
            ...(cf.fontColor ? { font: { color: { argb: "FF" + cf.fontColor } } } : {}),
          },
        },
      ],
    });
  });

  for (const n of s.notes ?? []) ws.getCell(n.row, n.col).note = n.text;

  if (s.print) applyPrintLayout(ws, s.print);
  for (const r of s.print?.rowBreaks ?? []) ws.getRow(r).addPageBreak();

  for (const [name, ref] of Object.entries(s.definedNames ?? {})) {
    wb.definedNames.add(ref.startsWith("=") ? ref.slice(1) : ref, name);
  }

  if (s.protect) {
    // No password: the structure holds, an official can still unprotect (Review → Unprotect Sheet).
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
  return ws;
}

/** Values, row heights and styles of a sheet's cells, through ExcelJS's cell objects. */
function renderCells(ws: Worksheet, s: SheetModel): void {
  for (const b of s.blocks) {
    b.cells.forEach((cells, i) => {
      const row = ws.getRow(b.top + i);
      cells.forEach((c, j) => {
        if (c === null || c === undefined) return;
        row.getCell(b.left + j).value = cellValue(c);
      });
    });
  }
  for (const [row, h] of Object.entries(s.rowHeights ?? {})) ws.getRow(Number(row)).height = h;
  // Styles: every styled cell gets the default font unless a layer names another.
  for (const [key, style] of cellStyles(s.styles)) {
    const col = key % COLUMNS;
    ws.getRow((key - col) / COLUMNS).getCell(col).style = style;
  }
}
