import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { consolidateFiles, nodeFs, type FsOps } from "../../src/cli/commands/consolidate";
import { consolidateJsonSchema } from "../../src/cli/consolidate-json";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { defaultRegister } from "../../src/core/units/register";
import { cli, openMaster as openMasterWorkbook, writeDemoFiles } from "./cli-fixtures";

jest.setTimeout(120_000);

const NOW = "2019-12-30T02:00:00.000Z";
const dir = mkdtempSync(path.join(tmpdir(), "xeploai-consolidate-"));
const register = defaultRegister();
const settings = DEFAULT_SETTINGS_2019;
const files: string[] = [];
/** A digest of a file's bytes: "byte-identical" means the same digest. */
const digest = (p: string) =>
  createHash("sha256").update(readFileSync(p, "latin1"), "latin1").digest("hex");

beforeAll(async () => {
  // A few realistic files from the demo generator: three TCCS reports, 3.8 and 3.11.
  files.push(
    ...(await writeDemoFiles(
      dir,
      [
        "3.14-db-phuong-thuy-chau.xlsx",
        "3.14-db-xa-thuy-phu.xlsx",
        "3.14-tccs-thpt-huong-thuy.xlsx",
        "3.8-dan-van.xlsx",
        "3.11-ubkt.xlsx",
      ],
      register,
      settings
    ))
  );
});

/** Row of a unit code in the master sheet, and the column letters, from _meta (via ExcelJS). */
async function openMaster(p: string) {
  const { wb, kv } = await openMasterWorkbook(p);
  const ws = wb.getWorksheet("Tổng hợp")!;
  const rowOf = (code: string) => {
    const col = kv.get("column:unitCode")!;
    for (let r = Number(kv.get("firstDataRow")); r <= ws.rowCount; r++)
      if (ws.getCell(`${col}${r}`).value === code) return r;
    return -1;
  };
  return { wb, kv, ws, rowOf };
}

describe("xeploai consolidate", () => {
  const master = path.join(dir, "master.xlsx");

  it("writes the master, exit 0 when every file is taken, --json matches its schema", async () => {
    const r = await cli("consolidate", ...files, "--master", master, "--json", "--now", NOW);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = consolidateJsonSchema.parse(JSON.parse(r.out));
    expect(json.written).toBe(true);
    expect(json.files).toHaveLength(5);
    expect(json.completeness.missingTemplates).toContain("quan-su");
    const { wb, ws, rowOf } = await openMaster(master);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        "Tổng hợp",
        "Lãnh đạo",
        "Chỉ tiêu & tổng hợp",
        "Tình hình nộp",
        "Danh mục đơn vị",
        "Nhật ký",
        "_meta_master",
      ])
    );
    expect(wb.getWorksheet("_meta_master")!.state).toBe("veryHidden");
    expect(rowOf("db-phuong-thuy-chau")).toBeGreaterThan(0);
    expect(ws.getCell("A1").value).toBe("ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ");
  });

  it("prints a Vietnamese summary by default", async () => {
    const out = path.join(dir, "human.xlsx");
    const r = await cli("consolidate", ...files, "--master", out, "--now", NOW);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Đã ghi bảng tổng hợp");
    expect(r.out).toContain("Tình hình nộp");
  });

  it("reads a file named twice once: no conflict of a file with itself", async () => {
    const out = path.join(dir, "twice.xlsx");
    const again = path.join(path.dirname(files[0]!), ".", path.basename(files[0]!));
    const r = await cli("consolidate", ...files, again, "--master", out, "--now", NOW, "--json");
    expect(r.code).toBe(0);
    expect(r.err).toContain("được đưa vào nhiều lần; chỉ đọc một lần");
    const json = JSON.parse(r.out) as { conflicts: unknown[] };
    expect(json.conflicts).toEqual([]);
  });

  it("keeps a decision typed by hand in OUT.xlsx when consolidating again", async () => {
    const { wb, kv, rowOf } = await openMaster(master);
    const row = rowOf("db-xa-thuy-phu");
    const ws = wb.getWorksheet("Tổng hợp")!;
    ws.getCell(`${kv.get("column:quyetDinhBtv")}${row}`).value = "HTTNV";
    ws.getCell(`${kv.get("column:ghiChu")}${row}`).value = "Theo kết luận BTV ngày 30/12";
    await wb.xlsx.writeFile(master);

    const r = await cli(
      "consolidate",
      ...files,
      "--master",
      master,
      "--json",
      "--now",
      "2019-12-31T02:00:00.000Z"
    );
    expect(r.code).toBe(0);
    const json = consolidateJsonSchema.parse(JSON.parse(r.out));
    expect(json.manualKept).toBe(1);
    expect(json.classification.find((c) => c.unitCode === "db-xa-thuy-phu")!.quyetDinhBtv).toBe(
      "HTTNV"
    );
    const again = await openMaster(master);
    const row2 = again.rowOf("db-xa-thuy-phu");
    expect(again.ws.getCell(`${again.kv.get("column:quyetDinhBtv")}${row2}`).value).toBe("HTTNV");
    expect(again.ws.getCell(`${again.kv.get("column:ghiChu")}${row2}`).value).toBe(
      "Theo kết luận BTV ngày 30/12"
    );
    // The log holds both runs.
    const log: string[] = [];
    again.wb.getWorksheet("Nhật ký")!.eachRow((r) => log.push(String(r.getCell(1).value)));
    expect(log.filter((x) => x === NOW).length).toBeGreaterThan(0);
    expect(log.filter((x) => x === "2019-12-31T02:00:00.000Z").length).toBeGreaterThan(0);
  });

  it("exit 1 when a file is refused; the master is still written from the others", async () => {
    const bad = path.join(dir, "hong.xlsx");
    writeFileSync(bad, "đây không phải tệp Excel");
    const out = path.join(dir, "partial.xlsx");
    const r = await cli("consolidate", bad, ...files, "--master", out, "--json", "--now", NOW);
    expect(r.code).toBe(1);
    const json = consolidateJsonSchema.parse(JSON.parse(r.out));
    expect(json.refused.map((x) => x.file)).toEqual(["hong.xlsx"]);
    expect(existsSync(out)).toBe(true);
  });

  it("exit 2 and the existing master untouched when nothing can be read", async () => {
    const before = digest(master);
    const bad = path.join(dir, "rong.xlsx");
    writeFileSync(bad, "");
    const r = await cli("consolidate", bad, "--master", master, "--now", NOW);
    expect(r.code).toBe(2);
    expect(r.err).toContain("bảng tổng hợp không thay đổi");
    expect(digest(master)).toBe(before);
  });

  it("never overwrites a file that is not a XếpLoại master", async () => {
    const other = path.join(dir, "khac.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "số liệu quan trọng";
    await wb.xlsx.writeFile(other);
    const before = digest(other);
    const r = await cli("consolidate", ...files, "--master", other, "--now", NOW);
    expect(r.code).toBe(2);
    expect(r.err).toContain("không phải bảng tổng hợp");
    expect(digest(other)).toBe(before);
  });

  it("checks its options", async () => {
    expect((await cli("consolidate", ...files)).code).toBe(2);
    const p = await cli(
      "consolidate",
      ...files,
      "--master",
      path.join(dir, "x.xlsx"),
      "--error-policy",
      "boQua"
    );
    expect(p.code).toBe(2);
    expect(p.err).toContain("--error-policy chỉ nhận");
    expect(
      (
        await cli(
          "consolidate",
          ...files,
          "--master",
          path.join(dir, "x.xlsx"),
          "--deadline",
          "25/12/2019"
        )
      ).code
    ).toBe(2);
  });

  it("takes --error-policy and --deadline", async () => {
    const r = await cli(
      "consolidate",
      ...files,
      "--master",
      path.join(dir, "policy.xlsx"),
      "--json",
      "--now",
      NOW,
      "--error-policy",
      "dropFile",
      "--deadline",
      "2019-12-01"
    );
    const json = consolidateJsonSchema.parse(JSON.parse(r.out));
    expect(json.errorPolicy).toBe("dropFile");
    expect(json.deadline).toBe("2019-12-01");
    expect(json.completeness.late).toBeGreaterThan(0);
  });
});

describe("--rules FILE: another rule set as data", () => {
  it("applies a rule set loaded from JSON and refuses a malformed one", async () => {
    const { HD21_2019 } = await import("../../src/core/rules");
    const lenient = {
      ...JSON.parse(JSON.stringify(HD21_2019)),
      id: "HD21-2019-khong-tieu-chi",
      caps: HD21_2019.caps.filter((c) => c.id !== "cap4-tieu-chi"),
    };
    const rulesFile = path.join(dir, "rules.json");
    writeFileSync(rulesFile, JSON.stringify(lenient));
    const r = await cli(
      "consolidate",
      ...files,
      "--master",
      path.join(dir, "rules.xlsx"),
      "--json",
      "--now",
      NOW,
      "--rules",
      rulesFile
    );
    const json = consolidateJsonSchema.parse(JSON.parse(r.out));
    expect(json.ruleSetId).toBe("HD21-2019-khong-tieu-chi");
    expect(json.classification.flatMap((c) => c.reasons.map((x) => x.ruleId))).not.toContain(
      "cap4-tieu-chi"
    );

    writeFileSync(rulesFile, JSON.stringify({ ...lenient, quota: { ...lenient.quota, ratio: 2 } }));
    const bad = await cli(
      "consolidate",
      ...files,
      "--master",
      path.join(dir, "rules2.xlsx"),
      "--rules",
      rulesFile
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("quota.ratio");
    expect(existsSync(path.join(dir, "rules2.xlsx"))).toBe(false);
  });
});

describe("all or nothing", () => {
  it("a failure while writing leaves the previous master byte-identical and no temporary file (exit 2)", async () => {
    const master = path.join(dir, "atomic.xlsx");
    const ok = await consolidateFiles({ files, master, settings, register, now: NOW });
    expect(ok.json.exitCode).toBe(0);
    const before = digest(master);

    const failing = (stage: "write" | "rename"): FsOps => ({
      ...nodeFs,
      async writeFile(p, bytes) {
        if (stage === "write") {
          await fs.writeFile(p, bytes.subarray(0, 100)); // half-written, then the disk fails
          throw new Error("ENOSPC: no space left on device");
        }
        return nodeFs.writeFile(p, bytes);
      },
      async rename(a, b) {
        if (stage === "rename") throw new Error("EACCES: permission denied");
        return nodeFs.rename(a, b);
      },
    });
    for (const stage of ["write", "rename"] as const) {
      const r = await consolidateFiles(
        { files, master, settings, register, now: "2020-01-02T00:00:00.000Z" },
        failing(stage)
      );
      expect(r.json.exitCode).toBe(2);
      expect(r.json.written).toBe(false);
      expect(r.json.error!.vi).toContain("bảng tổng hợp cũ không thay đổi");
      expect(digest(master)).toBe(before);
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    }
  });
});
