/** Content far below the data is never silently dropped: the reader stops, and the person is told. */
import ExcelJS from "exceljs";
import { loadXlsx } from "../../../src/adapters/xlsx";
import { describeRaw } from "../../../src/core/normalize";
import { DEFAULT_SETTINGS_2019 } from "../../../src/core/settings/defaults";
import { readSubmissions } from "../../../src/core/submission/read";
import { buildTemplateWorkbook } from "../../../src/core/template-sheet/build";
import { requireTemplate } from "../../../src/core/templates/catalog";
import { defaultRegister } from "../../../src/core/units";

describe("a sheet with content beyond the rows the reader reads", () => {
  jest.setTimeout(30_000);

  it("reads the template and warns that later rows were skipped", async () => {
    const { reader, writer } = await loadXlsx();
    const spec = requireTemplate("y-te");
    const register = defaultRegister();
    const bytes = await writer.write(buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    wb.getWorksheet(spec.sheetName)!.getCell("A1048000").value = "nội dung lạc";
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());

    const read = await reader.read(edited, "y-te.xlsx");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const outcome = readSubmissions(read.grids, { register });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const warn = outcome.submissions[0]!.validation.issues.find((i) => i.rule === "sheet.truncated");
    expect(warn?.severity).toBe("warning");
    expect(warn?.message.vi).toContain("bị bỏ qua");
  });

  it("an untouched template gives no such warning", async () => {
    const { reader, writer } = await loadXlsx();
    const spec = requireTemplate("y-te");
    const register = defaultRegister();
    const read = await reader.read(await writer.write(buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019)), "y-te.xlsx");
    if (!read.ok) throw new Error("unreadable");
    const outcome = readSubmissions(read.grids, { register });
    if (!outcome.ok) throw new Error("refused");
    expect(outcome.submissions[0]!.validation.issues.some((i) => i.rule === "sheet.truncated")).toBe(false);
  });
});

describe("quoting what a person typed", () => {
  it("quotes a long paste by its start only", () => {
    const q = describeRaw("x".repeat(40_000));
    expect(q.vi.length).toBeLessThan(80);
    expect(q.vi.endsWith('…"')).toBe(true);
  });
  it("quotes a short value whole", () => {
    expect(describeRaw("abc").vi).toBe('"abc"');
  });
});
