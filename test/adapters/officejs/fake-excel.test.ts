// These tests read proxies before load/sync on purpose (to prove the fake throws), so the
// office-addins load/sync lint rules do not apply here.
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
import {
  FakeOfficeError,
  FakeWorkbook,
  fakeRun,
  installFakeOffice,
  parseRect,
} from "../../fakes/fake-excel";

describe("fake Excel: load/sync discipline", () => {
  test("reading a property before load() + sync() throws PropertyNotLoaded", async () => {
    const fake = new FakeWorkbook();
    fake.setValue("Sheet1", "A1", 42);
    await fakeRun(fake)(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
      r.load("values");
      // loaded but not yet synced
      expect(() => r.values).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(r.values).toEqual([[42]]);
      // other properties stay unavailable
      expect(() => r.address).toThrow(/address/);
    });
  });

  test("writes are queued and applied only at sync, in order; syncs are counted", async () => {
    const fake = new FakeWorkbook();
    await fakeRun(fake)(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[1, "x"]];
      expect(fake.value("Sheet1", "A1")).toBe("");
      await ctx.sync();
      expect(fake.value("Sheet1", "A1")).toBe(1);
      expect(fake.value("Sheet1", "B1")).toBe("x");
      expect(ctx.syncCount).toBe(1);
      expect(ctx.syncLog[0]!.ops).toContain("set Range.values");
    });
  });

  test("Excel.run syncs what is still queued at the end of the batch", async () => {
    const fake = new FakeWorkbook();
    await fakeRun(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C3").values = [["late"]];
    });
    expect(fake.value("Sheet1", "C3")).toBe("late");
    expect(fake.totalSyncs).toBe(1);
  });

  test("values parse strings like typing; an apostrophe or the text format keeps text", async () => {
    const fake = new FakeWorkbook();
    await fakeRun(fake)(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A2").numberFormat = [["@"]];
      ws.getRange("A1:A4").values = [["012"], ["012"], ["'012"], ["=1+1"]];
      await ctx.sync();
    });
    expect(fake.value("Sheet1", "A1")).toBe(12);
    expect(fake.value("Sheet1", "A2")).toBe("012");
    expect(fake.value("Sheet1", "A3")).toBe("012");
    expect(fake.formula("Sheet1", "A4")).toBe("=1+1");
  });

  test("a wrong-sized values array is refused like Office.js", async () => {
    const fake = new FakeWorkbook();
    await expect(
      fakeRun(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("getItemOrNullObject reports isNullObject after sync", async () => {
    const fake = new FakeWorkbook();
    await fakeRun(fake)(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const there = ctx.workbook.worksheets.getItemOrNullObject("Sheet1");
      expect(() => missing.isNullObject).toThrow();
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  test("a request over 5 MB throws RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const fake = new FakeWorkbook();
    const big = Array.from({ length: 6000 }, () => ["x".repeat(1000)]);
    await expect(
      fakeRun(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A6000").values = big;
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.value("Sheet1", "A1")).toBe("");
    expect(fake.syncLog[0]!.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  test("APIs above the supported requirement set throw ApiNotFound", async () => {
    const fake = new FakeWorkbook({ supportedSets: { ExcelApi: "1.12" } });
    await fakeRun(fake)(async (ctx) => {
      expect(() => ctx.workbook.worksheets.getItem("Sheet1").notes).toThrow(
        /ApiNotFound|not supported/
      );
    });
    const newer = new FakeWorkbook({ supportedSets: { ExcelApi: "1.18" } });
    await fakeRun(newer)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").notes.add("B2", "Ghi chú");
      await ctx.sync();
    });
    expect(newer.note("Sheet1", "B2")).toBe("Ghi chú");
  });
});

describe("fake Excel: ranges", () => {
  test("used range with and without formatted-only cells; merge keeps the top-left value", async () => {
    const fake = new FakeWorkbook();
    await fakeRun(fake)(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2:C3").values = [
        [1, 2],
        [3, 4],
      ];
      ws.getRange("E9").format.fill.color = "#FFC7CE";
      ws.getRange("B2:C2").merge();
      const all = ws.getUsedRange();
      const vals = ws.getUsedRange(true);
      all.load("address");
      vals.load("address,values");
      await ctx.sync();
      expect(all.address).toBe("Sheet1!B2:E9");
      expect(vals.address).toBe("Sheet1!B2:C3");
      expect(vals.values).toEqual([
        [1, ""],
        [3, 4],
      ]);
    });
  });

  test("format reads are null when cells differ; a partly overlapping validation is refused", async () => {
    const fake = new FakeWorkbook();
    await fakeRun(fake)(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").format.font.bold = true;
      const f = ws.getRange("A1:A2").format.font;
      f.load("bold");
      ws.getRange("A1:A10").dataValidation.rule = {
        wholeNumber: { operator: "GreaterThan", formula1: 0 },
      };
      await ctx.sync();
      expect(f.bold).toBeNull();
    });
    await expect(
      fakeRun(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A5:A20").dataValidation.rule = {
          list: { inCellDropDown: true, source: "a,b" },
        };
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("a response over 5 MB throws ResponsePayloadSizeLimitExceeded", async () => {
    const fake = new FakeWorkbook();
    const s = fake.sheet("Sheet1");
    for (let r = 1; r <= 6000; r++) fake.cellFor(s, r, 1).value = "y".repeat(1000);
    await expect(
      fakeRun(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A6000").load("values");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe("fake Excel: protection", () => {
  async function protectedSheet() {
    const fake = new FakeWorkbook();
    await fakeRun(fake)(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2:B3").format.protection.locked = false;
      ws.protection.protect({ allowFormatCells: false });
      await ctx.sync();
    });
    return fake;
  }

  test("writing a locked cell of a protected sheet fails the sync; unlocked cells accept writes", async () => {
    const fake = await protectedSheet();
    await fakeRun(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [[5]];
      await ctx.sync();
    });
    expect(fake.value("Sheet1", "B2")).toBe(5);
    await expect(
      fakeRun(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.value("Sheet1", "A1")).toBe("");
  });

  test("formatting a protected sheet fails; protecting twice fails; unprotect → write → protect works in one batch", async () => {
    const fake = await protectedSheet();
    await expect(
      fakeRun(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").format.fill.color = "#FFC7CE";
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      fakeRun(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").protection.protect();
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" }); // current Windows builds (office-js#6784)
    await fakeRun(fake)(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.protection.unprotect();
      ws.getRange("A1").values = [["ok"]];
      ws.getRange("B2").format.fill.color = "#FFC7CE";
      ws.protection.protect();
      await ctx.sync();
    });
    expect(fake.value("Sheet1", "A1")).toBe("ok");
    expect(fake.cell("Sheet1", "B2")!.fill).toBe("#FFC7CE");
    expect(fake.protection("Sheet1").protected).toBe(true);
    expect((await fake.userEdit("Sheet1", "A1", "y")).accepted).toBe(false);
    expect((await fake.userEdit("Sheet1", "B3", 7)).accepted).toBe(true);
  });
});

describe("fake Excel: events", () => {
  test("onChanged fires for user edits and API writes, but not while enableEvents is false", async () => {
    const fake = new FakeWorkbook();
    const seen: string[] = [];
    const run = fakeRun(fake);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (e: { address: string }) => {
        seen.push(e.address);
      });
      await ctx.sync();
    });
    await fake.userEdit("Sheet1", "C3", 1);
    expect(seen).toEqual(["C3"]);

    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("D4").values = [[2]];
      await ctx.sync();
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(["C3", "D4"]);

    await run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem("Sheet1").getRange("E5").values = [[3]];
      await ctx.sync();
    });
    await fake.userEdit("Sheet1", "F6", 4);
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(["C3", "D4"]);
    expect(fake.changeLog.filter((c) => !c.delivered).map((c) => c.address)).toEqual(["E5", "F6"]);
  });

  test("removing a handler stops delivery", async () => {
    const fake = new FakeWorkbook();
    const run = fakeRun(fake);
    let n = 0;
    const reg = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.onChanged.add(async () => void n++);
      await ctx.sync();
      return r;
    });
    await fake.userEdit("Sheet1", "A1", 1);
    await run(reg.context, async (ctx) => {
      reg.remove();
      await ctx.sync();
    });
    await fake.userEdit("Sheet1", "A2", 1);
    expect(n).toBe(1);
  });

  test("typing is refused by a Stop validation but pasting bypasses it", async () => {
    const fake = new FakeWorkbook();
    await fakeRun(fake)(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:B10").dataValidation;
      dv.rule = { decimal: { operator: "Between", formula1: 0, formula2: 100 } };
      await ctx.sync();
    });
    expect((await fake.userEdit("Sheet1", "B2", "abc")).accepted).toBe(false);
    expect((await fake.userEdit("Sheet1", "B2", 50)).accepted).toBe(true);
    expect((await fake.userPaste("Sheet1", "B3", [["abc"], [500]])).accepted).toBe(true);
    expect(fake.values("Sheet1", "B3:B4")).toEqual([["abc"], [500]]);
    expect(fake.validationLog).toEqual([{ sheet: "Sheet1", address: "B2:B10", cells: 9 }]);
  });
});

describe("fake Excel: sheets, page layout, Office global", () => {
  test("the last visible sheet cannot be hidden or deleted", async () => {
    const fake = new FakeWorkbook();
    await expect(
      fakeRun(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").visibility = "VeryHidden";
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await fakeRun(fake)(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("_meta");
      ws.visibility = "VeryHidden";
      ctx.workbook.worksheets.load("items/name,items/visibility");
      await ctx.sync();
      expect(ctx.workbook.worksheets.items.map((w) => [w.name, w.visibility])).toEqual([
        ["Sheet1", "Visible"],
        ["_meta", "VeryHidden"],
      ]);
    });
  });

  test("page layout records margins in points and print titles", async () => {
    const fake = new FakeWorkbook();
    await fakeRun(fake)(async (ctx) => {
      const pl = ctx.workbook.worksheets.getItem("Sheet1").pageLayout;
      pl.orientation = "Landscape";
      pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      pl.setPrintTitleRows("$1:$3");
      pl.setPrintMargins("Inches", { top: 1 });
      pl.headersFooters.defaultForAllPages.centerFooter = "Trang &P/&N";
      pl.load("orientation");
      await ctx.sync();
      expect(pl.orientation).toBe("Landscape");
    });
    const pl = fake.pageLayout("Sheet1");
    expect(pl.margins.top).toBe(72);
    expect(pl.printTitleRows).toBe("$1:$3");
    expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(pl.headersFooters.defaultForAllPages.centerFooter).toBe("Trang &P/&N");
  });

  test("installFakeOffice defines Office and Excel backed by the fake", async () => {
    const fake = new FakeWorkbook();
    const g: Record<string, any> = {};
    installFakeOffice(g, fake, { supportedSets: { ExcelApi: "1.9" } });
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    await expect(g.Office.onReady()).resolves.toMatchObject({ host: "Excel" });
    await g.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["từ fake"]];
      await ctx.sync();
    });
    expect(fake.value("Sheet1", "A1")).toBe("từ fake");
  });

  test("address parsing", () => {
    expect(parseRect("$B$2:$C$10")).toEqual({ top: 2, left: 2, bottom: 10, right: 3 });
    expect(parseRect("A:A").bottom).toBe(1048576);
    expect(() => parseRect("nonsense")).toThrow();
  });
});
