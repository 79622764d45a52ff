import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { requireTemplate } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units/register";
import type { ValidationIssue } from "../../../src/core/validate/types";
import { markIssuesWithReport, ERROR_FILL, WARNING_FILL } from "../../../src/adapters/officejs";
import {
  chunkAddresses,
  groupIssues,
  normalizeCellAddress,
  MARKS_SETTING_PREFIX,
} from "../../../src/adapters/officejs/marks";
import { metaOf, unitRows } from "../xlsx/helpers";
import { setup } from "./setup";

const register = defaultRegister();
const spec = requireTemplate("noi-vu-cchc");
const model = () =>
  buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019, {
    generatedAt: "2019-11-01T00:00:00.000Z",
  });

const issue = (cell: string, severity: "error" | "warning", vi: string): ValidationIssue => ({
  severity,
  rule: "min",
  row: Number(cell.replace(/[A-Z]+/, "")),
  column: null,
  cell,
  message: { vi, en: vi },
});

async function written(sets?: Record<string, string>) {
  const t = setup(sets);
  const m = model();
  await t.port.writeModel(m);
  const meta = metaOf(m);
  const rows = unitRows(m);
  const sheet = m.sheets[0]!.name;
  // Entry cells (no fill) and a filled header cell, to check that the original fill comes back.
  const entry = `${meta.columns.diemCchc}${rows[0]}`;
  const entry2 = `${meta.columns.diemCchc}${rows[1]}`;
  const header = m.sheets[0]!.styles.find((x) => x.style.fill)!.range;
  const computed = `B${header.top}`;
  return { ...t, sheet, entry, entry2, computed };
}

describe("markIssues", () => {
  test("fills error/warning cells, keeps protection, and clears cells that are fine again (2 syncs without notes)", async () => {
    const { fake, env, sheet, entry, entry2, computed } = await written({ ExcelApi: "1.12" });
    expect(computed).not.toBeNull();
    const computedFill = fake.cell(sheet, computed!)!.fill;
    expect(computedFill).toBe("#DDEBF7");
    const r1 = await markIssuesWithReport(env, sheet, [
      issue(entry, "error", `Ô ${entry}: "abc" không phải là số.`),
      issue(entry2, "warning", "Điểm thấp bất thường."),
      issue(computed!, "warning", "Tỷ lệ lạ."),
    ]);
    expect(r1).toMatchObject({ syncs: 2, marked: 3, cleared: 0, notes: false });
    expect(fake.cell(sheet, entry)!.fill).toBe(ERROR_FILL);
    expect(fake.cell(sheet, entry2)!.fill).toBe(WARNING_FILL);
    expect(fake.cell(sheet, computed!)!.fill).toBe(WARNING_FILL);
    expect(fake.protection(sheet).protected).toBe(true);
    expect(fake.note(sheet, entry)).toBeUndefined();

    // entry2 and the computed cell are fixed; entry is still wrong.
    const r2 = await markIssuesWithReport(env, sheet, [issue(entry, "error", "Vẫn sai.")]);
    expect(r2).toMatchObject({ syncs: 2, marked: 1, cleared: 2 });
    expect(fake.cell(sheet, entry)!.fill).toBe(ERROR_FILL);
    expect(fake.cell(sheet, entry2)!.fill).toBeNull();
    expect(fake.cell(sheet, computed!)!.fill).toBe(computedFill);

    await markIssuesWithReport(env, sheet, []);
    expect(fake.cell(sheet, entry)!.fill).toBeNull();
    expect(fake.settings.has(MARKS_SETTING_PREFIX + sheet)).toBe(false);
    expect(fake.protection(sheet).protected).toBe(true);
  });

  test("with notes (ExcelApi 1.18): the Vietnamese message in a note, updated, then removed; a person's own note is left alone", async () => {
    const { fake, env, sheet, entry, entry2 } = await written({ ExcelApi: "1.18" });
    fake.sheet(sheet).notes.set(entry2, "Ghi chú của cán bộ");
    const r1 = await markIssuesWithReport(env, sheet, [
      issue(entry, "error", `Ô ${entry}: "abc" không phải là số. Hãy nhập một số từ 0 đến 100.`),
      issue(entry2, "warning", "Cảnh báo"),
    ]);
    expect(r1).toMatchObject({ syncs: 3, notes: true });
    expect(fake.note(sheet, entry)).toContain(`Ô ${entry}: "abc" không phải là số`);
    expect(fake.note(sheet, entry)).toMatch(/^XếpLoại — Lỗi/);
    expect(fake.note(sheet, entry2)).toBe("Ghi chú của cán bộ");
    expect(fake.protection(sheet).protected).toBe(true);

    await markIssuesWithReport(env, sheet, [issue(entry, "warning", "Chỉ còn cảnh báo.")]);
    expect(fake.note(sheet, entry)).toContain("Chỉ còn cảnh báo.");
    expect(fake.cell(sheet, entry)!.fill).toBe(WARNING_FILL);

    await markIssuesWithReport(env, sheet, []);
    expect(fake.note(sheet, entry)).toBeUndefined();
    expect(fake.note(sheet, entry2)).toBe("Ghi chú của cán bộ");
    expect(fake.cell(sheet, entry2)!.fill).toBeNull();
  });

  test("the record survives a new adapter instance (pane reopened)", async () => {
    const t = await written();
    await markIssuesWithReport(t.env, t.sheet, [issue(t.entry, "error", "x")]);
    // A fresh env over the same fake workbook.
    const { createAdapterEnv } = await import("../../../src/adapters/officejs/port");
    const { fakeRun } = await import("../../fakes/fake-excel");
    const env2 = createAdapterEnv(fakeRun(t.fake) as never, {
      isSetSupported: (n, v) => t.fake.isSetSupported(n, v),
    });
    await markIssuesWithReport(env2, t.sheet, []);
    expect(t.fake.cell(t.sheet, t.entry)!.fill).toBeNull();
  });

  test("syncs do not grow with the number of issues; getRanges address lists stay under 8,000 characters", async () => {
    const { fake, env, sheet } = await written();
    const cells = Array.from(
      { length: 2000 },
      (_, i) => `${["C", "D", "E", "F", "G", "H", "I", "J"][i % 8]}${20 + Math.floor(i / 8)}`
    );
    const r = await markIssuesWithReport(
      env,
      sheet,
      cells.map((c) => issue(c, "error", "x"))
    );
    expect(r.syncs).toBe(2);
    const lastWrite = fake.syncLog[fake.syncLog.length - 1]!;
    expect(lastWrite.ops.filter((o) => o === "getRanges").length).toBeGreaterThan(1);
    expect(lastWrite.requestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(fake.cell(sheet, cells[1999]!)!.fill).toBe(ERROR_FILL);
  });
});

test("a sheet protected without 'format cells' is unprotected and re-protected with the same options", async () => {
  const { fake, env, sheet, entry } = await written({ ExcelApi: "1.12" });
  fake.sheet(sheet).protection = {
    protected: true,
    options: { allowFormatCells: false, allowSort: true },
  };
  await markIssuesWithReport(env, sheet, [issue(entry, "error", "x")]);
  expect(fake.cell(sheet, entry)!.fill).toBe(ERROR_FILL);
  expect(fake.protection(sheet)).toEqual({
    protected: true,
    options: { allowFormatCells: false, allowSort: true },
  });
});

describe("mark helpers", () => {
  test("addresses", () => {
    expect(normalizeCellAddress("$d$7")).toBe("D7");
    expect(normalizeCellAddress("'Nội vụ'!F12")).toBe("F12");
    expect(normalizeCellAddress("F7:H9")).toBeNull();
    const list = Array.from({ length: 3000 }, (_, i) => `AB${1000 + i}`);
    const chunks = chunkAddresses(list);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 8000)).toBe(true);
    expect(chunks.join(",").split(",")).toEqual(list);
  });
  test("issues on one cell merge; error wins over warning", () => {
    const g = groupIssues([
      issue("B2", "warning", "a"),
      issue("B2", "error", "b"),
      issue("B2", "error", "b"),
    ]);
    expect(g.get("B2")).toEqual({ severity: "error", messages: ["a", "b"] });
  });
});
