/**
 * `xeploai consolidate` through real files: a decision typed into the Lãnh đạo sheet survives a
 * re-run (read back by the leader's identity), and the written summary holds formulas whose cached
 * results agree with the run's JSON quota.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { consolidateJsonSchema } from "../../src/cli/consolidate-json";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { defaultRegister } from "../../src/core/units/register";
import type ExcelJS from "exceljs";
import { cli, openMaster, writeDemoFiles } from "./cli-fixtures";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "xeploai-live-cli-"));
const register = defaultRegister();
const settings = DEFAULT_SETTINGS_2019;
const files: string[] = [];

beforeAll(async () => {
  files.push(
    ...(await writeDemoFiles(
      dir,
      [
        "3.14-db-phuong-thuy-chau.xlsx",
        "3.14-db-phuong-phu-bai.xlsx",
        "3.14-db-xa-thuy-phu.xlsx",
        "3.15-lanh-dao.xlsx",
      ],
      register,
      settings
    ))
  );
});

const open = openMaster;

describe("consolidate: Lãnh đạo decisions and the live summary through files", () => {
  const master = path.join(dir, "master.xlsx");

  it("keeps a decision typed into the Lãnh đạo sheet across a re-run, by the leader's identity", async () => {
    const first = await cli("consolidate", ...files, "--master", master, "--json");
    expect([0, 1]).toContain(first.code);
    const { wb, kv } = await open(master);
    const ws = wb.getWorksheet("Lãnh đạo")!;
    const firstRow = Number(kv.get("leadersFirstDataRow"));
    const keyCol = kv.get("leaderColumn:leaderKey")!;
    const key = String(ws.getCell(`${keyCol}${firstRow}`).value);
    expect(key.split(" | ")).toHaveLength(3);
    ws.getCell(`${kv.get("leaderColumn:quyetDinhBtv")}${firstRow}`).value = "HTNV";
    ws.getCell(`${kv.get("leaderColumn:ghiChu")}${firstRow}`).value = "Theo kết luận BTV";
    await wb.xlsx.writeFile(master);

    const again = await cli("consolidate", ...files, "--master", master, "--json");
    expect([0, 1]).toContain(again.code);
    expect((JSON.parse(again.out) as { manualKeptLeaders: number }).manualKeptLeaders).toBe(1);
    const reopened = await open(master);
    const ws2 = reopened.wb.getWorksheet("Lãnh đạo")!;
    let found = 0;
    for (let r = firstRow; r <= ws2.rowCount; r++) {
      if (String(ws2.getCell(`${keyCol}${r}`).value) !== key) continue;
      found++;
      expect(ws2.getCell(`${reopened.kv.get("leaderColumn:quyetDinhBtv")}${r}`).value).toBe("HTNV");
      expect(ws2.getCell(`${reopened.kv.get("leaderColumn:ghiChu")}${r}`).value).toBe(
        "Theo kết luận BTV"
      );
    }
    expect(found).toBe(1);
  });

  it("writes the quota per loại hình as formulas whose cached results are the run's quota", async () => {
    const r = await cli("consolidate", ...files, "--master", path.join(dir, "q.xlsx"), "--json");
    const json = consolidateJsonSchema.parse(JSON.parse(r.out));
    const { wb } = await open(path.join(dir, "q.xlsx"));
    const ws = wb.getWorksheet("Chỉ tiêu & tổng hợp")!;
    const orgs = json.quota.filter((q) => q.kind === "organisations");
    expect(orgs.length).toBeGreaterThan(0);
    for (const q of orgs) {
      let row = -1;
      ws.eachRow((rw, n) => {
        const g = rw.getCell(7).value as ExcelJS.CellFormulaValue | null;
        if (rw.getCell(1).value === q.label && g && typeof g === "object" && "formula" in g)
          row = n;
      });
      expect(row).toBeGreaterThan(0);
      // ExcelJS reads a cached <v>0</v> back as no result, hence ?? 0 (the file holds the 0).
      const cell = (c: number) => ws.getRow(row).getCell(c).value as ExcelJS.CellFormulaValue;
      expect(cell(2).formula).toMatch(/^COUNTIFS\('Tổng hợp'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+,"HTXSNV"/);
      expect([cell(4), cell(5), cell(6), cell(7)].map((c) => c.result ?? 0)).toEqual([
        q.base,
        q.allowed,
        q.used,
        q.excess,
      ]);
    }
  });
});
