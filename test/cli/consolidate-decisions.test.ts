/**
 * Through real .xlsx files: a decision typed on the Lãnh đạo sheet survives a run without the 3.15
 * file (kept under "Quyết định chưa khớp" and in _meta_master), and returns to its row when the
 * file comes back with the position spelled "Đảng uỷ" instead of "Đảng ủy".
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { defaultRegister } from "../../src/core/units/register";
import { cli, openMaster, writeDemoFiles } from "./cli-fixtures";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "xeploai-decisions-"));
const master = path.join(dir, "master.xlsx");
const reports: string[] = [];
let leadersFile = "";

beforeAll(async () => {
  const written = await writeDemoFiles(
    dir,
    ["3.14-db-phuong-thuy-chau.xlsx", "3.14-db-xa-thuy-phu.xlsx", "3.15-lanh-dao.xlsx"],
    defaultRegister(),
    DEFAULT_SETTINGS_2019
  );
  leadersFile = written.find((p) => p.endsWith("3.15-lanh-dao.xlsx"))!;
  reports.push(...written.filter((p) => p !== leadersFile));
});

/** The Lãnh đạo row whose position cell reads "Bí thư Đảng ủy" first, and the column letters. */
async function leaders() {
  const { wb, kv } = await openMaster(master);
  const ws = wb.getWorksheet("Lãnh đạo")!;
  const col = (k: string) => kv.get(`leaderColumn:${k}`)!;
  let row = -1;
  for (let r = Number(kv.get("leadersFirstDataRow")); r <= ws.rowCount; r++)
    if (String(ws.getCell(`${col("leaderKey")}${r}`).value ?? "").includes("bí thư đảng ủy")) {
      row = r;
      break;
    }
  const texts: string[] = [];
  ws.eachRow((r) => r.eachCell((c) => texts.push(String(c.value ?? ""))));
  return { wb, ws, kv, col, row, texts };
}

describe("consolidate keeps hand-entered leader decisions across runs", () => {
  it("kept while the 3.15 file is left out, put back when it returns with another tone placement", async () => {
    const NOW = ["--now", "2019-12-30T02:00:00.000Z"];
    expect((await cli("consolidate", ...reports, leadersFile, "--master", master, ...NOW)).code).toBe(0);

    // A person types a decision on the first secretary's row and saves the master.
    const first = await leaders();
    expect(first.row).toBeGreaterThan(0);
    const ten = String(first.ws.getCell(`B${first.row}`).value);
    first.ws.getCell(`${first.col("quyetDinhBtv")}${first.row}`).value = "HTTNV";
    first.ws.getCell(`${first.col("ghiChu")}${first.row}`).value = "BTV họp ngày 28/12";
    await first.wb.xlsx.writeFile(master);

    // Run without the 3.15 file: the decision is kept, visible and in _meta_master.
    const without = await cli("consolidate", ...reports, "--master", master, "--now", "2019-12-31T02:00:00.000Z");
    expect(without.code).toBe(0);
    const kept = await leaders();
    expect(kept.row).toBe(-1);
    expect(kept.texts).toEqual(expect.arrayContaining(["QUYẾT ĐỊNH CHƯA KHỚP", ten, "HTTNV", "BTV họp ngày 28/12"]));
    const metaRows = [...kept.kv].filter(([k]) => k.startsWith("decision:leader:"));
    expect(metaRows).toHaveLength(1);
    expect(metaRows[0]![1]).toContain("BTV họp ngày 28/12");

    // The 3.15 file comes back, the position typed "Đảng uỷ" (other tone placement).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(leadersFile);
    let changed = 0;
    wb.worksheets.forEach((ws) =>
      ws.eachRow((r) =>
        r.eachCell((c) => {
          if (c.value === "Bí thư Đảng ủy") {
            c.value = "Bí thư Đảng uỷ";
            changed++;
          }
        })
      )
    );
    expect(changed).toBeGreaterThan(0);
    await wb.xlsx.writeFile(leadersFile);
    const back = await cli("consolidate", ...reports, leadersFile, "--master", master, "--now", "2020-01-02T02:00:00.000Z");
    expect(back.code).toBe(0);
    const restored = await leaders();
    expect(restored.row).toBeGreaterThan(0);
    expect(restored.ws.getCell(`B${restored.row}`).value).toBe(ten);
    expect(restored.ws.getCell(`${restored.col("quyetDinhBtv")}${restored.row}`).value).toBe("HTTNV");
    expect(restored.ws.getCell(`${restored.col("ghiChu")}${restored.row}`).value).toBe("BTV họp ngày 28/12");
    expect(restored.texts).not.toContain("QUYẾT ĐỊNH CHƯA KHỚP");
    expect([...restored.kv].filter(([k]) => k.startsWith("decision:"))).toEqual([]);
    // The log says the decision was put back.
    const log: string[] = [];
    restored.wb.getWorksheet("Nhật ký")!.eachRow((r) => log.push(String(r.getCell(4).value ?? "")));
    expect(log.some((l) => l.includes("được điền lại") && l.includes("BTV họp ngày 28/12"))).toBe(true);
  });
});
