/**
 * Groups queued Office.js work into syncs. Each step carries an estimate of its request payload;
 * steps are packed in order into batches under a byte budget, so a write costs one sync when it fits
 * and more only when Excel on the web's 5 MB request limit would otherwise be exceeded. Big value
 * writes are splittable by rows, so a batch is filled up before the next one starts.
 */

/**
 * Default budget per sync: 80% of Excel on the web's 5 MB request limit. The values' JSON is
 * measured exactly; the rest (object paths, property names) is over-estimated per action, so the
 * margin covers the estimate's error. Lower it with `requestBudget` if a host proves stricter.
 */
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;

/** Estimated fixed cost of one queued action (object path, ids, property name). */
export const ACTION_COST = 160;

export interface Step<C> {
  /** Estimated request bytes. */
  bytes: number;
  run: (ctx: C) => void;
  /** A step that may be cut between rows: the size of each row and a way to make a part. */
  rows?: { bytes: number[]; part(start: number, end: number): Step<C> };
}

/**
 * Packs steps, in order, into batches whose estimated size stays under `budget`. A splittable step
 * fills what is left of the current batch and continues in the next; any other step that does not
 * fit starts a new batch (alone if it is bigger than the budget).
 */
export function packSteps<C>(steps: Step<C>[], budget: number): Step<C>[][] {
  const batches: Step<C>[][] = [];
  let current: Step<C>[] = [];
  let size = 0;
  const flush = () => {
    if (current.length > 0) batches.push(current);
    current = [];
    size = 0;
  };
  for (const s of steps) {
    if (size + s.bytes <= budget || !s.rows) {
      if (current.length > 0 && size + s.bytes > budget) flush();
      current.push(s);
      size += s.bytes;
      continue;
    }
    const rb = s.rows.bytes;
    let start = 0;
    while (start < rb.length) {
      let end = start;
      let acc = ACTION_COST;
      while (end < rb.length && size + acc + rb[end]! <= budget) acc += rb[end++]!;
      if (end === start) {
        if (current.length > 0) {
          flush();
          continue;
        }
        acc += rb[end++]!; // one row larger than the whole budget: it goes alone
      }
      current.push(s.rows.part(start, end));
      size += acc;
      start = end;
      if (start < rb.length) flush();
    }
  }
  flush();
  return batches;
}
