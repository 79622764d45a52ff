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
  type CellStyle,
  type DataValidation,
  type PrintLayout,
  type SheetModel,
  type WorkbookModel,
} from "../../core/sheet/model";

type ExcelJSModule = typeof ExcelJSNs;
type Worksheet = ExcelJSNs.Worksheet;

const DEFAULT_FONT = "Times New Roman";

export interface XlsxWriter {
  write(model: WorkbookModel): Promise<Uint8Array>;
}

export function createXlsxWriter(ExcelJS: ExcelJSModule): XlsxWriter {
  return {
    async write(model) {
      const wb = new ExcelJS.Workbook();
      wb.creator = "XếpLoại";
      wb.created = new Date();
      if (model.modifiedAt && !Number.isNaN(Date.parse(model.modifiedAt))) {
        wb.created = new Date(model.modifiedAt);
        wb.modified = new Date(model.modifiedAt);
      }
      for (const sheet of model.sheets) await renderSheet(wb, sheet);
      const buf = await wb.xlsx.writeBuffer();
      return new Uint8Array(buf as ArrayBuffer);
    },
  };
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

/** Merges CellStyle layers onto a cell, property by property. */
function applyStyle(cell: ExcelJSNs.Cell, s: CellStyle) {
  const font: Partial<ExcelJSNs.Font> = { ...(cell.font ?? {}) };
  if (s.fontName !== undefined) font.name = s.fontName;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.underline !== undefined) font.underline = s.underline;
  if (s.color !== undefined) font.color = { argb: "FF" + s.color };
  cell.font = font;
  if (s.fill !== undefined)
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + s.fill } };
  if (
    s.hAlign !== undefined ||
    s.vAlign !== undefined ||
    s.wrap !== undefined ||
    s.rotation !== undefined
  ) {
    const al: Partial<ExcelJSNs.Alignment> = { ...(cell.alignment ?? {}) };
    if (s.hAlign !== undefined) al.horizontal = s.hAlign;
    if (s.vAlign !== undefined) al.vertical = s.vAlign;
    if (s.wrap !== undefined) al.wrapText = s.wrap;
    if (s.rotation !== undefined) al.textRotation = s.rotation;
    cell.alignment = al;
  }
  if (s.border !== undefined) {
    const side: Partial<ExcelJSNs.Border> = { style: "thin" };
    cell.border = s.border === "thin" ? { top: side, left: side, bottom: side, right: side } : {};
  }
  if (s.numFmt !== undefined) cell.numFmt = s.numFmt;
  if (s.locked !== undefined) cell.protection = { locked: s.locked };
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
export async function renderSheet(wb: ExcelJSNs.Workbook, s: SheetModel) {
  const ws: Worksheet = wb.addWorksheet(s.name, {
    state: s.visibility === "visible" ? "visible" : s.visibility,
    views: s.freeze
      ? [{ state: "frozen", xSplit: s.freeze.col - 1, ySplit: s.freeze.row - 1 }]
      : undefined,
  });
  for (const b of s.blocks) {
    b.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (c === null || c === undefined) return;
        ws.getCell(b.top + i, b.left + j).value = cellValue(c);
      })
    );
  }
  s.columnWidths.forEach((w, i) => {
    if (w !== undefined) ws.getColumn(i + 1).width = w;
  });
  for (const c of s.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  for (const [row, h] of Object.entries(s.rowHeights ?? {})) ws.getRow(Number(row)).height = h;

  // Styles, in order; every styled cell gets the default font unless a layer names another.
  for (const { range, style } of s.styles) {
    for (let r = range.top; r <= range.bottom; r++)
      for (let c = range.left; c <= range.right; c++) {
        const cell = ws.getCell(r, c);
        // ExcelJS, not Office.js: the office-addins load/sync rules do not apply here.
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
        if (!cell.font?.name) applyStyle(cell, { fontName: DEFAULT_FONT });
        applyStyle(cell, style);
      }
  }
  for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);

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
}
