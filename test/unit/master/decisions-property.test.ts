/**
 * Property: no decision a person typed is ever gone from the master. For seeded random sequences
 * of runs — the 3.15 file included or left out, leaders added, removed, replaced, rows refused for
 * an error, names and positions spelled with the other tone placement, case or spacing, units
 * leaving and rejoining the register — and people typing decisions on the rows they see between
 * runs, every decision last typed for a unit or a leader is, after every run, read back from the
 * master whole (on its row, or kept under "Quyết định chưa khớp" and `_meta_master`), and visible.
 *
 * A small seeded generator (src/core/demo/random's Rng) rather than a property-testing library:
 * the sequences are reproducible from the seed printed on failure, and no dependency is added.
 */
import { leaderKey } from "../../../src/core/classify/leaders";
import { Rng } from "../../../src/core/demo/random";
import { MASTER_SHEETS, readManualColumns, runPipeline } from "../../../src/core/master";
import type { ManualRead } from "../../../src/core/master/manual";
import type { ManualEntry } from "../../../src/core/master/types";
import { columnNumber, type WorkbookModel } from "../../../src/core/sheet/model";
import type { WorkbookGrids } from "../../../src/core/submission/types";
import type { UnitRegister } from "../../../src/core/units/types";
import type { ValidationIssue } from "../../../src/core/validate/types";
import {
  catalog,
  error,
  register,
  report,
  settings,
  sub,
  type FixtureRow,
} from "../consolidate/fixtures";
import { modelToGrids } from "./grids";

jest.setTimeout(240_000);

const TCCS = register.units.filter((u) => u.kind === "tccs").map((u) => u.code);
const LEADER_UNITS = TCCS.slice(0, 3);

/** People, each with several ways the same name and position get typed. */
const PEOPLE: { unit: string; names: string[]; positions: string[] }[] = [
  {
    unit: LEADER_UNITS[0]!,
    names: ["Nguyễn Văn Thủy", "Nguyễn Văn Thuỷ", "nguyễn  văn THỦY"],
    positions: ["Bí thư Đảng ủy", "Bí thư Đảng uỷ", "bí thư đảng ủy "],
  },
  {
    unit: LEADER_UNITS[0]!,
    names: ["Trần Thị Hòa", "Trần Thị Hoà", "TRẦN THỊ HÒA"],
    positions: ["Phó Bí thư", "phó bí thư"],
  },
  {
    unit: LEADER_UNITS[1]!,
    names: ["Lê Văn Khỏe", "Lê Văn Khoẻ"],
    positions: ["Chủ tịch UBND", "Chủ  tịch UBND"],
  },
  {
    unit: LEADER_UNITS[1]!,
    names: ["Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng uỷ"],
    positions: ["Tập thể"],
  },
  { unit: LEADER_UNITS[2]!, names: ["Phạm Thụy"], positions: ["Bí thư", "BÍ THƯ"] },
  {
    unit: LEADER_UNITS[2]!,
    names: ["Võ Thị Thúy", "Võ Thị Thuý"],
    positions: ["Phó Chủ tịch HĐND", "Phó Chủ tịch HĐND "],
  },
];
const idOf = (p: (typeof PEOPLE)[number]) => leaderKey(p.unit, p.names[0]!, p.positions[0]!);

const LEVELS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"];
const FIELDS = ["deXuatBtc", "quyetDinhBtv", "lyDoVuotTran", "ghiChu"] as const;
type Typed = Partial<Record<(typeof FIELDS)[number], string>>;

function metaOf(m: WorkbookModel): Record<string, string> {
  const rows = m.sheets.find((s) => s.name === MASTER_SHEETS.meta)!.blocks[0]!.cells;
  return Object.fromEntries(rows.map((r) => [String(r[0]), String(r[1])]));
}

/** What a typed entry reads back as: a level code or the raw text, and the two texts. */
function shown(e: ManualEntry | undefined): Typed {
  if (!e) return {};
  const out: Typed = {};
  const de = e.deXuatBtc ?? e.rawDeXuatBtc;
  const qd = e.quyetDinhBtv ?? e.rawQuyetDinhBtv;
  if (de) out.deXuatBtc = de;
  if (qd) out.quyetDinhBtv = qd;
  if (e.lyDoVuotTran) out.lyDoVuotTran = e.lyDoVuotTran;
  if (e.ghiChu) out.ghiChu = e.ghiChu;
  return out;
}

function randomTyping(rng: Rng, n: number): Typed {
  const t: Typed = {};
  for (const f of FIELDS) {
    if (!rng.chance(0.5)) continue;
    if (f === "deXuatBtc" || f === "quyetDinhBtv")
      t[f] = rng.chance(0.9) ? rng.pick(LEVELS) : `mức ${n} (gõ tay)`;
    else t[f] = `${f === "ghiChu" ? "Ghi chú" : "Lý do"} số ${n}`;
  }
  if (Object.keys(t).length === 0) t.quyetDinhBtv = rng.pick(LEVELS);
  return t;
}

interface World {
  master: WorkbookModel | null;
  /** What a person last typed, by unit code or canonical leader identity. */
  units: Map<string, Typed>;
  leaders: Map<string, Typed>;
  clock: number;
}

/** One consolidation run with a random set of files, rows, spellings and register. */
function run(rng: Rng, w: World, previous: ManualRead | null): WorkbookModel {
  const dropped = new Set(TCCS.filter(() => rng.chance(0.15)));
  const reg: UnitRegister = {
    ...register,
    units: register.units.filter((u) => !dropped.has(u.code)),
  };
  const submissions = [sub("tccs-bao-cao", TCCS.filter((c) => !dropped.has(c)).map((c) => report(c)))];
  if (rng.chance(0.8)) {
    const rows: FixtureRow[] = [];
    const issues: ValidationIssue[] = [];
    for (const p of PEOPLE) {
      if (!rng.chance(0.75)) continue;
      const rowNumber = 12 + rows.length;
      rows.push({
        unitCode: p.unit,
        rowNumber,
        values: {
          ten: rng.pick(p.names),
          chucVu: rng.pick(p.positions),
          laTapThe: p.positions[0] === "Tập thể" ? true : null,
          tuXepLoai: rng.pick(LEVELS),
          deXuat: null,
          xepLoaiCbccvc: null,
        },
      });
      // A row refused for an error (the error policy drops erroneous rows).
      if (rng.chance(0.15)) issues.push(error(rowNumber, "tuXepLoai"));
    }
    // Sometimes the rows come in another order (a new file replacing the old one).
    if (rng.chance(0.3)) rows.reverse();
    submissions.push(
      sub("lanh-dao", rows, {
        issues,
        modifiedAt: new Date(Date.UTC(2019, 11, 1) + w.clock * 60_000).toISOString(),
      })
    );
  }
  w.clock++;
  return runPipeline({
    submissions,
    settings,
    register: reg,
    catalog,
    errorPolicy: "dropErroneousRows",
    now: new Date(Date.UTC(2019, 11, 20) + w.clock * 3600_000).toISOString(),
    previous,
  }).model;
}

/** A person types decisions on some of the rows they see, in the cells where they are. */
function typeOnRows(rng: Rng, w: World, grids: WorkbookGrids, n: { v: number }): void {
  const meta = metaOf(w.master!);
  const master = grids.sheets.find((s) => s.name === MASTER_SHEETS.master)!;
  const first = Number(meta.firstDataRow);
  const last = Number(meta.lastDataRow);
  const codeCol = columnNumber(meta["column:unitCode"]!) - 1;
  for (let r = first - 1; r < last; r++) {
    const row = master.rows[r]!;
    const code = row[codeCol];
    if (typeof code !== "string" || !rng.chance(0.2)) continue;
    const t = randomTyping(rng, n.v++);
    for (const [f, v] of Object.entries(t)) row[columnNumber(meta[`column:${f}`]!) - 1] = v;
    w.units.set(code, { ...currentRow(row, (f) => columnNumber(meta[`column:${f}`]!) - 1), ...t });
  }
  const leaders = grids.sheets.find((s) => s.name === MASTER_SHEETS.leaders)!;
  const lFirst = Number(meta.leadersFirstDataRow);
  const keyCol = columnNumber(meta["leaderColumn:leaderKey"]!) - 1;
  for (let r = lFirst - 1; r < leaders.rows.length; r++) {
    const row = leaders.rows[r] ?? [];
    const key = row[keyCol];
    if (typeof key !== "string" || !key.includes(" | ") || !rng.chance(0.35)) continue;
    const t = randomTyping(rng, n.v++);
    for (const [f, v] of Object.entries(t)) row[columnNumber(meta[`leaderColumn:${f}`]!) - 1] = v;
    const col = (f: string) => columnNumber(meta[`leaderColumn:${f}`]!) - 1;
    w.leaders.set(key, { ...currentRow(row, col), ...t });
  }
}

function currentRow(row: unknown[], col: (f: string) => number): Typed {
  const out: Typed = {};
  for (const f of FIELDS) {
    const v = row[col(f)];
    if (typeof v === "string" && v.trim()) out[f] = v.trim();
  }
  return out;
}

/** Every text of a sheet, for "the decision is visible somewhere on the sheet". */
function sheetTexts(grids: WorkbookGrids, name: string): Set<string> {
  const s = grids.sheets.find((x) => x.name === name)!;
  return new Set(s.rows.flatMap((r) => (r ?? []).map((c) => String(c ?? ""))));
}

function expectNothingLost(w: World, seed: number, step: number): void {
  const grids = modelToGrids(w.master!);
  const read = readManualColumns(grids);
  const where = `seed ${seed}, run ${step}`;
  for (const [code, typed] of w.units) {
    const kept = Object.entries(read.manual)
      .filter(([k]) => k === code || k.startsWith(`${code} #`))
      .map(([, e]) => shown(e));
    expect({ where, code, kept }).toEqual({ where, code, kept: expect.arrayContaining([typed]) });
    const texts = sheetTexts(grids, MASTER_SHEETS.master);
    for (const v of Object.values(typed)) expect({ where, v, on: texts.has(v) }).toEqual({ where, v, on: true });
  }
  for (const [key, typed] of w.leaders) {
    const kept = Object.entries(read.leaders)
      .filter(([k]) => k === key || k.startsWith(`${key} #`))
      .map(([, e]) => shown(e));
    expect({ where, key, kept }).toEqual({ where, key, kept: expect.arrayContaining([typed]) });
    const texts = sheetTexts(grids, MASTER_SHEETS.leaders);
    for (const v of Object.values(typed)) expect({ where, v, on: texts.has(v) }).toEqual({ where, v, on: true });
  }
}

describe("no decision a person typed is ever gone from the master", () => {
  const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233];
  it.each(SEEDS)("seed %i: 7 runs with files, rows, spellings and register changing", (seed) => {
    const rng = new Rng(seed);
    const w: World = { master: null, units: new Map(), leaders: new Map(), clock: 0 };
    const n = { v: 1 };
    let previous: ManualRead | null = null;
    for (let step = 1; step <= 7; step++) {
      w.master = run(rng, w, previous);
      expectNothingLost(w, seed, step);
      const grids = modelToGrids(w.master);
      typeOnRows(rng, w, grids, n);
      previous = readManualColumns(grids);
    }
    // Every person's identity is one of the canonical keys (spellings never split a person).
    for (const key of w.leaders.keys()) expect(PEOPLE.map(idOf)).toContain(key);
  });
});
