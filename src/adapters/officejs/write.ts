/**
 * writeModel: renders a WorkbookModel into the open workbook exactly as the ExcelJS writer renders it
 * into a file (src/adapters/xlsx/writer.ts): values and formulas (one range per block), styles per
 * StyledRange with Times New Roman as the default font, merges, widths, hidden columns, row heights,
 * freeze panes, bounded data validations, notes (ExcelApi 1.18, else skipped), print setup, defined
 * names, visibility and protection.
 *
 * Round trips: 1 sync to discover existing sheets and names, the writes packed into as few syncs as
 * the request budget allows (one for any realistic model), 1 sync to restore events. The count does
 * not grow with the number of rows until a single sync would exceed the budget.
 */
import type { WriteReport } from "../../ports/workbook-port";
import {
  columnLetter,
  type CellStyle,
  type DataValidation,
  type Rect,
  type SheetModel,
  type WorkbookModel,
} from "../../core/sheet/model";
import { encodeCell, jsonBytes } from "./cells";
import { type AdapterEnv, syncCounter } from "./env";
import { ACCESS_DENIED, OfficeAdapterError, describeWriteError, officeErrorCode } from "./errors";
import { ACTION_COST, packSteps, type Step } from "./plan";
import { queuePrintLayout, queueRowBreaks } from "./print";
import { coalesceStyles, coverRects } from "./styles";

export const DEFAULT_FONT = "Times New Roman";

type Ctx = Excel.RequestContext;

/** Excel character-unit width (as ExcelJS stores it) → points, for Calibri 11's 7-pixel digit. */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

export const rectAddress = (r: Rect) =>
  r.top === r.bottom && r.left === r.right
    ? `${columnLetter(r.left)}${r.top}`
    : `${columnLetter(r.left)}${r.top}:${columnLetter(r.right)}${r.bottom}`;

/** Consecutive single-row blocks with the same left column become one rectangle (one range write). */
export function coalesceBlocks(
  sheet: SheetModel
): { top: number; left: number; rows: (string | number | boolean | null)[][] }[] {
  const sorted = [...sheet.blocks].sort((a, b) => a.left - b.left || a.top - b.top);
  const out: { top: number; left: number; rows: (string | number | boolean | null)[][] }[] = [];
  for (const b of sorted) {
    const rows = b.cells.map((line) => line.map((c) => encodeCell(c)));
    const last = out[out.length - 1];
    if (last && last.left === b.left && last.top + last.rows.length === b.top)
      last.rows.push(...rows);
    else out.push({ top: b.top, left: b.left, rows });
  }
  for (const o of out) {
    const width = Math.max(1, ...o.rows.map((r) => r.length));
    for (const r of o.rows) while (r.length < width) r.push(null);
  }
  return out;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** Queues one style layer on a range; returns the number of actions queued. */
function queueStyle(range: Excel.Range, r: Rect, s: CellStyle): number {
  let n = 0;
  const font = range.format.font;
  if (s.fontName !== undefined) ((font.name = s.fontName), n++);
  if (s.fontSize !== undefined) ((font.size = s.fontSize), n++);
  if (s.bold !== undefined) ((font.bold = s.bold), n++);
  if (s.italic !== undefined) ((font.italic = s.italic), n++);
  if (s.underline !== undefined) ((font.underline = s.underline ? "Single" : "None"), n++);
  if (s.color !== undefined) ((font.color = `#${s.color}`), n++);
  if (s.fill !== undefined) ((range.format.fill.color = `#${s.fill}`), n++);
  if (s.hAlign !== undefined) ((range.format.horizontalAlignment = H_ALIGN[s.hAlign]), n++);
  if (s.vAlign !== undefined) ((range.format.verticalAlignment = V_ALIGN[s.vAlign]), n++);
  if (s.wrap !== undefined) ((range.format.wrapText = s.wrap), n++);
  if (s.rotation !== undefined) ((range.format.textOrientation = s.rotation), n++);
  if (s.border !== undefined) {
    const edges: string[] = [...EDGES];
    if (r.bottom > r.top) edges.push("InsideHorizontal");
    if (r.right > r.left) edges.push("InsideVertical");
    for (const e of edges) {
      const b = range.format.borders.getItem(e as Excel.BorderIndex);
      if (s.border === "thin") {
        b.style = "Continuous";
        b.weight = "Thin";
      } else b.style = "None";
      n += 2;
    }
  }
  // A 1×1 array over a larger range fills every cell (Office.js "single input"): constant payload.
  if (s.numFmt !== undefined) ((range.numberFormat = [[s.numFmt]]), n++);
  if (s.locked !== undefined) ((range.format.protection.locked = s.locked), n++);
  return n;
}

const clip = (s: string | undefined, max: number) =>
  s === undefined ? undefined : s.length > max ? `${s.slice(0, max - 1)}…` : s;

/** The Office.js rule for a model validation, the same as the ExcelJS writer's. */
export function officeRule(v: DataValidation): Excel.DataValidationRule {
  const r = v.rule;
  if (r.kind === "list")
    return {
      list: { inCellDropDown: true, source: r.source.startsWith("=") ? r.source : `=${r.source}` },
    };
  let basic: Excel.BasicDataValidation;
  if (r.min !== undefined && r.max !== undefined)
    basic = { operator: "Between", formula1: r.min, formula2: r.max };
  else if (r.min !== undefined) basic = { operator: "GreaterThanOrEqualTo", formula1: r.min };
  else if (r.max !== undefined) basic = { operator: "LessThanOrEqualTo", formula1: r.max };
  // No bounds: still restrict to numbers of that kind (as the file writer does).
  else basic = { operator: "Between", formula1: -1e12, formula2: 1e12 };
  return r.kind === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

/** Runs of equal values over consecutive indexes: [{from,to,value}]. */
function runs<T>(entries: [number, T][]): { from: number; to: number; value: T }[] {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const out: { from: number; to: number; value: T }[] = [];
  for (const [i, v] of sorted) {
    const last = out[out.length - 1];
    if (last && last.to === i - 1 && last.value === v) last.to = i;
    else out.push({ from: i, to: i, value: v });
  }
  return out;
}

export interface WriteOptions {
  /**
   * Write into a same-named sheet that exists, cleared first (values, formats, merges, validations,
   * notes, hidden columns, frozen panes), instead of refusing. The sheet itself stays, so formulas,
   * names and validations elsewhere that refer to it keep working: renaming it away and deleting
   * it would leave them as #REF!.
   */
  replaceExisting?: boolean;
  /**
   * Write the model's cells into sheets that already exist, keeping everything else on them (other
   * cells, styles, merges, their visibility and protection); sheets that do not exist are added.
   * A protected sheet is unprotected for the write and protected again with its own options.
   */
  updateExisting?: boolean;
  activate?: string;
}

interface SheetSteps {
  content: Step<Ctx>[];
  final: Step<Ctx>[];
  notesSkipped: number;
}

function sheetSteps(env: AdapterEnv, s: SheetModel, ws: () => Excel.Worksheet): SheetSteps {
  const content: Step<Ctx>[] = [];
  const final: Step<Ctx>[] = [];

  // Values and formulas: one range per (coalesced) block; cut between rows only when a batch is full.
  for (const block of coalesceBlocks(s)) {
    const width = block.rows[0]?.length ?? 0;
    if (width === 0) continue;
    const rowBytes = block.rows.map((r) => jsonBytes(r) + 1);
    const part = (start: number, end: number): Step<Ctx> => {
      const slice = block.rows.slice(start, end);
      const empty = slice.every((r) => r.every((c) => c === null));
      return {
        bytes: ACTION_COST + rowBytes.slice(start, end).reduce((a, b) => a + b, 0),
        run: () => {
          if (!empty)
            ws().getRangeByIndexes(
              block.top - 1 + start,
              block.left - 1,
              end - start,
              width
            ).formulas = slice;
        },
      };
    };
    content.push({ ...part(0, block.rows.length), rows: { bytes: rowBytes, part } });
  }

  const widths = s.columnWidths
    .map((w, i) => [i + 1, w] as [number, number | undefined])
    .filter((e): e is [number, number] => e[1] !== undefined);
  for (const run of runs(widths.map(([c, w]) => [c, widthToPoints(w)] as [number, number])))
    content.push({
      bytes: ACTION_COST * 2,
      run: () =>
        void (ws().getRange(
          `${columnLetter(run.from)}:${columnLetter(run.to)}`
        ).format.columnWidth = run.value),
    });
  for (const run of runs((s.hiddenColumns ?? []).map((c) => [c, true] as [number, boolean])))
    content.push({
      bytes: ACTION_COST * 2,
      run: () =>
        void (ws().getRange(`${columnLetter(run.from)}:${columnLetter(run.to)}`).columnHidden =
          true),
    });
  for (const run of runs(
    Object.entries(s.rowHeights ?? {}).map(([r, h]) => [Number(r), h] as [number, number])
  ))
    content.push({
      bytes: ACTION_COST * 2,
      run: () => void (ws().getRange(`${run.from}:${run.to}`).format.rowHeight = run.value),
    });

  // Every styled cell gets the default font unless a layer names another (as the file writer):
  // the font goes first, over the union of styled cells, then the layers in order.
  for (const r of coverRects(s.styles.map((x) => x.range))) {
    const a = rectAddress(r);
    content.push({
      bytes: ACTION_COST * 2,
      run: () => void (ws().getRange(a).format.font.name = DEFAULT_FONT),
    });
  }
  for (const { range, style } of coalesceStyles(s.styles)) {
    const props = Object.keys(style).length + (style.border !== undefined ? 12 : 0);
    content.push({
      bytes: ACTION_COST * (1 + props) + jsonBytes(style),
      run: () => void queueStyle(ws().getRange(rectAddress(range)), range, style),
    });
  }
  for (const m of s.merges)
    content.push({ bytes: ACTION_COST * 2, run: () => ws().getRange(rectAddress(m)).merge(false) });

  if (s.freeze) {
    const rows = Math.max(0, s.freeze.row - 1),
      cols = Math.max(0, s.freeze.col - 1);
    if (rows > 0 || cols > 0)
      content.push({
        bytes: ACTION_COST * 2,
        run: () => {
          const fp = ws().freezePanes;
          if (rows > 0 && cols > 0) fp.freezeAt(ws().getRangeByIndexes(0, 0, rows, cols));
          else if (rows > 0) fp.freezeRows(rows);
          else fp.freezeColumns(cols);
        },
      });
  }

  for (const v of s.validations) {
    content.push({
      bytes: ACTION_COST * 5 + jsonBytes(v),
      run: () => {
        const dv = ws().getRange(rectAddress(v.range)).dataValidation;
        dv.rule = officeRule(v);
        dv.ignoreBlanks = v.allowBlank;
        // Excel's limits: prompt title 32 / message 255, error title 32 / message 225 characters.
        if (v.prompt)
          dv.prompt = {
            showPrompt: true,
            title: clip(v.prompt.title, 32)!,
            message: clip(v.prompt.message, 255)!,
          };
        dv.errorAlert = {
          showAlert: true,
          style: "Stop",
          title: clip(v.error?.title ?? "", 32)!,
          message: clip(v.error?.message ?? "", 225)!,
        };
      },
    });
  }

  // Highlights of invalid values (ExcelApi 1.6), as the file writer renders them.
  for (const cf of s.conditionalFormats ?? [])
    content.push({
      bytes: ACTION_COST * 5 + jsonBytes(cf.formula),
      run: () => {
        const f = ws().getRange(rectAddress(cf.range)).conditionalFormats.add("Custom");
        f.custom.rule.formula = `=${cf.formula}`;
        f.custom.format.fill.color = `#${cf.fill}`;
        if (cf.fontColor) f.custom.format.font.color = `#${cf.fontColor}`;
      },
    });

  let notesSkipped = 0;
  const notesOk = env.isSetSupported("ExcelApi", "1.18");
  for (const n of s.notes ?? []) {
    if (!notesOk) {
      notesSkipped++;
      continue;
    }
    content.push({
      bytes: ACTION_COST * 2 + jsonBytes(n.text),
      run: () => void ws().notes.add(`${columnLetter(n.col)}${n.row}`, n.text),
    });
  }

  if (s.print) {
    const p = s.print;
    content.push({ bytes: ACTION_COST * 16, run: () => queuePrintLayout(ws().pageLayout, p) });
    if (p.rowBreaks?.length)
      content.push({
        bytes: ACTION_COST * p.rowBreaks.length,
        run: () => queueRowBreaks(ws(), p),
      });
  }

  // Last: visibility and protection (writes to a protected sheet's locked cells would fail).
  if (s.visibility !== "visible")
    final.push({
      bytes: ACTION_COST,
      run: () => void (ws().visibility = s.visibility === "veryHidden" ? "VeryHidden" : "Hidden"),
    });
  if (s.protect)
    final.push({
      bytes: ACTION_COST * 2,
      // The same permissions as the file writer: select anything, format cells/columns/rows.
      run: () =>
        ws().protection.protect({
          allowFormatCells: true,
          allowFormatColumns: true,
          allowFormatRows: true,
          selectionMode: "Normal",
        }),
    });
  return { content, final, notesSkipped };
}

export interface WriteReportEx extends WriteReport {
  /** Notes not written because this Excel lacks ExcelApi 1.18 (the messages stay in the pane). */
  notesSkipped: number;
  /** Syncs that carried the writes (the rest: discovery and restoring events). */
  writeBatches: number;
}

export async function writeModel(
  env: AdapterEnv,
  model: WorkbookModel,
  opts: WriteOptions = {}
): Promise<WriteReportEx> {
  const names = model.sheets.map((s) => s.name);
  const dup = names.find(
    (n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) !== i
  );
  if (dup)
    throw new OfficeAdapterError("duplicate-sheet", {
      vi: `Mô hình có hai trang tính cùng tên "${dup}".`,
      en: `The model has two sheets named "${dup}".`,
    });
  const doing = { vi: "Không ghi được vào sổ tính", en: "Could not write to the workbook" };
  try {
    return await env.guard.during(() =>
      env.run(async (ctx) => {
        const counter = syncCounter(ctx);
        const sync = counter.sync;
        const wb = ctx.workbook;
        wb.worksheets.load(
          "items/name,items/visibility,items/protection/protected,items/protection/options"
        );
        wb.names.load("items/name");
        ctx.runtime.load("enableEvents");
        await sync();

        const existing = new Map(wb.worksheets.items.map((w) => [w.name.toLowerCase(), w]));
        const present = model.sheets.filter((s) => existing.has(s.name.toLowerCase()));
        const updated = opts.updateExisting ? present : [];
        const conflicts = opts.updateExisting ? [] : present;
        if (conflicts.length > 0 && !opts.replaceExisting)
          throw new OfficeAdapterError("sheet-exists", {
            vi: `Sổ tính đã có trang "${conflicts[0]!.name}". Hãy chọn thay thế hoặc đổi tên trang đó trước.`,
            en: `The workbook already has a sheet "${conflicts[0]!.name}". Choose to replace it or rename that sheet first.`,
          });
        const eventsWereOn = ctx.runtime.enableEvents;
        const existingNames = new Set(wb.names.items.map((n) => n.name.toLowerCase()));

        const proxies = new Map<string, Excel.Worksheet>();
        const structure: Step<Ctx>[] = [];
        // Sheets written in place (replaced or updated) that are protected are unprotected first,
        // without a password, at the head of the first batch. That works for sheets protected
        // without one (protecting again later drops nothing). If the batch fails, `recover` below
        // protects again whatever it had unprotected and tells a person's password apart.
        const locked = [...conflicts, ...updated]
          .map((s) => existing.get(s.name.toLowerCase())!)
          .filter((w) => w.protection.protected);
        for (const w of locked)
          structure.push({
            bytes: ACTION_COST * 2,
            run: (c) => c.workbook.worksheets.getItem(w.name).protection.unprotect(),
          });
        const recover = async (e: unknown): Promise<never> => {
          if (locked.length === 0) throw e;
          const states = locked.map((w) => ({
            w,
            p: ctx.workbook.worksheets.getItem(w.name).protection.load("protected"),
          }));
          try {
            await sync();
            for (const { w, p } of states) if (!p.protected) p.protect(w.protection.options);
            await sync();
          } catch {
            throw e; // the original error matters more
          }
          const still = states.find(({ p }) => p.protected);
          // A sheet still protected after "unprotect" has a password a person set.
          if (still && officeErrorCode(e) !== "AccessDenied")
            throw new OfficeAdapterError(
              "AccessDenied",
              {
                vi: `${doing.vi}: ${ACCESS_DENIED["sheet-password"](still.w.name).vi}`,
                en: `${doing.en}: ${ACCESS_DENIED["sheet-password"](still.w.name).en}`,
              },
              e
            );
          throw e;
        };
        // Replaced sheets: cleared in place, then written like new ones (their own visibility and
        // protection come from the model).
        for (const s of conflicts) {
          const w = existing.get(s.name.toLowerCase())!;
          structure.push({
            bytes: ACTION_COST * 8,
            run: (c) => {
              const ws = c.workbook.worksheets.getItem(w.name);
              proxies.set(s.name, ws);
              if (w.visibility !== "Visible" && s.visibility === "visible")
                ws.visibility = "Visible";
              ws.freezePanes.unfreeze();
              const all = ws.getRange();
              all.unmerge();
              all.dataValidation.clear();
              all.conditionalFormats.clearAll();
              all.clear("All"); // "clears everything": values, formats, notes
              all.columnHidden = false;
            },
          });
        }
        // Sheets updated in place: protected again last with their own options.
        const reprotect: Step<Ctx>[] = [];
        for (const s of updated) {
          const w = existing.get(s.name.toLowerCase())!;
          const { protected: wasProtected, options } = w.protection;
          structure.push({
            bytes: ACTION_COST,
            run: (c) => void proxies.set(s.name, c.workbook.worksheets.getItem(w.name)),
          });
          if (wasProtected)
            reprotect.push({
              bytes: ACTION_COST * 2,
              run: () => proxies.get(s.name)!.protection.protect(options),
            });
        }
        for (const s of model.sheets)
          if (!updated.includes(s) && !conflicts.includes(s))
            structure.push({
              bytes: ACTION_COST,
              run: (c) => void proxies.set(s.name, c.workbook.worksheets.add(s.name)),
            });
        for (const s of model.sheets)
          for (const n of Object.keys(s.definedNames ?? {}))
            if (existingNames.has(n.toLowerCase()))
              structure.push({
                bytes: ACTION_COST * 2,
                run: (c) => c.workbook.names.getItem(n).delete(),
              });

        const content: Step<Ctx>[] = [];
        const final: Step<Ctx>[] = [];
        let notesSkipped = 0;
        for (const s of model.sheets) {
          const steps = sheetSteps(env, s, () => proxies.get(s.name)!);
          content.push(...steps.content);
          // An updated sheet keeps its own visibility and protection (restored by `reprotect`).
          if (!updated.includes(s)) final.push(...steps.final);
          notesSkipped += steps.notesSkipped;
        }
        for (const s of model.sheets)
          for (const [n, ref] of Object.entries(s.definedNames ?? {}))
            final.push({
              bytes: ACTION_COST + jsonBytes(ref),
              run: (c) => void c.workbook.names.add(n, ref.startsWith("=") ? ref : `=${ref}`),
            });
        final.push(...reprotect);
        const activate = opts.activate;
        if (activate)
          final.push({ bytes: ACTION_COST, run: () => proxies.get(activate)?.activate() });

        const batches = packSteps([...structure, ...content, ...final], env.requestBudget);
        const screen = env.isSetSupported("ExcelApi", "1.9");
        ctx.runtime.enableEvents = false; // our own writes must not reach onUserChange
        try {
          for (let i = 0; i < batches.length; i++) {
            wb.application.suspendApiCalculationUntilNextSync();
            if (i === 0 && screen) wb.application.suspendScreenUpdatingUntilNextSync();
            for (const step of batches[i]!) step.run(ctx);
            if (i === 0) await sync().catch(recover);
            else await sync();
          }
        } finally {
          ctx.runtime.enableEvents = eventsWereOn;
          try {
            await sync();
          } catch {
            /* the original error matters more */
          }
        }
        return {
          syncs: counter.count,
          sheets: model.sheets.map((s) => s.name),
          notesSkipped,
          writeBatches: batches.length,
        };
      })
    );
  } catch (e) {
    throw await describeWriteError(env, e, doing, model.sheets[0]?.name);
  }
}
