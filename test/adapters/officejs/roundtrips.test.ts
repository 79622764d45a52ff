/**
 * Round trips: writing a master of N rows costs a number of context.sync() calls that does not grow
 * with N; requests are split only to stay under Excel on the web's 5 MB limit.
 */
import { runPipeline } from "../../../src/core/master";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import type { WorkbookModel } from "../../../src/core/sheet/model";
import { CATALOG } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units/register";
import type { Unit, UnitRegister } from "../../../src/core/units/types";
import { DEFAULT_REQUEST_BUDGET } from "../../../src/adapters/officejs/plan";
import { PAYLOAD_LIMIT_BYTES } from "../../fakes/fake-excel";
import { setup, wideModel } from "./setup";

/** The default register plus `n` more TCCS (copies with distinct codes and names). */
function registerWith(n: number): UnitRegister {
  const base = defaultRegister();
  const tccs = base.units.filter((u) => u.kind === "tccs");
  const extra: Unit[] = Array.from({ length: n }, (_, i) => {
    const t = tccs[i % tccs.length]!;
    return {
      ...t,
      code: `${t.code}-x${i}`,
      name: `${t.name} số ${i + 1}`,
      aliases: [],
      order: 1000 + i,
    };
  });
  return { ...base, units: [...base.units, ...extra] };
}

function masterModel(extraUnits: number): WorkbookModel {
  return runPipeline({
    submissions: [],
    settings: DEFAULT_SETTINGS_2019,
    register: registerWith(extraUnits),
    catalog: CATALOG,
  }).model;
}

async function write(model: WorkbookModel, requestBudget?: number) {
  const t = setup({ ExcelApi: "1.12" }, requestBudget ? { requestBudget } : {});
  const report = await t.port.writeModel(model);
  return { ...t, report };
}

const longName = (row: number) =>
  `Đảng bộ cơ sở số ${row} – ${"ghi chú dài về đơn vị, ".repeat(20)}Thị xã Hương Thủy`;

/** 8,000 rows with ~600-byte texts: about 6 MB of values. */
function hugeModel(): WorkbookModel {
  const m = wideModel(8000, 40);
  for (const b of m.sheets[0]!.blocks.slice(2)) b.cells[0]![1] = longName(b.top);
  return m;
}

describe("round trips of writeModel", () => {
  test("a 40-column master: 10 rows and 2,000 rows take the same number of syncs (3)", async () => {
    const small = await write(wideModel(10, 40));
    const large = await write(wideModel(2000, 40));
    expect(small.report.syncs).toBe(3);
    expect(large.report.syncs).toBe(small.report.syncs);
    expect(large.fake.totalSyncs).toBe(small.fake.totalSyncs);
    // The data really is there, and every request stayed under the limit.
    expect(large.fake.value("Tổng hợp", "B2003")).toBe("Đảng bộ phường số 2000");
    expect(large.fake.formula("Tổng hợp", "AN2003")).toBe("=SUM(C2003:Z2003)");
    expect(large.fake.cell("Tổng hợp", "B2003")!.fontColor).toBe("#C00000");
    expect(Math.max(...large.fake.syncLog.map((s) => s.requestBytes))).toBeLessThan(
      PAYLOAD_LIMIT_BYTES
    );
    // One range write per block group, not per cell or per row.
    const writes = large.fake.syncLog[1]!.ops.filter((o) => o === "set Range.formulas");
    expect(writes.length).toBeLessThanOrEqual(3);
  });

  test("the real master (buildMasterWorkbook): 10 extra units take 3 syncs; 1,000 more add syncs only by payload", async () => {
    const small = await write(masterModel(10));
    const medium = await write(masterModel(1000));
    expect(small.report.syncs).toBe(3);
    // The master now carries print sheets too, so 1,000 extra units may pass one 4 MB request: the
    // count follows the bytes (one read, the writes packed into budget-sized requests, the restore).
    const total = medium.fake.syncLog.reduce((a, s) => a + s.requestBytes, 0);
    expect(medium.report.syncs).toBe(2 + Math.ceil(total / DEFAULT_REQUEST_BUDGET));
    expect(medium.report.syncs).toBeLessThan(10);
    expect(medium.fake.sheetNames()).toEqual(expect.arrayContaining(["Tổng hợp", "_meta_master"]));
  });

  test("the real master with 2,000 extra units: split only by payload, every sync under 5 MB", async () => {
    const m = masterModel(2000);
    const big = await write(m);
    const syncs = big.fake.syncLog;
    // The estimate never under-counts: each request stays within the budget, so under 5 MB.
    expect(Math.max(...syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(
      DEFAULT_REQUEST_BUDGET
    );
    // The payload (not the row count) sets the split: batches are filled before the next starts.
    const total = syncs.reduce((a, s) => a + s.requestBytes, 0);
    expect(total).toBeGreaterThan(DEFAULT_REQUEST_BUDGET);
    // Requests are filled in order, so the last of each may leave a gap the next action does not
    // fit: at most one request more than the bytes alone would need (when the total lies just
    // under a multiple of the budget).
    const byBytes = 2 + Math.ceil(total / DEFAULT_REQUEST_BUDGET);
    expect(big.report.syncs).toBeGreaterThanOrEqual(byBytes);
    expect(big.report.syncs).toBeLessThanOrEqual(byBytes + 1);
    const th = m.sheets.find((s) => s.name === "Tổng hợp")!;
    const lastBlock = th.blocks[th.blocks.length - 1]!;
    const c = lastBlock.cells[0]!.findIndex((x) => typeof x === "string");
    expect(
      big.fake.getCell(big.fake.sheet("Tổng hợp"), lastBlock.top, lastBlock.left + c)?.value
    ).toBe(lastBlock.cells[0]![c]);
  });

  test("chunking kicks in for a huge model without changing small and medium ones", async () => {
    // ~6 MB of values: cannot go in one request.
    const huge = hugeModel();
    const h = await write(huge);
    expect(h.report.syncs).toBeGreaterThan(3);
    expect(Math.max(...h.fake.syncLog.map((s) => s.requestBytes))).toBeLessThanOrEqual(
      DEFAULT_REQUEST_BUDGET
    );
    expect(h.fake.value("Tổng hợp", "B8003")).toBe(longName(8003));
    expect(h.fake.protection("_lists").protected).toBe(true);
    // A tiny budget splits even a medium model, proving the split is by bytes…
    const tight = await write(wideModel(500, 40), 64 * 1024);
    expect(tight.report.syncs).toBeGreaterThan(3);
    expect(tight.fake.value("Tổng hợp", "B503")).toBe("Đảng bộ phường số 500");
    // …while the default budget keeps small and medium models at 3.
    expect((await write(wideModel(10, 40))).report.syncs).toBe(3);
    expect((await write(wideModel(1000, 40))).report.syncs).toBe(3);
  });

  test("without the split, the same huge write would hit Excel's limit (the fake enforces it)", async () => {
    const huge = hugeModel();
    await expect(write(huge, 64 * 1024 * 1024)).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
  });
});
