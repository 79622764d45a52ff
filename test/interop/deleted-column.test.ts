/**
 * An issued template (with _meta) in which the official deleted a column, as Excel does it: the
 * columns to its right move one letter left, so the letter _meta recorded for the deleted column
 * now heads its neighbour. The neighbour's data must never be read under the deleted column's name.
 * The file is written and read back through the real adapter; the deletion is applied to the
 * sheet as read (Excel would shift every cell, the headers and the merges the same way).
 */
import { loadXlsx } from "../../src/adapters/xlsx";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { columnNumber } from "../../src/core/sheet/model";
import { readSubmissions } from "../../src/core/submission/read";
import type { WorkbookGrids } from "../../src/core/submission/types";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { defaultRegister, unitByCode } from "../../src/core/units/register";
import {
  cellOf,
  metaOf,
  sampleValue,
  setCell,
  templateSheet,
  unitRows,
} from "../adapters/xlsx/helpers";
import { Y_TE } from "./fixtures";

const register = defaultRegister();

/** The filled 3.6 template, written to .xlsx bytes and read back; plus its column letters. */
async function filledGrids(): Promise<{ grids: WorkbookGrids; letters: Record<string, string> }> {
  const model = buildTemplateWorkbook(Y_TE, register, DEFAULT_SETTINGS_2019);
  const meta = metaOf(model);
  const sheet = templateSheet(model);
  unitRows(model).forEach((r, i) => {
    const kind = unitByCode(
      register,
      String(cellOf(sheet, r, columnNumber(meta.columns.unitCode!)))
    )!.kind;
    for (const col of Y_TE.columns) {
      if (col.identity || col.computed) continue;
      // Births and deaths differ on every row, so reading one for the other shows.
      const v =
        col.key === "soSinh"
          ? 300 + i
          : col.key === "soChet"
            ? 100 + i
            : sampleValue(Y_TE, col, i, kind);
      setCell(sheet, r, columnNumber(meta.columns[col.key]!), v);
    }
  });
  const { reader, writer } = await loadXlsx();
  const read = await reader.read(await writer.write(model), "y-te.xlsx");
  if (!read.ok) throw new Error(read.refused.message.en);
  return { grids: read.grids, letters: meta.columns };
}

/** Excel's "Delete column": every cell right of it moves one column left. */
function deleteColumn(grids: WorkbookGrids, letter: string): WorkbookGrids {
  const i = columnNumber(letter) - 1;
  return {
    ...grids,
    sheets: grids.sheets.map((s) =>
      s.name !== Y_TE.sheetName
        ? s
        : { ...s, rows: s.rows.map((row) => row.filter((_, k) => k !== i)) }
    ),
  };
}

// Writes and reads workbooks: a timeout of its own, not jest's 5 s default (a loaded machine is slow).
jest.setTimeout(60_000);

test.each([
  ["soSinh", "Số sinh"],
  ["ytXaDat", "Đạt Bộ tiêu chí QG y tế xã"],
  ["soSinhCon3", "Sinh con thứ 3+"],
])(
  "deleting the required column %s is a missing-column refusal, not its neighbour's data",
  async (key, header) => {
    const { grids, letters } = await filledGrids();
    const before = readSubmissions(grids, { register, period: 2019 });
    expect(
      before.ok && before.submissions[0]!.validation.issues.filter((x) => x.severity === "error")
    ).toEqual([]);

    const out = readSubmissions(deleteColumn(grids, letters[key]!), { register, period: 2019 });
    if (out.ok) {
      const rows = out.submissions[0]!.validation.rows;
      throw new Error(
        `read as valid: ${key} = ${JSON.stringify(rows.slice(0, 3).map((r) => r.values[key]))}, soChet = ${JSON.stringify(rows.slice(0, 3).map((r) => r.values.soChet))}`
      );
    }
    expect(out.refused.reason).toBe("missing-column");
    expect(out.refused.message.vi).toContain(`thiếu cột bắt buộc "${header}"`);
  }
);

test("deleting the last (optional) column still reads the rest unchanged", async () => {
  const { grids, letters } = await filledGrids();
  const out = readSubmissions(deleteColumn(grids, letters.ghiChu!), { register, period: 2019 });
  if (!out.ok) throw new Error(out.refused.message.vi);
  const rows = out.submissions[0]!.validation.rows;
  expect(rows).toHaveLength(12);
  expect(rows.map((r) => r.values.soSinh)).toEqual(rows.map((_, i) => 300 + i));
  expect(rows.map((r) => r.values.soChet)).toEqual(rows.map((_, i) => 100 + i));
});

/** Moves whole columns by a permutation of 0-based indexes (as cut-and-insert in Excel). */
function permuteColumns(grids: WorkbookGrids, order: (width: number) => number[]): WorkbookGrids {
  return {
    ...grids,
    sheets: grids.sheets.map((s) => {
      if (s.name !== Y_TE.sheetName) return s;
      const width = Math.max(...s.rows.map((r) => r.length));
      const idx = order(width);
      return { ...s, rows: s.rows.map((row) => idx.map((k) => row[k] ?? null)) };
    }),
  };
}

test("births and deaths swapped by hand, and a column inserted before them: read by header", async () => {
  const { grids, letters } = await filledGrids();
  const g = columnNumber(letters.soSinh!) - 1;
  const h = columnNumber(letters.soChet!) - 1;
  const moved = permuteColumns(grids, (w) => {
    const idx = Array.from({ length: w }, (_, k) => k);
    [idx[g], idx[h]] = [idx[h]!, idx[g]!];
    idx.splice(g, 0, w + 5); // an empty inserted column
    return idx;
  });
  const out = readSubmissions(moved, { register, period: 2019 });
  if (!out.ok) throw new Error(out.refused.message.vi);
  const s = out.submissions[0]!;
  expect(s.layout.columnLetters.soChet).toBe(
    letters.soSinh!.replace(/.$/, (c) => String.fromCharCode(c.charCodeAt(0) + 1))
  );
  expect(s.validation.rows.map((r) => r.values.soSinh)).toEqual(
    s.validation.rows.map((_, i) => 300 + i)
  );
  expect(s.validation.rows.map((r) => r.values.soChet)).toEqual(
    s.validation.rows.map((_, i) => 100 + i)
  );
});
