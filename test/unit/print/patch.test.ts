/**
 * Rewriting an existing master's heading and signature with other settings: the patch holds only
 * the header, title and signature cells, and their texts are those a fresh build would write.
 */
import { masterHeadingPatch } from "../../../src/core/master/build";
import { readPrintGeometry } from "../../../src/core/master/manual";
import { runPipeline } from "../../../src/core/master";
import { printHeadingPatch } from "../../../src/core/print";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import type { PeriodSettings } from "../../../src/core/settings/types";
import type { SheetModel, WorkbookModel } from "../../../src/core/sheet/model";
import type { SheetGrid } from "../../../src/core/submission/types";
import type { RawCell } from "../../../src/core/validate/types";
import { CATALOG } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units/register";

const PRINTED = ["Tổng hợp", "Lãnh đạo", "Chỉ tiêu & tổng hợp", "Tình hình nộp"];

const NEW_SETTINGS: PeriodSettings = {
  ...DEFAULT_SETTINGS_2019,
  issuingBody: "Ban Thường vụ Thị ủy Hương Thủy",
  place: "Thị xã Hương Thủy",
  documentDate: "2020-01-15",
  signer: { onBehalfOf: "T/M Ban Thường vụ", position: "Phó Bí thư", name: "Lê Văn Bình" },
};

function build(settings: PeriodSettings): WorkbookModel {
  return runPipeline({
    submissions: [],
    settings,
    register: defaultRegister(),
    catalog: CATALOG,
  }).model;
}

/** Cell texts of a sheet model by "row:col" (formulas as "=…", as a reader would tell them apart). */
function cells(s: SheetModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of s.blocks)
    b.cells.forEach((line, i) =>
      line.forEach((c, j) => {
        if (c === null || c === undefined || c === "") return;
        const v = typeof c === "object" ? `=${c.formula}` : String(c);
        out.set(`${b.top + i}:${b.left + j}`, v);
      })
    );
  return out;
}

/** The sheet as the workbook would hand it back (row 1 at index 0). */
function gridOf(s: SheetModel): SheetGrid {
  const rows: RawCell[][] = [];
  for (const [key, v] of cells(s)) {
    const [r, c] = key.split(":").map(Number) as [number, number];
    rows[r - 1] ??= [];
    rows[r - 1]![c - 1] = v;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name: s.name, visibility: s.visibility, rows };
}

const gridsOf = (m: WorkbookModel) => m.sheets.map(gridOf);
const sheet = (m: WorkbookModel, name: string) => m.sheets.find((s) => s.name === name)!;

describe("masterHeadingPatch", () => {
  const before = build(DEFAULT_SETTINGS_2019);
  const fresh = build(NEW_SETTINGS);
  const patch = masterHeadingPatch(NEW_SETTINGS, gridsOf(before))!;

  test("_meta_master records where each printed sheet's blocks are", () => {
    const read = readPrintGeometry(gridsOf(before))!;
    expect(read.period).toBe(2019);
    expect(read.printed.map((p) => p.sheet)).toEqual(PRINTED);
    const master = read.printed[0]!.geometry;
    expect(master.signatureTop).toBeGreaterThan(10);
    expect(read.printed[3]!.geometry.signatureTop).toBeNull(); // the status sheet is not signed
  });

  test("patches the four printed sheets, and no other", () => {
    expect(patch.skipped).toEqual([]);
    expect(patch.sheets).toEqual(PRINTED);
    expect(patch.model.sheets.map((s) => s.name)).toEqual(PRINTED);
  });

  test("old cells + patch = a fresh build with the new settings, on every printed sheet", () => {
    for (const name of PRINTED) {
      const patched = cells(sheet(before, name));
      const touched = cells(sheet(patch.model, name));
      for (const [k, v] of touched) patched.set(k, v);
      expect(Object.fromEntries(patched)).toEqual(Object.fromEntries(cells(sheet(fresh, name))));
    }
  });

  test("touches only the header, title and signature cells: values only, no styles or merges", () => {
    const m = sheet(patch.model, "Tổng hợp");
    const texts = [...cells(m).values()];
    expect(texts).toEqual([
      "ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "BAN THƯỜNG VỤ THỊ ỦY HƯƠNG THỦY",
      "*",
      "Thị xã Hương Thủy, ngày 15 tháng 1 năm 2020",
      "BẢNG TỔNG HỢP",
      "kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng năm 2019",
      "T/M BAN THƯỜNG VỤ",
      "PHÓ BÍ THƯ",
      "Lê Văn Bình",
    ]);
    expect(m.styles).toEqual([]);
    expect(m.merges).toEqual([]);
    expect(m.validations).toEqual([]);
    expect(m.print).toBeUndefined();
    // No patched row lies among the data rows recorded in _meta_master.
    const meta = new Map(gridOf(sheet(before, "_meta_master")).rows.map((r) => [r[0], r[1]]));
    const first = Number(meta.get("firstDataRow"));
    const last = Number(meta.get("lastDataRow"));
    for (const b of m.blocks) expect(b.top < first || b.top > last).toBe(true);
  });

  test("keeps the master's own year in the titles, whatever year the settings say", () => {
    const p = masterHeadingPatch({ ...NEW_SETTINGS, period: 2024 }, gridsOf(before))!;
    expect(p.period).toBe(2019);
    const texts = [...cells(sheet(p.model, "Tổng hợp")).values()];
    expect(texts.some((t) => t.endsWith("năm 2019"))).toBe(true);
    expect(texts.some((t) => t.includes("2024"))).toBe(false);
  });

  test("leaves a sheet alone when rows were inserted above its heading", () => {
    const grids = gridsOf(before).map((g) =>
      g.name === "Tổng hợp" ? { ...g, rows: [["Ghi chú thêm"], ...g.rows] } : g
    );
    const p = masterHeadingPatch(NEW_SETTINGS, grids)!;
    expect(p.sheets).not.toContain("Tổng hợp");
    expect(p.sheets).toContain("Lãnh đạo");
    expect(p.skipped).toHaveLength(1);
    expect(p.skipped[0]!.message.vi).toMatch(/Trang “Tổng hợp”: .*ô [A-Z]+\d+ .*không ghi đè/);
  });

  test("leaves a sheet alone when a data row now sits where the signature was", () => {
    const top = readPrintGeometry(gridsOf(before))!.printed[0]!.geometry.signatureTop!;
    const grids = gridsOf(before).map((g) => {
      if (g.name !== "Tổng hợp") return g;
      const rows = g.rows.map((r) => [...r]);
      rows[top - 1] = [99, "Đảng bộ mới", ...(rows[top - 1] ?? []).slice(2)];
      return { ...g, rows };
    });
    const p = masterHeadingPatch(NEW_SETTINGS, grids)!;
    expect(p.sheets).not.toContain("Tổng hợp");
    expect(p.skipped[0]!.message.vi).toContain(`A${top}`);
  });

  test("a workbook without a master, or a master without recorded positions: null", () => {
    expect(masterHeadingPatch(NEW_SETTINGS, [])).toBeNull();
    const old = gridsOf(before).map((g) =>
      g.name === "_meta_master"
        ? { ...g, rows: g.rows.filter((r) => !String(r[0]).startsWith("print:")) }
        : g
    );
    expect(masterHeadingPatch(NEW_SETTINGS, old)).toBeNull();
  });

  test("a sheet deleted since is simply not patched", () => {
    const p = printHeadingPatch(
      NEW_SETTINGS,
      readPrintGeometry(gridsOf(before))!.printed.map((x) => ({
        name: x.sheet,
        geometry: x.geometry,
        options: { title: "X" },
      })),
      []
    );
    expect(p.model.sheets).toEqual([]);
    expect(p.skipped).toEqual([]);
  });
});
