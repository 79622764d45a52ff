import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { cli } from "./cli-fixtures";

// Heavy (templates written and read several times): its own timeout, not jest's 5 s default.
jest.setTimeout(120_000);

describe("xeploai validate on a sheet with very many issues", () => {
  it("prints the errors first, at most MAX_PRINTED_ISSUES, and says how many more --json holds", async () => {
    const { MAX_PRINTED_ISSUES } = await import("../../src/cli/commands/validate");
    const ExcelJS = (await import("exceljs")).default;
    const dir = mkdtempSync(path.join(tmpdir(), "xeploai-many-"));
    expect((await cli("templates", "--out", dir, "--template", "lanh-dao")).code).toBe(0);
    const file = path.join(dir, "lanh-dao.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets.find((w) => w.state === "visible")!;
    // The template's footer (place/date line and signatures) removed, as someone adding rows
    // past the 60 blank ones would move it down.
    let footer = 0;
    ws.eachRow((row, r) => {
      row.eachCell((c) => {
        if (!footer && typeof c.value === "string" && c.value.includes(", ngày")) footer = r;
      });
    });
    expect(footer).toBeGreaterThan(0);
    for (let r = footer; r <= ws.rowCount; r++)
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        if (cell.isMerged) ws.unMergeCells(cell.address);
        cell.value = null;
      }
    // 300 rows naming a unit that does not exist: one error each.
    for (let r = 0; r < 300; r++) {
      const row = ws.getRow(8 + r);
      row.getCell(2).value = `Người thử ${r}`;
      row.getCell(4).value = "Thủy Xuân";
    }
    await wb.xlsx.writeFile(file);
    const human = await cli("validate", file);
    expect(human.code).toBe(1);
    const printed = human.out.split("\n").filter((l) => /^\s+(LỖI|CẢNH BÁO)\s/.test(l));
    expect(printed.length).toBeLessThanOrEqual(MAX_PRINTED_ISSUES);
    expect(human.out).toMatch(/… và \d+ vấn đề khác trên trang này/);
    const json = JSON.parse((await cli("validate", file, "--json")).out) as {
      summary: { errors: number };
    };
    expect(json.summary.errors).toBeGreaterThan(MAX_PRINTED_ISSUES);
  });
});
