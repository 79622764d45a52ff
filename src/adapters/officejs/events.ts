/**
 * onUserChange: one `worksheets.onChanged` registration (ExcelApi 1.9) for the whole workbook,
 * reporting edits on the template sheets (names not starting with "_") and never the adapter's own
 * writes: those run with `enableEvents = false`, under the write guard, and — from ExcelApi 1.14 —
 * carry triggerSource "ThisLocalAddin". Debouncing is the caller's (see `debounce`).
 */
import type { CellChange, WorkbookEvent } from "../../ports/workbook-port";
import type { AdapterEnv } from "./env";
import type { LocalizedText } from "../../core/i18n";
import { describeOfficeError } from "./errors";

/**
 * Sheet names by id for event handlers (events carry only ids): filled by the registration batch,
 * loaded again (one round trip) for an id not seen yet or after an addition.
 */
function sheetNames(env: AdapterEnv): {
  names: Map<string, string>;
  nameOf: (id: string, reload: boolean) => Promise<string | undefined>;
} {
  const names = new Map<string, string>();
  const refresh = () =>
    env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.load("items/id,items/name");
      await ctx.sync();
      names.clear();
      for (const w of ws.items) names.set(w.id, w.name);
    });
  const nameOf = async (id: string, reload: boolean): Promise<string | undefined> => {
    if (reload || !names.has(id)) {
      try {
        await refresh();
      } catch {
        return undefined;
      }
    }
    return names.get(id);
  };
  return { names, nameOf };
}

type NameOf = ReturnType<typeof sheetNames>["nameOf"];

/**
 * A `worksheets.onChanged` listener passing on only the user's edits of template sheets: not while
 * the adapter writes (the guard), not the add-in's own writes (triggerSource, ExcelApi 1.14), not a
 * sheet whose name starts with "_".
 */
function userEdits(
  env: AdapterEnv,
  nameOf: NameOf,
  emit: (sheet: string, address: string) => void
): (e: Excel.WorksheetChangedEventArgs) => Promise<void> {
  return async (e) => {
    if (env.guard.active) return;
    if ((e as { triggerSource?: string }).triggerSource === "ThisLocalAddin") return;
    const sheet = await nameOf(e.worksheetId, false);
    if (sheet === undefined || sheet.startsWith("_")) return;
    emit(sheet, e.address);
  };
}

/**
 * Adds the handlers `add` returns in one batch that also loads the sheet names; resolves to the
 * function that removes them all (once). A failure is described with `doing`.
 */
async function registerAll(
  env: AdapterEnv,
  names: Map<string, string>,
  add: (ws: Excel.WorksheetCollection) => OfficeExtension.EventHandlerResult<unknown>[],
  doing: LocalizedText
): Promise<() => Promise<void>> {
  try {
    const regs = await env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.load("items/id,items/name");
      const r = add(ws);
      await ctx.sync();
      for (const w of ws.items) names.set(w.id, w.name);
      return r;
    });
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      await env.runWith(regs[0]!.context as Excel.RequestContext, async (ctx) => {
        for (const r of regs) r.remove();
        await ctx.sync();
      });
    };
  } catch (e) {
    throw describeOfficeError(e, doing);
  }
}

export async function onUserChange(
  env: AdapterEnv,
  handler: (change: CellChange) => void
): Promise<() => Promise<void>> {
  const { names, nameOf } = sheetNames(env);
  const changed = userEdits(env, nameOf, (sheet, address) => handler({ sheet, address }));
  return registerAll(env, names, (ws) => [ws.onChanged.add(changed)], {
    vi: "Không theo dõi được thay đổi trên trang tính",
    en: "Could not listen for changes on the sheets",
  });
}

/**
 * Collects calls for `waitMs` after the last one, then calls `fn` once with everything collected
 * (e.g. every changed range of a burst of edits). `flush()` runs it at once; `cancel()` drops it.
 */
export function debounce<T>(
  fn: (items: T[]) => void,
  waitMs: number
): { push(item: T): void; flush(): void; cancel(): void } {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    const batch = items;
    items = [];
    if (batch.length > 0) fn(batch);
  };
  return {
    push(item: T) {
      items.push(item);
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, waitMs);
    },
    flush() {
      if (timer) clearTimeout(timer);
      fire();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      items = [];
    },
  };
}

/**
 * onWorkbookEvent: `worksheets.onAdded`, `onActivated`, `onDeleted` (ExcelApi 1.7) and `onChanged`
 * (1.9) in one registration batch. Sheets are named from their ids (names loaded once, again after
 * an addition); changes are reported only when the user made them, like onUserChange; additions,
 * activations and deletions whoever made them (the pane's own master write adds sheets too).
 */
export async function onWorkbookEvent(
  env: AdapterEnv,
  handler: (event: WorkbookEvent) => void
): Promise<() => Promise<void>> {
  const { names, nameOf } = sheetNames(env);
  const added = async (e: Excel.WorksheetAddedEventArgs) => {
    const sheet = await nameOf(e.worksheetId, true);
    if (sheet !== undefined) handler({ kind: "added", sheet });
  };
  const activated = async (e: Excel.WorksheetActivatedEventArgs) => {
    const sheet = await nameOf(e.worksheetId, false);
    if (sheet !== undefined) handler({ kind: "activated", sheet });
  };
  const deleted = async (e: Excel.WorksheetDeletedEventArgs) => {
    const sheet = names.get(e.worksheetId) ?? "";
    names.delete(e.worksheetId);
    handler({ kind: "deleted", sheet });
  };
  const changed = userEdits(env, nameOf, (sheet, address) =>
    handler({ kind: "changed", sheet, address })
  );
  return registerAll(
    env,
    names,
    (ws) => [
      ws.onAdded.add(added),
      ws.onActivated.add(activated),
      ws.onDeleted.add(deleted),
      ws.onChanged.add(changed),
    ],
    {
      vi: "Không theo dõi được các trang tính của sổ làm việc",
      en: "Could not follow the workbook's sheets",
    }
  );
}
