import { cellNote } from "../../../src/core/templates/schema";
import type { ColumnSpec } from "../../../src/core/templates/spec";
import { requireTemplate } from "../../../src/core/templates/catalog";
import { validate } from "../../../src/core/validate";
import { register, validRows, withPatch } from "./fixtures";

describe("readings that are not literal are reported as warnings", () => {
  const spec = requireTemplate("ldtbxh");

  it('a count typed "3.456" is read as 3456 and the official is told so', () => {
    const rows = withPatch(spec, 0, { tongSoHo: "3.456" });
    const result = validate(spec, rows, { register });
    const row = result.rows.find((r) => r.rowNumber === rows[0]!.rowNumber);
    expect(row?.values.tongSoHo).toBe(3456);
    const notes = result.issues.filter((i) => i.rule === "interpreted");
    expect(notes).toHaveLength(1);
    expect(notes[0]!).toMatchObject({
      severity: "warning",
      column: "tongSoHo",
      row: rows[0]!.rowNumber,
    });
    expect(notes[0]!.message.vi).toMatch(/3456|3\.456/);
  });

  it("a plain count gives no such warning", () => {
    const result = validate(spec, validRows(spec), { register });
    expect(result.issues.filter((i) => i.rule === "interpreted")).toEqual([]);
  });
});

describe("cellNote", () => {
  const col = (type: ColumnSpec["type"]): ColumnSpec => ({
    key: "k",
    header: { vi: "K", en: "K" },
    type,
  });
  it.each([
    ["int", "3.456", true],
    ["int", 3456, false],
    ["number", 12.5, false],
    ["percent", 0.125, true],
    ["percent", 12.5, false],
    ["percent", "12,5 %", false],
    ["int", { error: "#REF!" }, false],
  ] as const)("%s column, raw %p → note: %s", (type, raw, expected) => {
    expect(cellNote(col(type), raw) !== null).toBe(expected);
  });
});
