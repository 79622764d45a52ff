/**
 * The 3.6 (Y tế) template as a hand-made sheet: a single header row with the template's column
 * headers, one row per locality, values as an official would type them. Read through the real
 * .xlsx reader and the core, as the CLI does.
 */
import { loadXlsx, type XlsxReadResult } from "../../src/adapters/xlsx";
import { createNodeXlsxReader } from "../../src/adapters/xlsx/lean/node-reader";
import { readSubmissions } from "../../src/core/submission/read";
import type { ReadOutcome } from "../../src/core/submission/types";
import { requireTemplate } from "../../src/core/templates/catalog";
import { defaultRegister, localities } from "../../src/core/units/register";
import type { MiniCell, MiniSheet } from "./ooxml";

export const Y_TE = requireTemplate("y-te");

/** Headers in template order (computed columns included, as the template shows them). */
export const Y_TE_HEADERS = Y_TE.columns.map((c) => c.header.vi);

/** The value typed for a column on the i-th locality row. */
export function yTeValue(key: string, i: number, unitName: string, unitCode: string): MiniCell {
  switch (key) {
    case "stt":
      return i + 1;
    case "unitName":
      return unitName;
    case "unitCode":
      return unitCode;
    case "unitType":
      return unitName.startsWith("Xã") ? "Xã" : "Phường";
    case "ytXaDat":
      return "Đạt";
    case "danSoTb":
      return 10_000 + i;
    case "soSinh":
      return 150;
    case "soChet":
      return 50;
    case "soSinhCon3":
      return 10;
    case "ghiChu":
      return null;
    default:
      return null; // computed columns: left empty, recomputed by the core
  }
}

export interface YTeOptions {
  /** Column keys in sheet order (default: the template's). */
  keys?: string[];
  /** Header text per key (default: the template's vi header). */
  header?: (key: string) => string;
  /** Value per key and row (default yTeValue). */
  value?: (key: string, i: number, unitName: string, unitCode: string) => MiniCell;
  /** Rows above the header row (title block). */
  above?: MiniCell[][];
}

/** A sheet "Y tế": optional title rows, one header row, then every locality. */
export function yTeSheet(opts: YTeOptions = {}): MiniSheet {
  const keys = opts.keys ?? Y_TE.columns.map((c) => c.key);
  const header = opts.header ?? ((k: string) => Y_TE.columns.find((c) => c.key === k)!.header.vi);
  const value = opts.value ?? yTeValue;
  const units = localities(defaultRegister());
  return {
    name: Y_TE.sheetName,
    rows: [
      ...(opts.above ?? []),
      keys.map(header),
      ...units.map((u, i) => keys.map((k) => value(k, i, u.name, u.code))),
    ],
  };
}

export async function readBytes(bytes: Uint8Array, file = "tu-lam.xlsx"): Promise<XlsxReadResult> {
  const { reader } = await loadXlsx();
  const pane = await reader.read(bytes, file);
  await sameInCli(pane, bytes, file);
  return pane;
}

const cliReader = createNodeXlsxReader();

/**
 * The CLI reads with the same lean reader but inflates with Node's zlib: every file gives it the
 * same grids, or the same kind of refusal (a damaged member's wording comes from the inflater).
 */
export async function sameInCli(pane: XlsxReadResult, bytes: Uint8Array, file: string) {
  const cli = await cliReader.read(bytes, file);
  if (pane.ok) expect(cli).toEqual(pane);
  else expect(cli.ok ? "read" : cli.refused.reason).toBe(pane.refused.reason);
}

/** Reads the bytes through the adapter and the core, as `xeploai validate` does. */
export async function readAndValidate(
  bytes: Uint8Array,
  file = "tu-lam.xlsx"
): Promise<ReadOutcome> {
  const r = await readBytes(bytes, file);
  if (!r.ok) return { ok: false, refused: r.refused };
  return readSubmissions(r.grids, { register: defaultRegister(), period: 2019 });
}
