/**
 * Live checking must not cost officials their undo (issue #15, item 2). A scripted session on the
 * Excel fake — insert the template, then edit, edit, paste, undo — with live checking on: the
 * user's undo stack stays intact (no add-in write empties it) and the pane's list of issues
 * follows every step. Only "Đánh dấu ô lỗi" writes, and the fake shows what that costs.
 */
import { createOfficeWorkbookPort, type ExcelRunner } from "../../src/adapters/officejs";
import { createCoreServices } from "../../src/taskpane/state/core-services";
import { PaneController, type CheckView } from "../../src/taskpane/state/pane-controller";
import { FakeWorkbook, fakeRun } from "../fakes/fake-excel";

jest.setTimeout(120_000);

const SHEET = "Nội vụ - CCHC";

async function session() {
  const fake = new FakeWorkbook({ supportedSets: { ExcelApi: "1.18" } }, ["Sheet1"]);
  const port = createOfficeWorkbookPort(fakeRun(fake) as unknown as ExcelRunner, {
    isSetSupported: (name, v) => fake.isSetSupported(name, v),
  });
  const controller = new PaneController(port, createCoreServices(), { debounceMs: 20 });
  await controller.insertTemplate("noi-vu-cchc", 2024);
  const meta = new Map(fake.values("_meta", "A1:B40").map(([k, v]) => [String(k), v]));
  const col = String(meta.get("column:diemCchc"));
  const first = Number(meta.get("firstDataRow"));
  const views: CheckView[] = [];
  const errors: string[] = [];
  let wake: (() => void) | null = null;
  const stop = await controller.startLiveCheck(
    (v) => {
      views.push(v);
      wake?.();
    },
    (m) => errors.push(m.vi)
  );
  /** Waits for the live check that follows a user action (no time is measured). */
  const nextView = async (): Promise<CheckView> => {
    const n = views.length;
    while (views.length === n) await new Promise<void>((r) => (wake = r));
    return views[views.length - 1]!;
  };
  // The adapter treats changes in the macrotask after its own write as its own (WriteGuard); a
  // person cannot type that fast, so let it pass.
  await new Promise((r) => setTimeout(r, 0));
  const issuesAt = (v: CheckView, cell: string) =>
    v.kind === "checked" ? v.entries.filter((e) => e.issue.cell === cell) : [];
  return { fake, controller, col, first, nextView, issuesAt, stop, errors };
}

describe("edit, edit, paste, undo with live checking on", () => {
  test("the undo stack stays intact and the list of issues follows each step", async () => {
    const { fake, col, first, nextView, issuesAt, stop, errors } = await session();
    const clearsAfterInsert = fake.undoClears;
    const a = `${col}${first}`,
      b = `${col}${first + 1}`,
      c = `${col}${first + 2}`;

    expect((await fake.userEdit(SHEET, a, 87.5)).accepted).toBe(true);
    let view = await nextView();
    expect(issuesAt(view, a)).toHaveLength(0);

    expect((await fake.userEdit(SHEET, b, 91)).accepted).toBe(true);
    view = await nextView();
    expect(issuesAt(view, b)).toHaveLength(0);

    // Pasting bypasses data validation: the pane lists the pasted text.
    expect((await fake.userPaste(SHEET, c, [["chín mươi"]])).accepted).toBe(true);
    view = await nextView();
    expect(issuesAt(view, c).length).toBeGreaterThan(0);

    // Ctrl+Z still undoes the paste: the live checks wrote nothing.
    expect(fake.undoStack).toHaveLength(3);
    expect(await fake.userUndo()).toBe(true);
    view = await nextView();
    expect(fake.value(SHEET, c)).toBe("");
    expect(issuesAt(view, c)).toHaveLength(0);
    expect(fake.undoStack).toHaveLength(2);
    expect(fake.value(SHEET, a)).toBe(87.5);

    expect(fake.undoClears).toBe(clearsAfterInsert);
    expect(fake.cell(SHEET, c)?.fill ?? null).toBeNull();
    expect(errors).toEqual([]);
    await stop();
  });

  test("“Đánh dấu ô lỗi” writes marks, and that write empties the undo stack (as the pane warns)", async () => {
    const { fake, controller, col, first, stop } = await session();
    await stop();
    const c = `${col}${first}`;
    await fake.userPaste(SHEET, c, [["abc"]]);
    expect(fake.undoStack).toHaveLength(1);
    const before = fake.undoClears;
    const view = await controller.markInvalidCells();
    expect(view.kind).toBe("checked");
    expect(fake.cell(SHEET, c)!.fill).toBe("#FFC7CE");
    expect(fake.undoClears).toBeGreaterThan(before);
    expect(fake.undoStack).toHaveLength(0);
  });
});
