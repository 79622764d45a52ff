/**
 * The WorkbookPort for the browser mode (no Excel): "the open workbook" is an .xlsx file held in
 * memory. A person opens a file (or starts from none), the pane's four parts work on it through the
 * same PaneController as in Excel, and the result is handed back as a file to download. Nothing
 * leaves the browser.
 *
 * Each write loads the current bytes with ExcelJS, changes what the call asks for and writes the
 * bytes again, so what is read back (readGrids, with the project's reader) is exactly what will be
 * downloaded. Marks of invalid cells are kept apart and only put on the copy `save()` returns, so
 * checking never changes the figures read back.
 */
import type ExcelJSNs from "exceljs";
import type { PrintLayout, WorkbookModel } from "../../core/sheet/model";
import type { RefusedFile, WorkbookGrids } from "../../core/submission/types";
import type { ValidationIssue } from "../../core/validate/types";
import type {
  RequirementCheck,
  WorkbookEvent,
  WorkbookPort,
  WriteReport,
} from "../../ports/workbook-port";
import type { XlsxAdapter } from "../xlsx";
import { RememberedState, type KeyValueStorage } from "./remembered-state";

type Workbook = ExcelJSNs.Workbook;

/** Light red for errors, light yellow for warnings: the fills the Office.js adapter uses. */
const ERROR_FILL = "FFFFC7CE";
const WARNING_FILL = "FFFFEB9C";
/** The name shown for a workbook started in the browser (no file opened). */
const NEW_WORKBOOK = { vi: "Sổ làm việc mới", en: "New workbook" };

export interface FileDocument {
  /** The file's name ("" when the workbook was started here). */
  name: string;
  bytes: Uint8Array;
}

export class FileWorkbookPort implements WorkbookPort {
  private doc: FileDocument | null = null;
  private gridsCache: WorkbookGrids | null = null;
  private readonly marks = new Map<string, ValidationIssue[]>();
  private readonly listeners = new Set<() => void>();
  private readonly eventHandlers = new Set<(event: WorkbookEvent) => void>();
  /** The pane's own record (saveState): kept with the workbook in memory, gone with it. */
  private readonly state = new Map<string, unknown>();
  /** Records kept in the browser between visits too (the review period). */
  private readonly remembered: RememberedState;

  /**
   * `remember`: keys of the pane's records also kept in `storage` (localStorage), so a reload
   * starts from them. They are read back while no file is open (a reload, or a workbook started
   * here); a file opened brings its own record (its master's or template's period) instead.
   */
  constructor(
    private readonly loadXlsx: () => Promise<XlsxAdapter>,
    options: { storage?: KeyValueStorage | null; remember?: readonly string[] } = {}
  ) {
    this.remembered = new RememberedState(options.storage ?? null, options.remember ?? []);
  }

  // ---- the file itself (what the browser mode's file bar uses)

  /** Opens a file as the workbook; refuses what the project's reader refuses, saying why. */
  async open(
    name: string,
    bytes: Uint8Array
  ): Promise<{ ok: true } | { ok: false; refused: RefusedFile }> {
    const { reader } = await this.loadXlsx();
    const read = await reader.read(bytes, name);
    if (!read.ok) return read;
    this.doc = { name, bytes };
    this.gridsCache = read.grids;
    this.marks.clear();
    this.state.clear();
    this.changed();
    this.emit({ kind: "reloaded" });
    return { ok: true };
  }

  /** Forgets the workbook: the next part starts from an empty one. */
  close(): void {
    this.doc = null;
    this.gridsCache = null;
    this.marks.clear();
    this.state.clear();
    this.changed();
    this.emit({ kind: "reloaded" });
  }

  /** The open file's name, "" for a workbook started here, null when there is none. */
  fileName(): string | null {
    return this.doc ? this.doc.name : null;
  }

  /** Number of cells that carry a mark on the copy save() returns. */
  markedCells(): number {
    let n = 0;
    for (const issues of this.marks.values()) n += new Set(issues.map((i) => i.cell)).size;
    return n;
  }

  /** Called after every change (open, write, marks), e.g. to refresh the file bar. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The workbook as .xlsx bytes, with the invalid cells marked (fill and a note with the message). */
  async save(): Promise<Uint8Array | null> {
    if (!this.doc) return null;
    if (this.marks.size === 0) return this.doc.bytes;
    const { ExcelJS } = await this.loadXlsx();
    const wb = await this.load(ExcelJS, this.doc.bytes);
    for (const [sheet, issues] of this.marks) {
      const ws = wb.getWorksheet(sheet);
      if (ws) markCells(ws, issues);
    }
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  // ---- WorkbookPort

  checkRequirements(): RequirementCheck {
    return { ok: true, missing: [] };
  }

  async writeModel(
    model: WorkbookModel,
    opts: { replaceExisting?: boolean; updateExisting?: boolean; activate?: string } = {}
  ): Promise<WriteReport> {
    await this.edit((wb, render) => writeModelInto(wb, render, model, opts));
    return { syncs: 0, sheets: model.sheets.map((s) => s.name) };
  }

  async readGrids(opts: { sheets?: string[] } = {}): Promise<WorkbookGrids> {
    const grids = await this.grids();
    if (!opts.sheets) return grids;
    return { ...grids, sheets: grids.sheets.filter((g) => opts.sheets!.includes(g.name)) };
  }

  async markIssues(sheet: string, issues: ValidationIssue[]): Promise<void> {
    const marked = issues.filter((i) => i.cell);
    if (marked.length) this.marks.set(sheet, marked);
    else this.marks.delete(sheet);
    this.changed();
  }

  /** There is no grid on screen in the browser mode: the issue list says where each issue is. */
  async goTo(): Promise<void> {}

  async applyPrintLayout(sheet: string, layout: PrintLayout): Promise<void> {
    await this.edit((wb, render) => {
      const ws = wb.getWorksheet(sheet);
      if (ws) render.applyPrintLayout(ws, layout);
    });
  }

  /** Nobody types into the workbook in the browser mode, so there are no edits to report. */
  async onUserChange(): Promise<() => Promise<void>> {
    return async () => {};
  }

  /** Sheets added or deleted by a write, and another file opened; nobody activates or types here. */
  async onWorkbookEvent(handler: (event: WorkbookEvent) => void): Promise<() => Promise<void>> {
    this.eventHandlers.add(handler);
    return async () => {
      this.eventHandlers.delete(handler);
    };
  }

  async saveState(key: string, value: unknown): Promise<void> {
    this.state.set(key, value);
    this.remembered.save(key, value);
  }

  async loadState(key: string): Promise<unknown> {
    if (this.state.has(key)) return this.state.get(key);
    const ownFile = this.doc !== null && this.doc.name !== "";
    return ownFile ? null : this.remembered.load(key);
  }

  async sheetNames(): Promise<string[]> {
    return (await this.grids()).sheets.map((g) => g.name);
  }

  // ---- inside

  private async grids(): Promise<WorkbookGrids> {
    if (this.gridsCache) return this.gridsCache;
    if (!this.doc) return { source: NEW_WORKBOOK.vi, sheets: [] };
    const { reader } = await this.loadXlsx();
    const read = await reader.read(this.doc.bytes, this.doc.name || NEW_WORKBOOK.vi);
    if (!read.ok) throw new Error(read.refused.message.en);
    this.gridsCache = read.grids;
    return read.grids;
  }

  private async load(ExcelJS: XlsxAdapter["ExcelJS"], bytes: Uint8Array): Promise<Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb;
  }

  private async edit(
    change: (wb: Workbook, render: XlsxAdapter["render"]) => Promise<void> | void
  ): Promise<void> {
    const { ExcelJS, render } = await this.loadXlsx();
    const wb = this.doc ? await this.load(ExcelJS, this.doc.bytes) : newWorkbook(ExcelJS);
    const before = wb.worksheets.map((w) => w.name);
    await change(wb, render);
    const after = wb.worksheets.map((w) => w.name);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    this.doc = { name: this.doc?.name ?? "", bytes };
    this.gridsCache = null;
    this.changed();
    for (const sheet of after.filter((n) => !before.includes(n)))
      this.emit({ kind: "added", sheet });
    for (const sheet of before.filter((n) => !after.includes(n)))
      this.emit({ kind: "deleted", sheet });
  }

  private emit(event: WorkbookEvent): void {
    for (const handler of this.eventHandlers) handler(event);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function newWorkbook(ExcelJS: XlsxAdapter["ExcelJS"]): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "XếpLoại";
  wb.created = new Date();
  return wb;
}

/**
 * The model's sheets into a loaded workbook: `updateExisting` writes only the model's cells into a
 * sheet that exists (the rest of it kept); otherwise a sheet of the same name is replaced.
 */
async function writeModelInto(
  wb: Workbook,
  { renderSheet, cellValue }: XlsxAdapter["render"],
  model: WorkbookModel,
  opts: { replaceExisting?: boolean; updateExisting?: boolean; activate?: string }
): Promise<void> {
  for (const sheet of model.sheets) {
    const existing = wb.getWorksheet(sheet.name);
    if (existing && opts.updateExisting) {
      for (const b of sheet.blocks) {
        b.cells.forEach((row, i) =>
          row.forEach((c, j) => {
            if (c === null || c === undefined) return;
            existing.getCell(b.top + i, b.left + j).value = cellValue(c);
          })
        );
      }
      continue;
    }
    if (existing) {
      if (!opts.replaceExisting && !opts.updateExisting)
        throw new Error(`Sheet "${sheet.name}" already exists`);
      wb.removeWorksheet(existing.id);
    }
    // A replaced sheet's defined names are written again by renderSheet: drop the old ones first.
    const names = Object.keys(sheet.definedNames ?? {});
    if (names.length) {
      wb.definedNames.model = wb.definedNames.model.filter((d) => !names.includes(d.name));
    }
    await renderSheet(wb, sheet);
  }
  if (opts.activate) {
    const index = wb.worksheets.findIndex((w) => w.name === opts.activate);
    if (index >= 0)
      wb.views = [{ ...(wb.views?.[0] ?? {}), activeTab: index } as ExcelJSNs.WorkbookView];
  }
}

/** Fill and a note on every cell with an issue (errors win over warnings on the same cell). */
function markCells(ws: ExcelJSNs.Worksheet, issues: ValidationIssue[]): void {
  const byCell = new Map<string, { error: boolean; messages: string[] }>();
  for (const issue of issues) {
    const address = issue.cell?.replace(/\$/g, "").toUpperCase();
    if (!address || !/^[A-Z]{1,3}\d{1,7}$/.test(address)) continue;
    const mark = byCell.get(address) ?? { error: false, messages: [] };
    mark.error ||= issue.severity === "error";
    if (!mark.messages.includes(issue.message.vi)) mark.messages.push(issue.message.vi);
    byCell.set(address, mark);
  }
  for (const [address, mark] of byCell) {
    const cell = ws.getCell(address);
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: mark.error ? ERROR_FILL : WARNING_FILL },
    };
    cell.note = `XếpLoại — ${mark.error ? "Lỗi" : "Cảnh báo"}:\n${mark.messages.map((m) => `• ${m}`).join("\n")}`;
  }
}
