/**
 * The task pane keeps hand-entered decisions exactly as the command line does (one core function:
 * readManualColumns → masterStep). Over the real Office.js adapter and the Excel fake: a decision
 * typed on the protected Lãnh đạo sheet survives a run without the 3.15 file — listed under
 * "Quyết định chưa khớp" and in _meta_master — and is back on its row when the file returns.
 */
import { createOfficeWorkbookPort, type ExcelRunner } from "../../src/adapters/officejs";
import { fillTemplate, generateDemo } from "../../src/core/demo";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { CATALOG, requireTemplate } from "../../src/core/templates/catalog";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { PaneController, type FileStatus } from "../../src/taskpane/state/pane-controller";
import { FakeWorkbook, fakeRun } from "../fakes/fake-excel";

jest.setTimeout(120_000);

const portOver = (fake: FakeWorkbook) =>
  createOfficeWorkbookPort(fakeRun(fake) as unknown as ExcelRunner, {
    isSetSupported: (name, v) => fake.isSetSupported(name, v),
  });

/** Demo files read the way the pane reads returned workbooks. */
async function files(names: string[]): Promise<FileStatus[]> {
  const services = createCoreServices();
  const register = services.register();
  const out: FileStatus[] = [];
  for (const file of generateDemo(CATALOG, register, DEFAULT_SETTINGS_2019).files) {
    if (!names.includes(file.fileName)) continue;
    const spec = requireTemplate(file.templateId);
    const model = fillTemplate(
      buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019, { generatedAt: file.generatedAt }),
      spec,
      file
    );
    const other = new FakeWorkbook({ supportedSets: { ExcelApi: "1.12" } }, ["Sheet1"]);
    await portOver(other).writeModel(model);
    const outcome = services.readSubmissions(await portOver(other).readGrids(), register);
    if (!outcome.ok) throw new Error(`${file.fileName} should read`);
    out.push({ name: file.fileName, state: "taken", submissions: outcome.submissions });
  }
  return out;
}

const META = "_meta_master";
const metaOf = (fake: FakeWorkbook) =>
  new Map(fake.values(META, "A1:B120").map(([k, v]) => [String(k), String(v)]));
const allText = (fake: FakeWorkbook, sheet: string) => fake.values(sheet, "A1:T200").flat().map(String);

it("a leader's decision typed in Excel is kept while the 3.15 file is absent and put back when it returns", async () => {
  const fake = new FakeWorkbook({ supportedSets: { ExcelApi: "1.12" } }, ["Sheet1"]);
  const port = portOver(fake);
  const pane = new PaneController(port, createCoreServices());
  const reports = await files(["3.14-db-phuong-thuy-chau.xlsx", "3.14-db-xa-thuy-phu.xlsx"]);
  const leaders = await files(["3.15-lanh-dao.xlsx"]);
  const run = async (fs: FileStatus[]) =>
    pane.writeMaster(pane.consolidate(fs, DEFAULT_SETTINGS_2019), DEFAULT_SETTINGS_2019);

  await run([...reports, ...leaders]);
  const meta = metaOf(fake);
  const row = Number(meta.get("leadersFirstDataRow"));
  const ten = String(fake.value("Lãnh đạo", `B${row}`));
  const decided = `${meta.get("leaderColumn:quyetDinhBtv")}${row}`;
  const note = `${meta.get("leaderColumn:ghiChu")}${row}`;
  expect((await fake.userEdit("Lãnh đạo", decided, "HTNV")).accepted).toBe(true);
  expect((await fake.userEdit("Lãnh đạo", note, "Chờ kết luận kiểm tra")).accepted).toBe(true);

  await run(reports);
  expect(allText(fake, "Lãnh đạo")).toEqual(
    expect.arrayContaining(["QUYẾT ĐỊNH CHƯA KHỚP", ten, "HTNV", "Chờ kết luận kiểm tra"])
  );
  expect([...metaOf(fake).keys()].filter((k) => k.startsWith("decision:leader:"))).toHaveLength(1);

  await run([...reports, ...leaders]);
  const back = metaOf(fake);
  const backRow = Number(back.get("leadersFirstDataRow"));
  expect(fake.value("Lãnh đạo", `B${backRow}`)).toBe(ten);
  expect(fake.value("Lãnh đạo", `${back.get("leaderColumn:quyetDinhBtv")}${backRow}`)).toBe("HTNV");
  expect(fake.value("Lãnh đạo", `${back.get("leaderColumn:ghiChu")}${backRow}`)).toBe("Chờ kết luận kiểm tra");
  expect(allText(fake, "Lãnh đạo")).not.toContain("QUYẾT ĐỊNH CHƯA KHỚP");
  expect([...back.keys()].filter((k) => k.startsWith("decision:"))).toEqual([]);
});
