/**
 * Rewriting the header block, the title and the signature block of sheets already laid out for
 * print, with other settings (issuing body, place/date, signer), without rebuilding the workbook:
 * a WorkbookModel patch holding only those cells. The data rows and the hand-filled columns are
 * never part of it. The texts come from printLines, the same function the layout uses.
 */
import type { LocalizedText } from "../i18n";
import type { PeriodSettings } from "../settings/types";
import type { Block, SheetModel, WorkbookModel } from "../sheet/model";
import { columnLetter } from "../sheet/model";
import type { SheetGrid } from "../submission/types";
import type { RawCell } from "../validate/types";
import { printLines, type PrintGeometry, type PrintLine, type PrintOptions } from "./layout";

/** A sheet laid out by applyPrintLayout, as recorded when it was written. */
export interface PrintedSheet {
  name: string;
  geometry: PrintGeometry;
  /** The title, subtitles and recipients it was laid out with. */
  options: Pick<PrintOptions, "title" | "subtitle" | "recipients">;
}

export interface HeadingPatch {
  /** Only the cells of the header, title and signature blocks (values; styles stay as written). */
  model: WorkbookModel;
  /** Sheets the patch writes to. */
  sheets: string[];
  /** Sheets left alone, with why (their blocks are not where they were written). */
  skipped: { sheet: string; message: LocalizedText }[];
}

/** A cell's text as compared with what was written: NFC, trimmed; "" when empty or not text-like. */
export const cellText = (c: RawCell | undefined): string =>
  c === null || c === undefined || typeof c === "object" ? "" : String(c).normalize("NFC").trim();

/** A sheet of a patch: only the value blocks (styles, merges and widths stay as written). */
export function patchSheet(
  name: string,
  visibility: SheetModel["visibility"],
  blocks: Block[]
): SheetModel {
  return {
    name,
    visibility,
    blocks,
    styles: [],
    merges: [],
    columnWidths: [],
    validations: [],
    protect: false,
  };
}

/** The patch writing `sheets`, and the sheets left alone with why. */
export const headingPatch = (
  sheets: SheetModel[],
  skipped: HeadingPatch["skipped"]
): HeadingPatch => ({ model: { sheets }, sheets: sheets.map((s) => s.name), skipped });

/**
 * Whether the sheet as it is now still has its blocks where they were written: every fixed text
 * ("ĐẢNG CỘNG SẢN VIỆT NAM", "*", the title) in its cell, nothing else in those rows across the
 * printed columns, and the signature block not empty. Rows inserted or deleted above the blocks
 * fail this, and then the sheet is left alone rather than overwriting a data row.
 */
function blocksInPlace(grid: SheetGrid, lines: PrintLine[], g: PrintGeometry): string | null {
  const at = (row: number, col: number) => cellText(grid.rows[row - 1]?.[col - 1]);
  const rows = new Map<number, PrintLine[]>();
  for (const l of lines) rows.set(l.row, [...(rows.get(l.row) ?? []), l]);
  if (g.signatureTop !== null)
    for (let r = g.signatureTop + 2; r <= g.signatureTop + 5; r++) rows.set(r, rows.get(r) ?? []);
  for (const [row, ls] of rows) {
    for (let col = 1; col <= g.columns; col++) {
      const here = ls.find((l) => l.left === col);
      const t = at(row, col);
      if (here?.source === "fixed" && t !== here.text.normalize("NFC").trim())
        return `${columnLetter(col)}${row}`;
      if (!here && t !== "") return `${columnLetter(col)}${row}`;
    }
  }
  if (g.signatureTop !== null) {
    const sig = lines.filter((l) => l.row >= g.signatureTop! && l.source === "settings");
    if (sig.every((l) => at(l.row, l.left) === ""))
      return `${columnLetter(g.rightStart)}${g.signatureTop}`;
  }
  return null;
}

/**
 * The patch writing the header, title and signature texts of `settings` into printed sheets.
 * `grids` are the sheets as they are now; a sheet missing from them, or whose blocks moved, is
 * skipped with a message naming the cell that does not match.
 */
export function printHeadingPatch(
  settings: PeriodSettings,
  printed: PrintedSheet[],
  grids: SheetGrid[]
): HeadingPatch {
  const sheets: SheetModel[] = [];
  const skipped: HeadingPatch["skipped"] = [];
  for (const p of printed) {
    const lines = printLines(settings, p.options, p.geometry);
    const grid = grids.find((g) => g.name === p.name);
    if (!grid) continue;
    const moved = blocksInPlace(grid, lines, p.geometry);
    if (moved) {
      skipped.push({
        sheet: p.name,
        message: {
          vi: `Trang “${p.name}”: phần tiêu đề hoặc chữ ký không còn ở chỗ đã ghi (ô ${moved} khác với lúc ghi, có thể do chèn hoặc xóa dòng), nên XếpLoại không ghi đè để khỏi mất số liệu. Hãy sửa tay các ô đó, hoặc tổng hợp và ghi lại bảng tổng hợp.`,
          en: `Sheet “${p.name}”: the heading or signature block is not where it was written (cell ${moved} differs, rows may have been inserted or deleted), so XếpLoại does not overwrite it. Edit those cells by hand, or consolidate and write the master again.`,
        },
      });
      continue;
    }
    sheets.push(
      patchSheet(
        p.name,
        grid.visibility,
        lines.map((l) => ({ top: l.row, left: l.left, cells: [[l.text]] }))
      )
    );
  }
  return headingPatch(sheets, skipped);
}
