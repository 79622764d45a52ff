/** Test helpers: fill a template WorkbookModel as an official would, and round-trip it through ExcelJS. */
import type { Cell, SheetModel, WorkbookModel } from "../../../src/core/sheet/model";
import { columnNumber } from "../../../src/core/sheet/model";
import { parseMeta } from "../../../src/core/template-sheet/meta";
import { getEnum } from "../../../src/core/templates/enums";
import type { ColumnSpec, TemplateSpec } from "../../../src/core/templates/spec";
import type { TemplateMeta } from "../../../src/core/submission/types";
import type { RawCell } from "../../../src/core/validate/types";

/** The `_meta` of a model (parsed back from its cells, as a reader would). */
export function metaOf(model: WorkbookModel): TemplateMeta {
  const sheet = model.sheets.find((s) => s.name === "_meta")!;
  const rows = sheet.blocks[0]!.cells.map((r) => r.map((c) => c as RawCell));
  const m = parseMeta({ name: "_meta", visibility: "veryHidden", rows });
  if (!m.ok) throw new Error(m.message.en);
  return m.meta;
}

export function templateSheet(model: WorkbookModel): SheetModel {
  return model.sheets[0]!;
}

/** Sets one cell of a sheet model (a later block wins when rendered). */
export function setCell(sheet: SheetModel, row: number, col: number, value: Cell): void {
  sheet.blocks.push({ top: row, left: col, cells: [[value]] });
}

/** The value of a cell in a model (last block covering it). */
export function cellOf(sheet: SheetModel, row: number, col: number): Cell | undefined {
  let v: Cell | undefined;
  for (const b of sheet.blocks) {
    const r = row - b.top;
    const c = col - b.left;
    if (r >= 0 && r < b.cells.length && c >= 0 && c < (b.cells[r]?.length ?? 0)) v = b.cells[r]![c];
  }
  return v;
}

/** Rows holding a unit (stt is a number) between firstDataRow and the end of the sheet. */
export function unitRows(model: WorkbookModel): number[] {
  const meta = metaOf(model);
  const sheet = templateSheet(model);
  const sttCol = columnNumber(meta.columns.stt!);
  const rows: number[] = [];
  for (let r = meta.firstDataRow; r < meta.firstDataRow + 200; r++) {
    const v = cellOf(sheet, r, sttCol);
    if (typeof v === "number") rows.push(r);
  }
  return rows;
}

/** A valid value (as typed in a cell) for an input column on the i-th unit row. */
export function sampleValue(spec: TemplateSpec, col: ColumnSpec, i: number, unitKind: string): Cell {
  switch (col.type) {
    case "int":
      if (col.key === "xepHang") return i + 1;
      return col.min !== undefined && col.min > 0 ? col.min : 0;
    case "number":
      if (col.key === "diemCchc") return 90 - i;
      return Math.min(col.max ?? 1e9, Math.max(col.min ?? 0, 12.5));
    case "percent":
      return 50;
    case "year":
      return 2019;
    case "boolean":
      return "Không";
    case "enum": {
      const e = getEnum(col.enumId!);
      const ok = e.values.filter((v) => !v.onlyFor || v.onlyFor.includes(unitKind as never));
      // The lowest-ranked value satisfies "at most" rules; skip it when it needs an explanation.
      return ok[ok.length - 1]!.label.vi;
    }
    case "text":
      return col.key === "ghiChu" ? `Ghi chú ${i + 1}` : `Văn bản ${i + 1}`;
  }
  void spec;
  return null;
}
