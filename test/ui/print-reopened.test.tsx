/**
 * @jest-environment jsdom
 *
 * In, the day after: the master was consolidated in an earlier session; a new pane (a new
 * PaneController over the same workbook) changes the signer and the date and applies. Over the
 * real Office.js adapter and the Excel fake: the heading and signature cells show the new texts,
 * everything else (data rows, a hand-filled decision) stays as it was, protection holds.
 */
import { fireEvent, screen } from "@testing-library/react";
import { createOfficeWorkbookPort, type ExcelRunner } from "../../src/adapters/officejs";
import { fillTemplate, generateDemo } from "../../src/core/demo";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { columnLetter } from "../../src/core/sheet/model";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { CATALOG, requireTemplate } from "../../src/core/templates/catalog";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { PaneController, type FileStatus } from "../../src/taskpane/state/pane-controller";
import { FakeWorkbook, fakeRun } from "../fakes/fake-excel";
import { editPeriod, renderPane } from "./helpers";

const PRINTED = ["Tổng hợp", "Lãnh đạo", "Chỉ tiêu & tổng hợp", "Tình hình nộp"];

function portOver(fake: FakeWorkbook) {
  return createOfficeWorkbookPort(fakeRun(fake) as unknown as ExcelRunner, {
    isSetSupported: (name, v) => fake.isSetSupported(name, v),
  });
}

/** One filled demo template, read the way the pane reads a returned file. */
async function demoSubmissions(): Promise<FileStatus> {
  const services = createCoreServices();
  const register = services.register();
  const file = generateDemo(CATALOG, register, DEFAULT_SETTINGS_2019).files[0]!;
  const spec = requireTemplate(file.templateId);
  const model = fillTemplate(
    buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019, {
      generatedAt: file.generatedAt,
    }),
    spec,
    file
  );
  const other = new FakeWorkbook({ supportedSets: { ExcelApi: "1.12" } }, ["Sheet1"]);
  const port = portOver(other);
  await port.writeModel(model);
  const outcome = services.readSubmissions(await port.readGrids(), register);
  if (!outcome.ok) throw new Error("the demo file should read");
  return { name: file.fileName, state: "taken", submissions: outcome.submissions };
}

const META = "_meta_master";
const metaOf = (fake: FakeWorkbook) =>
  new Map(fake.values(META, "A1:B80").map(([k, v]) => [String(k), String(v)]));

/** Every non-empty cell of a sheet by address. */
function snapshot(fake: FakeWorkbook, sheet: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  fake.values(sheet, "A1:AZ400").forEach((line, i) =>
    line.forEach((v, j) => {
      if (v !== "") out.set(`${columnLetter(j + 1)}${i + 1}`, v);
    })
  );
  return out;
}

function changed(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

describe("In, with a master written in an earlier session", () => {
  jest.setTimeout(60_000);

  it("rewrites only the heading and signature cells with the new signer and date", async () => {
    const fake = new FakeWorkbook({ supportedSets: { ExcelApi: "1.12" } }, ["Sheet1"]);
    const port = portOver(fake);

    // Yesterday: consolidate and write the master, then staff type the Standing Committee's decision.
    const yesterday = new PaneController(port, createCoreServices());
    const consolidated = yesterday.consolidate([await demoSubmissions()], DEFAULT_SETTINGS_2019);
    await yesterday.writeMaster(consolidated, DEFAULT_SETTINGS_2019);
    const meta = metaOf(fake);
    const decided = `${meta.get("column:quyetDinhBtv")}${meta.get("firstDataRow")}`;
    expect((await fake.userEdit("Tổng hợp", decided, "HTTNV")).accepted).toBe(true);
    const before = new Map(PRINTED.map((s) => [s, snapshot(fake, s)]));
    const protectedBefore = PRINTED.map((s) => fake.protection(s).protected);
    expect(protectedBefore[0]).toBe(true); // the master sheet itself is protected
    const geometry = new Map(
      PRINTED.map((s) => [
        s,
        JSON.parse(meta.get(`print:${s}`)!) as { rightStart: number; signatureTop: number | null },
      ])
    );

    // Today: a new pane over the same workbook, no consolidation in this session.
    const today = new PaneController(port, createCoreServices());
    renderPane({ controller: today, initialPart: "print" });
    await editPeriod({ "Họ tên người ký": "Lê Văn Bình", "Ngày ban hành": "15/01/2020" });
    const syncsBefore = fake.totalSyncs;
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng bố cục in" }));

    const done = await screen.findByText(/Đã cập nhật phần đầu văn bản và chữ ký/, undefined, {
      timeout: 20_000,
    });
    expect(done.textContent).toContain("“Tổng hợp”");
    expect(done.textContent).toContain("số liệu và các cột nhập tay giữ nguyên");
    expect(done.textContent).not.toMatch(/giữ như lần ghi trước/);

    const date = "Hương Thủy, ngày 15 tháng 1 năm 2020";
    for (const sheet of PRINTED) {
      const g = geometry.get(sheet)!;
      const col = columnLetter(g.rightStart);
      const expected = [`${col}3`];
      expect(fake.value(sheet, `${col}3`)).toBe(date);
      if (g.signatureTop !== null) {
        const nameCell = `${col}${g.signatureTop + 6}`;
        expect(fake.value(sheet, nameCell)).toBe("Lê Văn Bình");
        expected.push(nameCell);
      }
      // Nothing else on the sheet changed: not the data rows, not the hand-filled columns.
      expect(changed(before.get(sheet)!, snapshot(fake, sheet))).toEqual(expected.sort());
    }
    expect(PRINTED.map((s) => fake.protection(s).protected)).toEqual(protectedBefore);
    expect(fake.value("Tổng hợp", decided)).toBe("HTTNV");

    // 1 sheet list + 3 reads + 3 for the cell update + 1 page setup per printed sheet + 1 to keep
    // the period in the workbook: the same whatever the number of rows.
    // The printed documents (report, annexes) are laid out too, their date line rewritten.
    const DOCUMENTS = ["Báo cáo", "Phụ lục 1", "Phụ lục 2", "Phụ lục 3"];
    expect(fake.value("Báo cáo", "D5")).toBe(date);
    expect(fake.value("Phụ lục 1", "E5")).toBe(date);
    expect(fake.totalSyncs - syncsBefore).toBe(1 + 3 + 3 + PRINTED.length + DOCUMENTS.length + 1);
    expect(fake.pageLayout("Tổng hợp").orientation).toBe("Landscape");

    // The master's own record of its period follows what it now shows (a pane opened later on a
    // copy of this file starts from it), and the record stays very hidden and protected.
    const recorded = JSON.parse(metaOf(fake).get("settings")!) as typeof DEFAULT_SETTINGS_2019;
    expect(recorded.signer.name).toBe("Lê Văn Bình");
    expect(recorded.documentDate).toBe("2020-01-15");
    expect(fake.protection(META).protected).toBe(true);
    expect(done.textContent).not.toContain(META);
  });
});
