import { debounce } from "../../../src/adapters/officejs";
import type { CellChange } from "../../../src/ports/workbook-port";
import { fakeRun } from "../../fakes/fake-excel";
import { setup, wideModel } from "./setup";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("onUserChange", () => {
  test("fires for a person's edit and paste on a template sheet, not for the adapter's own writes, not after unsubscribe", async () => {
    const { fake, port } = setup({ ExcelApi: "1.12" });
    await port.writeModel(wideModel(5, 8));
    const seen: CellChange[] = [];
    const off = await port.onUserChange((c) => seen.push(c));
    await tick(); // the write guard outlives a write by one macrotask (Excel raises events late)

    await fake.userEdit("Tổng hợp", "C5", 42);
    await fake.userPaste("Tổng hợp", "D5", [
      [1, 2],
      [3, "abc"],
    ]);
    expect(seen).toEqual([
      { sheet: "Tổng hợp", address: "C5" },
      { sheet: "Tổng hợp", address: "D5:E6" },
    ]);

    // The adapter's own writes: a whole model, marks, a print layout.
    await port.writeModel(wideModel(5, 8), { replaceExisting: true });
    await port.markIssues("Tổng hợp", [
      {
        severity: "error",
        rule: "x",
        row: 5,
        column: null,
        cell: "C5",
        message: { vi: "sai", en: "wrong" },
      },
    ]);
    await port.applyPrintLayout("Tổng hợp", wideModel(1, 2).sheets[0]!.print!);
    await tick();
    expect(seen).toHaveLength(2);

    // A sheet added by the adapter after subscribing is still covered (collection-level event).
    await fake.userEdit("Tổng hợp", "C6", 1);
    expect(seen).toHaveLength(3);

    // Internal sheets ("_…") are ignored.
    await fake.userEdit("_lists", "A9", "x");
    expect(seen).toHaveLength(3);

    await off();
    await fake.userEdit("Tổng hợp", "C7", 2);
    expect(seen).toHaveLength(3);
  });

  test("ExcelApi 1.14: an API write tagged ThisLocalAddin is ignored even with events on", async () => {
    const { fake, port } = setup({ ExcelApi: "1.14" });
    await port.writeModel(wideModel(3, 4));
    const seen: CellChange[] = [];
    await port.onUserChange((c) => seen.push(c));
    await tick();
    await fakeRun(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Tổng hợp").getRange("B4").values = [["api"]];
      await ctx.sync();
    });
    await tick();
    expect(fake.changeLog.some((c) => c.by === "api" && c.delivered)).toBe(true);
    expect(seen).toEqual([]);
    await fake.userEdit("Tổng hợp", "C4", 5);
    expect(seen).toEqual([{ sheet: "Tổng hợp", address: "C4" }]);
  });

  test("older Excel: changes raised while the adapter runs are dropped by the write guard; others are reported", async () => {
    const { fake, port, env } = setup({ ExcelApi: "1.12" });
    // Use the same env (guard) as the listener.
    const seen: CellChange[] = [];
    const { onUserChange } = await import("../../../src/adapters/officejs/events");
    await port.writeModel(wideModel(3, 4));
    await onUserChange(env, (c) => seen.push(c));
    await tick();
    const apiWrite = () =>
      fakeRun(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem("Tổng hợp").getRange("B4").values = [["api"]];
        await ctx.sync();
        await tick(); // the event arrives while the run is still going
      });
    await env.guard.during(apiWrite);
    await tick();
    expect(seen).toEqual([]);
    await apiWrite(); // not ours: reported
    await tick();
    expect(seen).toEqual([{ sheet: "Tổng hợp", address: "B4" }]);
  });
});

describe("debounce", () => {
  test("collects a burst and calls once; flush and cancel", async () => {
    const calls: number[][] = [];
    const d = debounce<number>((xs) => calls.push(xs), 20);
    d.push(1);
    d.push(2);
    d.push(3);
    expect(calls).toEqual([]);
    await new Promise((r) => setTimeout(r, 40));
    expect(calls).toEqual([[1, 2, 3]]);
    d.push(4);
    d.flush();
    expect(calls).toEqual([[1, 2, 3], [4]]);
    d.push(5);
    d.cancel();
    await new Promise((r) => setTimeout(r, 40));
    expect(calls).toHaveLength(2);
  });
});
