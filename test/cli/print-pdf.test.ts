/**
 * The printed documents as they come out of LibreOffice (`xeploai print`), read back from the PDF
 * with pdftotext -bbox: text no smaller than 11 pt on paper, every table within its page's width,
 * the HD 36 header block, "DỰ THẢO" and no signature while undecided, nothing internal on paper;
 * and once every decision is typed (in the file, as in Excel, without recalculation), no "DỰ THẢO"
 * and the signature block. Runs where soffice and pdftotext are installed (XEPLOAI_LIBREOFFICE=0
 * skips it), otherwise it is skipped with a message.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { printMaster } from "../../src/cli/commands/print";
import { DEMO_SETTINGS, runDemo } from "../../src/cli/commands/demo";
import { decideAll, describeWithLibreOffice, INTERNAL, readPdf, type PdfPage } from "./pdf-helpers";

const maybe = describeWithLibreOffice("print-pdf");
jest.setTimeout(400_000);

const MM = 72 / 25.4;
/**
 * Box height per point of font size, measured on the page: the report's title "BÁO CÁO" is set
 * at 16 pt and printed at 85 %.
 */
function boxPerPoint(pages: PdfPage[]): number {
  const title = pages[0]!.words.find((w) => w.text === "BÁO");
  if (!title) throw new Error("no title on page 1");
  return (title.yMax - title.yMin) / (16 * 0.85);
}

function documents(pages: PdfPage[]): { name: string; pages: PdfPage[] }[] {
  const out: { name: string; pages: PdfPage[] }[] = [];
  for (const p of pages) {
    const starts = p.text.includes("ĐẢNG CỘNG SẢN VIỆT NAM");
    const name = p.text.includes("PHỤ LỤC 1")
      ? "Phụ lục 1"
      : p.text.includes("PHỤ LỤC 2")
        ? "Phụ lục 2"
        : p.text.includes("PHỤ LỤC 3")
          ? "Phụ lục 3"
          : "Báo cáo";
    if (starts || out.length === 0) out.push({ name, pages: [p] });
    else out[out.length - 1]!.pages.push(p);
  }
  return out;
}

function layoutProblems(pages: PdfPage[]): string[] {
  const problems: string[] = [];
  const annex3 = new Set(
    documents(pages)
      .filter((d) => d.name === "Phụ lục 3")
      .flatMap((d) => d.pages)
  );
  const minBox = 11 * boxPerPoint(pages) - 0.05;
  pages.forEach((p, i) => {
    for (const w of p.words) {
      if (/^Trang$|^\d+$/.test(w.text) && w.yMin > p.height - 20 * MM) continue; // page number
      if (w.yMax - w.yMin < minBox)
        problems.push(
          `page ${i + 1}: "${w.text}" prints below 11 pt (box ${(w.yMax - w.yMin).toFixed(1)} pt, 11 pt = ${minBox.toFixed(1)})`
        );
      if (w.xMin < 10 * MM || w.xMax > p.width - 10 * MM)
        problems.push(
          `page ${i + 1}: "${w.text}" reaches the page edge (x ${w.xMin.toFixed(0)}–${w.xMax.toFixed(0)})`
        );
    }
    // A table page of Phụ lục 1 or 2 carries the whole header row, its last column included.
    if (p.text.includes("STT") && !/Lý do/.test(p.text) && !annex3.has(p))
      problems.push(`page ${i + 1}: the table's last column ("Lý do") is not on the page`);
    for (const [what, re] of INTERNAL) {
      const m = re.exec(p.text);
      if (m) problems.push(`page ${i + 1}: ${what} on paper: "${m[0]}"`);
    }
  });
  return problems;
}

maybe("printed documents through LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "xeploai-print-pdf-"));
  let master = "";
  let draft: PdfPage[] = [];
  let decided: PdfPage[] = [];

  beforeAll(async () => {
    const demo = await runDemo(path.join(dir, "demo"), { pdf: false });
    expect(demo.exitCode).toBe(0);
    master = demo.master;
    const a = await printMaster(master, path.join(dir, "du-thao.pdf"));
    expect(a.message.vi).toContain("Đã in");
    draft = readPdf(a.pdf!);
    const copy = path.join(dir, "da-quyet-dinh.xlsx");
    copyFileSync(master, copy);
    expect(await decideAll(copy)).toBeGreaterThan(0);
    const b = await printMaster(copy, path.join(dir, "ban-chinh-thuc.pdf"));
    expect(b.ok).toBe(true);
    decided = readPdf(b.pdf!);
  });

  it("prints the report and both annexes, each starting with the HD 36 header block", () => {
    const docs = documents(draft);
    expect(docs.map((d) => d.name)).toEqual(["Báo cáo", "Phụ lục 1", "Phụ lục 2", "Phụ lục 3"]);
    for (const d of docs) {
      const first = d.pages[0]!.text;
      for (const s of [
        "ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ",
        "THỊ ỦY HƯƠNG THỦY",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hương Thủy, ngày 30 tháng 12 năm 2019",
      ])
        expect(first).toContain(s);
    }
    const report = docs[0]!.pages[0]!.text;
    expect(report).toMatch(/Số\s+-BC\/TU/);
    expect(report).toContain("BÁO CÁO");
    expect(report).toMatch(/HTTNV trở lên \d+ \([\d,]+%\), trong đó HTXSNV \d+ \([\d,]+%\)/);
    for (const s of ["Tổ chức cơ sở đảng", "Đảng viên", "Tập thể lãnh đạo", "Cá nhân cán bộ"])
      expect(report).toContain(s);
    expect(docs[0]!.pages.map((p) => p.text).join(" ")).toContain("Nơi nhận:");
  });

  it("Phụ lục 3: every department's figures under its own heading, with the unit column, in Vietnamese", () => {
    const annex3 = documents(draft).find((d) => d.name === "Phụ lục 3")!;
    const text = annex3.pages.map((p) => p.text).join(" ");
    expect(text).toContain("SỐ LIỆU CỦA CÁC BAN, NGÀNH NĂM 2019");
    for (const s of ["Phòng Nội vụ", "Phòng Tài chính – Kế hoạch", "Ủy ban Kiểm tra Thị ủy", "Văn phòng Thị ủy"])
      expect(text).toContain(s);
    // Choices as officials write them, never their codes.
    expect(text).toContain("minh đô thị"); // "Phường đạt chuẩn văn minh đô thị", wrapped
    expect(text).toContain("Hoàn thành");
    expect(text).not.toMatch(/\bDAT\b|CHUA_DAT|PHUONG_VMDT/);
    // Figures are numbers printed the Vietnamese way: a decimal comma ("88,50"), never "88.50"
    // ("mẫu 3.12" is a template's number, not a figure; pdftotext may split it as "m ẫu 3.12").
    expect(text).toMatch(/\b\d+,\d\d\b/);
    expect(text).not.toMatch(/(?<!u )\b\d+\.\d\d\b/);
    // Every page of it is a table page with the unit column's header.
    for (const p of annex3.pages.filter((pg) => /\b1 (Phường|Xã|Đảng bộ)/.test(pg.text)))
      expect(p.text).toMatch(/STT/);
  });

  it("Phụ lục 3: each department on one page of its own, no page left nearly empty or blank", async () => {
    for (const pages of [draft, decided]) expect(annex3SectionsPerPage(pages)).toBe(14);
    // The 2025 sample: the first department (14 chi bộ, a three-line header) under the heading.
    const demo2025 = await runDemo(path.join(dir, "demo-2025"), { pdf: false, period: 2025 });
    const printed = await printMaster(demo2025.master, path.join(dir, "2025.pdf"));
    expect(annex3SectionsPerPage(readPdf(printed.pdf!))).toBe(3);
  });

  it("keeps text at 11 pt or more on paper and every table within the page width", () => {
    expect(layoutProblems(draft)).toEqual([]);
    expect(layoutProblems(decided)).toEqual([]);
  });

  it("while undecided: every document headed DỰ THẢO, no signature, decision cells blank", () => {
    for (const d of documents(draft)) expect(d.pages[0]!.text).toContain(DRAFT);
    const all = draft.map((p) => p.text).join(" ");
    expect(all).not.toContain("T/M BAN THƯỜNG VỤ");
    expect(all).not.toContain(DEMO_SETTINGS.signer.name);
    // Phụ lục 1, first data row: self-rating and proposal present, decision blank.
    for (const name of ["Đảng bộ phường Phú Bài", "Đảng bộ xã Thủy Tân"])
      expect(levelsOnRow(draft, name)).toHaveLength(2);
  });

  it("once every decision is typed in the master: no DỰ THẢO, the signature block, decisions printed", () => {
    const all = decided.map((p) => p.text).join(" ");
    expect(all).not.toContain(DRAFT);
    const docs = documents(decided);
    const reportText = docs[0]!.pages.map((p) => p.text).join(" ");
    for (const s of [
      "T/M BAN THƯỜNG VỤ",
      DEMO_SETTINGS.signer.position.toUpperCase(),
      DEMO_SETTINGS.signer.name,
    ])
      expect(reportText).toContain(s);
    // The decision typed is the proposal (decideAll types the suggestion): printed in its column.
    for (const name of ["Đảng bộ phường Phú Bài", "Đảng bộ xã Thủy Tân"]) {
      const levels = levelsOnRow(decided, name);
      expect(levels).toHaveLength(3);
      expect(levels[2]).toBe(levels[1]);
    }
  });
});

const DRAFT = "DỰ THẢO";

/**
 * The pages of Phụ lục 3, after checking that no page of the PDF is blank and that every page of
 * Phụ lục 3 starts a department's section ("IV. Phòng Kinh tế: …"): none is the tail of the
 * section before, split off onto a nearly empty page.
 */
function annex3SectionsPerPage(pages: PdfPage[]): number {
  pages.forEach((p, i) => expect([i + 1, p.words.length > 0]).toEqual([i + 1, true]));
  const annex3 = documents(pages).find((d) => d.name === "Phụ lục 3")!;
  const titles = annex3.pages.map((p) => p.lines.find((l) => SECTION_TITLE.test(l)) ?? "");
  expect(titles.filter((t) => !t)).toEqual([]);
  return titles.length;
}
/** A Phụ lục 3 section title as printed: "IV. Phòng Kinh tế: …". */
const SECTION_TITLE = /^\s*[IVX]+\. \S/;

/** The levels printed on the annex row that starts with `name`. */
function levelsOnRow(pages: PdfPage[], name: string): string[] {
  const line = pages
    .flatMap((p) => p.lines)
    .find((l) => new RegExp(`^\\s*\\d+\\s+${name}\\s`).test(l));
  return line?.match(/\b(HTXSNV|HTTNV|HTNV|KHTNV)\b/g) ?? [];
}
