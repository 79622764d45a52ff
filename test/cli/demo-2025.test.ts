/**
 * `xeploai demo --period 2025`: the whole year under QĐ 366 for a ward Party Committee of the
 * two-tier model (sample register and settings) — templates, filled files, master — and every
 * chi bộ and leader gets a suggestion whose reasons cite Article 11.
 */
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { sampleRegister2025 } from "../../src/core/units/register";
import { cli, enumCodesShown } from "./cli-fixtures";

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "../..");

describe("xeploai demo --period 2025", () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "xeploai-demo-2025-")), "out");

  it("runs the year and suggests a QĐ 366 level for every chi bộ and leader", async () => {
    const r = await cli("demo", "--out", dir, "--period", "2025", "--no-pdf");
    expect(r.code).toBe(0);
    expect(r.out).toContain("năm 2025, bộ quy tắc “Quy định 366-QĐ/TW (từ năm 2025)”");
    expect(r.out).toContain("chưa đề xuất 0");
    expect(readdirSync(path.join(dir, "mau-bieu")).sort()).toEqual([
      "lanh-dao.xlsx",
      "tccs-bao-cao.xlsx",
      "tuyen-giao.xlsx",
      "ubkt.xlsx",
      "van-phong.xlsx",
    ]);
    expect(existsSync(path.join(dir, "master.xlsx"))).toBe(true);
    const master = new ExcelJS.Workbook();
    await master.xlsx.readFile(path.join(dir, "master.xlsx"));
    expect(enumCodesShown(master)).toEqual([]);

    // Consolidating the same files without --settings: the period comes from the files.
    const subs = readdirSync(path.join(dir, "submissions")).map((f) =>
      path.join(dir, "submissions", f)
    );
    const c = await cli(
      "consolidate",
      ...subs,
      "--master",
      path.join(dir, "..", "m.xlsx"),
      "--settings",
      path.join(ROOT, "src/core/settings/data/phu-bai-2025.json"),
      "--units",
      path.join(ROOT, "src/core/units/data/phu-bai-2025.json"),
      "--json"
    );
    const json = JSON.parse(c.out) as {
      period: number;
      ruleSetId: string;
      classification: {
        unitCode: string;
        suggested: string | null;
        reasons: { message: string }[];
      }[];
    };
    expect(json.period).toBe(2025);
    expect(json.ruleSetId).toBe("QD366-2025");
    const units = sampleRegister2025().units.filter((u) => u.kind === "tccs");
    expect(json.classification).toHaveLength(units.length);
    for (const t of json.classification) {
      expect(t.suggested).not.toBeNull();
      expect(t.reasons.map((x) => x.message).join(" ")).toContain(
        "QĐ 366-QĐ/TW ngày 30/8/2025, Điều 11"
      );
    }
    const level = (code: string) => json.classification.find((t) => t.unitCode === code)!.suggested;
    expect(level("cb-tdp-1")).toBe("HTXSNV");
    expect(level("cb-tdp-2")).toBe("HTTNV"); // too few tasks beyond the requirement
    expect(level("cb-tdp-3")).toBe("HTNV"); // tasks late
    expect(level("cb-thon-hoa-phong")).toBe("KHTNV"); // a task not completed
    expect(level("cb-co-quan-ubnd")).toBe("HTXSNV"); // exactly 90 and 30 %
    expect(level("cb-tram-y-te")).toBe("KHTNV"); // 49,5
    expect(level("cb-doanh-nghiep")).toBe("HTTNV"); // Văn phòng's figure caps the claim
  });
});
