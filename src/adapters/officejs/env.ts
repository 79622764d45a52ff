/**
 * What every operation of the adapter needs: how to run a batch against Excel (Excel.run, or the
 * in-memory fake in tests and the browser e2e), how to ask for requirement sets, size budgets, and
 * the guard that tells the change listener "this change is ours".
 */
export type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;

/** Excel.run: a new request context per call. */
export type ExcelRunner = <T>(batch: Batch<T>) => Promise<T>;

/** Excel.run(context, batch): continue with an existing context (needed to remove event handlers). */
export type ExcelRunnerWith = <T>(context: Excel.RequestContext, batch: Batch<T>) => Promise<T>;

export interface AdapterEnv {
  run: ExcelRunner;
  runWith: ExcelRunnerWith;
  isSetSupported(name: string, minVersion: string): boolean;
  /** Estimated request bytes per sync before a write is split (default 2 MB). */
  requestBudget: number;
  /** Cells read per sync before a read is split (default 100,000 ≈ 3 MB of values, formats and types). */
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
