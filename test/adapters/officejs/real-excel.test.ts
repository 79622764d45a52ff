/**
 * Real Excel behaviour the fake did not model before issue #15, each with the adapter's answer:
 * cell-edit mode, notes vs threaded comments, protection with passwords, workbook-structure
 * protection and read-only files, replacing a sheet others refer to, read size by bytes, fit to
 * width, and Excel's parsing of text written through `values`.
 */
import { createOfficeWorkbookPort, type ExcelRunner } from "../../../src/adapters/officejs";
import { describeOfficeError } from "../../../src/adapters/officejs/errors";
import { markIssuesWithReport } from "../../../src/adapters/officejs/marks";
import { readGridsWithReport } from "../../../src/adapters/officejs/read";
import type { SheetModel } from "../../../src/core/sheet/model";
import type { ValidationIssue } from "../../../src/core/validate/types";
import { FakeWorkbook, fakeRun } from "../../fakes/fake-excel";
import { setup } from "./setup";

/** Lets queued promises and zero-delay timers run (no time is measured). */
async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}

function issue(cell: string, message = "Sai giá trị"): ValidationIssue {
  const row = Number(/\d+/.exec(cell)![0]);
  return {
    severity: "error",
    row,
    cell,
    message: { vi: message, en: message },
  } as ValidationIssue;
}

function sheetModel(name: string, cells: (string | number | null)[][]): SheetModel {
  return {
    name,
    visibility: "visible",
    blocks: [{ top: 1, left: 1, cells }],
    styles: [],
    merges: [],
    columnWidths: [],
    validations: [],
    protect: false,
  };
}

describe("1. typing in a cell while the add-in works", () => {
  test("a batch that reaches Excel during cell edit waits for the edit to end (delayForCellEdit)", async () => {
    const { fake, port } = setup();
    fake.setValue("Sheet1", "A1", "Hà Nội");
    fake.beginCellEdit();
    let done = false;
    const reading = port.readGrids().then((g) => {
      done = true;
      return g;
    });
    await settle();
    expect(done).toBe(false);
    fake.endCellEdit();
    const grids = await reading;
    expect(grids.sheets[0]!.rows[0]![0]).toBe("Hà Nội");
    expect(fake.cellEditRefusals).toBe(0);
  });

  test("without the option Excel refuses the batch; the message says to finish editing", async () => {
    const fake = new FakeWorkbook();
    const run = fakeRun(fake);
    // A runner that drops the options, as the adapter's Excel.run(batch) did before.
    const bare = ((_o: unknown, batch: never) => run(batch)) as unknown as ExcelRunner;
    const port = createOfficeWorkbookPort(bare, {
      isSetSupported: (n, v) => fake.isSetSupported(n, v),
    });
    fake.beginCellEdit();
    await expect(port.sheetNames()).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
      message: expect.stringContaining("chế độ sửa ô"),
    });
    expect(fake.cellEditRefusals).toBe(1);
  });
});

describe("4. a cell holds a note or a threaded comment, never both", () => {
  test("marking skips the note on a commented cell instead of failing the whole batch", async () => {
    const { fake, env } = setup({ ExcelApi: "1.18" });
    fake.sheet("Sheet1").comments.set("B2", "Anh Nam: xem lại số này");
    const report = await markIssuesWithReport(env, "Sheet1", [issue("B2"), issue("C3")]);
    expect(report.commentedSkipped).toBe(1);
    expect(fake.cell("Sheet1", "B2")!.fill).toBe("#FFC7CE");
    expect(fake.sheet("Sheet1").comments.get("B2")).toBe("Anh Nam: xem lại số này");
    expect(fake.sheet("Sheet1").notes.has("B2")).toBe(false);
    expect(fake.sheet("Sheet1").notes.get("C3")).toContain("Sai giá trị");
  });
});

describe("5. protection and refusals: the message says which case it is", () => {
  test("a sheet a person protected with a password is left alone, and the message says so", async () => {
    const { fake, port } = setup({ ExcelApi: "1.18" });
    fake.protectSheet("Sheet1", "mật-khẩu-riêng", { allowFormatCells: true });
    await expect(port.markIssues("Sheet1", [issue("B2")])).rejects.toMatchObject({
      code: "AccessDenied",
      message: expect.stringContaining("bảo vệ bằng mật khẩu"),
    });
    expect(fake.protection("Sheet1")).toMatchObject({
      protected: true,
      password: "mật-khẩu-riêng",
    });
    expect(fake.cell("Sheet1", "B2")?.fill ?? null).toBeNull();
  });

  test("a sheet protected without a password is unprotected, marked and protected again", async () => {
    const { fake, port } = setup({ ExcelApi: "1.18" });
    fake.protectSheet("Sheet1", undefined, { allowFormatCells: true });
    await port.markIssues("Sheet1", [issue("B2")]);
    expect(fake.cell("Sheet1", "B2")!.fill).toBe("#FFC7CE");
    expect(fake.protection("Sheet1")).toMatchObject({ protected: true });
  });

  test("workbook-structure protection: adding a sheet is refused with that reason", async () => {
    const { fake, port } = setup();
    fake.protectWorkbook();
    await expect(
      port.writeModel({ sheets: [sheetModel("Tổng hợp", [["x"]])] })
    ).rejects.toMatchObject({
      code: "AccessDenied",
      message: expect.stringContaining("Cấu trúc sổ tính đang được bảo vệ"),
    });
  });

  test("a read-only file: the message says read-only, not protection", async () => {
    const { fake, port } = setup();
    fake.readOnly = true;
    await expect(port.markIssues("Sheet1", [issue("B2")])).rejects.toMatchObject({
      code: "AccessDenied",
      message: expect.stringContaining("chỉ đọc"),
    });
  });

  test.each([
    ["InvalidArgument", "không nhận dữ liệu"],
    ["InvalidOperation", "không cho làm thao tác này"],
    ["ItemAlreadyExists", "cùng tên"],
    ["GeneralException", "lỗi nội bộ"],
    ["Conflict", "sửa cùng lúc"],
    ["InvalidOperationInCellEditMode", "chế độ sửa ô"],
  ])("%s gets a message people can act on", (code, words) => {
    const e = Object.assign(new Error("x"), { code });
    const out = describeOfficeError(e, { vi: "Không ghi được", en: "Could not write" });
    expect(out.code).toBe(code);
    expect(out.message).toContain(words);
    expect(out.message).not.toContain("Excel báo lỗi");
    expect(out.text.en.length).toBeGreaterThan(20);
  });
});

describe("6. fit to width", () => {
  test("all columns on one page, as many pages tall as needed", async () => {
    const { fake, port } = setup();
    await port.applyPrintLayout("Sheet1", {
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { top: 20, bottom: 20, left: 20, right: 20, header: 8, footer: 8 },
      centerHorizontally: true,
    });
    expect(fake.pageLayout("Sheet1").zoom).toEqual({
      horizontalFitToPages: 1,
      verticalFitToPages: 0,
    });
  });
});

describe("7. replacing a sheet that other sheets, names and validations refer to", () => {
  test("it is cleared and refilled in place: references keep working, nothing becomes #REF!", async () => {
    const { fake, port } = setup({ ExcelApi: "1.12" }, {});
    fake.addSheet("Tổng hợp");
    fake.addSheet("Báo cáo");
    fake.setValue("Tổng hợp", "B2", 1);
    fake.setValue("Tổng hợp", "Z99", "cũ");
    fake.setValue("Báo cáo", "A1", "='Tổng hợp'!B2");
    fake.names.set("tongso", { formula: "='Tổng hợp'!$B$2" });
    const id = fake.findSheet("Tổng hợp")!.id;

    await port.writeModel(
      {
        sheets: [
          sheetModel("Tổng hợp", [
            [null, null],
            [null, 42],
          ]),
        ],
      },
      {
        replaceExisting: true,
      }
    );

    expect(fake.formula("Báo cáo", "A1")).toBe("='Tổng hợp'!B2");
    expect(fake.cell("Báo cáo", "A1")!.error).toBeFalsy();
    expect(fake.names.get("tongso")!.formula).toBe("='Tổng hợp'!$B$2");
    expect(fake.findSheet("Tổng hợp")!.id).toBe(id);
    expect(fake.value("Tổng hợp", "B2")).toBe(42);
    expect(fake.value("Tổng hợp", "Z99")).toBe(""); // the old content is gone
    expect(fake.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
  });

  test("the fake: rename rewrites references, delete turns them into #REF!", () => {
    const fake = new FakeWorkbook({}, ["A", "B"]);
    fake.setValue("B", "A1", "=A!C3+1");
    fake.rewriteSheetReferences("A", "A cũ");
    expect(fake.formula("B", "A1")).toBe("='A cũ'!C3+1");
    fake.rewriteSheetReferences("A cũ", null);
    expect(fake.formula("B", "A1")).toBe("=#REF!+1");
    expect(fake.value("B", "A1")).toBe("#REF!");
  });
});

describe("8. read size is budgeted by bytes", () => {
  jest.setTimeout(60_000);
  test("a text-heavy sheet under the cell budget but over the response limit is read in pieces", async () => {
    const fake = new FakeWorkbook({ payloadLimitBytes: 1024 * 1024 });
    const run = fakeRun(fake) as unknown as ExcelRunner;
    const env = {
      ...setup().env,
      run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => run({ delayForCellEdit: true }, b),
    };
    const text = "Đảng bộ phường Hoàn Kiếm, quận Hoàn Kiếm, thành phố Hà Nội — ";
    const s = fake.sheet("Sheet1");
    for (let r = 1; r <= 6000; r++)
      for (let c = 1; c <= 3; c++) fake.cellFor(s, r, c).value = `${text}${r}`;
    const report = await readGridsWithReport(env);
    expect(report.retries).toBeGreaterThan(0);
    const rows = report.grids.sheets[0]!.rows;
    expect(rows[5999]![2]).toBe(`${text}6000`);
    expect(rows.filter((r) => r.length > 0)).toHaveLength(6000);
  });
});

describe("Excel parses text written through values; the adapter writes text as text", () => {
  test.each([
    ["1/2", "a date (2 January), not a half"],
    ["12:30", "a time"],
    ["$5", "currency"],
    ["Mar 2019", "a month"],
  ])("the fake turns %s into %s", async (input) => {
    const fake = new FakeWorkbook();
    await fakeRun(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[input]];
      await ctx.sync();
    });
    expect(typeof fake.value("Sheet1", "A1")).toBe("number");
  });

  test("writeModel keeps such strings as text", async () => {
    const { fake, port } = setup();
    const texts = ["1/2", "12:30", "$5", "Mar 2019", "012", "2019-11-20"];
    await port.writeModel({ sheets: [sheetModel("Văn bản", [texts])] });
    expect(fake.values("Văn bản", "A1:F1")).toEqual([texts]);
  });
});

describe("5. writing into sheets a person protected", () => {
  test("replacing a sheet protected with a password: nothing written, password kept, message says why", async () => {
    const { fake, port } = setup();
    fake.addSheet("Tổng hợp");
    fake.addSheet("Khác");
    fake.setValue("Tổng hợp", "A1", "giữ nguyên");
    fake.protectSheet("Khác"); // no password: unprotected, then protected again on failure
    fake.protectSheet("Tổng hợp", "123");
    await expect(
      port.writeModel(
        { sheets: [sheetModel("Khác", [["mới"]]), sheetModel("Tổng hợp", [["mới"]])] },
        { replaceExisting: true }
      )
    ).rejects.toMatchObject({
      code: "AccessDenied",
      message: expect.stringContaining("Tổng hợp” được bảo vệ bằng mật khẩu"),
    });
    expect(fake.value("Tổng hợp", "A1")).toBe("giữ nguyên");
    expect(fake.protection("Tổng hợp")).toMatchObject({ protected: true, password: "123" });
    expect(fake.protection("Khác").protected).toBe(true);
  });
});
