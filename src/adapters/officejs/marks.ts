/**
 * markIssues: colours invalid cells (error = light red FFC7CE, warning = light yellow FFEB9C) and,
 * where Excel has notes (ExcelApi 1.18), puts the Vietnamese message in a note; cells marked before
 * and now fine get their original fill back and lose our note.
 *
 * What was marked is remembered in `workbook.settings` (ExcelApi 1.4: saved inside the document,
 * private to this add-in, invisible to people and to the .xlsx reader), with each cell's original
 * fill, so clearing works after the pane is reopened and never touches fills we did not set.
 * Threaded comments (ExcelApi 1.10) are deliberately not used: they carry an author, start
 * conversations and notify people, which is wrong for messages that come and go with every check.
 * Without notes the messages stay in the pane's list and the fill alone marks the cell.
 * A cell holds a note or a threaded comment, never both (notes.add on a commented cell fails the
 * whole batch): cells with a person's threaded comment get the fill only, and are counted.
 *
 * Every call writes to the document, which on Excel builds without API undo support empties the
 * user's undo stack: the pane calls this only when the user asks ("Đánh dấu ô lỗi"), never from
 * live checking (see pane-controller).
 *
 * Protection: a protected sheet is unprotected (without a password) in its own sync before any
 * write. A sheet a person protected with a password stays as it is and the message says so; a sheet
 * that unprotects without one had none, so protecting it again drops nothing.
 *
 * Syncs: 1 (record, protection, current fills, comments) + 1 (note and comment lookup, unprotect;
 * only with notes or protection) + 1 (writes).
 */
import type { ValidationIssue } from "../../core/validate/types";
import type { AdapterEnv } from "./env";
import { ACCESS_DENIED, OfficeAdapterError, describeWriteError, officeErrorCode } from "./errors";

export const ERROR_FILL = "#FFC7CE";
export const WARNING_FILL = "#FFEB9C";
export const MARKS_SETTING_PREFIX = "xeploai.marks:";
/** Excel rejects longer address strings in getRanges; stay well under its 8,192 characters. */
export const MAX_ADDRESS_CHARS = 8000;
/**
 * At most this many cells are marked at once (each needs a proxy and maybe a note in the request);
 * the pane still lists every issue. Keeps a paste of junk over a whole sheet from hitting 5 MB.
 */
export const MAX_MARKED_CELLS = 2000;

/** One marked cell: [address, original fill ("#RRGGBB", or null = no fill), we added a note]. */
export type MarkRecord = [string, string | null, boolean];

export interface MarkReport {
  syncs: number;
  marked: number;
  cleared: number;
  notes: boolean;
  /** Marked cells left without our note because a person's threaded comment is on them. */
  commentedSkipped: number;
}

/** "$d$7" / "Sheet!D7" → "D7"; null when it is not a single-cell A1 address. */
export function normalizeCellAddress(a: string): string | null {
  const local = a.includes("!") ? a.slice(a.lastIndexOf("!") + 1) : a;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(local.trim());
  return m ? `${m[1]!.toUpperCase()}${m[2]}` : null;
}

/** Joins addresses into comma lists of at most `max` characters (for worksheet.getRanges). */
export function chunkAddresses(addresses: string[], max = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > max) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

interface CellMark {
  severity: "error" | "warning";
  messages: string[];
}

export function groupIssues(issues: ValidationIssue[]): Map<string, CellMark> {
  const byCell = new Map<string, CellMark>();
  for (const i of issues) {
    const a = i.cell ? normalizeCellAddress(i.cell) : null;
    if (!a) continue;
    if (!byCell.has(a) && byCell.size >= MAX_MARKED_CELLS) continue;
    const m = byCell.get(a) ?? { severity: "warning", messages: [] };
    if (i.severity === "error") m.severity = "error";
    if (!m.messages.includes(i.message.vi)) m.messages.push(i.message.vi);
    byCell.set(a, m);
  }
  return byCell;
}

export function noteText(m: CellMark): string {
  return `XếpLoại — ${m.severity === "error" ? "Lỗi" : "Cảnh báo"}:\n${m.messages.map((x) => `• ${x}`).join("\n")}`;
}

function parseRecord(v: unknown): Map<string, { orig: string | null; noted: boolean }> {
  const out = new Map<string, { orig: string | null; noted: boolean }>();
  if (!Array.isArray(v)) return out;
  for (const e of v)
    if (Array.isArray(e) && typeof e[0] === "string")
      out.set(e[0], { orig: typeof e[1] === "string" ? e[1] : null, noted: e[2] === true });
  return out;
}

export async function markIssuesWithReport(
  env: AdapterEnv,
  sheet: string,
  issues: ValidationIssue[]
): Promise<MarkReport> {
  const byCell = groupIssues(issues);
  const notesOk = env.isSetSupported("ExcelApi", "1.18");
  const key = MARKS_SETTING_PREFIX + sheet;
  const doing = {
    vi: `Không đánh dấu được ô lỗi trên trang "${sheet}"`,
    en: `Could not mark the cells on sheet "${sheet}"`,
  };
  try {
    return await env.guard.during(() =>
      env.run(async (context) => {
        let syncs = 0; // counted for the report; syncs stay context.sync() so the office-addins lint rules see them
        const ws = context.workbook.worksheets.getItem(sheet);
        const prot = ws.protection.load("protected,options");
        const setting = context.workbook.settings.getItemOrNullObject(key);
        setting.load("value");
        const fills = new Map<string, Excel.RangeFill>();
        for (const a of byCell.keys()) {
          fills.set(a, ws.getRange(a).format.fill.load("color,pattern"));
        }
        // Notes need ExcelApi 1.18, which includes threaded comments (1.10).
        const comments = notesOk ? ws.comments.load("items/id") : null;
        syncs++;
        await context.sync();

        const prev = setting.isNullObject
          ? new Map<string, { orig: string | null; noted: boolean }>()
          : parseRecord(setting.value);
        const toClear = [...prev.keys()].filter((a) => !byCell.has(a));
        const notes = new Map<string, Excel.Note>();
        const locations: Excel.Range[] = [];
        if (notesOk) {
          for (const a of new Set([...byCell.keys(), ...toClear]))
            notes.set(a, ws.notes.getItemOrNullObject(a));
          for (const c of comments!.items) locations.push(c.getLocation().load("address"));
        }
        const unprotect = prot.protected && (!prot.options.allowFormatCells || notesOk);
        if (unprotect) prot.unprotect();
        if (notesOk || unprotect) {
          syncs++;
          try {
            await context.sync();
          } catch (e) {
            // Unprotecting without a password failed: a person protected the sheet with one.
            if (unprotect && officeErrorCode(e) !== "AccessDenied")
              throw new OfficeAdapterError(
                "AccessDenied",
                {
                  vi: `${doing.vi}: ${ACCESS_DENIED["sheet-password"](sheet).vi}`,
                  en: `${doing.en}: ${ACCESS_DENIED["sheet-password"](sheet).en}`,
                },
                e
              );
            throw e;
          }
        }
        const commented = new Set(
          locations.map((r) => normalizeCellAddress(r.address)).filter((a): a is string => !!a)
        );
        let commentedSkipped = 0;

        // Clear: give back the original fill, grouped by colour.
        const restore = new Map<string, string[]>();
        for (const a of toClear) {
          const o = prev.get(a)!.orig ?? "";
          restore.set(o, [...(restore.get(o) ?? []), a]);
        }
        for (const [orig, list] of restore)
          for (const chunk of chunkAddresses(list)) {
            if (orig) ws.getRanges(chunk).format.fill.color = orig;
            else ws.getRanges(chunk).format.fill.clear();
          }

        // Mark, grouped by severity.
        const record: MarkRecord[] = [];
        const bySeverity = { error: [] as string[], warning: [] as string[] };
        for (const [a, m] of byCell) {
          bySeverity[m.severity].push(a);
          const earlier = prev.get(a);
          const f = fills.get(a)!;
          const orig = earlier ? earlier.orig : f.pattern === "None" || !f.color ? null : f.color;
          let noted = false;
          if (notesOk && commented.has(a)) {
            commentedSkipped++; // a cell holds a note or a threaded comment, never both
          } else if (notesOk) {
            const n = notes.get(a)!;
            if (n.isNullObject) {
              ws.notes.add(a, noteText(m));
              noted = true;
            } else if (earlier?.noted) {
              n.content = noteText(m);
              noted = true;
            } // else: someone else's note; leave it alone.
          }
          record.push([a, orig, noted]);
        }
        for (const chunk of chunkAddresses(bySeverity.error))
          ws.getRanges(chunk).format.fill.color = ERROR_FILL;
        for (const chunk of chunkAddresses(bySeverity.warning))
          ws.getRanges(chunk).format.fill.color = WARNING_FILL;
        if (notesOk)
          for (const a of toClear) {
            const n = notes.get(a)!;
            if (prev.get(a)!.noted && !n.isNullObject) n.delete();
          }

        if (record.length > 0) context.workbook.settings.add(key, record);
        else if (!setting.isNullObject) setting.delete();
        if (unprotect) prot.protect(prot.options);
        syncs++;
        try {
          await context.sync();
        } catch (e) {
          // The writes failed after the sheet was unprotected: protect it again before reporting.
          if (unprotect) {
            prot.protect(prot.options);
            await context.sync().catch(() => undefined);
          }
          throw e;
        }
        return {
          syncs,
          marked: byCell.size,
          cleared: toClear.length,
          notes: notesOk,
          commentedSkipped,
        };
      })
    );
  } catch (e) {
    throw await describeWriteError(env, e, doing, sheet);
  }
}

export async function markIssues(
  env: AdapterEnv,
  sheet: string,
  issues: ValidationIssue[]
): Promise<void> {
  await markIssuesWithReport(env, sheet, issues);
}
