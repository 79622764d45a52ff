/**
 * A spreadsheet as plain data. The core lays out every sheet it produces (templates, the master,
 * the summary, the print layout) as a SheetModel; each adapter (ExcelJS for files, Office.js inside
 * Excel) only renders it. Coordinates are 1-based (row 1, column 1 = A1).
 */
export type Scalar = string | number | boolean | null;

/** A cell: a value, or a formula (without the leading "=" being required) with its cached result. */
export type Cell = Scalar | { formula: string; result?: Scalar };

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A rectangular block of cells starting at (top, left); rows may be shorter than the widest. */
export interface Block {
  top: number;
  left: number;
  cells: Cell[][];
}

export interface CellStyle {
  fontName?: string; // default "Times New Roman"
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string; // "RRGGBB"
  fill?: string; // "RRGGBB"
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Text turned up by this many degrees (90 = reading bottom to top), for narrow column headers. */
  rotation?: number;
  border?: "thin" | "none";
  /** Excel number format, e.g. "#,##0", "0.00", "@". */
  numFmt?: string;
  /** false = an entry cell the user may edit on a protected sheet. */
  locked?: boolean;
}

/** Styles apply in order, later ones override earlier ones property by property. */
export interface StyledRange {
  range: Rect;
  style: CellStyle;
}

export type ValidationRule =
  /** A dropdown; `source` is a range formula such as "=_lists!$A$1:$A$4". */
  | { kind: "list"; source: string }
  | { kind: "whole"; min?: number; max?: number }
  | { kind: "decimal"; min?: number; max?: number };

export interface DataValidation {
  /** Always bounded to the template rows: never whole columns. */
  range: Rect;
  rule: ValidationRule;
  allowBlank: boolean;
  prompt?: { title: string; message: string };
  error?: { title: string; message: string };
}

/**
 * A formula conditional format: cells of `range` where `formula` (written for the range's top-left
 * cell, relative references) is true show `fill` and `fontColor`. Excel re-evaluates it on every
 * edit and paste, so invalid cells show at once without the add-in writing to the workbook.
 */
export interface ConditionalFormat {
  range: Rect;
  /** Without the leading "=". */
  formula: string;
  /** "RRGGBB". */
  fill: string;
  fontColor?: string;
}

export interface PrintLayout {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Fit to this many pages wide (0 = no limit). */
  fitToWidth: number;
  /** Fit to this many pages tall (0 = as many as needed). */
  fitToHeight: number;
  /**
   * Print scale in percent, used when fitToWidth and fitToHeight are both 0 (the printed
   * documents: a fixed, readable scale rather than shrinking to fit). Absent = 100.
   */
  scale?: number;
  /** Rows repeated at the top of every printed page. */
  printTitleRows?: { first: number; last: number };
  /** Manual page breaks: a new page starts after each of these rows. */
  rowBreaks?: number[];
  printArea?: Rect;
  /** Millimetres. */
  margins: {
    top: number;
    bottom: number;
    left: number;
    right: number;
    header: number;
    footer: number;
  };
  centerHorizontally: boolean;
  /** Excel header/footer codes, e.g. "&CTrang &P/&N". */
  header?: string;
  footer?: string;
}

export interface SheetModel {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  blocks: Block[];
  styles: StyledRange[];
  merges: Rect[];
  /** Widths in Excel character units, index 0 = column A; undefined = default. */
  columnWidths: (number | undefined)[];
  hiddenColumns?: number[];
  /** Heights in points, by 1-based row number. */
  rowHeights?: Record<number, number>;
  /** Freeze panes: rows above `row` and columns left of `col` stay visible. */
  freeze?: { row: number; col: number };
  validations: DataValidation[];
  /** Highlights of invalid values, derived from the same rules as `validations`. */
  conditionalFormats?: ConditionalFormat[];
  /** Protected without a password: structure holds, an official can still unprotect. */
  protect: boolean;
  /** Notes (comments) on cells, e.g. validation messages. */
  notes?: { row: number; col: number; text: string }[];
  print?: PrintLayout;
  /** Workbook-level defined names this sheet contributes (name → absolute range formula). */
  definedNames?: Record<string, string>;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /**
   * Last-modified time (ISO) to record in the file's document properties; absent = the time of
   * writing. Lets generated sample files (the demo) carry a plausible fill time.
   */
  modifiedAt?: string;
}

/** "A", "B", … "Z", "AA" … for a 1-based column number. */
export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based column number for "A", "AB" … */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Print margins converted from millimetres to inches (what both Excel and ExcelJS take), to 0.001". */
export function marginsInInches(m: PrintLayout["margins"]): PrintLayout["margins"] {
  const inch = (mm: number) => Math.round((mm / 25.4) * 1000) / 1000;
  return {
    top: inch(m.top),
    bottom: inch(m.bottom),
    left: inch(m.left),
    right: inch(m.right),
    header: inch(m.header),
    footer: inch(m.footer),
  };
}

/**
 * A very hidden, protected key/value sheet (column A key, column B value): how templates and the
 * master carry their metadata so both Office.js and ExcelJS can read it back.
 */
export function metadataSheet(name: string, rows: Scalar[][]): SheetModel {
  return {
    name,
    visibility: "veryHidden",
    blocks: [{ top: 1, left: 1, cells: rows }],
    styles: [],
    merges: [],
    columnWidths: [24, 40],
    validations: [],
    protect: true,
  };
}
