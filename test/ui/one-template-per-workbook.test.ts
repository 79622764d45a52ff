/**
 * Inserting a template never overwrites a workbook's existing template: its `_meta`/`_lists`
 * identify the returned file and its cells hold what the official typed.
 */
import { createOfficeWorkbookPort, type ExcelRunner } from "../../src/adapters/officejs";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { PaneController, PaneError } from "../../src/taskpane/state/pane-controller";
import { FakeWorkbook, fakeRun } from "../fakes/fake-excel";

function pane() {
  const fake = new FakeWorkbook({ supportedSets: { ExcelApi: "1.12" } }, ["Sheet1"]);
  const port = createOfficeWorkbookPort(fakeRun(fake) as unknown as ExcelRunner, {
    isSetSupported: (name, v) => fake.isSetSupported(name, v),
  });
  return { fake, controller: new PaneController(port, createCoreServices(), { debounceMs: 10 }) };
}

const meta = (fake: FakeWorkbook) =>
  new Map(fake.values("_meta", "A1:B60").map(([k, v]) => [String(k), v]));

describe("one template per workbook", () => {
  jest.setTimeout(30_000);

  it("refuses a second, different template and leaves the first one intact", async () => {
    const { fake, controller } = pane();
    await controller.insertTemplate("noi-vu-cchc", 2019);
    const m = meta(fake);
    const addr = `${m.get("column:diemCchc")}${m.get("firstDataRow")}`;
    await fake.userPaste("Nội vụ - CCHC", addr, [[87.5]]);

    const err = await controller.insertTemplate("tai-chinh", 2019).then(
      () => null,
      (e: unknown) => e
    );
    expect(err).toBeInstanceOf(PaneError);
    expect((err as PaneError).text.vi).toContain("Ctrl+N");
    expect((err as PaneError).text.vi).toContain("đã có mẫu");
    expect(meta(fake).get("templateId")).toBe("noi-vu-cchc");
    expect(fake.value("Nội vụ - CCHC", addr)).toBe(87.5);
    expect(fake.sheetNames()).not.toContain("Tài chính");
  });

  it("refuses to insert the same template over typed data", async () => {
    const { fake, controller } = pane();
    await controller.insertTemplate("noi-vu-cchc", 2019);
    const m = meta(fake);
    const addr = `${m.get("column:diemCchc")}${m.get("firstDataRow")}`;
    await fake.userPaste("Nội vụ - CCHC", addr, [[90]]);
    await expect(controller.insertTemplate("noi-vu-cchc", 2019)).rejects.toThrow(PaneError);
    expect(fake.value("Nội vụ - CCHC", addr)).toBe(90);
  });

  it("allows a new template once the old template sheet was deleted", async () => {
    const { fake, controller } = pane();
    await controller.insertTemplate("noi-vu-cchc", 2019);
    fake.deleteSheet(fake.findSheet("Nội vụ - CCHC")!);
    await controller.insertTemplate("y-te", 2019);
    expect(meta(fake).get("templateId")).toBe("y-te");
  });
});
