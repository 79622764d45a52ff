/**
 * Through real .xlsx files: a copy of a submission saved on a machine whose clock says 2099 does not
 * win a conflict by its date; consolidate warns and says which file was taken.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { defaultRegister } from "../../src/core/units/register";
import { cli, writeDemoFiles } from "./cli-fixtures";

jest.setTimeout(120_000);

it("a file dated 2099 does not silently win: the conflict warns, in Vietnamese and English, and names the file taken", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "xeploai-future-"));
  const [file] = await writeDemoFiles(dir, ["3.8-dan-van.xlsx"], defaultRegister(), DEFAULT_SETTINGS_2019);
  const future = path.join(dir, "3.8-dan-van-2099.xlsx");
  copyFileSync(file!, future);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(future);
  wb.modified = new Date("2099-01-01T00:00:00.000Z");
  await wb.xlsx.writeFile(future);

  const master = path.join(dir, "master.xlsx");
  const r = await cli("consolidate", future, file!, "--master", master, "--json", "--now", "2019-12-30T02:00:00.000Z");
  const json = JSON.parse(r.out) as { conflicts: { winner: string; loser: string; message: string }[] };
  expect(json.conflicts.length).toBeGreaterThan(0);
  for (const c of json.conflicts) {
    // Given later, with a trustworthy date: the ordinary file is taken.
    expect(path.basename(c.winner)).toBe("3.8-dan-van.xlsx");
    expect(c.message).toContain("3.8-dan-van-2099.xlsx ghi thời điểm lưu 01/01/2099");
    expect(c.message).toContain("ở tương lai");
    expect(c.message).toContain("lấy số liệu tệp 3.8-dan-van.xlsx");
  }
  const en = await cli("consolidate", future, file!, "--master", path.join(dir, "m2.xlsx"), "--json", "--lang", "en", "--now", "2019-12-30T02:00:00.000Z");
  const ej = JSON.parse(en.out) as { conflicts: { message: string }[] };
  expect(ej.conflicts[0]!.message).toContain("in the future of this run");
});
