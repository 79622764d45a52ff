/**
 * Decisions typed on the Tổng hợp sheet for a unit that is not in this run's register are kept
 * (section + _meta_master) and put back when the unit returns; an edited _meta_master row and a
 * second row with other hand-filled content are kept too, never dropped.
 */
import { leaderKey } from "../../../src/core/classify/leaders";
import { MASTER_SHEETS, readManualColumns, runPipeline } from "../../../src/core/master";
import { keepDecision, parseDecision } from "../../../src/core/master/decisions";
import type { ManualEntry } from "../../../src/core/master/types";
import { columnNumber, type WorkbookModel } from "../../../src/core/sheet/model";
import type { UnitRegister } from "../../../src/core/units/types";
import { catalog, register, report, settings, sub } from "../consolidate/fixtures";
import { findRow, modelToGrids } from "./grids";

const TC = "db-phuong-thuy-chau";
const build = (reg: UnitRegister, previous: ReturnType<typeof readManualColumns> | null, now: string) =>
  runPipeline({
    submissions: [sub("tccs-bao-cao", [report("db-phuong-phu-bai"), report(TC)])],
    settings,
    register: reg,
    catalog,
    now,
    previous,
  });
const metaOf = (m: WorkbookModel) =>
  Object.fromEntries(
    m.sheets
      .find((s) => s.name === MASTER_SHEETS.meta)!
      .blocks[0]!.cells.map((r) => [String(r[0]), String(r[1])])
  );
const texts = (m: WorkbookModel, name: string) =>
  modelToGrids(m)
    .sheets.find((s) => s.name === name)!
    .rows.flat()
    .map((c) => String(c ?? ""));

describe("Tổng hợp: a unit's decision while the unit is out of the register", () => {
  it("is kept under Quyết định chưa khớp and in _meta_master, then put back on the unit's row", () => {
    const first = build(register, null, "2019-12-20T02:00:00.000Z").model;
    const grids = modelToGrids(first);
    const meta = metaOf(first);
    const g = grids.sheets.find((s) => s.name === MASTER_SHEETS.master)!;
    const row = findRow(g, columnNumber(meta["column:unitCode"]!), TC);
    g.rows[row - 1]![columnNumber(meta["column:quyetDinhBtv"]!) - 1] = "HTNV";
    g.rows[row - 1]![columnNumber(meta["column:ghiChu"]!) - 1] = "Sáp nhập, chờ quyết định";

    const without: UnitRegister = { ...register, units: register.units.filter((u) => u.code !== TC) };
    const r2 = build(without, readManualColumns(grids), "2019-12-21T02:00:00.000Z");
    const shown = texts(r2.model, MASTER_SHEETS.master);
    expect(shown).toEqual(
      expect.arrayContaining([
        "QUYẾT ĐỊNH CHƯA KHỚP",
        `Đảng bộ phường Thủy Châu (mã ${TC})`,
        "HTNV",
        "Sáp nhập, chờ quyết định",
      ])
    );
    expect(JSON.parse(metaOf(r2.model)[`decision:unit:${TC}`]!)).toMatchObject({
      quyetDinhBtv: "HTNV",
      ghiChu: "Sáp nhập, chờ quyết định",
      ten: "Đảng bộ phường Thủy Châu",
      unmatchedSince: "2019-12-21T02:00:00.000Z",
    });
    const w = r2.classification.warnings.find((x) => x.rule === "manual.orphan")!;
    expect(w.message.vi).toContain("Quyết định chưa khớp");
    expect(w.message.en).toContain("kept");
    // The section is below the print area: the signed table is printed as before.
    const s = r2.model.sheets.find((x) => x.name === MASTER_SHEETS.master)!;
    const sectionTop = s.blocks.find((b) => b.cells[0]?.[0] === "QUYẾT ĐỊNH CHƯA KHỚP")!.top;
    expect(sectionTop).toBeGreaterThan(s.print!.printArea!.bottom);

    // Another run still without the unit: still kept, the first time it lost its row unchanged.
    const r3 = build(without, readManualColumns(modelToGrids(r2.model)), "2019-12-22T02:00:00.000Z");
    expect(JSON.parse(metaOf(r3.model)[`decision:unit:${TC}`]!).unmatchedSince).toBe(
      "2019-12-21T02:00:00.000Z"
    );
    expect(r3.classification.warnings.map((x) => x.rule)).toContain("manual.unmatched");

    // The unit is back: the decision is on its row again, the section and the meta row are gone.
    const r4 = build(register, readManualColumns(modelToGrids(r3.model)), "2019-12-23T02:00:00.000Z");
    const back = readManualColumns(modelToGrids(r4.model));
    expect(back.manual[TC]).toMatchObject({ quyetDinhBtv: "HTNV", ghiChu: "Sáp nhập, chờ quyết định" });
    expect(back.manual[TC]!.unmatchedSince).toBeUndefined();
    expect(texts(r4.model, MASTER_SHEETS.master)).not.toContain("QUYẾT ĐỊNH CHƯA KHỚP");
    expect(Object.keys(metaOf(r4.model)).filter((k) => k.startsWith("decision:"))).toEqual([]);
    expect(back.log.some((e) => e.detail.includes("được điền lại"))).toBe(true);
  });
});

describe("nothing typed is dropped when reading back", () => {
  const e = (ghiChu: string): ManualEntry => ({
    deXuatBtc: null,
    quyetDinhBtv: "HTTNV",
    lyDoVuotTran: null,
    ghiChu,
  });

  it("a second, different decision under the same identity is kept beside the first, an identical one once", () => {
    const map: Record<string, ManualEntry> = {};
    expect(keepDecision(map, "k", e("a"))).toBe("k");
    expect(keepDecision(map, "k", e("a"))).toBe("k");
    expect(keepDecision(map, "k", e("b"))).toBe("k #2");
    expect(Object.keys(map)).toEqual(["k", "k #2"]);
  });

  it("an edited _meta_master decision row is kept whole as the note", () => {
    const d = parseDecision('{"quyetDinhBtv": "HTXSNV", oops');
    expect(d.intact).toBe(false);
    expect(d.ghiChu).toBe('{"quyetDinhBtv": "HTXSNV", oops');
    const ok = parseDecision('{"quyetDinhBtv":"Xuất sắc","ghiChu":"x"}');
    expect(ok).toMatchObject({ quyetDinhBtv: null, rawQuyetDinhBtv: "Xuất sắc", ghiChu: "x" });
  });

  it("leader identities compare like unit names: tone placement, case and spaces", () => {
    expect(leaderKey(TC, "Nguyễn Văn Thuỷ", "Bí thư Đảng uỷ")).toBe(
      leaderKey(TC, "nguyễn  văn THỦY ", "Bí thư Đảng ủy")
    );
    expect(leaderKey(TC, "Lê Hoà", "x")).toBe(leaderKey(TC, "Lê Hòa", "x"));
    // Diacritics are not guessed.
    expect(leaderKey(TC, "Lê Hoa", "x")).not.toBe(leaderKey(TC, "Lê Hòa", "x"));
  });
});
