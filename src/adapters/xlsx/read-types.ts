/** What reading one .xlsx file gives: its grids, or the reason it was refused. */
import type { RefusedFile, WorkbookGrids } from "../../core/submission/types";

export type XlsxReadResult =
  { ok: true; grids: WorkbookGrids } | { ok: false; refused: RefusedFile };

export interface XlsxReader {
  read(bytes: Uint8Array, fileName: string): Promise<XlsxReadResult>;
}
