import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import {
  address,
  columnNumber,
  type Cell,
  type CellStyle,
  type SheetModel,
} from "../../../src/core/sheet/model";
import { requireTemplate } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units/register";
import { encodeCell } from "../../../src/adapters/officejs/cells";
import { DEFAULT_FONT, widthToPoints } from "../../../src/adapters/officejs/write";
import { MAX_ROWS } from "../../fakes/fake-excel";
import { metaOf, unitRows } from "../xlsx/helpers";
import { setup, wideModel } from "./setup";

const register = defaultRegister();
const spec = requireTemplate("noi-vu-cchc");
const model = () =>
  buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019, {
    generatedAt: "2019-11-01T00:00:00.000Z",
  });

/** Every non-null constant and formula of a sheet model, with its address. */
function modelCells(s: SheetModel): { addr: string; cell: Cell }[] {
  const out = new Map<string, Cell>();
  for (const b of s.blocks)
    b.cells.forEach((line, i) =>
      line.forEach((c, j) => {
        if (c !== null && c !== undefined) out.set(address(b.top + i, b.left + j), c);
      })
    );
  return [...out].map(([addr, cell]) => ({ addr, cell }));
}

/** The style a cell ends with when the model's layers apply in order. */
function expectedStyle(s: SheetModel, row: number, col: number): CellStyle {
  const out: CellStyle = {};
  for (const { range, style } of s.styles)
    if (row >= range.top && row <= range.bottom && col >= range.left && col <= range.right)
      Object.assign(out, style);
  return out;
}

describe("writeModel renders a template workbook", () => {
  test("sheets, visibility, values and formulas match the model; 3 syncs", async () => {
    const { fake, port } = setup();
    const m = model();
    const report = await port.writeModel(m);
    expect(report.sheets).toEqual(m.sheets.map((s) => s.name));
    expect(report.syncs).toBe(3);
    expect(fake.sheetNames()).toEqual(["Sheet1", ...m.sheets.map((s) => s.name)]);
    expect(fake.sheet("_meta").visibility).toBe("VeryHidden");
    expect(fake.sheet("_lists").visibility).toBe("Hidden");
    for (const s of m.sheets)
      for (const { addr, cell } of modelCells(s)) {
        if (typeof cell === "object" && cell !== null)
          expect(fake.formula(s.name, addr)).toBe(encodeCell(cell));
        else expect([s.name, addr, fake.value(s.name, addr)]).toEqual([s.name, addr, cell]);
      }
  });

  test("text that Excel would parse (codes, ISO dates) stays text", async () => {
    const { fake, port } = setup();
    const m = model();
    await port.writeModel(m);
    const meta = m.sheets.find((s) => s.name === "_meta")!;
    const gen = modelCells(meta).find((c) => c.cell === "2019-11-01T00:00:00.000Z")!;
    expect(fake.value("_meta", gen.addr)).toBe("2019-11-01T00:00:00.000Z");
  });

  test("styles: default font, header fill, borders, number formats, widths, merges, freeze", async () => {
    const { fake, port } = setup();
    const m = model();
    await port.writeModel(m);
    const s = m.sheets[0]!;
    // Every styled cell equals the layers folded in order (the file writer's semantics).
    let checked = 0;
    for (const { range } of s.styles)
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) {
          const want = expectedStyle(s, r, c);
          const got = fake.cell(s.name, address(r, c))!;
          expect([
            address(r, c),
            got.fontName,
            got.fontSize,
            got.bold,
            got.italic,
            got.underline,
            got.fill,
            got.hAlign,
            got.vAlign,
            got.wrap,
            got.numberFormat,
            got.locked,
          ]).toEqual([
            address(r, c),
            want.fontName ?? DEFAULT_FONT,
            want.fontSize ?? 11,
            want.bold ?? false,
            want.italic ?? false,
            want.underline ? "Single" : "None",
            want.fill ? `#${want.fill}` : null,
            want.hAlign
              ? { left: "Left", center: "Center", right: "Right" }[want.hAlign]
              : "General",
            want.vAlign
              ? { top: "Top", middle: "Center", bottom: "Bottom" }[want.vAlign]
              : "Bottom",
            want.wrap ?? false,
            want.numFmt ?? "General",
            want.locked ?? true,
          ]);
          checked++;
        }
    expect(checked).toBeGreaterThan(100);
    expect(fake.sheet(s.name).freeze).toEqual({
      rows: (s.freeze?.row ?? 1) - 1,
      cols: (s.freeze?.col ?? 1) - 1,
    });
    const header = s.styles.find((x) => x.style.fill === "DDEBF7")!;
    const hc = fake.cell(s.name, address(header.range.top, header.range.left))!;
    expect(hc.fill).toBe("#DDEBF7");
    expect(hc.bold).toBe(true);
    expect(hc.borders).toEqual({
      top: "Continuous",
      bottom: "Continuous",
      left: "Continuous",
      right: "Continuous",
    });
    const fmt = [...s.styles].reverse().find((x) => x.style.numFmt)!;
    expect(fake.cell(s.name, address(fmt.range.bottom, fmt.range.left))!.numberFormat).toBe(
      fmt.style.numFmt
    );
    s.columnWidths.forEach((w, i) => {
      if (w !== undefined) expect(fake.columnWidth(s.name, i + 1)).toBe(widthToPoints(w));
    });
    expect(fake.sheet(s.name).merges).toEqual(s.merges);
    for (const c of s.hiddenColumns ?? [])
      expect(fake.sheet(s.name).hiddenColumns.has(c)).toBe(true);
    for (const [r, h] of Object.entries(s.rowHeights ?? {}))
      expect(fake.sheet(s.name).rowHeights.get(Number(r))).toBe(h);
  });

  test("validations: one per model validation, every range bounded, same rules as the file writer", async () => {
    const { fake, port } = setup();
    const m = model();
    await port.writeModel(m);
    const s = m.sheets[0]!;
    expect(fake.validationLog).toHaveLength(s.validations.length);
    for (const v of fake.validationLog) {
      expect(v.cells).toBeLessThan(1000);
      expect(v.address).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
    }
    const dvs = fake.validations(s.name);
    for (const v of s.validations) {
      const got = dvs.find(
        (d) =>
          d.rect.top === v.range.top &&
          d.rect.left === v.range.left &&
          d.rect.bottom === v.range.bottom
      )!;
      expect(got).toBeDefined();
      expect(got.rect.bottom).toBeLessThan(MAX_ROWS);
      expect(got.ignoreBlanks).toBe(v.allowBlank);
      expect(got.errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
      if (v.rule.kind === "list")
        expect(got.rule).toEqual({ list: { inCellDropDown: true, source: v.rule.source } });
      else
        expect(Object.keys(got.rule)[0]).toBe(v.rule.kind === "whole" ? "wholeNumber" : "decimal");
    }
  });

  test("protection: sheets protected after the writes, entry cells unlocked, titles locked", async () => {
    const { fake, port } = setup();
    const m = model();
    await port.writeModel(m);
    const s = m.sheets[0]!;
    expect(fake.protection(s.name)).toEqual({
      protected: true,
      options: {
        allowFormatCells: true,
        allowFormatColumns: true,
        allowFormatRows: true,
        selectionMode: "Normal",
      },
    });
    expect(fake.protection("_meta").protected).toBe(true);
    const meta = metaOf(m);
    const row = unitRows(m)[0]!;
    const entryKey = spec.columns.find(
      (c) => !c.identity && !c.computed && c.type === "number"
    )!.key;
    const entry = `${meta.columns[entryKey]}${row}`;
    expect(fake.cell(s.name, entry)!.locked).toBe(false);
    expect((await fake.userEdit(s.name, entry, 88)).accepted).toBe(true);
    expect(await fake.userEdit(s.name, "A1", "xoá tiêu đề")).toEqual({
      accepted: false,
      reason: "protected",
    });
    // The unit name column stays locked.
    expect(fake.cell(s.name, `${meta.columns.unitName}${row}`)!.locked).toBe(true);
    void columnNumber;
  });

  test("print setup: A4, orientation, a fixed readable scale, title rows, margins, centring", async () => {
    const { fake, port } = setup();
    const m = model();
    await port.writeModel(m);
    const s = m.sheets[0]!;
    const p = s.print!;
    const pl = fake.pageLayout(s.name);
    expect(pl.paperSize).toBe("A4");
    expect(pl.orientation).toBe(p.orientation === "landscape" ? "Landscape" : "Portrait");
    // Templates print at a fixed scale (≥ 92 %), never shrunk to fit one page wide.
    expect(p.fitToWidth).toBe(0);
    expect(p.scale).toBeGreaterThanOrEqual(92);
    expect(pl.zoom.scale).toBe(p.scale);
    if (p.printTitleRows)
      expect(pl.printTitleRows).toBe(`$${p.printTitleRows.first}:$${p.printTitleRows.last}`);
    expect(pl.margins.top).toBeCloseTo((p.margins.top / 25.4) * 72, 0);
    expect(pl.centerHorizontally).toBe(p.centerHorizontally);
  });

  test("an existing sheet is refused unless replaceExisting; replacing keeps one copy and re-adds names", async () => {
    const { fake, port } = setup();
    const m = model();
    await port.writeModel(m);
    await expect(port.writeModel(m)).rejects.toMatchObject({
      code: "sheet-exists",
      message: expect.stringContaining("đã có trang"),
    });
    const s = m.sheets[0]!;
    fake.setValue(s.name, "Z99", "cũ");
    const rep = await port.writeModel(m, { replaceExisting: true, activate: s.name });
    expect(rep.syncs).toBe(3);
    expect(fake.sheetNames().filter((n) => n === s.name)).toHaveLength(1);
    expect(fake.sheetNames().some((n) => n.startsWith("~xl_old"))).toBe(false);
    expect(fake.value(s.name, "Z99")).toBe("");
    expect(fake.sheet("_meta").visibility).toBe("VeryHidden");
    expect(fake.sheetById(fake.activeSheetId).name).toBe(s.name);
  });

  test("defined names, notes (ExcelApi 1.18) and their absence on older Excel", async () => {
    const m = wideModel(5, 8);
    m.sheets[0]!.definedNames = { MucXepLoai: "=_lists!$A$2:$A$5" };
    m.sheets[0]!.notes = [{ row: 3, col: 2, text: "Ghi chú cột" }];
    const newer = setup({ ExcelApi: "1.18" });
    const r1 = await newer.port.writeModel(m);
    expect(newer.fake.names.get("mucxeploai")?.formula).toBe("=_lists!$A$2:$A$5");
    expect(newer.fake.note("Tổng hợp", "B3")).toBe("Ghi chú cột");
    expect((r1 as { notesSkipped?: number }).notesSkipped).toBe(0);
    const older = setup({ ExcelApi: "1.12" });
    const r2 = await older.port.writeModel(m);
    expect(older.fake.note("Tổng hợp", "B3")).toBeUndefined();
    expect((r2 as { notesSkipped?: number }).notesSkipped).toBe(1);
    // Replacing re-creates the name instead of failing on "already exists".
    await newer.port.writeModel(m, { replaceExisting: true });
    expect(newer.fake.names.size).toBe(1);
  });

  test("a failing write gives a Vietnamese error and still turns events back on", async () => {
    const { fake, port } = setup();
    const m = wideModel(3, 3);
    m.sheets[0]!.name = "Tên/sai";
    await expect(port.writeModel(m)).rejects.toMatchObject({
      code: "InvalidArgument",
      message: expect.stringContaining("Không ghi được vào sổ tính"),
    });
    expect(fake.enableEvents).toBe(true);
  });

  test("writes run with events off and calculation suspended; events come back on", async () => {
    const { fake, port } = setup();
    await port.writeModel(model());
    const writes = fake.syncLog.slice(1, -1);
    expect(writes.every((s) => s.suspendedCalculation)).toBe(true);
    expect(writes[0]!.suspendedScreenUpdating).toBe(true);
    expect(fake.changeLog.filter((c) => c.by === "api").every((c) => !c.delivered)).toBe(true);
    expect(fake.enableEvents).toBe(true);
  });
});
