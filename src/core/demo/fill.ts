/** Writes demo values into a blank template model (as a person would type them). Pure. */
import type { PeriodSettings } from "../settings/types";
import { columnNumber, type SheetModel, type WorkbookModel } from "../sheet/model";
import { buildTemplateWorkbook } from "../template-sheet/build";
import type { TemplateSpec } from "../templates/spec";
import type { UnitRegister } from "../units/types";
import type { DemoFile } from "./generate";

function metaOf(model: WorkbookModel): { columns: Record<string, string>; firstDataRow: number } {
  const meta = model.sheets.find((s) => s.name === "_meta");
  const columns: Record<string, string> = {};
  let firstDataRow = 0;
  for (const b of meta?.blocks ?? []) {
    b.cells.forEach((row) => {
      const k = String(row[0] ?? "");
      const v = row[1];
      if (k.startsWith("column:")) columns[k.slice(7)] = String(v);
      if (k === "firstDataRow") firstDataRow = Number(v);
    });
  }
  return { columns, firstDataRow };
}

/** Sheet row of each unit code (scans the template's unitCode column). */
function unitRows(sheet: SheetModel, col: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of sheet.blocks) {
    b.cells.forEach((row, i) => {
      const v = row[col - b.left];
      if (typeof v === "string" && /^[a-z0-9-]+$/.test(v)) out.set(v, b.top + i);
    });
  }
  return out;
}

export function fillTemplate(
  model: WorkbookModel,
  spec: TemplateSpec,
  file: DemoFile
): WorkbookModel {
  const { columns, firstDataRow } = metaOf(model);
  const sheets = model.sheets.map((s) => {
    if (s.name !== spec.sheetName) return s;
    const codeCol = columns["unitCode"] ? columnNumber(columns["unitCode"]) : 0;
    const rowsByUnit =
      spec.rowSet === "PEOPLE" || !codeCol ? new Map<string, number>() : unitRows(s, codeCol);
    const blocks = [...s.blocks];
    file.rows.forEach((r, i) => {
      const row =
        r.unitCode && spec.rowSet !== "PEOPLE" ? rowsByUnit.get(r.unitCode) : firstDataRow + i;
      if (!row) return;
      for (const [key, v] of Object.entries(r.cells)) {
        if (v === null || !columns[key]) continue;
        blocks.push({ top: row, left: columnNumber(columns[key]!), cells: [[v]] });
      }
    });
    return { ...s, blocks };
  });
  return { ...model, sheets, modifiedAt: file.modifiedAt };
}

/**
 * A demo file as the unit returns it: its template (only its own row when the file is one unit's
 * report, `file.units`) filled with the file's values.
 */
export function demoWorkbook(
  spec: TemplateSpec,
  register: UnitRegister,
  settings: PeriodSettings,
  file: DemoFile
): WorkbookModel {
  const template = buildTemplateWorkbook(spec, register, settings, {
    generatedAt: file.generatedAt,
    ...(file.units ? { units: file.units } : {}),
  });
  return fillTemplate(template, spec, file);
}
