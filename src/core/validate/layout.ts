/** Where a spec's columns sit in a sheet when the reader has no better information. */
import { columnLetter } from "../sheet/model";
import type { TemplateSpec } from "../templates/spec";
import type { SheetLayout } from "./types";

/** The spec's columns in order from column A; data starts at `firstDataRow`. */
export function defaultLayout(spec: TemplateSpec, firstDataRow: number): SheetLayout {
  const columnLetters: Record<string, string> = {};
  spec.columns.forEach((c, i) => (columnLetters[c.key] = columnLetter(i + 1)));
  return { columnLetters, firstDataRow };
}

/** A1 address of a key on a sheet row, or null when the layout does not place that key. */
export function cellAddress(layout: SheetLayout, key: string, row: number): string | null {
  const letter = layout.columnLetters[key];
  return letter && row > 0 ? `${letter}${row}` : null;
}
