/**
 * createOfficeWorkbookPort: the WorkbookPort inside Excel, and the only code in XếpLoại that touches
 * Office.js. Tests and the browser e2e pass the in-memory fake's `run` instead of Excel.run.
 *
 * Requirement sets: ExcelApi 1.9 is the minimum (pageLayout, getRanges, worksheets.onChanged,
 * suspendScreenUpdating). Gated at runtime: notes (1.18) for issue messages and model notes;
 * triggerSource (1.14) as an extra filter of our own changes.
 */
import type { RequirementCheck, WorkbookPort } from "../../ports/workbook-port";
import type { PrintLayout } from "../../core/sheet/model";
import {
  type AdapterEnv,
  type ExcelRunner,
  type ExcelRunnerWith,
  RUN_OPTIONS,
  WriteGuard,
} from "./env";
import { describeOfficeError } from "./errors";
import { onUserChange, onWorkbookEvent } from "./events";
import { markIssues } from "./marks";
import { DEFAULT_REQUEST_BUDGET } from "./plan";
import { queuePrintLayout } from "./print";
import { readGrids } from "./read";
import { loadState, saveState } from "./state";
import { writeModel } from "./write";

export const MIN_EXCEL_API = "1.9";

export interface OfficePortOptions {
  runWith?: ExcelRunnerWith;
  isSetSupported?: (name: string, minVersion: string) => boolean;
  requestBudget?: number;
  readByteBudget?: number;
  readCellBudget?: number;
}

function officeIsSetSupported(name: string, minVersion: string): boolean {
  const o = (
    globalThis as {
      Office?: { context?: { requirements?: { isSetSupported(n: string, v?: string): boolean } } };
    }
  ).Office;
  return !!o?.context?.requirements?.isSetSupported(name, minVersion);
}

const excelRun: ExcelRunner = (options, batch) => Excel.run(options, batch);
const excelRunWith: ExcelRunnerWith = (ctx, batch) => Excel.run(ctx, batch);

/** What the pane can tell people about optional features of their Excel. */
export interface OfficeCapabilities {
  /** Issue messages as cell notes (ExcelApi 1.18); otherwise fills only. */
  notes: boolean;
  /** Events say which add-in made a change (ExcelApi 1.14). */
  triggerSource: boolean;
  /** insertWorksheetsFromBase64 (ExcelApi 1.13); not used: the adapter writes sheets itself. */
  insertWorksheets: boolean;
}

export function officeCapabilities(
  isSetSupported: (n: string, v: string) => boolean = officeIsSetSupported
): OfficeCapabilities {
  return {
    notes: isSetSupported("ExcelApi", "1.18"),
    triggerSource: isSetSupported("ExcelApi", "1.14"),
    insertWorksheets: isSetSupported("ExcelApi", "1.13"),
  };
}

export function createAdapterEnv(
  runner: ExcelRunner = excelRun,
  opts: OfficePortOptions = {}
): AdapterEnv {
  return {
    run: (batch) => runner(RUN_OPTIONS, batch),
    runWith:
      opts.runWith ?? (runner === excelRun ? excelRunWith : (runner as unknown as ExcelRunnerWith)),
    isSetSupported: opts.isSetSupported ?? officeIsSetSupported,
    requestBudget: opts.requestBudget ?? DEFAULT_REQUEST_BUDGET,
    readByteBudget: opts.readByteBudget ?? DEFAULT_REQUEST_BUDGET,
    readCellBudget: opts.readCellBudget ?? 100_000,
    guard: new WriteGuard(),
  };
}

export function createOfficeWorkbookPort(
  runner: ExcelRunner = excelRun,
  opts: OfficePortOptions = {}
): WorkbookPort {
  const env = createAdapterEnv(runner, opts);
  return {
    checkRequirements(): RequirementCheck {
      const missing: string[] = [];
      if (!env.isSetSupported("ExcelApi", MIN_EXCEL_API)) missing.push(`ExcelApi ${MIN_EXCEL_API}`);
      return { ok: missing.length === 0, missing };
    },
    writeModel: (model, o) => writeModel(env, model, o),
    readGrids: (o) => readGrids(env, o),
    markIssues: (sheet, issues) => markIssues(env, sheet, issues),
    async goTo(sheet, address) {
      try {
        await env.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(address).select();
          await ctx.sync();
        });
      } catch (e) {
        throw describeOfficeError(e, {
          vi: `Không đến được ô ${address} trên trang "${sheet}"`,
          en: `Could not go to cell ${address} on sheet "${sheet}"`,
        });
      }
    },
    async applyPrintLayout(sheet: string, layout: PrintLayout) {
      try {
        await env.guard.during(() =>
          env.run(async (ctx) => {
            queuePrintLayout(ctx.workbook.worksheets.getItem(sheet).pageLayout, layout);
            await ctx.sync();
          })
        );
      } catch (e) {
        throw describeOfficeError(e, {
          vi: `Không đặt được trang in cho "${sheet}"`,
          en: `Could not set up printing for "${sheet}"`,
        });
      }
    },
    onUserChange: (handler) => onUserChange(env, handler),
    onWorkbookEvent: (handler) => onWorkbookEvent(env, handler),
    saveState: (key, value) => saveState(env, key, value),
    loadState: (key) => loadState(env, key),
    async sheetNames() {
      try {
        return await env.run(async (ctx) => {
          const ws = ctx.workbook.worksheets;
          ws.load("items/name");
          await ctx.sync();
          return ws.items.map((w) => w.name);
        });
      } catch (e) {
        throw describeOfficeError(e, {
          vi: "Không đọc được danh sách trang tính",
          en: "Could not list the sheets",
        });
      }
    },
  };
}
