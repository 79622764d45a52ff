/**
 * The browser mode's WorkbookPort: an .xlsx file in memory, driven by the same PaneController and
 * core services as the Excel pane. Checked through real .xlsx bytes read back with the project's
 * reader (and ExcelJS for the marks, which are styling).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { FileWorkbookPort } from "../../../src/adapters/file/file-workbook-port";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { defaultRegister } from "../../../src/core/units/register";
import { createCoreServices } from "../../../src/taskpane/state/core-services";
import { PaneController, pickedFromBlob } from "../../../src/taskpane/state/pane-controller";
import { cli, writeDemoFiles } from "../../cli/cli-fixtures";

jest.setTimeout(180_000);

const settings = DEFAULT_SETTINGS_2019;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "xeploai-fileport-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function setUp() {
  const port = new FileWorkbookPort(loadXlsx);
  const controller = new PaneController(port, createCoreServices());
  return { port, controller };
}

const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(file));

async function excel(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("the file-based WorkbookPort", () => {
  it("has no workbook until a file is opened or a part writes one", async () => {
    const { port } = setUp();
    expect(port.fileName()).toBeNull();
    expect(await port.sheetNames()).toEqual([]);
    expect(await port.save()).toBeNull();
    expect(port.checkRequirements()).toEqual({ ok: true, missing: [] });
  });

  it("refuses a file the reader refuses, saying why", async () => {
    const { port } = setUp();
    const opened = await port.open("bang-ke.xlsx", new TextEncoder().encode("Đơn vị;Xếp loại\n"));
    expect(opened.ok).toBe(false);
    expect(port.fileName()).toBeNull();
  });

  it("Mẫu biểu: a template inserted into a new workbook is what save() hands back", async () => {
    const { port, controller } = setUp();
    await controller.insertTemplate("quan-su", 2019);
    expect(port.fileName()).toBe("");
    const { reader } = await loadXlsx();
    const read = await reader.read((await port.save())!, "mau.xlsx");
    expect(read.ok && read.grids.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["_meta"])
    );
  });

  it("Kiểm tra: lists the issues of an opened file; the saved copy has those cells filled and noted", async () => {
    const [file] = await writeDemoFiles(
      dir,
      ["3.1b-noi-vu-cbcc.xlsx"],
      defaultRegister(),
      settings
    );
    const { port, controller } = setUp();
    expect((await port.open("3.1b-noi-vu-cbcc.xlsx", bytesOf(file!))).ok).toBe(true);
    const checked = await controller.checkWorkbook();
    expect(port.markedCells()).toBe(0); // checking alone marks nothing, as in Excel
    const view = await controller.markInvalidCells();
    if (view.kind !== "checked" || checked.kind !== "checked") throw new Error("not checked");
    expect(view.errors).toBe(checked.errors);
    expect(view.errors).toBeGreaterThan(0);
    const errorCells = view.entries.filter((e) => e.issue.severity === "error" && e.issue.cell);
    expect(port.markedCells()).toBeGreaterThan(0);

    const saved = await port.save();
    const wb = await excel(saved!);
    for (const { sheet, issue } of errorCells) {
      const cell = wb.getWorksheet(sheet)!.getCell(issue.cell!);
      expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe("FFFFC7CE");
      expect(String(cell.note)).toContain(issue.message.vi);
    }
    // The figures are untouched: checking the saved copy finds the same issues.
    const again = setUp();
    await again.port.open("copy.xlsx", saved!);
    const view2 = await again.controller.checkWorkbook();
    expect(view2.kind === "checked" && view2.errors).toBe(view.errors);
  });

  it("Tổng hợp + In: returned files over an earlier master keep its hand-filled decision; the print layout is saved", async () => {
    const names = ["3.9-quan-su.xlsx", "3.10-cong-an.xlsx", "3.14-db-xa-thuy-phu.xlsx"];
    const files = await writeDemoFiles(dir, names, defaultRegister(), settings);
    const masterFile = path.join(dir, "truoc.xlsx");
    expect((await cli("consolidate", ...files, "--master", masterFile)).code).toBeLessThan(2);
    const earlier = await excel(bytesOf(masterFile));
    const kv = new Map<string, string>();
    earlier
      .getWorksheet("_meta_master")!
      .eachRow((r) => kv.set(String(r.getCell(1).value), String(r.getCell(2).value ?? "")));
    const ws = earlier.getWorksheet("Tổng hợp")!;
    const rowOf = (w: ExcelJS.Worksheet) => {
      for (let r = Number(kv.get("firstDataRow")); r <= w.rowCount; r++)
        if (w.getCell(`${kv.get("column:unitCode")}${r}`).value === "db-xa-thuy-phu") return r;
      return -1;
    };
    ws.getCell(`${kv.get("column:quyetDinhBtv")}${rowOf(ws)}`).value = "HTTNV";
    const earlierBytes = new Uint8Array((await earlier.xlsx.writeBuffer()) as ArrayBuffer);

    const { port, controller } = setUp();
    expect((await port.open("truoc.xlsx", earlierBytes)).ok).toBe(true);
    const picked = files.map((f) =>
      pickedFromBlob(Object.assign(new Blob([bytesOf(f)]), { name: path.basename(f) }))
    );
    const statuses = await controller.readFiles(picked, () => {});
    const consolidated = controller.consolidate(statuses, settings);
    await controller.writeMaster(consolidated, settings);
    const printed = await controller.applyPrint(settings);
    expect(printed.sheets).toContain("Tổng hợp");

    const out = await excel((await port.save())!);
    const master = out.getWorksheet("Tổng hợp")!;
    expect(master.getCell(`${kv.get("column:quyetDinhBtv")}${rowOf(master)}`).value).toBe("HTTNV");
    expect(master.pageSetup.printTitlesRow).toBeTruthy();
    expect(master.pageSetup.orientation).toBe("landscape");
  });

  it("In on an earlier master: the period printed is the one its _meta_master records afterwards", async () => {
    const names = ["3.9-quan-su.xlsx", "3.14-db-xa-thuy-phu.xlsx"];
    const files = await writeDemoFiles(dir, names, defaultRegister(), settings);
    const masterFile = path.join(dir, "ky-truoc.xlsx");
    expect((await cli("consolidate", ...files, "--master", masterFile)).code).toBeLessThan(2);

    const { port, controller } = setUp();
    expect((await port.open("ky-truoc.xlsx", bytesOf(masterFile))).ok).toBe(true);
    const changed = {
      ...settings,
      documentDate: "2020-01-15",
      signer: { ...settings.signer, name: "Lê Văn Bình" },
    };
    const printed = await controller.applyPrint(changed);
    expect(printed.rewritten).toBe(false);
    expect(printed.headingUpdated).toContain("Tổng hợp");
    expect(printed.headingUpdated).not.toContain("_meta_master");

    // A pane opened later on the downloaded file (no pane record: a new port) starts from it.
    const later = setUp();
    expect((await later.port.open("ky-truoc-xeploai.xlsx", (await port.save())!)).ok).toBe(true);
    const loaded = await later.controller.loadPeriod();
    expect(loaded.from).toBe("master");
    expect(loaded.settings.signer.name).toBe("Lê Văn Bình");
    expect(loaded.settings.documentDate).toBe("2020-01-15");
    const out = await excel((await later.port.save())!);
    expect(out.getWorksheet("_meta_master")!.state).toBe("veryHidden");
  });
});
