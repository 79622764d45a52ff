/**
 * validate through real .xlsx files: a row whose unit name disagrees with its hidden unit code is an
 * error naming both (and consolidate leaves the row out); a file of another year than the settings'
 * period is an error by default, without --period.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { defaultRegister } from "../../src/core/units/register";
import { cli, writeDemoFiles } from "./cli-fixtures";

jest.setTimeout(120_000);

const register = defaultRegister();
const dir = mkdtempSync(path.join(tmpdir(), "xeploai-validate-checks-"));

type Json = {
  exitCode: number;
  files: {
    submissions: {
      sheet: string;
      firstDataRow: number;
      columnLetters: Record<string, string>;
      issues: { rule: string; severity: string; cell: string | null; messages: { vi: string; en: string } }[];
    }[];
  }[];
};

describe("validate: what a submission says about itself", () => {
  it("a unit name that disagrees with the hidden unit code is an error naming both; consolidate leaves the row out", async () => {
    const [file] = await writeDemoFiles(dir, ["3.8-dan-van.xlsx"], register, DEFAULT_SETTINGS_2019);
    const before = JSON.parse((await cli("validate", file!, "--json")).out) as Json;
    const s = before.files[0]!.submissions[0]!;
    const nameCell = `${s.columnLetters.unitName}${s.firstDataRow}`;
    const codeCell = `${s.columnLetters.unitCode}${s.firstDataRow}`;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    const ws = wb.getWorksheet(s.sheet)!;
    const code = String(ws.getCell(codeCell).value);
    const ownName = register.units.find((u) => u.code === code)!.name;
    const other = register.units.find((u) => u.kind === "xa" && u.code !== code)!;
    ws.getCell(nameCell).value = other.name;
    await wb.xlsx.writeFile(file!);

    const r = await cli("validate", file!, "--json");
    const json = JSON.parse(r.out) as Json;
    expect(json.exitCode).toBe(1);
    const e = json.files[0]!.submissions[0]!.issues.find((i) => i.rule === "unit.codeNameMismatch")!;
    expect(e.severity).toBe("error");
    expect(e.cell).toBe(nameCell);
    for (const t of [other.name, ownName, code]) {
      expect(e.messages.vi).toContain(t);
      expect(e.messages.en).toContain(t);
    }

    const master = path.join(dir, "master.xlsx");
    const c = await cli("consolidate", file!, "--master", master, "--json", "--now", "2019-12-30T02:00:00.000Z");
    const cj = JSON.parse(c.out) as { excluded: { row: number | null; unitCode: string | null }[] };
    expect(cj.excluded.some((x) => x.row === s.firstDataRow)).toBe(true);
  });

  it("the master passed to validate as a submission says it is the master (Vietnamese and English)", async () => {
    const master = path.join(dir, "master.xlsx"); // written by the test above
    const r = await cli("validate", master);
    expect(r.code).toBe(2);
    expect(r.out).toContain("master.xlsx: đây là bảng tổng hợp năm 2019 do XếpLoại tạo, không phải mẫu biểu");
    expect(r.out).not.toContain("thiếu cột bắt buộc");
    const en = await cli("validate", master, "--lang", "en");
    expect(en.out).toContain("this is a master for 2019 made by XếpLoại, not a template");
  });

  it("a file of another year is an error by default (the settings' period), none with --period of its year", async () => {
    const y2018 = mkdtempSync(path.join(tmpdir(), "xeploai-2018-"));
    const [file] = await writeDemoFiles(y2018, ["3.8-dan-van.xlsx"], register, {
      ...DEFAULT_SETTINGS_2019,
      period: 2018,
    });
    const r = await cli("validate", file!, "--json");
    const json = JSON.parse(r.out) as Json;
    expect(json.exitCode).toBe(1);
    const e = json.files[0]!.submissions[0]!.issues.find((i) => i.rule === "period.mismatch")!;
    expect(e.severity).toBe("error");
    expect(e.messages.vi).toContain("năm 2018, không phải năm 2019");
    expect(e.messages.vi).toContain(path.basename(file!));
    expect(e.messages.en).toContain("2018");

    const human = await cli("validate", file!);
    expect(human.out).toContain("năm 2018, không phải năm 2019");

    const ok = JSON.parse((await cli("validate", file!, "--json", "--period", "2018")).out) as Json;
    expect(ok.files[0]!.submissions[0]!.issues.map((i) => i.rule)).not.toContain("period.mismatch");
  });
});
