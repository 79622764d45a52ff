import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runDemo } from "../../src/cli/commands/demo";
import type { CliIO } from "../../src/cli/context";
import { run } from "../../src/cli/main";
import { CATALOG } from "../../src/core/templates/catalog";

jest.setTimeout(180_000);

describe("xeploai demo", () => {
  it("makes the filled templates and a master that opens with ExcelJS and has the sheets", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "xeploai-demo-"));
    const r = await runDemo(out, { pdf: false });
    expect(r.exitCode).toBe(0);
    expect(readdirSync(path.join(out, "mau-bieu")).sort()).toEqual(
      CATALOG.map((s) => `${s.id}.xlsx`).sort()
    );
    const subs = readdirSync(path.join(out, "submissions"));
    expect(subs.length).toBe(r.submissions.length);
    expect(subs).toEqual(
      expect.arrayContaining([
        "3.8-dan-van.xlsx",
        "3.14-db-phuong-phu-bai.xlsx",
        "3.14-db-phuong-phu-bai-bo-sung.xlsx",
      ])
    );
    // Quân sự sent its file without Phường Phú Bài's row (that Đảng bộ: "chưa đủ căn cứ").
    expect(subs).toContain("3.9-quan-su.xlsx");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.master);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Tổng hợp",
      "Lãnh đạo",
      "Chỉ tiêu & tổng hợp",
      "Tình hình nộp",
      "Báo cáo",
      "Phụ lục 1",
      "Phụ lục 2",
      "Danh mục đơn vị",
      "Nguồn số liệu",
      "Nhật ký",
      "_lists_master",
      "_meta_master",
    ]);
    const status: string[] = [];
    wb.getWorksheet("Tình hình nộp")!.eachRow((row) =>
      status.push((row.values as unknown[]).map((v) => String(v ?? "")).join("|"))
    );
    expect(status.some((s) => s.includes("3.10-cong-an.xlsx") && s.includes("Trễ hạn"))).toBe(true);
    // The plan's deadlines: 3.8 by 20/11, the rest by 25/12; the report to the province by 15/01.
    const head = status.find((s) => s.includes("Hạn nộp:"))!;
    expect(head).toContain("Hạn nộp: 25/12/2019 (riêng mẫu 3.8");
    expect(head).toContain("20/11/2019");
    expect(head).toContain("trước 15/01/2020");
    expect(status.some((s) => s.includes("3.8-dan-van.xlsx") && s.includes("Trễ hạn"))).toBe(false);
    expect(status.some((s) => s.includes("Quân sự") && s.includes("Chưa nhận"))).toBe(true);

    // Summary in Vietnamese: the mistakes, the conflict, the cross-template warning.
    expect(r.summary).toContain("Thủy Xuân");
    expect(r.summary).toContain("1.234,5");
    expect(r.summary).toContain("TRÙNG");
    expect(r.summary).toContain("tiêu chí 11");
    // Contradictions by design, caught by the evidence rules.
    expect(r.summary).toContain("94,76%");
    expect(r.summary).toContain("LỖI SỐ LIỆU: Đảng bộ xã Thủy Tân");
    expect(r.summary).toContain("LỖI SỐ LIỆU: Đảng bộ phường Thủy Lương");
    expect(r.summary).toContain("Đã ghi bảng tổng hợp");
  });

  it("needs --out", async () => {
    const err: string[] = [];
    const io: CliIO = { out: () => undefined, err: (s) => err.push(s) };
    expect(await run(["demo"], io)).toBe(2);
    expect(err.join("")).toContain("--out");
  });
});
