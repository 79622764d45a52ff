/**
 * An in-memory fake of the part of the Excel JavaScript API (Office.js) that XếpLoại's Office.js
 * adapter uses, faithful to the semantics that make real add-ins fail:
 *  - proxies: properties can be read only after `load()` + `await context.sync()` (else
 *    PropertyNotLoaded is thrown, as Office.js does); writes and method calls are queued and applied
 *    in order at `sync()`; an error in one queued operation fails the sync and drops the rest;
 *  - `context.syncCount` and `context.syncLog` (operations per sync, request/response size estimate);
 *    a request or response over 5 MB throws RequestPayloadSizeLimitExceeded /
 *    ResponsePayloadSizeLimitExceeded like Excel on the web;
 *  - sheet protection: writing values to locked cells, or formatting, merging, validating while the
 *    sheet is protected, throws AccessDenied; `protect()` on a protected sheet throws;
 *  - `Range.values` parses strings like a person typing ("12" → 12, "=A1" → a formula, "'12" → text)
 *    unless the cell's number format is "@";
 *  - APIs outside the configured requirement sets throw ApiNotFound (so unguarded use of ExcelApi
 *    1.10+ features is caught by tests);
 *  - onChanged events are delivered only while `context.runtime.enableEvents` is true, after the
 *    sync (asynchronously, like Excel); ExcelApi 1.14+ events carry triggerSource;
 *  - null entries of a values/formulas/numberFormat array leave cells unchanged; a 1×1 array over a
 *    larger range fills it ("single input copy"), as documented for Office.js;
 *  - typing (`userEdit`) obeys protection and "Stop" data validation; pasting (`userPaste`) bypasses
 *    validation, as in Excel; both go on the user's undo stack (`userUndo`), which any add-in write
 *    empties (`undoClears` counts them), as on Excel builds without API undo support;
 *  - cell-edit mode (`beginCellEdit`): a batch fails with InvalidOperationInCellEditMode unless run
 *    with `{ delayForCellEdit: true }`, which waits for `endCellEdit`;
 *  - a cell holds a note or a threaded comment, never both; sheet passwords; protect-when-protected
 *    and unprotect-when-unprotected answer AccessDenied (office-js#6784); workbook-structure
 *    protection and read-only files answer AccessDenied;
 *  - renaming a sheet rewrites references to it in formulas, names and validations; deleting it
 *    turns them into #REF!;
 *  - fit-to-pages keeps an omitted direction (1 page by default); Excel's parsing of "1/2" (a date),
 *    "12:30", "$5", "Mar 2019" through `values`;
 *  - `installFakeOffice({ deferReady: true })`: Office.context is undefined until `ready()`.
 * Covered: worksheets (add/delete/rename/visibility incl. VeryHidden/activate/getItem(OrNullObject)),
 * ranges (values, formulas, numberFormat, text, valueTypes, address, font, fill, alignment, wrap,
 * borders, locking, widths, heights, hidden columns, merge, select, clear), RangeAreas (getRanges),
 * used range, freeze panes, data validation, protection, page layout, names, notes (1.18), comments
 * (1.10), workbook.settings, application.suspend…, runtime.enableEvents, onChanged on a sheet and on
 * the collection, custom conditional formats (stored, not evaluated). NOT covered: formula
 * evaluation (formula cells show "" unless FakeWorkbookOptions.evaluate is given), tables, charts,
 * comment replies, API undo grouping, row/column insertion, localisation of number parsing (en-US
 * only).
 *
 * Browser-safe: no Node-only imports. The Playwright e2e bundles it in place of office.js through
 * `installFakeOffice`.
 */

// This file implements the proxies; the office-addins load/sync rules are for code that uses them.
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

const err = (code: string, message: string, location?: string) =>
  new FakeOfficeError(code, message, location);

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

export interface Rect {
  top: number; // 1-based
  left: number;
  bottom: number;
  right: number;
}

export function colLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function rectAddress(r: Rect): string {
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${colLetter(r.left)}:${colLetter(r.right)}`;
  if (r.left === 1 && r.right === MAX_COLS) return `${r.top}:${r.bottom}`;
  const a = `${colLetter(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${colLetter(r.right)}${r.bottom}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet1!A1:B2" / "'My sheet'!A1" into sheet name (or undefined) and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const s = address.trim();
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { local: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: s.slice(bang + 1) };
}

/** Parses a local A1 address: "A1", "$A$1:$B$2", "A:C", "1:3". Throws InvalidArgument. */
export function parseRect(local: string): Rect {
  const s = local.replace(/\$/g, "").trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(s);
  if (m) {
    const r1 = +m[2],
      c1 = colNumber(m[1]);
    const r2 = m[4] ? +m[4] : r1,
      c2 = m[3] ? colNumber(m[3]) : c1;
    const rect = {
      top: Math.min(r1, r2),
      left: Math.min(c1, c2),
      bottom: Math.max(r1, r2),
      right: Math.max(c1, c2),
    };
    if (rect.top < 1 || rect.bottom > MAX_ROWS || rect.left < 1 || rect.right > MAX_COLS)
      throw err("InvalidArgument", `The address '${local}' is not valid.`);
    return rect;
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(s);
  if (m) {
    const c1 = colNumber(m[1]),
      c2 = colNumber(m[2]);
    return { top: 1, bottom: MAX_ROWS, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  m = /^(\d+):(\d+)$/.exec(s);
  if (m) {
    const r1 = +m[1],
      r2 = +m[2];
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 1, right: MAX_COLS };
  }
  throw err(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format: '${local}'.`
  );
}

const cellsIn = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);
const overlaps = (a: Rect, b: Rect) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const contains = (outer: Rect, inner: Rect) =>
  outer.top <= inner.top &&
  outer.left <= inner.left &&
  outer.bottom >= inner.bottom &&
  outer.right >= inner.right;

// ---------------------------------------------------------------------------------------------
// Payload size (UTF-8 bytes of the JSON Office.js would send)
// ---------------------------------------------------------------------------------------------

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "null");
}

/** Fixed cost of one queued action (object path, ids) in our estimate. */
const ACTION_OVERHEAD = 60;

// ---------------------------------------------------------------------------------------------
// Workbook state
// ---------------------------------------------------------------------------------------------

export type BorderStyle = "None" | "Continuous" | "Dash" | "Double" | string;
export interface CellBorders {
  top: BorderStyle;
  bottom: BorderStyle;
  left: BorderStyle;
  right: BorderStyle;
}

export interface CellState {
  /** "" = empty. Errors are stored as their code string with `error: true`. */
  value: string | number | boolean;
  formula?: string; // with leading "="
  error?: boolean;
  numberFormat: string;
  fontName: string;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  underline: "None" | "Single" | string;
  fontColor: string; // "#RRGGBB"
  /** null = no fill. */
  fill: string | null;
  hAlign: string;
  vAlign: string;
  wrap: boolean;
  /** Text orientation in degrees (-90 … 90, 0 = horizontal), format.textOrientation (ExcelApi 1.7). */
  rotation: number;
  locked: boolean;
  borders: CellBorders;
}

export interface ValidationState {
  rect: Rect;
  rule: any;
  ignoreBlanks: boolean;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

export interface ProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertRows?: boolean;
  allowDeleteRows?: boolean;
  allowEditObjects?: boolean;
  allowAutoFilter?: boolean;
  allowSort?: boolean;
  selectionMode?: string;
  [k: string]: unknown;
}

export interface PageLayoutState {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  /** Points. */
  margins: {
    top: number;
    bottom: number;
    left: number;
    right: number;
    header: number;
    footer: number;
  };
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  headersFooters: {
    state: string;
    defaultForAllPages: Record<
      "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter",
      string
    >;
  };
}

interface HandlerReg {
  id: number;
  fn: (args: any) => unknown;
  /** A collection handler of `event` (absent: onChanged). */
  scope:
    | { kind: "sheet"; sheetId: string }
    | { kind: "collection"; event?: "changed" | "added" | "activated" | "deleted" };
}

export interface SheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<number, CellState>;
  /** Points, by 1-based column. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  hiddenRows: Set<number>;
  freeze: { rows: number; cols: number };
  merges: Rect[];
  validations: ValidationState[];
  /** `password` set when a person protected the sheet with one. */
  protection: { protected: boolean; options: ProtectionOptions; password?: string };
  pageLayout: PageLayoutState;
  /** Notes (ExcelApi 1.18) by local cell address. */
  notes: Map<string, string>;
  /** Threaded comments (ExcelApi 1.10) by local cell address. */
  comments: Map<string, string>;
  /** Custom (formula) conditional formats (ExcelApi 1.6), in the order added. */
  conditionalFormats: { rect: Rect; formula: string; fill?: string; fontColor?: string }[];
}

export const DEFAULT_COLUMN_WIDTH_PT = 48;
export const DEFAULT_ROW_HEIGHT_PT = 15;
const EMPTY_BORDERS: CellBorders = { top: "None", bottom: "None", left: "None", right: "None" };

function defaultCell(): CellState {
  return {
    value: "",
    numberFormat: "General",
    fontName: "Calibri",
    fontSize: 11,
    bold: false,
    italic: false,
    underline: "None",
    fontColor: "#000000",
    fill: null,
    hAlign: "General",
    vAlign: "Bottom",
    wrap: false,
    rotation: 0,
    locked: true,
    borders: { ...EMPTY_BORDERS },
  };
}

function isDefaultFormat(c: CellState): boolean {
  const d = defaultCell();
  return (
    c.numberFormat === d.numberFormat &&
    c.fontName === d.fontName &&
    c.fontSize === d.fontSize &&
    c.bold === d.bold &&
    c.italic === d.italic &&
    c.underline === d.underline &&
    c.fontColor === d.fontColor &&
    c.fill === null &&
    c.hAlign === d.hAlign &&
    c.vAlign === d.vAlign &&
    c.wrap === d.wrap &&
    c.locked &&
    c.borders.top === "None" &&
    c.borders.bottom === "None" &&
    c.borders.left === "None" &&
    c.borders.right === "None"
  );
}

function defaultPageLayout(): PageLayoutState {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    margins: { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 },
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    headersFooters: {
      state: "Default",
      defaultForAllPages: {
        leftHeader: "",
        centerHeader: "",
        rightHeader: "",
        leftFooter: "",
        centerFooter: "",
        rightFooter: "",
      },
    },
  };
}

const key = (row: number, col: number) => row * (MAX_COLS + 1) + col;
const ERROR_CODES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
];

export interface SyncLogEntry {
  index: number;
  /** Labels of the queued operations, in order. */
  ops: string[];
  requestBytes: number;
  responseBytes: number;
  suspendedCalculation: boolean;
  suspendedScreenUpdating: boolean;
}

export interface FakeWorkbookOptions {
  /** Requirement sets the fake Excel supports, e.g. { ExcelApi: "1.12" } (default 1.12). */
  supportedSets?: Record<string, string>;
  /**
   * Computes the value of a formula cell (the fake does not evaluate Excel formulas). Default:
   * the formula cell shows "" (as a blank template's IF(…,"",…) formulas do).
   */
  evaluate?: (
    sheet: string,
    formula: string,
    row: number,
    col: number
  ) => string | number | boolean;
  /** Request/response limit per sync (default 5 MB, Excel on the web). */
  payloadLimitBytes?: number;
}

export interface ChangeRecord {
  sheet: string;
  address: string;
  by: "api" | "user";
  delivered: boolean;
}

/**
 * The workbook's state plus an inspection API for tests. All Office.js access goes through
 * FakeRequestContext (see `run`).
 */
export class FakeWorkbook {
  sheets: SheetState[] = [];
  activeSheetId = "";
  selection: { sheetId: string; rect: Rect } | null = null;
  names = new Map<string, { formula: string; comment?: string }>();
  /** workbook.settings (ExcelApi 1.4): add-in settings saved in the document, as JSON. */
  settings = new Map<string, string>();
  enableEvents = true;
  supportedSets: Record<string, string>;
  readonly options: FakeWorkbookOptions;
  /** Every sync of every context, in order. */
  readonly syncLog: SyncLogEntry[] = [];
  /** Every data validation range ever set (to assert they are bounded). */
  readonly validationLog: { sheet: string; address: string; cells: number }[] = [];
  /** Every change and whether an onChanged handler saw it. */
  readonly changeLog: ChangeRecord[] = [];
  handlers: HandlerReg[] = [];
  private nextId = 1;
  private nextHandler = 1;

  // ---- real-Excel behaviour the adapter must cope with -----------------------------------------

  /**
   * The user is typing in a cell. A batch then fails with InvalidOperationInCellEditMode unless it
   * was started with `Excel.run({ delayForCellEdit: true }, …)`, in which case it waits until the
   * edit ends (Excel.RunOptions.delayForCellEdit).
   */
  cellEditMode = false;
  private cellEditWaiters: (() => void)[] = [];
  /** Batches refused because the user was editing a cell. */
  cellEditRefusals = 0;
  /** The file is open read-only (workbook.readOnly, ExcelApi 1.8): every write answers AccessDenied. */
  readOnly = false;
  /** Workbook structure protection (Review → Protect Workbook): sheets cannot be added, deleted, renamed, hidden. */
  workbookProtection: { protected: boolean; password?: string } = { protected: false };
  /**
   * The user's undo stack (typing, pastes). On Excel builds without API undo support (every
   * perpetual Excel) any add-in write to the document clears it: `undoClears` counts those syncs.
   */
  readonly undoStack: {
    sheet: string;
    cells: { row: number; col: number; before?: CellState }[];
  }[] = [];
  undoClears = 0;

  beginCellEdit(): void {
    this.cellEditMode = true;
  }

  endCellEdit(): void {
    this.cellEditMode = false;
    for (const w of this.cellEditWaiters.splice(0)) w();
  }

  waitForCellEditEnd(): Promise<void> {
    if (!this.cellEditMode) return Promise.resolve();
    return new Promise((resolve) => this.cellEditWaiters.push(resolve));
  }

  /** A person protects a sheet (Review → Protect Sheet), possibly with a password. */
  protectSheet(name: string, password?: string, options: ProtectionOptions = {}): void {
    const s = this.sheet(name);
    s.protection = { protected: true, options: { ...options }, password };
  }

  /** A person protects the workbook structure. */
  protectWorkbook(password?: string): void {
    this.workbookProtection = { protected: true, password };
  }

  requireStructureEditable(what: string): void {
    if (this.workbookProtection.protected)
      throw err(
        "AccessDenied",
        `Cannot ${what}: the workbook structure is protected (Review → Protect Workbook).`
      );
  }

  /** A person presses Ctrl+Z: the last typing or paste is undone (false when nothing is left). */
  async userUndo(): Promise<boolean> {
    const last = this.undoStack.pop();
    if (!last) return false;
    const s = this.sheet(last.sheet);
    let top = Infinity,
      left = Infinity,
      bottom = 0,
      right = 0;
    for (const c of last.cells) {
      if (c.before)
        s.cells.set(key(c.row, c.col), { ...c.before, borders: { ...c.before.borders } });
      else s.cells.delete(key(c.row, c.col));
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    const deliver = this.change(s, { top, left, bottom, right }, "user");
    if (deliver) await deliver();
    return true;
  }

  private rememberForUndo(s: SheetState, r: Rect): void {
    const cells: { row: number; col: number; before?: CellState }[] = [];
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const c = this.getCell(s, row, col);
        cells.push({ row, col, before: c ? { ...c, borders: { ...c.borders } } : undefined });
      }
    this.undoStack.push({ sheet: s.name, cells });
  }

  /**
   * Excel rewrites references to a renamed sheet in formulas, names and validations; after a
   * delete they become #REF!. `to` null = deleted.
   */
  rewriteSheetReferences(from: string, to: string | null): void {
    const esc = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const quoted = `'${from.replace(/'/g, "''").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}'`;
    const sheetRe = `(?<![\\w.])(?:${quoted}|${esc})!`;
    const cellRe = "\\$?[A-Za-z]{1,3}\\$?\\d+(?::\\$?[A-Za-z]{1,3}\\$?\\d+)?";
    const rewrite = (f: string): string =>
      to === null
        ? f.replace(new RegExp(`${sheetRe}${cellRe}`, "gi"), "#REF!")
        : f.replace(new RegExp(sheetRe, "gi"), `${quoteSheet(to)}!`);
    for (const s of this.sheets) {
      for (const [k, c] of s.cells) {
        if (!c.formula) continue;
        const f = rewrite(c.formula);
        if (f === c.formula) continue;
        c.formula = f;
        if (f.includes("#REF!")) {
          c.value = "#REF!";
          c.error = true;
        }
        void k;
      }
      for (const v of s.validations)
        if (typeof v.rule?.list?.source === "string")
          v.rule = { ...v.rule, list: { ...v.rule.list, source: rewrite(v.rule.list.source) } };
    }
    for (const n of this.names.values()) n.formula = rewrite(n.formula);
  }

  constructor(opts: FakeWorkbookOptions = {}, initialSheets: string[] = ["Sheet1"]) {
    this.options = opts;
    this.supportedSets = { ExcelApi: "1.12", ...(opts.supportedSets ?? {}) };
    for (const n of initialSheets) this.addSheet(n);
    this.activeSheetId = this.sheets[0]?.id ?? "";
  }

  // ---- requirement sets ------------------------------------------------------------------------

  isSetSupported(name: string, minVersion?: string): boolean {
    const have = this.supportedSets[name];
    if (have === undefined) return false;
    if (!minVersion) return true;
    const a = have.split(".").map(Number),
      b = minVersion.split(".").map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = a[i] ?? 0,
        y = b[i] ?? 0;
      if (x !== y) return x > y;
    }
    return true;
  }

  requireSet(version: string, api: string): void {
    if (!this.isSetSupported("ExcelApi", version))
      throw err(
        "ApiNotFound",
        `The API '${api}' (ExcelApi ${version}) is not supported by this Excel.`
      );
  }

  // ---- sheets ----------------------------------------------------------------------------------

  addSheet(name: string): SheetState {
    validateSheetName(name);
    if (this.findSheet(name))
      throw err("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
    const s: SheetState = {
      id: `{FAKE-SHEET-${this.nextId++}}`,
      name,
      visibility: "Visible",
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      hiddenColumns: new Set(),
      hiddenRows: new Set(),
      freeze: { rows: 0, cols: 0 },
      merges: [],
      validations: [],
      protection: { protected: false, options: {} },
      pageLayout: defaultPageLayout(),
      notes: new Map(),
      comments: new Map(),
      conditionalFormats: [],
    };
    this.sheets.push(s);
    return s;
  }

  findSheet(name: string): SheetState | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  sheet(name: string): SheetState {
    const s = this.findSheet(name);
    if (!s) throw err("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
    return s;
  }

  sheetById(id: string): SheetState {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw err("ItemNotFound", "The worksheet was deleted.");
    return s;
  }

  deleteSheet(s: SheetState): void {
    const visible = this.sheets.filter((x) => x.visibility === "Visible");
    if (s.visibility === "Visible" && visible.length === 1)
      throw err("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets = this.sheets.filter((x) => x !== s);
    this.handlers = this.handlers.filter(
      (h) => !(h.scope.kind === "sheet" && h.scope.sheetId === s.id)
    );
    if (this.activeSheetId === s.id)
      this.activeSheetId = this.sheets.find((x) => x.visibility === "Visible")!.id;
    if (this.selection?.sheetId === s.id) this.selection = null;
  }

  setVisibility(s: SheetState, v: SheetState["visibility"]): void {
    if (
      v !== "Visible" &&
      s.visibility === "Visible" &&
      this.sheets.filter((x) => x.visibility === "Visible").length === 1
    )
      throw err("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    s.visibility = v;
    if (v !== "Visible" && this.activeSheetId === s.id)
      this.activeSheetId = this.sheets.find((x) => x.visibility === "Visible")!.id;
  }

  // ---- cells -----------------------------------------------------------------------------------

  getCell(s: SheetState, row: number, col: number): CellState | undefined {
    return s.cells.get(key(row, col));
  }

  cellFor(s: SheetState, row: number, col: number): CellState {
    const k = key(row, col);
    let c = s.cells.get(k);
    if (!c) {
      c = defaultCell();
      s.cells.set(k, c);
    }
    return c;
  }

  forEachCell(s: SheetState, r: Rect, fn: (c: CellState, row: number, col: number) => void): void {
    if (cellsIn(r) > 5_000_000)
      throw err("InvalidOperation", "The range is too large for this fake (over 5,000,000 cells).");
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) fn(this.cellFor(s, row, col), row, col);
  }

  /** Used range: cells with a value (valuesOnly) or also formatted cells; null when none. */
  usedRect(s: SheetState, valuesOnly: boolean): Rect | null {
    let top = Infinity,
      left = Infinity,
      bottom = 0,
      right = 0;
    for (const [k, c] of s.cells) {
      if (c.value === "" && !c.formula && (valuesOnly || isDefaultFormat(c))) continue;
      const row = Math.floor(k / (MAX_COLS + 1)),
        col = k % (MAX_COLS + 1);
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /** Sets a cell from a value as a person would type it (Excel's parsing of strings). */
  putTyped(s: SheetState, row: number, col: number, input: unknown, location: string): void {
    const c = this.cellFor(s, row, col);
    delete c.formula;
    delete c.error;
    if (input === null || input === undefined || input === "") {
      c.value = "";
      return;
    }
    if (typeof input === "number") {
      if (!Number.isFinite(input)) throw err("InvalidArgument", `Invalid number at ${location}.`);
      c.value = input;
      return;
    }
    if (typeof input === "boolean") {
      c.value = input;
      return;
    }
    if (typeof input !== "string")
      throw err("InvalidArgument", `Unsupported value type at ${location}.`);
    if (input.startsWith("'")) {
      c.value = input.slice(1);
      return;
    }
    if (c.numberFormat === "@") {
      c.value = input;
      return;
    }
    if (input.length > 1 && input.startsWith("=")) {
      c.formula = input;
      this.evaluateCell(s, c, row, col);
      return;
    }
    if (ERROR_CODES.includes(input.toUpperCase())) {
      c.value = input.toUpperCase();
      c.error = true;
      return;
    }
    const parsed = parseTyped(input);
    if (parsed) {
      c.value = parsed.value;
      if (parsed.format && c.numberFormat === "General") c.numberFormat = parsed.format;
      return;
    }
    c.value = input;
  }

  evaluateCell(s: SheetState, c: CellState, row: number, col: number): void {
    if (!c.formula) return;
    const v = this.options.evaluate ? this.options.evaluate(s.name, c.formula, row, col) : "";
    c.value = v;
    c.error = typeof v === "string" && ERROR_CODES.includes(v);
  }

  /** A cell's value as Office.js `values` returns it ("" for empty). */
  valueAt(s: SheetState, row: number, col: number): string | number | boolean {
    return this.getCell(s, row, col)?.value ?? "";
  }

  // ---- protection ------------------------------------------------------------------------------

  requireUnlocked(s: SheetState, r: Rect): void {
    if (!s.protection.protected) return;
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++)
        if (this.getCell(s, row, col)?.locked ?? true)
          throw err(
            "AccessDenied",
            `The cell or chart you're trying to change (${s.name}!${colLetter(col)}${row}) is on a protected sheet.`
          );
  }

  requireFormatAllowed(
    s: SheetState,
    what: string,
    option: keyof ProtectionOptions = "allowFormatCells"
  ): void {
    if (s.protection.protected && !s.protection.options[option])
      throw err("AccessDenied", `Cannot ${what} on the protected sheet '${s.name}'.`);
  }

  // ---- events ----------------------------------------------------------------------------------

  addHandler(scope: HandlerReg["scope"], fn: (args: any) => unknown): number {
    const id = this.nextHandler++;
    this.handlers.push({ id, fn, scope });
    return id;
  }

  removeHandler(id: number): void {
    this.handlers = this.handlers.filter((h) => h.id !== id);
  }

  /** Builds the delivery of one change; returns a function that calls the handlers (or null when not delivered). */
  change(s: SheetState, r: Rect, by: "api" | "user"): (() => Promise<void>) | null {
    const address = rectAddress(r);
    const record: ChangeRecord = { sheet: s.name, address, by, delivered: false };
    this.changeLog.push(record);
    if (!this.enableEvents) return null;
    const targets = this.handlers.filter((h) =>
      h.scope.kind === "collection"
        ? (h.scope.event ?? "changed") === "changed"
        : h.scope.sheetId === s.id
    );
    if (targets.length === 0) return null;
    record.delivered = true;
    const args: any = {
      type: "WorksheetChanged",
      worksheetId: s.id,
      address,
      changeType: "RangeEdited",
      source: "Local",
    };
    if (this.isSetSupported("ExcelApi", "1.14"))
      args.triggerSource = by === "api" ? "ThisLocalAddin" : "Unknown";
    return async () => {
      for (const h of targets) await h.fn({ ...args });
    };
  }

  /**
   * Builds the delivery of a sheet added, activated or deleted (worksheets.onAdded/onActivated/
   * onDeleted, ExcelApi 1.7): null when events are off or nobody listens.
   */
  structureEvent(
    event: "added" | "activated" | "deleted",
    sheetId: string,
    by: "api" | "user"
  ): (() => Promise<void>) | null {
    if (!this.enableEvents) return null;
    const targets = this.handlers.filter(
      (h) => h.scope.kind === "collection" && h.scope.event === event
    );
    if (targets.length === 0) return null;
    const type = {
      added: "WorksheetAdded",
      activated: "WorksheetActivated",
      deleted: "WorksheetDeleted",
    }[event];
    const args: any = { type, worksheetId: sheetId, source: "Local" };
    if (event === "added" && this.isSetSupported("ExcelApi", "1.14"))
      args.triggerSource = by === "api" ? "ThisLocalAddin" : "Unknown";
    return async () => {
      for (const h of targets) await h.fn({ ...args });
    };
  }

  /** The user adds a sheet (the "+" next to the tabs): it is activated, events fire. */
  async userAddSheet(name: string): Promise<void> {
    const s = this.addSheet(name);
    this.activeSheetId = s.id;
    for (const d of [
      this.structureEvent("added", s.id, "user"),
      this.structureEvent("activated", s.id, "user"),
    ])
      if (d) await d();
  }

  /** The user clicks another sheet's tab. */
  async userActivate(name: string): Promise<void> {
    const s = this.sheet(name);
    this.activeSheetId = s.id;
    const d = this.structureEvent("activated", s.id, "user");
    if (d) await d();
  }

  // ---- inspection API for tests ----------------------------------------------------------------

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A cell's state (undefined when never touched). `addr` may be "A1" or "Sheet!A1". */
  cell(sheetName: string, addr: string): CellState | undefined {
    const r = parseRect(addr);
    return this.getCell(this.sheet(sheetName), r.top, r.left);
  }

  value(sheetName: string, addr: string): string | number | boolean {
    return this.cell(sheetName, addr)?.value ?? "";
  }

  formula(sheetName: string, addr: string): string | undefined {
    return this.cell(sheetName, addr)?.formula;
  }

  note(sheetName: string, addr: string): string | undefined {
    const s = this.sheet(sheetName);
    return s.notes.get(normalizeCell(addr)) ?? s.comments.get(normalizeCell(addr));
  }

  /** Values of a rectangle ("" for empty). */
  values(sheetName: string, addr: string): (string | number | boolean)[][] {
    const s = this.sheet(sheetName);
    const r = parseRect(addr);
    const out: (string | number | boolean)[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: (string | number | boolean)[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(this.valueAt(s, row, col));
      out.push(line);
    }
    return out;
  }

  validations(sheetName: string): ValidationState[] {
    return this.sheet(sheetName).validations;
  }

  protection(sheetName: string): { protected: boolean; options: ProtectionOptions } {
    return this.sheet(sheetName).protection;
  }

  pageLayout(sheetName: string): PageLayoutState {
    return this.sheet(sheetName).pageLayout;
  }

  /** Column width in points (default 48). */
  columnWidth(sheetName: string, col: number): number {
    return this.sheet(sheetName).columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH_PT;
  }

  /** Sets a cell's value directly (test setup; no events, no protection check). */
  setValue(sheetName: string, addr: string, value: unknown): void {
    const s = this.sheet(sheetName);
    const r = parseRect(addr);
    this.putTyped(s, r.top, r.left, value, addr);
  }

  /** Marks a cell as holding an Excel error value such as "#REF!" (test setup). */
  setError(sheetName: string, addr: string, code: string): void {
    const r = parseRect(addr);
    const c = this.cellFor(this.sheet(sheetName), r.top, r.left);
    c.value = code;
    c.error = true;
  }

  /**
   * A person types `input` into one cell. Refused like Excel when the cell is locked on a
   * protected sheet or when a "Stop" data validation rejects it. Fires onChanged (if events are on).
   */
  async userEdit(
    sheetName: string,
    addr: string,
    input: unknown
  ): Promise<{ accepted: boolean; reason?: string }> {
    const s = this.sheet(sheetName);
    const r = parseRect(addr);
    if (s.protection.protected && (this.getCell(s, r.top, r.left)?.locked ?? true))
      return { accepted: false, reason: "protected" };
    const dv = s.validations.find((v) =>
      contains(v.rect, { top: r.top, left: r.left, bottom: r.top, right: r.left })
    );
    if (dv && !this.passesValidation(dv, input)) {
      const style = dv.errorAlert?.style ?? "Stop";
      if ((dv.errorAlert?.showAlert ?? true) && style === "Stop")
        return { accepted: false, reason: "validation" };
    }
    this.rememberForUndo(s, { top: r.top, left: r.left, bottom: r.top, right: r.left });
    this.putTyped(s, r.top, r.left, input, addr);
    const deliver = this.change(
      s,
      { top: r.top, left: r.left, bottom: r.top, right: r.left },
      "user"
    );
    if (deliver) await deliver();
    return { accepted: true };
  }

  /** A person pastes a block at `addr` (top-left): data validation is bypassed, as in Excel. */
  async userPaste(
    sheetName: string,
    addr: string,
    rows: unknown[][]
  ): Promise<{ accepted: boolean; reason?: string }> {
    const s = this.sheet(sheetName);
    const tl = parseRect(addr);
    const width = Math.max(1, ...rows.map((r) => r.length));
    const r: Rect = {
      top: tl.top,
      left: tl.left,
      bottom: tl.top + rows.length - 1,
      right: tl.left + width - 1,
    };
    try {
      this.requireUnlocked(s, r);
    } catch {
      return { accepted: false, reason: "protected" };
    }
    this.rememberForUndo(s, r);
    rows.forEach((line, i) =>
      line.forEach((v, j) => this.putTyped(s, r.top + i, r.left + j, v, addr))
    );
    const deliver = this.change(s, r, "user");
    if (deliver) await deliver();
    return { accepted: true };
  }

  passesValidation(dv: ValidationState, input: unknown): boolean {
    if (input === null || input === undefined || input === "") return dv.ignoreBlanks;
    const rule = dv.rule ?? {};
    if (rule.list) {
      const allowed = this.listValues(String(rule.list.source ?? ""));
      return allowed.some((a) => String(a).toLowerCase() === String(input).toLowerCase());
    }
    const num =
      typeof input === "number"
        ? input
        : typeof input === "string" && input.trim() !== ""
          ? Number(input.replace(",", "."))
          : NaN;
    const check = (basic: any, whole: boolean) => {
      if (!Number.isFinite(num) || (whole && !Number.isInteger(num))) return false;
      const f1 = Number(basic.formula1),
        f2 = Number(basic.formula2);
      switch (basic.operator) {
        case "Between":
          return num >= f1 && num <= f2;
        case "NotBetween":
          return num < f1 || num > f2;
        case "GreaterThanOrEqualTo":
          return num >= f1;
        case "GreaterThan":
          return num > f1;
        case "LessThanOrEqualTo":
          return num <= f1;
        case "LessThan":
          return num < f1;
        case "EqualTo":
          return num === f1;
        case "NotEqualTo":
          return num !== f1;
        default:
          return true;
      }
    };
    if (rule.wholeNumber) return check(rule.wholeNumber, true);
    if (rule.decimal) return check(rule.decimal, false);
    return true;
  }

  /** Values a list validation source allows: "=_lists!$A$1:$A$4", "=Name" or "a,b,c". */
  listValues(source: string): (string | number | boolean)[] {
    if (!source.startsWith("=")) return source.split(",").map((x) => x.trim());
    let ref = source.slice(1);
    const named = this.names.get(ref.toLowerCase());
    if (named) ref = named.formula.replace(/^=/, "");
    const { sheet, local } = splitSheet(ref);
    const s = sheet ? this.findSheet(sheet) : undefined;
    if (!s) return [];
    const r = parseRect(local);
    const out: (string | number | boolean)[] = [];
    for (let row = r.top; row <= Math.min(r.bottom, r.top + 10000); row++)
      for (let col = r.left; col <= r.right; col++) {
        const v = this.valueAt(s, row, col);
        if (v !== "") out.push(v);
      }
    return out;
  }

  /** Syncs made so far by every context. */
  get totalSyncs(): number {
    return this.syncLog.length;
  }
}

function normalizeCell(addr: string): string {
  const r = parseRect(splitSheet(addr).local);
  return `${colLetter(r.left)}${r.top}`;
}

function validateSheetName(name: string): void {
  if (
    !name ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  )
    throw err("InvalidArgument", `'${name}' is not a valid worksheet name.`);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Excel's (en-US) parsing of typed text into numbers, percentages, currency, booleans, times and
 * dates (subset): what a string written through `values` or `formulas` becomes.
 */
function parseTyped(input: string): { value: number | boolean; format?: string } | null {
  const t = input.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  let m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?:[eE]([+-]?\d+))?(%?)$/.exec(t);
  if (m && (m[2] || m[3])) {
    const n = Number(
      `${m[1]}${(m[2] ?? "0").replace(/,/g, "")}${m[3] ?? ""}${m[4] ? "e" + m[4] : ""}`
    );
    if (Number.isFinite(n)) return m[5] ? { value: n / 100, format: "0%" } : { value: n };
  }
  m = /^\((\d+(?:\.\d+)?)\)$/.exec(t);
  if (m) return { value: -Number(m[1]) };
  // Currency: "$5" → 5 shown as currency.
  m = /^([+-]?)\$(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t);
  if (m)
    return { value: Number(`${m[1]}${m[2]!.replace(/,/g, "")}${m[3] ?? ""}`), format: "$#,##0" };
  // Times: "12:30" → 0.5208… (a fraction of a day), "7:05:09".
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && +m[1]! < 24 && +m[2]! < 60)
    return { value: (+m[1]! * 3600 + +m[2]! * 60 + +(m[3] ?? 0)) / 86400, format: "h:mm" };
  // en-US month/day: "1/2" is 2 January of the current year (not a half), "1/2/2019" a full date.
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(t);
  if (m && +m[1]! >= 1 && +m[1]! <= 12 && +m[2]! >= 1 && +m[2]! <= 31) {
    const year = m[3] ? +m[3] : new Date().getUTCFullYear();
    return {
      value: Date.UTC(year, +m[1]! - 1, +m[2]!) / 86400000 + 25569,
      format: m[3] ? "m/d/yyyy" : "d-mmm",
    };
  }
  // Month and year: "Mar 2019" → 1 March 2019.
  m = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]+(\d{4})$/i.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase());
    return { value: Date.UTC(+m[2]!, month, 1) / 86400000 + 25569, format: "mmm-yy" };
  }
  m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      t
    );
  if (m) {
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    return { value: ms / 86400000 + 25569, format: m[4] ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd" };
  }
  return null;
}

/** A cell value formatted for `Range.text` (subset of Excel number formats). */
function formatText(c: CellState | undefined): string {
  if (!c || c.value === "") return "";
  const v = c.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const f = c.numberFormat;
  const dec = (fmt: string) => /\.(0+)/.exec(fmt)?.[1].length ?? 0;
  if (f.includes("%")) return `${(v * 100).toFixed(dec(f))}%`;
  if (f === "General") return String(v);
  if (f.includes("#,##0"))
    return v.toLocaleString("en-US", {
      minimumFractionDigits: dec(f),
      maximumFractionDigits: dec(f),
    });
  if (/^0(\.0+)?/.test(f)) return v.toFixed(dec(f));
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies
// ---------------------------------------------------------------------------------------------

interface QueuedOp {
  label: string;
  bytes: number;
  apply: () => unknown;
}

/** Queued operations that only read or navigate: they neither change the document nor clear undo. */
const READ_ONLY_OP =
  /^(load |getRange|worksheets\.get|event\.|worksheet\.activate|range\.select|application\.|set Runtime\.|comment\.getLocation)/;

export const CELL_EDIT_MESSAGE =
  "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.";

let contextCounter = 0;

export class FakeRequestContext {
  readonly fake: FakeWorkbook;
  readonly id = ++contextCounter;
  readonly workbook: FakeWorkbookProxy;
  readonly runtime: FakeRuntime;
  readonly application: FakeApplication;
  /** No-ops: the fake keeps every proxy alive. */
  readonly trackedObjects = { add: (o: unknown) => void o, remove: (o: unknown) => void o };
  /** Syncs made by this context. */
  syncCount = 0;
  /** This context's syncs (also appended to fake.syncLog). */
  readonly syncLog: SyncLogEntry[] = [];
  private queue: QueuedOp[] = [];
  private responseBytes = 0;
  /** Excel.run({ delayForCellEdit: true }): wait for the user to leave cell-edit mode instead of failing. */
  delayForCellEdit = false;
  /** Set by suspend…UntilNextSync for the coming sync. */
  suspendCalc = false;
  suspendScreen = false;
  /** Proxies created since the last sync: isNullObject becomes readable at sync. */
  private pendingNullChecks: FakeObject[] = [];

  constructor(fake: FakeWorkbook) {
    this.fake = fake;
    this.application = new FakeApplication(this);
    this.runtime = new FakeRuntime(this);
    this.workbook = new FakeWorkbookProxy(this);
  }

  /** Queues an operation; `bytes` is the payload of its arguments. */
  enqueue(label: string, args: unknown, apply: () => unknown): void {
    this.queue.push({
      label,
      bytes: ACTION_OVERHEAD + (args === undefined ? 0 : jsonBytes(args)),
      apply,
    });
  }

  addResponse(v: unknown): void {
    this.responseBytes += jsonBytes(v);
  }

  trackNull(o: FakeObject): void {
    this.pendingNullChecks.push(o);
  }

  get pendingOps(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const nulls = this.pendingNullChecks;
    this.queue = [];
    this.pendingNullChecks = [];
    this.responseBytes = 0;
    const limit = this.fake.options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
    const requestBytes = ops.reduce((n, o) => n + o.bytes, 0);
    const entry: SyncLogEntry = {
      index: this.fake.syncLog.length,
      ops: ops.map((o) => o.label),
      requestBytes,
      responseBytes: 0,
      suspendedCalculation: this.suspendCalc,
      suspendedScreenUpdating: this.suspendScreen,
    };
    this.syncCount++;
    this.syncLog.push(entry);
    this.fake.syncLog.push(entry);
    this.suspendCalc = false;
    this.suspendScreen = false;
    await Promise.resolve();
    if (this.fake.cellEditMode) {
      if (!this.delayForCellEdit) {
        this.fake.cellEditRefusals++;
        throw err("InvalidOperationInCellEditMode", CELL_EDIT_MESSAGE);
      }
      await this.fake.waitForCellEditEnd();
    }
    const writes = ops.some((o) => !READ_ONLY_OP.test(o.label));
    if (writes && this.fake.readOnly)
      throw err("AccessDenied", "The workbook is open read-only; changes cannot be made.");
    if (requestBytes > limit)
      throw err(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`
      );
    const deliveries: (() => Promise<void>)[] = [];
    this.currentDeliveries = deliveries;
    try {
      if (writes) {
        // Builds without API undo support: any write by an add-in empties the user's undo stack.
        this.fake.undoClears++;
        this.fake.undoStack.length = 0;
      }
      for (const o of ops) o.apply();
      for (const n of nulls) n.resolveNull();
    } finally {
      this.currentDeliveries = null;
      entry.responseBytes = this.responseBytes;
      // Events are raised after the batch, asynchronously, like Excel.
      if (deliveries.length) setTimeout(() => void Promise.all(deliveries.map((d) => d())), 0);
    }
    if (entry.responseBytes > limit)
      throw err(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${entry.responseBytes} bytes) has exceeded the limit.`
      );
  }

  currentDeliveries: (() => Promise<void>)[] | null = null;

  /** Records a sheet added, activated or deleted by the API (delivered after the sync). */
  apiStructureEvent(event: "added" | "activated" | "deleted", sheetId: string): void {
    const d = this.fake.structureEvent(event, sheetId, "api");
    if (d && this.currentDeliveries) this.currentDeliveries.push(d);
  }

  /** Records an API change (events are delivered after the sync when enabled). */
  apiChange(s: SheetState, r: Rect): void {
    const d = this.fake.change(s, r, "api");
    if (d && this.currentDeliveries) this.currentDeliveries.push(d);
  }
}

/** Parses load() arguments into property paths ("format/fill/color"). */
function loadPaths(arg: unknown): string[] | "all" {
  if (arg === undefined || arg === null) return "all";
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg))
    return arg
      .flatMap((a) => String(a).split(","))
      .map((s) => s.trim())
      .filter(Boolean);
  if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if (typeof o.select === "string") return loadPaths(o.select);
    const out: string[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(obj)) {
        if (k === "$all") continue;
        if (v === true) out.push(prefix + k);
        else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
      }
    };
    walk(o, "");
    return out;
  }
  return "all";
}

/** Base of every proxy: load/sync discipline. */
export abstract class FakeObject {
  readonly context: FakeRequestContext;
  protected loadedProps = new Map<string, unknown>();
  private nullState: boolean | undefined;
  protected readonly orNull: boolean;

  constructor(ctx: FakeRequestContext, orNull = false) {
    this.context = ctx;
    this.orNull = orNull;
    if (orNull) ctx.trackNull(this);
  }

  /** Scalar properties `load()` without arguments loads. */
  protected abstract scalarProps(): string[];
  /** Reads a property's current value from the workbook state (at sync time). */
  protected abstract readProp(name: string): unknown;
  /** Navigation property (format, font…) for nested load paths. */
  protected child(name: string): FakeObject | undefined {
    void name;
    return undefined;
  }
  /** True when this object does not exist (only for *OrNullObject proxies). */
  protected exists(): boolean {
    return true;
  }

  resolveNull(): void {
    this.nullState = !this.exists();
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      if (!this.orNull) return false;
      throw err(
        "PropertyNotLoaded",
        "The property 'isNullObject' is not available. Call context.sync() first."
      );
    }
    return this.nullState;
  }

  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    this.context.enqueue(
      `load ${this.constructor.name.replace(/^Fake/, "")}${paths === "all" ? "" : ` ${paths.join(",")}`}`,
      paths,
      () => this.applyLoad(paths)
    );
    return this;
  }

  applyLoad(paths: string[] | "all"): void {
    if (this.orNull && !this.exists()) {
      this.nullState = true;
      return;
    }
    const list = paths === "all" ? this.scalarProps() : paths;
    const nested = new Map<string, string[]>();
    for (const p of list) {
      const slash = p.indexOf("/");
      if (slash >= 0) {
        const head = p.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), p.slice(slash + 1)]);
        continue;
      }
      const ch = this.child(p);
      if (ch) {
        ch.applyLoad("all");
        continue;
      }
      if (!this.scalarProps().includes(p))
        throw err(
          "InvalidArgument",
          `Cannot load unknown property '${p}' of ${this.constructor.name}.`
        );
      const v = this.readProp(p);
      this.context.addResponse(v);
      this.loadedProps.set(p, v);
    }
    for (const [head, rest] of nested) {
      const ch = this.child(head);
      if (!ch) throw err("InvalidArgument", `Cannot load unknown property '${head}'.`);
      ch.applyLoad(rest);
    }
  }

  protected get<T>(name: string): T {
    if (this.nullState === true) throw err("InvalidObjectPath", "The object is a null object.");
    if (!this.loadedProps.has(name))
      throw err(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    return this.loadedProps.get(name) as T;
  }

  /** Queues a property write; the value becomes readable on the proxy at once (as in Office.js). */
  protected set(name: string, value: unknown, apply: () => void): void {
    this.loadedProps.set(name, value);
    this.context.enqueue(`set ${this.constructor.name.replace(/^Fake/, "")}.${name}`, value, apply);
  }

  protected call(label: string, args: unknown, apply: () => unknown): void {
    this.context.enqueue(label, args, apply);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}

/** A lazily resolved worksheet reference (resolved when the first queued operation runs). */
type SheetRef = () => SheetState;

function memoSheet(fake: FakeWorkbook, resolve: () => SheetState): SheetRef {
  let id: string | null = null;
  return () => {
    if (id) return fake.sheetById(id);
    const s = resolve();
    id = s.id;
    return s;
  };
}

// ---- workbook -------------------------------------------------------------------------------------

class FakeWorkbookProxy extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.application = ctx.application;
  }
  protected scalarProps() {
    return ["name", "readOnly"];
  }
  protected readProp(name: string) {
    if (name === "readOnly") {
      this.context.fake.requireSet("1.8", "workbook.readOnly");
      return this.context.fake.readOnly;
    }
    return "Book1";
  }
  get readOnly(): boolean {
    return this.get("readOnly");
  }
  protected override child(name: string) {
    return name === "protection" ? this.protection : undefined;
  }
  private protectionProxy?: FakeWorkbookProtection;
  get protection(): FakeWorkbookProtection {
    this.context.fake.requireSet("1.7", "workbook.protection");
    return (this.protectionProxy ??= new FakeWorkbookProtection(this.context));
  }
  private settingsProxy?: FakeSettingCollection;
  get settings(): FakeSettingCollection {
    this.context.fake.requireSet("1.4", "workbook.settings");
    return (this.settingsProxy ??= new FakeSettingCollection(this.context));
  }
  private commentsProxy?: FakeCommentCollection;
  get comments(): FakeCommentCollection {
    this.context.fake.requireSet("1.10", "workbook.comments");
    return (this.commentsProxy ??= new FakeCommentCollection(this.context));
  }
  getActiveWorksheet(): FakeWorksheet {
    const fake = this.context.fake;
    return new FakeWorksheet(
      this.context,
      memoSheet(fake, () => fake.sheetById(fake.activeSheetId))
    );
  }
  getSelectedRange(): FakeRange {
    const fake = this.context.fake;
    const ws = new FakeWorksheet(
      this.context,
      memoSheet(fake, () => fake.sheetById(fake.selection?.sheetId ?? fake.activeSheetId))
    );
    return new FakeRange(
      this.context,
      ws,
      () => fake.selection?.rect ?? { top: 1, left: 1, bottom: 1, right: 1 }
    );
  }
}

class FakeWorkbookProtection extends FakeObject {
  protected scalarProps() {
    return ["protected"];
  }
  protected readProp() {
    return this.context.fake.workbookProtection.protected;
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protect(password?: string): void {
    this.call("workbookProtection.protect", undefined, () => {
      const fake = this.context.fake;
      if (fake.workbookProtection.protected)
        throw err("AccessDenied", "The workbook is already protected.");
      fake.workbookProtection = { protected: true, password };
    });
  }
  unprotect(password?: string): void {
    this.call("workbookProtection.unprotect", undefined, () => {
      const fake = this.context.fake;
      const p = fake.workbookProtection;
      if (p.password && p.password !== password)
        throw err("InvalidArgument", "The password you supplied is not correct.");
      fake.workbookProtection = { protected: false };
    });
  }
}

class FakeApplication extends FakeObject {
  protected scalarProps() {
    return ["calculationMode"];
  }
  protected readProp() {
    return "Automatic";
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.fake.requireSet("1.6", "suspendApiCalculationUntilNextSync");
    this.context.suspendCalc = true;
    this.call("application.suspendApiCalculationUntilNextSync", undefined, () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.fake.requireSet("1.9", "suspendScreenUpdatingUntilNextSync");
    this.context.suspendScreen = true;
    this.call("application.suspendScreenUpdatingUntilNextSync", undefined, () => undefined);
  }
}

class FakeRuntime extends FakeObject {
  protected scalarProps() {
    return ["enableEvents"];
  }
  protected readProp() {
    return this.context.fake.enableEvents;
  }
  get enableEvents(): boolean {
    return this.get("enableEvents");
  }
  set enableEvents(v: boolean) {
    this.context.fake.requireSet("1.8", "runtime.enableEvents");
    this.set("enableEvents", v, () => {
      this.context.fake.enableEvents = v;
    });
  }
}

// ---- events ----------------------------------------------------------------------------------------

export class FakeEventHandlerResult {
  readonly context: FakeRequestContext;
  private readonly id: () => number | undefined;
  constructor(ctx: FakeRequestContext, id: () => number | undefined) {
    this.context = ctx;
    this.id = id;
  }
  remove(): void {
    this.context.enqueue("event.remove", undefined, () => {
      const id = this.id();
      if (id !== undefined) this.context.fake.removeHandler(id);
    });
  }
}

class FakeEvent {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly scope: () => HandlerReg["scope"]
  ) {}
  add(handler: (args: any) => unknown): FakeEventHandlerResult {
    let id: number | undefined;
    this.ctx.enqueue("event.add", undefined, () => {
      id = this.ctx.fake.addHandler(this.scope(), handler);
    });
    return new FakeEventHandlerResult(this.ctx, () => id);
  }
}

// ---- worksheets -------------------------------------------------------------------------------------

class FakeWorksheetCollection extends FakeObject {
  private loadedItems: FakeWorksheet[] | null = null;
  readonly onChanged: FakeEvent;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.onChanged = new FakeEvent(ctx, () => {
      ctx.fake.requireSet("1.9", "worksheets.onChanged");
      return { kind: "collection" };
    });
    const structure = (event: "added" | "activated" | "deleted") =>
      new FakeEvent(ctx, () => {
        ctx.fake.requireSet("1.7", `worksheets.on${event[0]!.toUpperCase()}${event.slice(1)}`);
        return { kind: "collection", event };
      });
    this.onAdded = structure("added");
    this.onActivated = structure("activated");
    this.onDeleted = structure("deleted");
  }
  readonly onAdded: FakeEvent;
  readonly onActivated: FakeEvent;
  readonly onDeleted: FakeEvent;
  protected scalarProps() {
    return ["items"];
  }
  protected readProp() {
    return undefined;
  }
  override applyLoad(paths: string[] | "all"): void {
    const fake = this.context.fake;
    const sub =
      paths === "all" ? "all" : paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    this.loadedItems = fake.sheets.map((s) => {
      const ws = new FakeWorksheet(
        this.context,
        memoSheet(fake, () => s)
      );
      ws.applyLoad(sub === "all" || sub.length === 0 ? "all" : sub);
      return ws;
    });
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems)
      throw err(
        "PropertyNotLoaded",
        "The property 'items' is not available. Call load() and context.sync() first."
      );
    return this.loadedItems;
  }
  getItem(name: string): FakeWorksheet {
    this.context.enqueue("worksheets.getItem", name, () => undefined);
    const fake = this.context.fake;
    return new FakeWorksheet(
      this.context,
      memoSheet(fake, () => fake.sheet(name))
    );
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.context.enqueue("worksheets.getItemOrNullObject", name, () => undefined);
    const fake = this.context.fake;
    return new FakeWorksheet(
      this.context,
      memoSheet(fake, () => fake.sheet(name)),
      true,
      () => !!fake.findSheet(name)
    );
  }
  add(name?: string): FakeWorksheet {
    const fake = this.context.fake;
    let created: SheetState | null = null;
    this.call(`worksheets.add ${name ?? ""}`, name, () => {
      fake.requireStructureEditable("add a sheet");
      let n = name;
      if (!n) for (let i = fake.sheets.length + 1; !n || fake.findSheet(n); i++) n = `Sheet${i}`;
      created = fake.addSheet(n);
      this.context.apiStructureEvent("added", created.id);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw err("InvalidObjectPath", "The worksheet was not created.");
      return fake.sheetById(created.id);
    });
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.context.workbook.getActiveWorksheet();
  }
  getCount(): { value: number } {
    const result: { value: number } = {
      get value(): number {
        throw err("PropertyNotLoaded", "Call context.sync() first.");
      },
    };
    this.call("worksheets.getCount", undefined, () => {
      Object.defineProperty(result, "value", { value: this.context.fake.sheets.length });
    });
    return result;
  }
}

class FakeWorksheet extends FakeObject {
  readonly ref: SheetRef;
  private readonly existsFn?: () => boolean;
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly onChanged: FakeEvent;

  constructor(ctx: FakeRequestContext, ref: SheetRef, orNull = false, existsFn?: () => boolean) {
    super(ctx, orNull);
    this.ref = ref;
    this.existsFn = existsFn;
    this.protection = new FakeWorksheetProtection(ctx, ref);
    this.freezePanes = new FakeFreezePanes(ctx, ref);
    this.onChanged = new FakeEvent(ctx, () => {
      ctx.fake.requireSet("1.7", "worksheet.onChanged");
      return { kind: "sheet", sheetId: ref().id };
    });
  }
  protected override exists(): boolean {
    return this.existsFn ? this.existsFn() : true;
  }
  protected scalarProps() {
    return ["name", "id", "visibility", "position", "tabColor"];
  }
  protected readProp(name: string) {
    const s = this.ref();
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "visibility":
        return s.visibility;
      case "position":
        return this.context.fake.sheets.indexOf(s);
      case "tabColor":
        return "";
    }
    return undefined;
  }
  protected override child(name: string) {
    if (name === "protection") return this.protection;
    if (name === "pageLayout") return this.pageLayout;
    return undefined;
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name", v, () => {
      const s = this.ref();
      validateSheetName(v);
      const other = this.context.fake.findSheet(v);
      if (other && other !== s)
        throw err("ItemAlreadyExists", `A worksheet named '${v}' already exists.`);
      if (s.name === v) return;
      this.context.fake.requireStructureEditable("rename a sheet");
      const from = s.name;
      s.name = v;
      this.context.fake.rewriteSheetReferences(from, v);
    });
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
      throw err("InvalidArgument", `Invalid visibility '${v}'.`);
    this.set("visibility", v, () => {
      if (this.ref().visibility !== v)
        this.context.fake.requireStructureEditable("hide or show a sheet");
      this.context.fake.setVisibility(this.ref(), v);
    });
  }
  private pageLayoutProxy?: FakePageLayout;
  private notesProxy?: FakeNoteCollection;
  private commentsProxy?: FakeCommentCollection;
  get pageLayout(): FakePageLayout {
    this.context.fake.requireSet("1.9", "worksheet.pageLayout");
    return (this.pageLayoutProxy ??= new FakePageLayout(this.context, this.ref));
  }
  get notes(): FakeNoteCollection {
    this.context.fake.requireSet("1.18", "worksheet.notes");
    return (this.notesProxy ??= new FakeNoteCollection(this.context, this.ref));
  }
  get comments(): FakeCommentCollection {
    this.context.fake.requireSet("1.10", "worksheet.comments");
    return (this.commentsProxy ??= new FakeCommentCollection(this.context, this.ref));
  }
  getRange(address?: string): FakeRange {
    this.context.enqueue("getRange", address ?? "", () => undefined);
    if (address === undefined || address === "")
      return new FakeRange(this.context, this, () => ({
        top: 1,
        left: 1,
        bottom: MAX_ROWS,
        right: MAX_COLS,
      }));
    const { local } = splitSheet(address);
    return new FakeRange(this.context, this, () => this.resolveLocal(local));
  }
  /** Defined names are accepted as addresses, as in Office.js. */
  private resolveLocal(local: string): Rect {
    const named = this.context.fake.names.get(local.toLowerCase());
    if (named) return parseRect(splitSheet(named.formula.replace(/^=/, "")).local);
    return parseRect(local);
  }
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): FakeRange {
    this.context.enqueue(
      "getRangeByIndexes",
      [startRow, startColumn, rowCount, columnCount],
      () => undefined
    );
    return new FakeRange(this.context, this, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1)
        throw err("InvalidArgument", "getRangeByIndexes: invalid indexes.");
      return {
        top: startRow + 1,
        left: startColumn + 1,
        bottom: startRow + rowCount,
        right: startColumn + columnCount,
      };
    });
  }
  getRanges(address: string): FakeRangeAreas {
    this.context.fake.requireSet("1.9", "worksheet.getRanges");
    this.context.enqueue("getRanges", address, () => undefined);
    if (address.length > 8192)
      throw err("InvalidArgument", "The address string is too long (over 8192 characters).");
    return new FakeRangeAreas(this.context, this, () =>
      address.split(",").map((a) => this.resolveLocal(splitSheet(a).local))
    );
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      this,
      () =>
        this.context.fake.usedRect(this.ref(), valuesOnly) ?? {
          top: 1,
          left: 1,
          bottom: 1,
          right: 1,
        }
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      this,
      () =>
        this.context.fake.usedRect(this.ref(), valuesOnly) ?? {
          top: 1,
          left: 1,
          bottom: 1,
          right: 1,
        },
      true,
      () => this.context.fake.usedRect(this.ref(), valuesOnly) !== null
    );
  }
  activate(): void {
    this.call("worksheet.activate", undefined, () => {
      const s = this.ref();
      if (s.visibility !== "Visible")
        throw err("InvalidOperation", `Cannot activate the hidden sheet '${s.name}'.`);
      const changed = this.context.fake.activeSheetId !== s.id;
      this.context.fake.activeSheetId = s.id;
      if (changed) this.context.apiStructureEvent("activated", s.id);
    });
  }
  delete(): void {
    this.call("worksheet.delete", undefined, () => {
      const fake = this.context.fake;
      fake.requireStructureEditable("delete a sheet");
      const s = this.ref();
      fake.deleteSheet(s);
      this.context.apiStructureEvent("deleted", s.id);
      fake.rewriteSheetReferences(s.name, null);
    });
  }
}

class FakeWorksheetProtection extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ref: SheetRef
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return ["protected", "options"];
  }
  protected readProp(name: string) {
    const p = this.ref().protection;
    return name === "protected" ? p.protected : { ...p.options };
  }
  get protected(): boolean {
    return this.get("protected");
  }
  get options(): ProtectionOptions {
    return this.get("options");
  }
  /** Current Windows builds answer AccessDenied to protect-when-protected (office-js#6784). */
  protect(options?: ProtectionOptions, password?: string): void {
    if (password !== undefined) this.context.fake.requireSet("1.7", "protection.protect(password)");
    this.call("protection.protect", options ?? {}, () => {
      const s = this.ref();
      if (s.protection.protected)
        throw err("AccessDenied", `The worksheet '${s.name}' is already protected.`);
      s.protection = { protected: true, options: { ...(options ?? {}) }, password };
    });
  }
  /**
   * Without the right password a sheet protected with one stays protected and the batch fails;
   * unprotect-when-unprotected answers AccessDenied on current Windows builds (office-js#6784).
   */
  unprotect(password?: string): void {
    this.call("protection.unprotect", undefined, () => {
      const s = this.ref();
      if (!s.protection.protected)
        throw err("AccessDenied", `The worksheet '${s.name}' is not protected.`);
      if (s.protection.password && password !== s.protection.password)
        throw err("InvalidArgument", "The password you supplied is not correct.");
      s.protection = { protected: false, options: s.protection.options };
    });
  }
}

class FakeFreezePanes extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ref: SheetRef
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return [];
  }
  protected readProp() {
    return undefined;
  }
  freezeRows(count = 1): void {
    this.call("freezePanes.freezeRows", count, () => {
      this.ref().freeze = { rows: count, cols: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this.call("freezePanes.freezeColumns", count, () => {
      this.ref().freeze = { rows: 0, cols: count };
    });
  }
  freezeAt(frozen: FakeRange | string): void {
    this.call("freezePanes.freezeAt", typeof frozen === "string" ? frozen : "range", () => {
      const r =
        typeof frozen === "string" ? parseRect(splitSheet(frozen).local) : frozen.rects()[0]!;
      this.ref().freeze = { rows: r.bottom, cols: r.right };
    });
  }
  unfreeze(): void {
    this.call("freezePanes.unfreeze", undefined, () => {
      this.ref().freeze = { rows: 0, cols: 0 };
    });
  }
}

// ---- ranges -----------------------------------------------------------------------------------------

/** What a format proxy works on: a sheet and one or more rectangles. */
interface Target {
  sheet: () => SheetState;
  rects: () => Rect[];
  label: string;
}

export class FakeRange extends FakeObject {
  readonly worksheet: FakeWorksheet;
  private readonly rectFn: () => Rect;
  private rectCache: Rect | null = null;
  private readonly existsFn?: () => boolean;
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  private cfProxy?: FakeConditionalFormatCollection;
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.context.fake.requireSet("1.6", "range.conditionalFormats");
    return (this.cfProxy ??= new FakeConditionalFormatCollection(
      this.context,
      this.worksheet.ref,
      () => this.rects()[0]!
    ));
  }

  constructor(
    ctx: FakeRequestContext,
    ws: FakeWorksheet,
    rectFn: () => Rect,
    orNull = false,
    existsFn?: () => boolean
  ) {
    super(ctx, orNull);
    this.worksheet = ws;
    this.rectFn = rectFn;
    this.existsFn = existsFn;
    const target: Target = { sheet: ws.ref, rects: () => this.rects(), label: "Range" };
    this.format = new FakeRangeFormat(ctx, target);
    this.dataValidation = new FakeDataValidation(ctx, target);
  }
  protected override exists(): boolean {
    return this.existsFn ? this.existsFn() : true;
  }
  /** Resolved once, when the first queued operation on this range runs (as Office.js does). */
  rects(): Rect[] {
    if (!this.rectCache) this.rectCache = this.rectFn();
    return [this.rectCache];
  }
  private rect(): Rect {
    return this.rects()[0]!;
  }
  protected scalarProps() {
    return [
      "address",
      "addressLocal",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
      "cellCount",
      "values",
      "formulas",
      "numberFormat",
      "text",
      "valueTypes",
      "columnHidden",
      "rowHidden",
    ];
  }
  protected override child(name: string) {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }
  private grid<T>(fn: (c: CellState | undefined, row: number, col: number) => T): T[][] {
    const s = this.worksheet.ref(),
      r = this.rect();
    if (cellsIn(r) > 5_000_000)
      throw err("ResponsePayloadSizeLimitExceeded", "The range has more than 5,000,000 cells.");
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++)
        line.push(fn(this.context.fake.getCell(s, row, col), row, col));
      out.push(line);
    }
    return out;
  }
  protected readProp(name: string) {
    const s = this.worksheet.ref(),
      r = this.rect();
    switch (name) {
      case "address":
        return `${quoteSheet(s.name)}!${rectAddress(r)}`;
      case "addressLocal":
        return `${quoteSheet(s.name)}!${rectAddress(r)}`;
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "rowIndex":
        return r.top - 1;
      case "columnIndex":
        return r.left - 1;
      case "cellCount":
        return cellsIn(r);
      case "values":
        return this.grid((c) => c?.value ?? "");
      case "formulas":
        return this.grid((c) => c?.formula ?? c?.value ?? "");
      case "numberFormat":
        return this.grid((c) => c?.numberFormat ?? "General");
      case "text":
        return this.grid((c) => formatText(c));
      case "valueTypes":
        return this.grid((c) => {
          if (!c || c.value === "") return "Empty";
          if (c.error) return "Error";
          if (typeof c.value === "number") return "Double";
          if (typeof c.value === "boolean") return "Boolean";
          return "String";
        });
      case "columnHidden": {
        let all = true;
        for (let col = r.left; col <= Math.min(r.right, r.left + 1000); col++)
          all = all && s.hiddenColumns.has(col);
        return all;
      }
      case "rowHidden":
        return s.hiddenRows.has(r.top);
    }
    return undefined;
  }
  get address(): string {
    return this.get("address");
  }
  get addressLocal(): string {
    return this.get("addressLocal");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get values(): any[][] {
    return this.get("values");
  }
  set values(v: any[][]) {
    this.set("values", v, () => this.writeCells("values", v));
  }
  get formulas(): any[][] {
    return this.get("formulas");
  }
  set formulas(v: any[][]) {
    this.set("formulas", v, () => this.writeCells("formulas", v));
  }
  get numberFormat(): any[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this.set("numberFormat", v, () => {
      const s = this.worksheet.ref(),
        r = this.rect();
      this.context.fake.requireFormatAllowed(s, "change the number format");
      this.forEach2d(
        "numberFormat",
        v,
        (row, col, f) => {
          if (f === null || f === undefined) return;
          this.context.fake.cellFor(s, row, col).numberFormat = String(f);
        },
        r
      );
    });
  }
  get columnHidden(): boolean {
    return this.get("columnHidden");
  }
  set columnHidden(v: boolean) {
    this.set("columnHidden", v, () => {
      const s = this.worksheet.ref(),
        r = this.rect();
      this.context.fake.requireFormatAllowed(s, "hide columns", "allowFormatColumns");
      for (let col = r.left; col <= r.right; col++)
        v ? s.hiddenColumns.add(col) : s.hiddenColumns.delete(col);
    });
  }
  get rowHidden(): boolean {
    return this.get("rowHidden");
  }
  set rowHidden(v: boolean) {
    this.set("rowHidden", v, () => {
      const s = this.worksheet.ref(),
        r = this.rect();
      this.context.fake.requireFormatAllowed(s, "hide rows", "allowFormatRows");
      for (let row = r.top; row <= r.bottom; row++)
        v ? s.hiddenRows.add(row) : s.hiddenRows.delete(row);
    });
  }

  /** Applies a 2-D array (or a single value for every cell) with Office.js's dimension check. */
  private forEach2d(
    what: string,
    v: unknown,
    fn: (row: number, col: number, x: unknown) => void,
    r: Rect
  ): void {
    const rows = r.bottom - r.top + 1,
      cols = r.right - r.left + 1;
    if (!Array.isArray(v)) {
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) fn(r.top + i, r.left + j, v);
      return;
    }
    // A 1×1 array over a larger range fills every cell ("Ctrl+Enter" single input, as Office.js).
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && (rows > 1 || cols > 1)) {
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) fn(r.top + i, r.left + j, (v[0] as unknown[])[0]);
      return;
    }
    if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols))
      throw err(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: range is ${rows}×${cols}).`
      );
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) fn(r.top + i, r.left + j, (v[i] as unknown[])[j]);
  }

  private writeCells(what: "values" | "formulas", v: unknown): void {
    const fake = this.context.fake,
      s = this.worksheet.ref(),
      r = this.rect();
    // Only non-null entries are written; null leaves a cell unchanged.
    const touched: Rect = { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
    const check: Rect[] = [];
    this.forEach2d(
      what,
      v,
      (row, col, x) => {
        if (x !== null && x !== undefined)
          check.push({ top: row, left: col, bottom: row, right: col });
      },
      r
    );
    if (s.protection.protected) for (const c of check) fake.requireUnlocked(s, c);
    this.forEach2d(
      what,
      v,
      (row, col, x) => {
        if (x === null || x === undefined) return;
        fake.putTyped(s, row, col, x, `${s.name}!${colLetter(col)}${row}`);
      },
      r
    );
    this.context.apiChange(s, touched);
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this.worksheet, () => {
      const r = this.rect();
      return {
        top: r.top + row,
        left: r.left + column,
        bottom: r.top + row,
        right: r.left + column,
      };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.context, this.worksheet, () => {
      const r = this.rect();
      return {
        top: r.top,
        left: r.left,
        bottom: r.bottom + deltaRows,
        right: r.right + deltaColumns,
      };
    });
  }
  merge(across = false): void {
    this.call("range.merge", across, () => {
      const fake = this.context.fake,
        s = this.worksheet.ref(),
        r = this.rect();
      fake.requireFormatAllowed(s, "merge cells");
      const parts: Rect[] = across
        ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({
            top: r.top + i,
            bottom: r.top + i,
            left: r.left,
            right: r.right,
          }))
        : [r];
      for (const p of parts) {
        if (s.merges.some((m) => overlaps(m, p)))
          throw err(
            "InvalidOperation",
            `Cannot merge ${rectAddress(p)}: it overlaps a merged area.`
          );
        // Excel keeps only the upper-left value.
        fake.forEachCell(s, p, (c, row, col) => {
          if (row !== p.top || col !== p.left) {
            c.value = "";
            delete c.formula;
            delete c.error;
          }
        });
        s.merges.push(p);
      }
    });
  }
  unmerge(): void {
    this.call("range.unmerge", undefined, () => {
      const s = this.worksheet.ref(),
        r = this.rect();
      this.context.fake.requireFormatAllowed(s, "unmerge cells");
      s.merges = s.merges.filter((m) => !overlaps(m, r));
    });
  }
  clear(applyTo: string = "All"): void {
    this.call(`range.clear ${applyTo}`, applyTo, () => {
      const fake = this.context.fake,
        s = this.worksheet.ref(),
        r = this.rect();
      if (applyTo === "All" || applyTo === "Contents") fake.requireUnlocked(s, r);
      if (applyTo === "All" || applyTo === "Formats") fake.requireFormatAllowed(s, "clear formats");
      if (applyTo === "All")
        for (const m of [s.notes, s.comments])
          for (const a of [...m.keys()]) if (contains(r, parseRect(a))) m.delete(a);
      for (const [k, c] of [...s.cells]) {
        const row = Math.floor(k / (MAX_COLS + 1)),
          col = k % (MAX_COLS + 1);
        if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
        if (applyTo === "All") s.cells.delete(k);
        else if (applyTo === "Contents") {
          c.value = "";
          delete c.formula;
          delete c.error;
        } else if (applyTo === "Formats")
          s.cells.set(k, { ...defaultCell(), value: c.value, formula: c.formula, error: c.error });
      }
      this.context.apiChange(s, r);
    });
  }
  select(): void {
    this.call("range.select", undefined, () => {
      const fake = this.context.fake,
        s = this.worksheet.ref();
      if (s.visibility !== "Visible")
        throw err("InvalidOperation", `Cannot select a range on the hidden sheet '${s.name}'.`);
      fake.activeSheetId = s.id;
      fake.selection = { sheetId: s.id, rect: this.rect() };
    });
  }
}

class FakeRangeAreas extends FakeObject {
  readonly worksheet: FakeWorksheet;
  readonly format: FakeRangeFormat;
  private cache: Rect[] | null = null;
  constructor(ctx: FakeRequestContext, ws: FakeWorksheet, rectsFn: () => Rect[]) {
    super(ctx);
    this.worksheet = ws;
    const rects = () => (this.cache ??= rectsFn());
    this.format = new FakeRangeFormat(ctx, { sheet: ws.ref, rects, label: "RangeAreas" });
    this.rectsFn = rects;
  }
  private readonly rectsFn: () => Rect[];
  protected scalarProps() {
    return ["address", "areaCount", "cellCount"];
  }
  protected override child(name: string) {
    return name === "format" ? this.format : undefined;
  }
  protected readProp(name: string) {
    const s = this.worksheet.ref(),
      rs = this.rectsFn();
    if (name === "address")
      return rs.map((r) => `${quoteSheet(s.name)}!${rectAddress(r)}`).join(",");
    if (name === "areaCount") return rs.length;
    return rs.reduce((n, r) => n + cellsIn(r), 0);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  clear(applyTo: "Formats" | "Contents" = "Formats"): void {
    this.call(`rangeAreas.clear ${applyTo}`, applyTo, () => {
      const fake = this.context.fake,
        s = this.worksheet.ref();
      for (const r of this.rectsFn()) {
        if (applyTo === "Formats") {
          fake.requireFormatAllowed(s, "clear formats");
          fake.forEachCell(s, r, (c) =>
            Object.assign(c, {
              ...defaultCell(),
              value: c.value,
              formula: c.formula,
              error: c.error,
            })
          );
        } else {
          fake.requireUnlocked(s, r);
          fake.forEachCell(s, r, (c) => {
            c.value = "";
            delete c.formula;
            delete c.error;
          });
          this.context.apiChange(s, r);
        }
      }
    });
  }
}

/** Uniform value of a property over the target's cells, or null when they differ (as Office.js). */
function uniform<T>(fake: FakeWorkbook, t: Target, get: (c: CellState) => T): T | null {
  const s = t.sheet();
  let first: { v: T } | null = null;
  for (const r of t.rects()) {
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const v = get(fake.getCell(s, row, col) ?? defaultCell());
        if (!first) first = { v };
        else if (first.v !== v) return null;
      }
  }
  return first ? first.v : null;
}

function setFormat(
  ctx: FakeRequestContext,
  t: Target,
  what: string,
  fn: (c: CellState) => void,
  option: keyof ProtectionOptions = "allowFormatCells"
): void {
  const s = t.sheet();
  ctx.fake.requireFormatAllowed(s, what, option);
  for (const r of t.rects()) ctx.fake.forEachCell(s, r, fn);
}

const COLOR_RE = /^#[0-9A-Fa-f]{6}$/;
const NAMED_COLORS: Record<string, string> = {
  red: "#FF0000",
  white: "#FFFFFF",
  black: "#000000",
  yellow: "#FFFF00",
  blue: "#0000FF",
  green: "#008000",
};
function normColor(v: string): string {
  const named = NAMED_COLORS[v.toLowerCase()];
  if (named) return named;
  if (!COLOR_RE.test(v)) throw err("InvalidArgument", `Invalid color '${v}'.`);
  return v.toUpperCase();
}

class FakeRangeFormat extends FakeObject {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly protection: FakeFormatProtection;
  readonly borders: FakeBorders;
  constructor(
    ctx: FakeRequestContext,
    private readonly t: Target
  ) {
    super(ctx);
    this.font = new FakeRangeFont(ctx, t);
    this.fill = new FakeRangeFill(ctx, t);
    this.protection = new FakeFormatProtection(ctx, t);
    this.borders = new FakeBorders(ctx, t);
  }
  protected scalarProps() {
    return [
      "horizontalAlignment",
      "verticalAlignment",
      "wrapText",
      "textOrientation",
      "columnWidth",
      "rowHeight",
    ];
  }
  protected override child(name: string) {
    return (
      {
        font: this.font,
        fill: this.fill,
        protection: this.protection,
        borders: this.borders,
      } as Record<string, FakeObject>
    )[name];
  }
  protected readProp(name: string) {
    const f = this.context.fake;
    switch (name) {
      case "horizontalAlignment":
        return uniform(f, this.t, (c) => c.hAlign);
      case "verticalAlignment":
        return uniform(f, this.t, (c) => c.vAlign);
      case "wrapText":
        return uniform(f, this.t, (c) => c.wrap);
      case "textOrientation":
        return uniform(f, this.t, (c) => c.rotation);
      case "columnWidth": {
        const s = this.t.sheet(),
          r = this.t.rects()[0]!;
        return s.columnWidths.get(r.left) ?? DEFAULT_COLUMN_WIDTH_PT;
      }
      case "rowHeight": {
        const s = this.t.sheet(),
          r = this.t.rects()[0]!;
        return s.rowHeights.get(r.top) ?? DEFAULT_ROW_HEIGHT_PT;
      }
    }
    return undefined;
  }
  get horizontalAlignment(): string {
    return this.get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.set("horizontalAlignment", v, () =>
      setFormat(this.context, this.t, "align", (c) => (c.hAlign = v))
    );
  }
  get verticalAlignment(): string {
    return this.get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.set("verticalAlignment", v, () =>
      setFormat(this.context, this.t, "align", (c) => (c.vAlign = v))
    );
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(v: boolean) {
    this.set("wrapText", v, () =>
      setFormat(this.context, this.t, "wrap text", (c) => (c.wrap = v))
    );
  }
  get textOrientation(): number {
    return this.get("textOrientation");
  }
  set textOrientation(v: number) {
    this.set("textOrientation", v, () => {
      if (!Number.isInteger(v) || v < -90 || v > 90)
        throw new Error(`InvalidArgument: textOrientation must be an integer from -90 to 90, got ${v}`);
      setFormat(this.context, this.t, "orientation", (c) => (c.rotation = v));
    });
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(v: number) {
    this.set("columnWidth", v, () => {
      const s = this.t.sheet();
      this.context.fake.requireFormatAllowed(s, "change column width", "allowFormatColumns");
      for (const r of this.t.rects())
        for (let col = r.left; col <= r.right; col++) s.columnWidths.set(col, v);
    });
  }
  get rowHeight(): number {
    return this.get("rowHeight");
  }
  set rowHeight(v: number) {
    this.set("rowHeight", v, () => {
      const s = this.t.sheet();
      this.context.fake.requireFormatAllowed(s, "change row height", "allowFormatRows");
      for (const r of this.t.rects())
        for (let row = r.top; row <= Math.min(r.bottom, r.top + 100000); row++)
          s.rowHeights.set(row, v);
    });
  }
  autofitColumns(): void {
    this.call("format.autofitColumns", undefined, () => undefined);
  }
  autofitRows(): void {
    this.call("format.autofitRows", undefined, () => undefined);
  }
}

class FakeRangeFont extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly t: Target
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return ["name", "size", "bold", "italic", "underline", "color"];
  }
  protected readProp(name: string) {
    const f = this.context.fake;
    const pick: Record<string, (c: CellState) => unknown> = {
      name: (c) => c.fontName,
      size: (c) => c.fontSize,
      bold: (c) => c.bold,
      italic: (c) => c.italic,
      underline: (c) => c.underline,
      color: (c) => c.fontColor,
    };
    return uniform(f, this.t, pick[name]!);
  }
  private setF(name: string, v: unknown, fn: (c: CellState) => void) {
    this.set(name, v, () => setFormat(this.context, this.t, "change the font", fn));
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.setF("name", v, (c) => (c.fontName = v));
  }
  get size(): number {
    return this.get("size");
  }
  set size(v: number) {
    this.setF("size", v, (c) => (c.fontSize = v));
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.setF("bold", v, (c) => (c.bold = v));
  }
  get italic(): boolean {
    return this.get("italic");
  }
  set italic(v: boolean) {
    this.setF("italic", v, (c) => (c.italic = v));
  }
  get underline(): string {
    return this.get("underline");
  }
  set underline(v: string) {
    this.setF("underline", v, (c) => (c.underline = v));
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.setF("color", v, (c) => (c.fontColor = normColor(v)));
  }
}

class FakeRangeFill extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly t: Target
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return ["color", "pattern"];
  }
  protected readProp(name: string) {
    if (name === "pattern") {
      this.context.fake.requireSet("1.9", "fill.pattern");
      return uniform(this.context.fake, this.t, (c) => (c.fill === null ? "None" : "Solid"));
    }
    // Excel reports "#FFFFFF" for cells without fill.
    return uniform(this.context.fake, this.t, (c) => c.fill ?? "#FFFFFF");
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.set("color", v, () =>
      setFormat(this.context, this.t, "fill cells", (c) => (c.fill = normColor(v)))
    );
  }
  get pattern(): string {
    return this.get("pattern");
  }
  clear(): void {
    this.call("fill.clear", undefined, () =>
      setFormat(this.context, this.t, "clear the fill", (c) => (c.fill = null))
    );
  }
}

class FakeFormatProtection extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly t: Target
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return ["locked", "formulaHidden"];
  }
  protected readProp(name: string) {
    return name === "locked" ? uniform(this.context.fake, this.t, (c) => c.locked) : false;
  }
  get locked(): boolean {
    return this.get("locked");
  }
  set locked(v: boolean) {
    this.set("locked", v, () =>
      setFormat(this.context, this.t, "change cell locking", (c) => (c.locked = v))
    );
  }
}

const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

class FakeBorders extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly t: Target
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return [];
  }
  protected readProp() {
    return undefined;
  }
  getItem(index: string): FakeBorder {
    if (!BORDER_INDEXES.includes(index))
      throw err("InvalidArgument", `Invalid border index '${index}'.`);
    return new FakeBorder(this.context, this.t, index);
  }
}

class FakeBorder extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly t: Target,
    private readonly index: string
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return ["style", "weight", "color"];
  }
  protected readProp(name: string) {
    if (name !== "style") return name === "weight" ? "Thin" : "#000000";
    const side = this.side();
    const r = this.t.rects()[0]!;
    const c = this.context.fake.getCell(
      this.t.sheet(),
      this.index === "EdgeBottom" ? r.bottom : r.top,
      this.index === "EdgeRight" ? r.right : r.left
    );
    return side ? (c?.borders[side] ?? "None") : "None";
  }
  private side(): keyof CellBorders | null {
    return (
      (
        {
          EdgeTop: "top",
          EdgeBottom: "bottom",
          EdgeLeft: "left",
          EdgeRight: "right",
          InsideHorizontal: "bottom",
          InsideVertical: "right",
        } as Record<string, keyof CellBorders>
      )[this.index] ?? null
    );
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.set("style", v, () => {
      const s = this.t.sheet();
      const fake = this.context.fake;
      fake.requireFormatAllowed(s, "change borders");
      for (const r of this.t.rects()) {
        fake.forEachCell(s, r, (c, row, col) => {
          switch (this.index) {
            case "EdgeTop":
              if (row === r.top) c.borders.top = v;
              break;
            case "EdgeBottom":
              if (row === r.bottom) c.borders.bottom = v;
              break;
            case "EdgeLeft":
              if (col === r.left) c.borders.left = v;
              break;
            case "EdgeRight":
              if (col === r.right) c.borders.right = v;
              break;
            case "InsideHorizontal":
              if (row < r.bottom) c.borders.bottom = v;
              if (row > r.top) c.borders.top = v;
              break;
            case "InsideVertical":
              if (col < r.right) c.borders.right = v;
              if (col > r.left) c.borders.left = v;
              break;
          }
        });
      }
    });
  }
  get weight(): string {
    return this.get("weight");
  }
  set weight(v: string) {
    this.set("weight", v, () =>
      this.context.fake.requireFormatAllowed(this.t.sheet(), "change borders")
    );
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.set("color", v, () =>
      this.context.fake.requireFormatAllowed(this.t.sheet(), "change borders")
    );
  }
}

// ---- data validation ----------------------------------------------------------------------------------

class FakeDataValidation extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly t: Target
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return ["rule", "prompt", "errorAlert", "ignoreBlanks", "type"];
  }
  private find(): ValidationState | undefined {
    const r = this.t.rects()[0]!;
    return this.t.sheet().validations.find((v) => contains(v.rect, r));
  }
  protected readProp(name: string) {
    const v = this.find();
    switch (name) {
      case "rule":
        return v?.rule ?? {};
      case "prompt":
        return v?.prompt ?? { showPrompt: false, title: "", message: "" };
      case "errorAlert":
        return v?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" };
      case "ignoreBlanks":
        return v?.ignoreBlanks ?? true;
      case "type": {
        if (!v) return "None";
        const k = Object.keys(v.rule ?? {})[0];
        return k === "list"
          ? "List"
          : k === "wholeNumber"
            ? "WholeNumber"
            : k === "decimal"
              ? "Decimal"
              : "Custom";
      }
    }
    return undefined;
  }
  /** The validation entry for exactly this range (created on first write). */
  private entry(): ValidationState {
    const fake = this.context.fake,
      s = this.t.sheet(),
      r = this.t.rects()[0]!;
    fake.requireSet("1.8", "dataValidation");
    fake.requireFormatAllowed(s, "change data validation");
    let v = s.validations.find(
      (x) =>
        x.rect.top === r.top &&
        x.rect.left === r.left &&
        x.rect.bottom === r.bottom &&
        x.rect.right === r.right
    );
    if (!v) {
      // A new rule replaces the rules it covers, as in Excel.
      s.validations = s.validations.filter((x) => !contains(r, x.rect));
      if (s.validations.some((x) => overlaps(x.rect, r)))
        throw err(
          "InvalidOperation",
          `The range ${rectAddress(r)} partly overlaps another data validation; clear it first.`
        );
      v = { rect: r, rule: {}, ignoreBlanks: true };
      s.validations.push(v);
      fake.validationLog.push({ sheet: s.name, address: rectAddress(r), cells: cellsIn(r) });
    }
    return v;
  }
  get rule(): any {
    return this.get("rule");
  }
  set rule(rule: any) {
    this.set("rule", rule, () => {
      const kinds = Object.keys(rule ?? {});
      if (kinds.length !== 1)
        throw err("InvalidArgument", "A data validation rule must have exactly one type.");
      if (rule.list) {
        const src = String(rule.list.source ?? "");
        if (!src.startsWith("=") && src.length > 255)
          throw err("InvalidArgument", "An inline list source is limited to 255 characters.");
      }
      for (const k of ["wholeNumber", "decimal"]) {
        const b = rule[k];
        if (b && (b.formula1 === undefined || !b.operator))
          throw err("InvalidArgument", `${k} rule needs formula1 and operator.`);
        if (
          b &&
          (b.operator === "Between" || b.operator === "NotBetween") &&
          b.formula2 === undefined
        )
          throw err("InvalidArgument", `${k} Between needs formula2.`);
      }
      this.entry().rule = rule;
    });
  }
  get ignoreBlanks(): boolean {
    return this.get("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.set("ignoreBlanks", v, () => (this.entry().ignoreBlanks = v));
  }
  get prompt(): any {
    return this.get("prompt");
  }
  set prompt(p: any) {
    this.set("prompt", p, () => {
      if ((p?.title ?? "").length > 32 || (p?.message ?? "").length > 255)
        throw err(
          "InvalidArgument",
          "Data validation prompt: title ≤ 32, message ≤ 255 characters."
        );
      this.entry().prompt = p;
    });
  }
  get errorAlert(): any {
    return this.get("errorAlert");
  }
  set errorAlert(a: any) {
    this.set("errorAlert", a, () => {
      if ((a?.title ?? "").length > 32 || (a?.message ?? "").length > 225)
        throw err(
          "InvalidArgument",
          "Data validation error alert: title ≤ 32, message ≤ 225 characters."
        );
      this.entry().errorAlert = a;
    });
  }
  get type(): string {
    return this.get("type");
  }
  clear(): void {
    this.call("dataValidation.clear", undefined, () => {
      const s = this.t.sheet(),
        r = this.t.rects()[0]!;
      this.context.fake.requireFormatAllowed(s, "clear data validation");
      s.validations = s.validations.filter((v) => !overlaps(v.rect, r));
    });
  }
}

// ---- conditional formats (custom formula only) -------------------------------------------------------

type CfEntry = SheetState["conditionalFormats"][number];

class FakeCfLeaf extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly entry: () => CfEntry,
    private readonly prop: "formula" | "fill" | "fontColor"
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return [this.prop === "formula" ? "formula" : "color"];
  }
  protected readProp() {
    return this.entry()[this.prop];
  }
  get formula(): string {
    return this.get("formula");
  }
  set formula(v: string) {
    this.set("formula", v, () => void (this.entry().formula = v));
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.set("color", v, () => void (this.entry()[this.prop as "fill"] = normColor(v)));
  }
}

class FakeConditionalFormat extends FakeObject {
  readonly custom: {
    rule: FakeCfLeaf;
    format: { fill: FakeCfLeaf; font: FakeCfLeaf };
  };
  constructor(ctx: FakeRequestContext, entry: () => CfEntry) {
    super(ctx);
    this.custom = {
      rule: new FakeCfLeaf(ctx, entry, "formula"),
      format: {
        fill: new FakeCfLeaf(ctx, entry, "fill"),
        font: new FakeCfLeaf(ctx, entry, "fontColor"),
      },
    };
  }
  protected scalarProps() {
    return ["type"];
  }
  protected readProp() {
    return "Custom";
  }
}

class FakeConditionalFormatCollection extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ref: SheetRef,
    private readonly rect: () => Rect
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return [];
  }
  protected readProp() {
    return undefined;
  }
  add(type: string): FakeConditionalFormat {
    if (type !== "Custom")
      throw err(
        "InvalidArgument",
        `The fake supports only custom conditional formats, not '${type}'.`
      );
    let entry: CfEntry | null = null;
    this.call("conditionalFormats.add", type, () => {
      const s = this.ref();
      this.context.fake.requireFormatAllowed(s, "add conditional formats");
      entry = { rect: this.rect(), formula: "" };
      s.conditionalFormats.push(entry);
    });
    return new FakeConditionalFormat(this.context, () => {
      if (!entry) throw err("InvalidObjectPath", "The conditional format was not created.");
      return entry;
    });
  }
  clearAll(): void {
    this.call("conditionalFormats.clearAll", undefined, () => {
      const s = this.ref();
      this.context.fake.requireFormatAllowed(s, "clear conditional formats");
      const r = this.rect();
      s.conditionalFormats = s.conditionalFormats.filter((c) => !overlaps(c.rect, r));
    });
  }
}

// ---- page layout -------------------------------------------------------------------------------------

class FakePageLayout extends FakeObject {
  readonly headersFooters: FakeHeadersFooters;
  constructor(
    ctx: FakeRequestContext,
    private readonly ref: SheetRef
  ) {
    super(ctx);
    this.headersFooters = new FakeHeadersFooters(ctx, ref);
  }
  protected scalarProps() {
    return [
      "orientation",
      "paperSize",
      "zoom",
      "centerHorizontally",
      "centerVertically",
      "printGridlines",
      "topMargin",
      "bottomMargin",
      "leftMargin",
      "rightMargin",
      "headerMargin",
      "footerMargin",
    ];
  }
  protected override child(name: string) {
    return name === "headersFooters" ? this.headersFooters : undefined;
  }
  protected readProp(name: string) {
    const p = this.ref().pageLayout;
    const m = /^(top|bottom|left|right|header|footer)Margin$/.exec(name);
    if (m) return p.margins[m[1] as keyof PageLayoutState["margins"]];
    return (p as any)[name];
  }
  private setP<K extends keyof PageLayoutState>(name: K, v: PageLayoutState[K]) {
    this.set(name, v, () => {
      this.ref().pageLayout[name] = v;
    });
  }
  get orientation(): string {
    return this.get("orientation");
  }
  set orientation(v: string) {
    if (v !== "Portrait" && v !== "Landscape")
      throw err("InvalidArgument", `Invalid orientation '${v}'.`);
    this.setP("orientation", v);
  }
  get paperSize(): string {
    return this.get("paperSize");
  }
  set paperSize(v: string) {
    this.setP("paperSize", v);
  }
  get zoom(): PageLayoutState["zoom"] {
    return this.get("zoom");
  }
  set zoom(v: PageLayoutState["zoom"]) {
    this.set("zoom", v, () => {
      if (
        v.scale !== undefined &&
        (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined)
      )
        throw err("InvalidArgument", "zoom: use either scale or fit-to-pages, not both.");
      // Fit-to-pages keeps the other direction as it was; Excel's default is 1 page tall, so
      // { horizontalFitToPages: 1 } alone shrinks the whole sheet onto one page. 0 = automatic.
      const prev = this.ref().pageLayout.zoom;
      const next = { ...v };
      if (v.scale === undefined) {
        next.horizontalFitToPages = v.horizontalFitToPages ?? prev.horizontalFitToPages ?? 1;
        next.verticalFitToPages = v.verticalFitToPages ?? prev.verticalFitToPages ?? 1;
      }
      this.ref().pageLayout.zoom = next;
    });
  }
  get centerHorizontally(): boolean {
    return this.get("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this.setP("centerHorizontally", v);
  }
  get centerVertically(): boolean {
    return this.get("centerVertically");
  }
  set centerVertically(v: boolean) {
    this.setP("centerVertically", v);
  }
  get printGridlines(): boolean {
    return this.get("printGridlines");
  }
  set printGridlines(v: boolean) {
    this.setP("printGridlines", v);
  }
  setPrintTitleRows(rows: string | FakeRange): void {
    this.call("pageLayout.setPrintTitleRows", typeof rows === "string" ? rows : "range", () => {
      const r = typeof rows === "string" ? parseRect(splitSheet(rows).local) : rows.rects()[0]!;
      if (r.left !== 1 || r.right !== MAX_COLS)
        throw err("InvalidArgument", 'Print title rows must be whole rows, e.g. "$1:$3".');
      this.ref().pageLayout.printTitleRows = `$${r.top}:$${r.bottom}`;
    });
  }
  setPrintArea(area: string | FakeRange): void {
    this.call("pageLayout.setPrintArea", typeof area === "string" ? area : "range", () => {
      const r = typeof area === "string" ? parseRect(splitSheet(area).local) : area.rects()[0]!;
      this.ref().pageLayout.printArea = rectAddress(r);
    });
  }
  setPrintMargins(unit: string, options: Partial<PageLayoutState["margins"]>): void {
    this.call("pageLayout.setPrintMargins", { unit, options }, () => {
      const factor =
        unit === "Points" ? 1 : unit === "Inches" ? 72 : unit === "Centimeters" ? 72 / 2.54 : NaN;
      if (Number.isNaN(factor)) throw err("InvalidArgument", `Invalid margin unit '${unit}'.`);
      const m = this.ref().pageLayout.margins;
      for (const [k, v] of Object.entries(options))
        if (typeof v === "number") (m as any)[k] = v * factor;
    });
  }
}

class FakeHeadersFooters extends FakeObject {
  readonly defaultForAllPages: FakeHeaderFooter;
  constructor(
    ctx: FakeRequestContext,
    private readonly ref: SheetRef
  ) {
    super(ctx);
    this.defaultForAllPages = new FakeHeaderFooter(ctx, ref);
  }
  protected scalarProps() {
    return ["state"];
  }
  protected override child(name: string) {
    return name === "defaultForAllPages" ? this.defaultForAllPages : undefined;
  }
  protected readProp() {
    return this.ref().pageLayout.headersFooters.state;
  }
  get state(): string {
    return this.get("state");
  }
  set state(v: string) {
    this.set("state", v, () => (this.ref().pageLayout.headersFooters.state = v));
  }
}

type HFKey = keyof PageLayoutState["headersFooters"]["defaultForAllPages"];
const HF_KEYS: HFKey[] = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
];

class FakeHeaderFooter extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ref: SheetRef
  ) {
    super(ctx);
    for (const k of HF_KEYS)
      Object.defineProperty(this, k, {
        get: () => this.get(k),
        set: (v: string) => {
          this.set(k, v, () => {
            this.ref().pageLayout.headersFooters.defaultForAllPages[k] = v;
          });
        },
        enumerable: true,
      });
  }
  protected scalarProps() {
    return HF_KEYS;
  }
  protected readProp(name: string) {
    return this.ref().pageLayout.headersFooters.defaultForAllPages[name as HFKey];
  }
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
}

// ---- names, notes, comments ----------------------------------------------------------------------------

class FakeNamedItem extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly nameKey: string,
    orNull = false
  ) {
    super(ctx, orNull);
  }
  protected override exists() {
    return this.context.fake.names.has(this.nameKey.toLowerCase());
  }
  protected scalarProps() {
    return ["name", "formula", "comment", "type", "visible"];
  }
  protected readProp(name: string) {
    const n = this.context.fake.names.get(this.nameKey.toLowerCase());
    if (!n) throw err("ItemNotFound", `The name '${this.nameKey}' does not exist.`);
    return name === "name"
      ? this.nameKey
      : name === "formula"
        ? n.formula
        : name === "comment"
          ? (n.comment ?? "")
          : name === "type"
            ? "Range"
            : true;
  }
  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  delete(): void {
    this.call(`names.delete ${this.nameKey}`, this.nameKey, () => {
      if (!this.context.fake.names.delete(this.nameKey.toLowerCase()))
        throw err("ItemNotFound", `The name '${this.nameKey}' does not exist.`);
    });
  }
}

class FakeNamedItemCollection extends FakeObject {
  private loaded: FakeNamedItem[] | null = null;
  protected scalarProps() {
    return ["items"];
  }
  protected readProp() {
    return undefined;
  }
  override applyLoad(paths: string[] | "all"): void {
    this.loaded = [...this.context.fake.names.keys()].map((k) => {
      const it = new FakeNamedItem(this.context, k);
      it.applyLoad(
        paths === "all" ? "all" : paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6))
      );
      return it;
    });
  }
  get items(): FakeNamedItem[] {
    if (!this.loaded) throw err("PropertyNotLoaded", "The property 'items' is not available.");
    return this.loaded;
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    this.context.fake.requireSet("1.4", "names.add");
    this.call(
      `names.add ${name}`,
      { name, reference: typeof reference === "string" ? reference : "range", comment },
      () => {
        const fake = this.context.fake;
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
          throw err("InvalidArgument", `'${name}' is not a valid name.`);
        if (fake.names.has(name.toLowerCase()))
          throw err("ItemAlreadyExists", `The name '${name}' already exists.`);
        const formula =
          typeof reference === "string"
            ? reference.startsWith("=")
              ? reference
              : `=${reference}`
            : `=${quoteSheet(reference.worksheet.ref().name)}!${rectAddress(reference.rects()[0]!)}`;
        fake.names.set(name.toLowerCase(), { formula, comment });
      }
    );
    return new FakeNamedItem(this.context, name);
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, name, true);
  }
}

class FakeNote extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ref: SheetRef,
    private readonly cell: () => string,
    orNull = false
  ) {
    super(ctx, orNull);
  }
  protected override exists() {
    return this.ref().notes.has(this.cell());
  }
  protected scalarProps() {
    return ["content", "authorName"];
  }
  protected readProp(name: string) {
    return name === "content" ? this.ref().notes.get(this.cell()) : "";
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.set("content", v, () => {
      const s = this.ref();
      this.context.fake.requireFormatAllowed(s, "edit notes", "allowEditObjects");
      if (!s.notes.has(this.cell())) throw err("ItemNotFound", "The note does not exist.");
      s.notes.set(this.cell(), v);
    });
  }
  delete(): void {
    this.call("note.delete", undefined, () => {
      const s = this.ref();
      this.context.fake.requireFormatAllowed(s, "delete notes", "allowEditObjects");
      if (!s.notes.delete(this.cell())) throw err("ItemNotFound", "The note does not exist.");
    });
  }
}

class FakeNoteCollection extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ref: SheetRef
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return [];
  }
  protected readProp() {
    return undefined;
  }
  add(cellAddress: string | FakeRange, content: string): FakeNote {
    const cell = () =>
      typeof cellAddress === "string"
        ? normalizeCell(cellAddress)
        : normalizeCell(rectAddress(cellAddress.rects()[0]!));
    this.call(
      "notes.add",
      { cell: typeof cellAddress === "string" ? cellAddress : "range", content },
      () => {
        const s = this.ref();
        this.context.fake.requireFormatAllowed(s, "add notes", "allowEditObjects");
        const c = cell();
        if (s.notes.has(c)) throw err("InvalidOperation", `The cell ${c} already has a note.`);
        // A cell holds a note or a threaded comment, never both: the whole batch fails.
        if (s.comments.has(c))
          throw err("InvalidOperation", `The cell ${c} already has a threaded comment.`);
        s.notes.set(c, content);
      }
    );
    return new FakeNote(this.context, this.ref, cell);
  }
  getItem(cellAddress: string): FakeNote {
    return new FakeNote(this.context, this.ref, () => normalizeCell(cellAddress));
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    return new FakeNote(this.context, this.ref, () => normalizeCell(cellAddress), true);
  }
}

/** A threaded comment (ExcelApi 1.10); its cell through getLocation(). */
class FakeComment extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: SheetState,
    private readonly cell: string
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return ["content", "id", "authorName"];
  }
  protected readProp(name: string) {
    return name === "content"
      ? this.sheet.comments.get(this.cell)
      : name === "id"
        ? `${this.sheet.id}:${this.cell}`
        : "Người dùng";
  }
  get content(): string {
    return this.get("content");
  }
  getLocation(): FakeRange {
    this.context.enqueue("comment.getLocation", this.cell, () => undefined);
    const fake = this.context.fake;
    const ws = new FakeWorksheet(
      this.context,
      memoSheet(fake, () => this.sheet)
    );
    return new FakeRange(this.context, ws, () => parseRect(this.cell));
  }
}

class FakeCommentCollection extends FakeObject {
  private loaded: FakeComment[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    private readonly ref?: SheetRef
  ) {
    super(ctx);
  }
  protected scalarProps() {
    return ["items"];
  }
  protected readProp() {
    return undefined;
  }
  override applyLoad(paths: string[] | "all"): void {
    const sheets = this.ref ? [this.ref()] : this.context.fake.sheets;
    this.loaded = sheets.flatMap((s) =>
      [...s.comments.keys()].map((c) => {
        const it = new FakeComment(this.context, s, c);
        const sub =
          paths === "all"
            ? "all"
            : paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
        it.applyLoad(sub === "all" || sub.length === 0 ? "all" : sub);
        return it;
      })
    );
  }
  get items(): FakeComment[] {
    if (!this.loaded) throw err("PropertyNotLoaded", "The property 'items' is not available.");
    return this.loaded;
  }
  add(cellAddress: string, content: string): void {
    this.call("comments.add", { cellAddress, content }, () => {
      const { sheet, local } = splitSheet(cellAddress);
      const s = sheet
        ? this.context.fake.sheet(sheet)
        : this.ref
          ? this.ref()
          : this.context.fake.sheetById(this.context.fake.activeSheetId);
      const c = normalizeCell(local);
      if (s.notes.has(c)) throw err("InvalidOperation", `The cell ${c} already has a note.`);
      s.comments.set(c, content);
    });
  }
}

class FakeSetting extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    readonly key: string,
    orNull = false
  ) {
    super(ctx, orNull);
  }
  protected override exists() {
    return this.context.fake.settings.has(this.key);
  }
  protected scalarProps() {
    return ["key", "value"];
  }
  protected readProp(name: string) {
    const raw = this.context.fake.settings.get(this.key);
    if (raw === undefined) throw err("ItemNotFound", `The setting '${this.key}' does not exist.`);
    return name === "key" ? this.key : JSON.parse(raw);
  }
  get value(): any {
    return this.get("value");
  }
  set value(v: any) {
    this.set("value", v, () => this.context.fake.settings.set(this.key, JSON.stringify(v)));
  }
  delete(): void {
    this.call(
      `settings.delete ${this.key}`,
      this.key,
      () => void this.context.fake.settings.delete(this.key)
    );
  }
}

class FakeSettingCollection extends FakeObject {
  protected scalarProps() {
    return [];
  }
  protected readProp() {
    return undefined;
  }
  add(key: string, value: unknown): FakeSetting {
    this.call(`settings.add ${key}`, { key, value }, () => {
      if (!key) throw err("InvalidArgument", "A setting needs a key.");
      this.context.fake.settings.set(key, JSON.stringify(value ?? null));
    });
    return new FakeSetting(this.context, key);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, key);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, key, true);
  }
}

// ---------------------------------------------------------------------------------------------
// Excel.run and the Office global
// ---------------------------------------------------------------------------------------------

export type FakeBatch<T> = (ctx: FakeRequestContext) => Promise<T>;

/**
 * Excel.run against a fake workbook: a new context per call (or the given one), the batch, then a
 * final sync when operations are still queued (as Office.js does).
 */
export function fakeRun(fake: FakeWorkbook) {
  return async function run<T>(
    a: FakeBatch<T> | { context?: FakeRequestContext } | FakeRequestContext,
    b?: FakeBatch<T>
  ): Promise<T> {
    let ctx: FakeRequestContext;
    let batch: FakeBatch<T>;
    if (typeof a === "function") {
      ctx = new FakeRequestContext(fake);
      batch = a;
    } else {
      const given = a instanceof FakeRequestContext ? a : a.context;
      ctx = given instanceof FakeRequestContext ? given : new FakeRequestContext(fake);
      if (
        !(a instanceof FakeRequestContext) &&
        (a as { delayForCellEdit?: boolean }).delayForCellEdit
      )
        ctx.delayForCellEdit = true;
      batch = b!;
    }
    const result = await batch(ctx);
    if (ctx.pendingOps > 0) await ctx.sync();
    return result;
  };
}

export interface InstallOptions {
  supportedSets?: Record<string, string>;
  /**
   * Office starts slowly: `Office.context` stays undefined and `onReady` does not fire until the
   * returned `ready()` is called (as when Office.js takes longer than the pane's fallback).
   */
  deferReady?: boolean;
  host?: string;
  platform?: string;
  theme?: {
    bodyBackgroundColor?: string;
    bodyForegroundColor?: string;
    controlBackgroundColor?: string;
    controlForegroundColor?: string;
    isDarkTheme?: boolean;
  };
}

/**
 * Defines `Office` and `Excel` on `target` (globalThis in the browser) backed by `fake`, so the
 * add-in runs unchanged against the in-memory workbook.
 */
export function installFakeOffice(
  target: any,
  fake: FakeWorkbook,
  opts: InstallOptions = {}
): { actions: Map<string, (...args: any[]) => unknown>; ready: () => Promise<void> } {
  if (opts.supportedSets) fake.supportedSets = { ...opts.supportedSets };
  const actions = new Map<string, (...args: any[]) => unknown>();
  const info = { host: opts.host ?? "Excel", platform: opts.platform ?? "OfficeOnline" };
  const readyCallbacks: ((i: typeof info) => unknown)[] = [];
  let isReady = !opts.deferReady;
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((r) => (resolveReady = r));
  if (isReady) resolveReady();
  const context = {
    host: info.host,
    platform: info.platform,
    diagnostics: { host: info.host, platform: info.platform, version: "16.0.fake" },
    displayLanguage: "vi-VN",
    requirements: { isSetSupported: (name: string, v?: string) => fake.isSetSupported(name, v) },
    officeTheme: {
      bodyBackgroundColor: "#FFFFFF",
      bodyForegroundColor: "#000000",
      controlBackgroundColor: "#FFFFFF",
      controlForegroundColor: "#000000",
      isDarkTheme: false,
      ...(opts.theme ?? {}),
    },
  };
  target.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    onReady(cb?: (i: typeof info) => unknown) {
      if (cb) readyCallbacks.push(cb);
      return readyPromise.then(() => {
        for (const c of readyCallbacks.splice(0)) c(info);
        return info;
      });
    },
    /** Undefined until Office is ready, as in Office.js. */
    get context() {
      return isReady ? context : undefined;
    },
    actions: {
      associate: (name: string, fn: (...args: any[]) => unknown) => void actions.set(name, fn),
    },
  };
  target.Excel = { run: fakeRun(fake), RequestContext: FakeRequestContext };
  target.OfficeExtension = { Error: FakeOfficeError };
  const ready = async () => {
    isReady = true;
    resolveReady();
    await readyPromise;
    await Promise.resolve();
  };
  return { actions, ready };
}
