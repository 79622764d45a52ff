/**
 * Groups queued Office.js work into syncs. Each step carries an estimate of its request payload;
 * steps are packed in order into batches under a byte budget, so a write costs one sync when it fits
 * and more only when Excel on the web's 5 MB request limit would otherwise be exceeded.
 */

/** Default budget per sync: well under Excel on the web's 5 MB request limit (rule of thumb 1–2 MB). */
export const DEFAULT_REQUEST_BUDGET = 2 * 1024 * 1024;

/** Estimated fixed cost of one queued action (object path, ids, property name). */
export const ACTION_COST = 160;

export interface Step<C> {
  /** Estimated request bytes. */
  bytes: number;
  run: (ctx: C) => void;
}

/** Packs steps, in order, into batches whose estimated size stays under `budget` (a single oversized step gets its own batch). */
export function packSteps<C>(steps: Step<C>[], budget: number): Step<C>[][] {
  const batches: Step<C>[][] = [];
  let current: Step<C>[] = [];
  let size = 0;
  for (const s of steps) {
    if (current.length > 0 && size + s.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Splits the rows of a 2-D array into slices whose JSON stays under `maxBytes` (at least one row
 * per slice). `rowBytes[i]` is the size of row i.
 */
export function sliceRows(rowBytes: number[], maxBytes: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < rowBytes.length; i++) {
    if (i > start && size + rowBytes[i]! > maxBytes) {
      out.push({ start, end: i });
      start = i;
      size = 0;
    }
    size += rowBytes[i]!;
  }
  if (rowBytes.length > 0) out.push({ start, end: rowBytes.length });
  return out;
}
