import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runDemo } from "../../src/cli/commands/demo";
import type { CliIO } from "../../src/cli/context";
import { run } from "../../src/cli/main";
import { CATALOG } from "../../src/core/templates/catalog";
import { enumCodesShown } from "./cli-fixtures";

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
      "Phụ lục 3",
      "Danh mục đơn vị",
      "Nguồn số liệu",
      "Nhật ký",
      "_lists_master",
      "_meta_master",
    ]);
    // Every visible sheet (working sheets and printed pages) shows choices by their labels.
    expect(enumCodesShown(wb)).toEqual([]);
    const danhHieu: string[] = [];
    wb.getWorksheet("Tổng hợp")!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && /đạt chuẩn văn/.test(cell.value))
          danhHieu.push(cell.value);
      })
    );
    expect(new Set(danhHieu)).toEqual(
      new Set(["Xã đạt chuẩn văn hóa nông thôn mới", "Phường đạt chuẩn văn minh đô thị"])
    );
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

    // The bodies the plan (III.1.2) reviews are in 3.15 only: never TCCS rows nor "Chưa nhận" of a
    // TCCS template; their leaders are linked to the body's collective row (or "chưa đủ căn cứ").
    const sheetRows = (name: string) => {
      const out: string[][] = [];
      wb.getWorksheet(name)!.eachRow((row) =>
        out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? "")))
      );
      return out;
    };
    const tongHop = sheetRows("Tổng hợp").map((r) => r.join("|"));
    expect(tongHop.some((x) => x.includes("Ủy ban nhân dân thị xã"))).toBe(false);
    expect(tongHop.filter((x) => /\|(db|tccs)-[a-z0-9-]+\|/.test(x))).toHaveLength(19);
    expect(
      status.filter(
        (x) => x.includes("Chưa nhận") && /HĐND|Ủy ban nhân dân thị xã|Thị ủy\|/.test(x)
      )
    ).toEqual([]);
    const leaders = sheetRows("Lãnh đạo");
    const person = (ten: string) => leaders.find((x) => x[1] === ten)!.join("|");
    expect(person("Dương Thị Quyên")).toMatch(
      /Ủy ban nhân dân thị xã\|\|HTXSNV\|\|HTXSNV\|HTTNV\|HTTNV\|- Tập thể lãnh đạo Ủy ban nhân dân thị xã \(mẫu 3\.15\) được xếp HTTNV/
    );
    expect(person("Ngô Văn Phúc")).toContain(
      "Thường trực HĐND thị xã||HTXSNV||HTXSNV|HTXSNV|HTXSNV|"
    );
    expect(person("Đặng Văn Hùng")).toContain(
      "chưa đủ căn cứ để gắn với đơn vị mình lãnh đạo — mẫu 3.15 chưa có dòng tập thể lãnh đạo của Ban Tổ chức Thị ủy"
    );
    // A rating error keeps the person on the signed list, marked and capped.
    expect(person("Phan Thị Nga")).toMatch(/HTTNV\|HTTNV\|.*vẫn giữ trong danh sách/);
    expect(leaders.map((x) => x.join("|")).join("\n")).toContain(
      "Tập thể lãnh đạo, quản lý: HTTNV trở lên 100%, trong đó HTXSNV 25% (4 được xếp loại); Cá nhân lãnh đạo, quản lý: HTTNV trở lên 100%, trong đó HTXSNV 20% (10 được xếp loại)."
    );

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
