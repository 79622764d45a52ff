/**
 * The "Lãnh đạo" sheet's hand-filled columns: dropdowns, unlocked, read back by the leader's
 * identity (unit code + name + position, canonicalised), never by row; a decision whose leader is
 * gone is reported with what was typed; the "above own unit" warning uses the decided levels.
 */
import { MASTER_SHEETS, readManualColumns, runPipeline } from "../../../src/core/master";
import { columnNumber, type WorkbookModel } from "../../../src/core/sheet/model";
import { catalog, danVan, register, report, settings, sub, ubkt } from "../consolidate/fixtures";
import { modelToGrids } from "./grids";
import { HD21_2019, QD366_2025, type RuleSet } from "../../../src/core/rules";

/** HD21-2019 caps a leader at the unit's level; this variant only warns (as QĐ 366's example). */
const WARN_ONLY: RuleSet = {
  ...HD21_2019,
  leaders: {
    ...HD21_2019.leaders,
    capAtUnit: null,
    aboveUnitWarning: QD366_2025.leaders.aboveUnitWarning,
  },
};

const PB = "db-phuong-phu-bai";
const NOW = "2019-12-30T02:00:00.000Z";
type Leader = { unitCode: string; rowNumber: number; values: Record<string, unknown> };
const leader = (ten: string, chucVu: string, values: Record<string, unknown> = {}): Leader => ({
  unitCode: PB,
  rowNumber: 12,
  values: {
    ten,
    chucVu,
    laTapThe: null,
    tuXepLoai: "HTTNV",
    deXuat: null,
    xepLoaiCbccvc: null,
    ...values,
  },
});
const AN = leader("Nguyễn Văn An", "Bí thư");
const BINH = leader("Trần Thị Bình", "Phó Bí thư");

function build(
  leaders: Leader[],
  previous: ReturnType<typeof readManualColumns> | null = null,
  unitSelf = "HTTNV",
  ruleSet?: RuleSet
) {
  return runPipeline({
    submissions: [
      sub("tccs-bao-cao", [report(PB, { tuXepLoai: unitSelf })]),
      sub("dan-van", [danVan("phuong-phu-bai")]),
      sub("ubkt", [ubkt(PB, false)]),
      sub(
        "lanh-dao",
        leaders.map((l, i) => ({ ...l, rowNumber: 12 + i }) as never)
      ),
    ],
    settings,
    register,
    catalog,
    now: NOW,
    previous,
    ruleSet,
  });
}

function metaOf(m: WorkbookModel) {
  const rows = m.sheets.find((s) => s.name === "_meta_master")!.blocks[0]!.cells as (
    string | number
  )[][];
  return Object.fromEntries(rows.map((r) => [String(r[0]), r[1]]));
}

/** Types values into the Lãnh đạo row of a leader (found by the visible name) and reads the master back. */
function typeInto(m: WorkbookModel, ten: string, values: Record<string, string>) {
  const grids = modelToGrids(m);
  const meta = metaOf(m);
  const g = grids.sheets.find((s) => s.name === MASTER_SHEETS.leaders)!;
  const row = g.rows.findIndex((r) => r?.[1] === ten);
  expect(row).toBeGreaterThanOrEqual(Number(meta.leadersFirstDataRow) - 1);
  for (const [k, v] of Object.entries(values))
    g.rows[row]![columnNumber(String(meta[`leaderColumn:${k}`])) - 1] = v;
  return readManualColumns(grids);
}

function leaderCell(m: WorkbookModel, ten: string, key: string) {
  const meta = metaOf(m);
  const g = modelToGrids(m).sheets.find((s) => s.name === MASTER_SHEETS.leaders)!;
  const canon = (x: unknown) => String(x).replace(/\s+/g, " ").trim().toLowerCase();
  const row = g.rows.find((r) => canon(r?.[1]) === canon(ten))!;
  return row[columnNumber(String(meta[`leaderColumn:${key}`])) - 1] ?? null;
}

describe("Lãnh đạo: hand-filled decision columns", () => {
  const m = build([AN, BINH]).model;
  const meta = metaOf(m);
  const s = m.sheets.find((x) => x.name === MASTER_SHEETS.leaders)!;
  const col = (k: string) => columnNumber(String(meta[`leaderColumn:${k}`]));

  it("has the four columns, level dropdowns from the hidden list sheet, unlocked on a protected sheet, and a hidden identity key", () => {
    const header = modelToGrids(m)
      .sheets.find((x) => x.name === MASTER_SHEETS.leaders)!
      .rows.slice(0, Number(meta.leadersFirstDataRow) - 1)
      .flat();
    for (const h of [
      "Đề xuất của Ban Tổ chức",
      "Quyết định của Ban Thường vụ",
      "Lý do vượt mức tối đa",
      "Ghi chú",
    ])
      expect(header).toContain(h);
    for (const k of ["deXuatBtc", "quyetDinhBtv"]) {
      const v = s.validations.find((x) => x.range.left === col(k))!;
      expect(v.rule).toEqual({ kind: "list", source: "=_lists_master!$A$2:$A$5" });
      expect(v.range.top).toBe(Number(meta.leadersFirstDataRow));
      expect(v.range.bottom).toBe(Number(meta.leadersFirstDataRow) + 1);
    }
    for (const k of ["deXuatBtc", "quyetDinhBtv", "lyDoVuotTran", "ghiChu"])
      expect(
        s.styles.some(
          (x) => x.range.left <= col(k) && x.range.right >= col(k) && x.style.locked === false
        )
      ).toBe(true);
    expect(s.protect).toBe(true);
    expect(s.hiddenColumns).toEqual([col("leaderKey")]);
    expect(leaderCell(m, "Nguyễn Văn An", "leaderKey")).toBe(
      "db-phuong-phu-bai | nguyễn văn an | bí thư"
    );
  });

  it("keeps the decisions by identity, not by row: another leader inserted above, the name retyped with other case and spacing", () => {
    const read = typeInto(m, "Trần Thị Bình", {
      quyetDinhBtv: "HTXSNV",
      lyDoVuotTran: "Thành tích đột xuất",
      ghiChu: "BTV họp 28/12",
    });
    expect(Object.values(read.leaders)).toEqual([
      expect.objectContaining({
        unitCode: PB,
        ten: "Trần Thị Bình",
        quyetDinhBtv: "HTXSNV",
        lyDoVuotTran: "Thành tích đột xuất",
        ghiChu: "BTV họp 28/12",
      }),
    ]);
    const CUONG = leader("Lê Văn Cường", "Chủ tịch UBND");
    const BINH2 = leader("TRẦN  thị Bình ", "phó bí thư");
    const again = build([CUONG, AN, BINH2], read).model;
    expect(leaderCell(again, "TRẦN  thị Bình", "quyetDinhBtv")).toBe("HTXSNV");
    expect(leaderCell(again, "TRẦN  thị Bình", "ghiChu")).toBe("BTV họp 28/12");
    for (const ten of ["Lê Văn Cường", "Nguyễn Văn An"])
      expect(leaderCell(again, ten, "quyetDinhBtv")).toBeNull();
    // And once more: still there (idempotent across runs).
    const third = readManualColumns(modelToGrids(again));
    expect(Object.values(third.leaders).map((l) => l.quyetDinhBtv)).toEqual(["HTXSNV"]);
  });

  it("a decision whose leader no longer has a row is kept and reported: a warning and a log line say what was typed", () => {
    const read = typeInto(m, "Trần Thị Bình", { quyetDinhBtv: "HTNV", ghiChu: "Chuyển công tác" });
    const r = build([AN], read);
    const w = r.classification.warnings.find((x) => x.rule === "manual.orphan-leader")!;
    expect(w.message.vi).toContain('"Trần Thị Bình"');
    expect(w.message.vi).toContain('Quyết định BTV: "HTNV"');
    expect(w.message.vi).toContain('Ghi chú: "Chuyển công tác"');
    const log = readManualColumns(modelToGrids(r.model)).log;
    expect(log.some((e) => e.kind === "warning" && e.detail === w.message.vi)).toBe(true);
  });

  it("asks for a reason when a leader's decision is above the leader's cap", () => {
    const capped = leader("Phạm Văn Dũng", "Phó Chủ tịch UBND", { xepLoaiCbccvc: "HTTNV" });
    const first = build([capped]).model;
    const read = typeInto(first, "Phạm Văn Dũng", { quyetDinhBtv: "HTXSNV" });
    const r = build([capped], read, "HTXSNV");
    expect(
      r.classification.warnings.some(
        (x) => x.rule === "lyDoVuotTran.required" && x.message.vi.includes("Phạm Văn Dũng")
      )
    ).toBe(true);
  });

  it("leader above own unit: compares with the unit's decided level, and uses the leader's decided level", () => {
    const star = leader("Nguyễn Văn An", "Bí thư", { tuXepLoai: "HTXSNV" });
    const plain = build([star], null, "HTTNV", WARN_ONLY);
    expect(plain.classification.warnings.map((x) => x.rule)).toContain("leader.above-unit");

    // The Standing Committee rates the unit HTXSNV: the leader is no longer above it.
    const grids = modelToGrids(plain.model);
    const meta = metaOf(plain.model);
    const g = grids.sheets.find((x) => x.name === MASTER_SHEETS.master)!;
    const row = g.rows.findIndex(
      (r) => r?.[columnNumber(String(meta["column:unitCode"])) - 1] === PB
    );
    g.rows[row]![columnNumber(String(meta["column:quyetDinhBtv"])) - 1] = "HTXSNV";
    const unitDecided = build([star], readManualColumns(grids), "HTTNV", WARN_ONLY);
    expect(unitDecided.classification.warnings.map((x) => x.rule)).not.toContain(
      "leader.above-unit"
    );

    // Or it rates the leader HTTNV: no warning either; HTXSNV decided for the leader: warned, saying so.
    const leaderDecided = build(
      [star],
      typeInto(plain.model, "Nguyễn Văn An", { quyetDinhBtv: "HTTNV" }),
      "HTTNV",
      WARN_ONLY
    );
    expect(leaderDecided.classification.warnings.map((x) => x.rule)).not.toContain(
      "leader.above-unit"
    );
    const up = build(
      [leader("Nguyễn Văn An", "Bí thư")],
      typeInto(plain.model, "Nguyễn Văn An", { quyetDinhBtv: "HTXSNV" }),
      "HTTNV",
      WARN_ONLY
    );
    const w = up.classification.warnings.find((x) => x.rule === "leader.above-unit")!;
    expect(w.message.vi).toContain("HTXSNV (theo Quyết định BTV)");
  });

  it("has its own count line: HTTNV trở lên …%, trong đó HTXSNV …%", () => {
    const r = build(
      [
        AN,
        BINH,
        leader("Ban Thường vụ", "Tập thể", { laTapThe: true, tuXepLoai: "HTTNV" }),
        leader("Lê Văn Cường", "Ủy viên", { tuXepLoai: "HTNV" }),
      ],
      null,
      "HTTNV"
    );
    const text = modelToGrids(r.model)
      .sheets.find((x) => x.name === MASTER_SHEETS.leaders)!
      .rows.flat()
      .join(" ");
    expect(text).toContain(
      "Tập thể lãnh đạo, quản lý: HTTNV trở lên 100%, trong đó HTXSNV 0% (1 được xếp loại)"
    );
    expect(text).toContain(
      "Cá nhân lãnh đạo, quản lý: HTTNV trở lên 66,67%, trong đó HTXSNV 0% (3 được xếp loại)"
    );
  });
});
