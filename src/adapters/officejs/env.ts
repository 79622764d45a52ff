/**
 * What every operation of the adapter needs: how to run a batch against Excel (Excel.run, or the
 * in-memory fake in tests and the browser e2e), how to ask for requirement sets, size budgets, and
 * the guard that tells the change listener "this change is ours".
 */
export type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;

/**
 * Options every batch runs with. `delayForCellEdit`: a batch that reaches Excel while the user is
 * typing in a cell waits until the edit ends instead of failing with InvalidOperationInCellEditMode
 * (Excel.RunOptions; without it, a live check 500 ms after an edit fails as soon as the user types
 * into the next cell).
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** Excel.run(options, batch): a new request context per call. */
export type ExcelRunner = <T>(options: Excel.RunOptions, batch: Batch<T>) => Promise<T>;

/** Excel.run(context, batch): continue with an existing context (needed to remove event handlers). */
export type ExcelRunnerWith = <T>(context: Excel.RequestContext, batch: Batch<T>) => Promise<T>;

export interface AdapterEnv {
  /** Runs a batch in a new context with RUN_OPTIONS. */
  run: <T>(batch: Batch<T>) => Promise<T>;
  runWith: ExcelRunnerWith;
  isSetSupported(name: string, minVersion: string): boolean;
  /** Estimated request bytes per sync before a write is split (default 4 MB, see plan.ts). */
  requestBudget: number;
  /**
   * Estimated response bytes per sync before a read is split (default 4 MB). Vietnamese text is 2–3
   * bytes a character, so the size is measured, not the cells counted: see read.ts.
   */
  readByteBudget: number;
  /** Upper bound on cells read per sync, whatever their size (default 100,000). */
  readCellBudget: number;
  guard: WriteGuard;
}

/**
 * Counts the adapter's own Excel runs. Excel raises change events asynchronously after a batch, so
 * the guard stays up for one more macrotask after a run ends.
 */
export class WriteGuard {
  private depth = 0;
  get active(): boolean {
    return this.depth > 0;
  }
  async during<T>(fn: () => Promise<T>): Promise<T> {
    this.depth++;
    try {
      return await fn();
    } finally {
      setTimeout(() => {
        this.depth--;
      }, 0);
    }
  }
}

/** Counts this run's syncs (the figure WriteReport.syncs reports). */
export function syncCounter(ctx: Excel.RequestContext): {
  sync: () => Promise<void>;
  readonly count: number;
} {
  let count = 0;
  return {
    async sync() {
      count++;
      await ctx.sync();
    },
    get count() {
      return count;
    },
  };
}
