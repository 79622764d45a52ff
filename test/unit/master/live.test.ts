/**
 * The live quota and summary: "Mức tính chỉ tiêu" on Tổng hợp and the COUNTIFS of "Chỉ tiêu & tổng
 * hợp" carry the core's own results as cached values, reference bounded ranges of the right
 * columns, and (with LibreOffice, XEPLOAI_LIBREOFFICE=1) recalculate to what the core computes
 * after a decision is typed into "Quyết định của Ban Thường vụ".
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { classifyAll, effectiveLevel } from "../../../src/core/classify";
import { consolidate } from "../../../src/core/consolidate";
import { MASTER_SHEETS, readManualColumns, runPipeline } from "../../../src/core/master";
import { HD21_2019 } from "../../../src/core/rules";
import type { RuleSet } from "../../../src/core/rules/types";
import {
  columnLetter,
  columnNumber,
  type Cell,
  type SheetModel,
  type WorkbookModel,
} from "../../../src/core/sheet/model";
import { catalog, danVan, register, report, settings, sub, ubkt } from "../consolidate/fixtures";
import { findRow, modelToGrids } from "./grids";
import { tempDir } from "../../temp-dirs";

const PB = "db-phuong-phu-bai";
const TC = "db-phuong-thuy-chau";
const NOW = "2019-12-30T02:00:00.000Z";
const subs = () => [
  sub("tccs-bao-cao", [
    report(PB),
    report(TC, { tuXepLoai: "HTTNV" }),
    report("db-phuong-thuy-duong", { tuXepLoai: "HTTNV" }),
    report("db-xa-thuy-phu", { loaiHinh: "DB_XA", tuXepLoai: "HTTNV" }),
  ]),
  sub("dan-van", [danVan("phuong-phu-bai"), danVan("phuong-thuy-chau")]),
  sub("ubkt", [ubkt(PB, false), ubkt(TC, false)]),
];
/** The per-loại-hình option (the default is one group of all TCCS). */
const BY_TYPE: RuleSet = {
  ...HD21_2019,
  quota: { ...HD21_2019.quota, organisations: { groupBy: "loaiHinh" } },
};
const pipeline = (
  previous: ReturnType<typeof readManualColumns> | null,
  ruleSet: RuleSet = BY_TYPE
) =>
  runPipeline({
    submissions: subs(),
    settings,
    register,
    catalog,
    now: NOW,
    previous,
    ruleSet,
  });

const sheet = (m: WorkbookModel, name: string) => m.sheets.find((s) => s.name === name)!;
function metaOf(m: WorkbookModel) {
  const rows = sheet(m, "_meta_master").blocks[0]!.cells as (string | number)[][];
  return Object.fromEntries(rows.map((r) => [String(r[0]), r[1]]));
}
/** Every formula cell of a sheet by A1 address. */
function formulas(s: SheetModel): Map<string, { formula: string; result?: Cell }> {
  const out = new Map<string, { formula: string; result?: Cell }>();
  for (const b of s.blocks)
    b.cells.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c !== null && typeof c === "object")
          out.set(`${columnLetter(b.left + j)}${b.top + i}`, c);
      })
    );
  return out;
}
/** The quota rows of section III: label in A, formulas in B..G. */
function quotaRows(m: WorkbookModel) {
  const s = sheet(m, MASTER_SHEETS.summary);
  const f = formulas(s);
  const rows: { label: string; row: number; cells: Record<string, Cell> }[] = [];
  for (const b of s.blocks) {
    const r = b.top;
    const label = b.cells[0]?.[0];
    if (typeof label === "string" && f.get(`G${r}`)?.formula.startsWith("MAX(0,")) {
      const cells: Record<string, Cell> = {};
      for (const c of ["B", "C", "D", "E", "F", "G"]) cells[c] = f.get(`${c}${r}`)!.result ?? null;
      rows.push({ label, row: r, cells });
    }
  }
  return rows;
}
/** The grids of a model with a decision typed into Quyết định của Ban Thường vụ. */
function decide(m: WorkbookModel, code: string, level: string) {
  const grids = modelToGrids(m);
  const meta = metaOf(m);
  const g = grids.sheets.find((s) => s.name === MASTER_SHEETS.master)!;
  const row = findRow(g, columnNumber(String(meta["column:unitCode"])), code);
  g.rows[row - 1]![columnNumber(String(meta["column:quyetDinhBtv"])) - 1] = level;
  return readManualColumns(grids);
}

describe("live quota and summary", () => {
  const m = pipeline(null);
  const meta = metaOf(m.model);
  const first = Number(meta.firstDataRow);
  const last = Number(meta.lastDataRow);
  const eff = String(meta["column:mucTinhChiTieu"]);
  /** 1-based column of a header of the Tổng hợp table. */
  const headerCol = (header: string) => {
    const g = modelToGrids(m.model).sheets.find((s) => s.name === MASTER_SHEETS.master)!;
    const hits = g.rows
      .slice(0, first - 1)
      .flatMap((r) => (r ?? []).map((c, i) => (c === header ? i + 1 : 0)).filter((i) => i > 0));
    expect(new Set(hits).size).toBe(1);
    return hits[0]!;
  };

  it("Mức tính chỉ tiêu: a formula per TCCS row over its own row's decision, proposal and suggestion, cached with the core's effective level", () => {
    const f = formulas(sheet(m.model, MASTER_SHEETS.master));
    const col = (k: string) => String(meta[`column:${k}`]);
    const byCode = new Map(m.classification.tccs.map((t) => [t.unitCode, t]));
    const grid = modelToGrids(m.model).sheets.find((s) => s.name === MASTER_SHEETS.master)!;
    const suggestedCol = columnLetter(headerCol("Hệ thống đề xuất"));
    let n = 0;
    for (let r = first; r <= last; r++) {
      const cell = f.get(`${eff}${r}`)!;
      expect(cell).toBeDefined();
      // Only the level list lives on another sheet; every other reference is on this row.
      const own = cell.formula.replaceAll("_lists_master!$A$2:$A$5", "");
      expect(own).not.toContain("!");
      const refs = [...own.matchAll(/\$?([A-Z]{1,3})\$?(\d+)/g)].map((x) => `${x[1]}${x[2]}`);
      // The decision, the proposal and (third) the system's suggestion, all on the same row.
      const distinct = new Set(refs);
      expect(distinct.size).toBe(3);
      expect(distinct).toContain(`${col("quyetDinhBtv")}${r}`);
      expect(distinct).toContain(`${col("deXuatBtc")}${r}`);
      expect(distinct).toContain(`${suggestedCol}${r}`);
      const code = String(grid.rows[r - 1]![columnNumber(col("unitCode")) - 1]);
      expect(cell.result).toBe(effectiveLevel(byCode.get(code)!, {})?.level ?? "");
      n++;
    }
    expect(n).toBe(m.classification.tccs.length);
  });

  it("counts, percentages and the quota per loại hình are COUNTIFS over bounded ranges of Tổng hợp, cached with the core's quota pass", () => {
    const f = formulas(sheet(m.model, MASTER_SHEETS.summary));
    const all = [...f.values()].map((x) => x.formula).join("\n");
    // Every reference to Tổng hợp is bounded to the TCCS rows; never a whole column.
    const ranges = [...all.matchAll(/'Tổng hợp'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)/g)];
    expect(ranges.length).toBeGreaterThan(10);
    for (const x of ranges) {
      expect(x[1]).toBe(x[3]);
      expect([Number(x[2]), Number(x[4])]).toEqual([first, last]);
    }
    expect(all).not.toMatch(/![$]?[A-Z]+:[$]?[A-Z]+(?![$\d])/);
    expect(all).toContain(`'Tổng hợp'!$${eff}$${first}:$${eff}$${last}`);
    const lh = columnLetter(headerCol("Loại hình"));
    expect(all).toContain(`'Tổng hợp'!$${lh}$${first}:$${lh}$${last},"Đảng bộ phường")`);

    const groups = quotaRows(m.model);
    expect(groups.map((g) => g.label)).toEqual(m.quota.organisations.map((g) => g.label));
    groups.forEach((g, i) => {
      const q = m.quota.organisations[i]!;
      expect(g.cells).toEqual({
        B: q.counts.HTXSNV,
        C: q.counts.HTTNV,
        D: q.base,
        E: q.allowed,
        F: q.used,
        G: q.excess,
      });
      expect(f.get(`E${g.row}`)!.formula).toBe(`FLOOR(0.2*D${g.row}+1E-9,1)`);
    });
    // Section I: one COUNTIF per level, cached with the count of effective levels.
    for (const level of ["HTXSNV", "HTTNV", "HTNV", "KHTNV"] as const) {
      const cell = [...f.values()].find(
        (x) => x.formula === `COUNTIF('Tổng hợp'!$${eff}$${first}:$${eff}$${last},"${level}")`
      )!;
      expect(cell.result).toBe(
        m.classification.tccs.filter((t) => effectiveLevel(t, {})?.level === level).length
      );
    }
    const sentence = [...f.values()].find((x) => String(x.result).startsWith("HTTNV trở lên"))!;
    expect(sentence.result).toMatch(/^HTTNV trở lên [\d,]+%, trong đó HTXSNV [\d,]+%\.$/);
  });

  it("a decision typed into Quyết định của Ban Thường vụ changes the cached results the next run writes, as the core's quota pass says", () => {
    const before = quotaRows(m.model).find((g) => g.label === "Đảng bộ phường")!;
    const after = pipeline(decide(m.model, TC, "HTXSNV"));
    const row = quotaRows(after.model).find((g) => g.label === "Đảng bộ phường")!;
    expect(row.cells.F).toBe(Number(before.cells.F) + 1);
    const c = consolidate(subs(), { register, settings, catalog });
    const manual = {
      [TC]: { deXuatBtc: null, quyetDinhBtv: "HTXSNV" as const, lyDoVuotTran: null, ghiChu: null },
    };
    const q = classifyAll(c, { register, ruleSet: BY_TYPE, catalog, manual }).quota;
    const g = q.organisations.find((x) => x.group === "DB_PHUONG")!;
    expect(row.cells).toEqual({
      B: g.counts.HTXSNV,
      C: g.counts.HTTNV,
      D: g.base,
      E: g.allowed,
      F: g.used,
      G: g.excess,
    });
    expect(g.excess).toBeGreaterThan(0);
  });

  it("the ratio and the base come from the rule set", () => {
    const rs: RuleSet = {
      ...BY_TYPE,
      quota: { ...BY_TYPE.quota, ratio: 0.5, quotaBase: "HTTNV_or_higher" },
    };
    const other = pipeline(null, rs);
    const f = formulas(sheet(other.model, MASTER_SHEETS.summary));
    const g = quotaRows(other.model)[0]!;
    expect(f.get(`D${g.row}`)!.formula).toBe(`B${g.row}+C${g.row}`);
    expect(f.get(`E${g.row}`)!.formula).toBe(`FLOOR(0.5*D${g.row}+1E-9,1)`);
    expect(g.cells.E).toBe(other.quota.organisations[0]!.allowed);
  });

  it("by default one group of every TCCS, rounding from the rule set", () => {
    const all = pipeline(null, {
      ...HD21_2019,
      quota: { ...HD21_2019.quota, rounding: "ceil" },
    });
    const groups = quotaRows(all.model);
    expect(groups.map((g) => g.label)).toEqual(["Tất cả tổ chức cơ sở đảng"]);
    const f = formulas(sheet(all.model, MASTER_SHEETS.summary));
    expect(f.get(`E${groups[0]!.row}`)!.formula).toBe(`CEILING(0.2*D${groups[0]!.row}-1E-9,1)`);
    expect(groups[0]!.cells.E).toBe(all.quota.organisations[0]!.allowed);
  });

  it("is idempotent", () => {
    expect(JSON.stringify(pipeline(null).model)).toBe(JSON.stringify(m.model));
  });
});

// ---- LibreOffice: recalculate the written file after a decision typed with ExcelJS. ----
const enabled =
  process.env.XEPLOAI_LIBREOFFICE === "1" &&
  spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const maybe = enabled ? describe : describe.skip;
jest.setTimeout(180_000);

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(field), (field = ""));
    else if (ch === "\n") (row.push(field), rows.push(row), (row = []), (field = ""));
    else if (ch !== "\r") field += ch;
  }
  if (field || row.length) (row.push(field), rows.push(row));
  return rows;
}

maybe("LibreOffice recalculates the live quota", () => {
  it("after HTXSNV is typed into Quyết định của Ban Thường vụ, the used and excess cells change to the core's figures", async () => {
    const dir = tempDir("xeploai-live-");
    const m = pipeline(null);
    const meta = metaOf(m.model);
    const { writer } = await loadXlsx();
    const file = path.join(dir, "master.xlsx");
    writeFileSync(file, await writer.write(m.model));

    // Type the decision with ExcelJS, as a user would in Excel.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(MASTER_SHEETS.master)!;
    const codeCol = String(meta["column:unitCode"]);
    let row = -1;
    for (let r = Number(meta.firstDataRow); r <= Number(meta.lastDataRow); r++)
      if (ws.getCell(`${codeCol}${r}`).value === TC) row = r;
    expect(row).toBeGreaterThan(0);
    ws.getCell(`${String(meta["column:quyetDinhBtv"])}${row}`).value = "HTXSNV";
    await wb.xlsx.writeFile(file);

    // Cached results are present, so LibreOffice must be told to recalculate on load.
    const profile = path.join(dir, "profile");
    mkdirSync(path.join(profile, "user"), { recursive: true });
    writeFileSync(
      path.join(profile, "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
    );
    const r = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        dir,
        file,
      ],
      { encoding: "utf8", timeout: 170_000 }
    );
    expect(r.status).toBe(0);
    const csv = (name: string) =>
      parseCsv(readFileSync(path.join(dir, `master-${name}.csv`), "utf8"));
    const master = csv(MASTER_SHEETS.master);
    expect(master[row - 1]![columnNumber(String(meta["column:mucTinhChiTieu"])) - 1]).toBe(
      "HTXSNV"
    );

    // What the core computes once the decision is read back: every formula cell must agree.
    const expected = pipeline(decide(m.model, TC, "HTXSNV")).model;
    const summary = csv(MASTER_SHEETS.summary);
    const mismatches: string[] = [];
    for (const [a1, cell] of formulas(sheet(expected, MASTER_SHEETS.summary))) {
      const [, col, r1] = /^([A-Z]+)(\d+)$/.exec(a1)!;
      const got = summary[Number(r1) - 1]?.[columnNumber(col!) - 1] ?? "";
      const want = cell.result;
      const same =
        typeof want === "number" ? Math.abs(Number(got) - want) < 0.006 : got === String(want);
      if (!same) mismatches.push(`${a1}: LibreOffice ${JSON.stringify(got)}, core ${want}`);
    }
    expect(mismatches).toEqual([]);
    // And the quota's used/excess cells did change from the file as written.
    const before = quotaRows(m.model).find((g) => g.label === "Đảng bộ phường")!;
    const lo = summary[before.row - 1]!;
    expect(Number(lo[5])).toBe(Number(before.cells.F) + 1);
    expect(Number(lo[6])).toBeGreaterThan(Number(before.cells.G));
  });
});
