/**
 * Recognising a template sheet without `_meta`, by its header row(s), and mapping columns by key.
 * Headers are compared with canonicalVietnamese (case, spacing, tone placement) and vi or en text.
 */
import { canonicalVietnamese } from "../normalize/text";
import { columnLetter } from "../sheet/model";
import type { ColumnSpec, TemplateSpec } from "../templates/spec";
import type { RawCell } from "../validate/types";
import type { SheetGrid } from "./types";

/** How far down the sheet the header row may be. */
const MAX_HEADER_ROW = 40;

export function cellText(c: RawCell): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "string") return c;
  if (typeof c === "number" || typeof c === "boolean") return String(c);
  return "";
}

const keyCache = new Map<string, string>();

/** Comparison key of a header: canonical Vietnamese without punctuation or spaces. */
export function headerKey(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    k = canonicalVietnamese(s).replace(/[^\p{L}\p{N}%]+/gu, "");
    if (keyCache.size < 50_000) keyCache.set(s, k);
  }
  return k;
}

const colKeyCache = new WeakMap<ColumnSpec, { keys: Set<string>; groups: Set<string> }>();

function keysOf(col: ColumnSpec): { keys: Set<string>; groups: Set<string> } {
  let k = colKeyCache.get(col);
  if (!k) {
    k = {
      keys: new Set([headerKey(col.header.vi), headerKey(col.header.en)].filter((x) => x !== "")),
      groups: new Set(col.group ? [headerKey(col.group.vi), headerKey(col.group.en)] : []),
    };
    colKeyCache.set(col, k);
  }
  return k;
}

const colKeys = (col: ColumnSpec) => keysOf(col).keys;
const groupKeys = (col: ColumnSpec) => keysOf(col).groups;

/** The template's columns by header key (in the template's order), made once per template. */
const byKeyCache = new WeakMap<TemplateSpec, Map<string, ColumnSpec[]>>();
function columnsByKey(spec: TemplateSpec): Map<string, ColumnSpec[]> {
  let m = byKeyCache.get(spec);
  if (m) return m;
  m = new Map();
  for (const col of spec.columns)
    for (const k of colKeys(col)) {
      const list = m.get(k);
      if (list) list.push(col);
      else m.set(k, [col]);
    }
  byKeyCache.set(spec, m);
  return m;
}

export interface HeaderMatch {
  spec: TemplateSpec;
  /** 1-based row holding the column headers. */
  headerRow: number;
  columnLetters: Record<string, string>;
  matched: number;
}

/**
 * Maps spec columns onto sheet columns, taking `headerRow` as the column header row and the row
 * above as a possible group row (merged group titles; a non-grouped header merged over both rows).
 */
export function mapColumns(
  spec: TemplateSpec,
  rows: RawCell[][],
  headerRow: number
): Record<string, string> {
  const below = rows[headerRow - 1] ?? [];
  const above = headerRow >= 2 ? (rows[headerRow - 2] ?? []) : [];
  const width = Math.max(below.length, above.length);
  const letters: Record<string, string> = {};
  const taken = new Set<string>();
  let group = "";
  for (let c = 0; c < width; c++) {
    const top = cellText(above[c]).trim();
    const bottom = cellText(below[c]).trim();
    let header: string;
    if (top && !bottom) {
      header = top;
      group = "";
    } else if (top && bottom) {
      group = headerKey(top);
      header = bottom;
    } else {
      header = bottom;
      if (!bottom) group = "";
    }
    if (!header) continue;
    const key = headerKey(header);
    const candidates = (columnsByKey(spec).get(key) ?? []).filter((col) => !taken.has(col.key));
    const pick =
      candidates.find((col) => group !== "" && groupKeys(col).has(group)) ??
      candidates.find((col) => !col.group) ??
      candidates[0];
    if (pick) {
      letters[pick.key] = columnLetter(c + 1);
      taken.add(pick.key);
    }
  }
  return letters;
}

/** The row-naming column of a spec: unitName, or ten for PEOPLE. */
export function nameKey(spec: TemplateSpec): string {
  return spec.rowSet === "PEOPLE" ? "ten" : "unitName";
}

/** Best (template, header row) for a sheet, or null when nothing fits well enough. */
export function recognizeByHeader(sheet: SheetGrid, catalog: TemplateSpec[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestScore = 0;
  const last = Math.min(sheet.rows.length, MAX_HEADER_ROW);
  for (let r = 1; r <= last; r++) {
    const row = sheet.rows[r - 1] ?? [];
    if (!row.some((c) => cellText(c).trim() !== "")) continue;
    for (const spec of catalog) {
      const letters = mapColumns(spec, sheet.rows, r);
      if (!letters[nameKey(spec)]) continue;
      const matched = Object.keys(letters).length;
      // Fraction of the spec's columns found; ties go to the spec with more matched columns.
      const score = matched / spec.columns.length + matched / 1000;
      if (matched / spec.columns.length >= 0.6 && score > bestScore) {
        bestScore = score;
        best = { spec, headerRow: r, columnLetters: letters, matched };
      }
    }
  }
  return best;
}

/**
 * The first data row after a header row: rows of units of measure ("(hộ)") or column numbers
 * ("1", "2", …, "(1)") directly under the header are skipped.
 */
export function firstDataRowAfter(
  spec: TemplateSpec,
  rows: RawCell[][],
  headerRow: number
): number {
  const uoms = new Set(
    spec.columns.flatMap((c) =>
      c.unitOfMeasure ? [headerKey(c.unitOfMeasure.vi), headerKey(c.unitOfMeasure.en)] : []
    )
  );
  let r = headerRow + 1;
  for (; r <= rows.length; r++) {
    const cells = (rows[r - 1] ?? [])
      .map((c, i) => ({ t: cellText(c).trim(), i }))
      .filter((x) => x.t !== "");
    if (cells.length === 0) break;
    const isUnits = cells.every((x) => /^\(.*\)$/.test(x.t) || uoms.has(headerKey(x.t)));
    const isNumbers =
      cells.length > 2 &&
      cells.every(
        (x, k) =>
          x.t.replace(/[()]/g, "") ===
          String(
            k === 0
              ? Number(cells[0]!.t.replace(/[()]/g, ""))
              : Number(cells[0]!.t.replace(/[()]/g, "")) + k
          )
      );
    if (!isUnits && !isNumbers) break;
  }
  return r;
}
