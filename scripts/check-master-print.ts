/**
 * Print check of the master (issue: header block, repeated header row, signature block).
 * Runs the demo, consolidates its submissions against a register with 45 more grassroots
 * organisations (so "Tổng hợp" spans several printed pages), prints the report sheets with
 * LibreOffice and reads the PDF back with pdftotext, page by page.
 * Usage: npx tsx scripts/check-master-print.ts [OUT_DIR]   (needs soffice and pdftotext)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadXlsx } from "../src/adapters/xlsx";
import { consolidateFiles } from "../src/cli/commands/consolidate";
import { DEMO_NOW, DEMO_SETTINGS, runDemo, toPdf } from "../src/cli/commands/demo";
import { MASTER_SHEETS } from "../src/core/master";
import { defaultRegister } from "../src/core/units";
import type { Unit, UnitRegister } from "../src/core/units/types";

function biggerRegister(extra: number): UnitRegister {
  const base = defaultRegister();
  const units: Unit[] = [...base.units];
  for (let i = 1; i <= extra; i++) {
    units.push({
      code: `tccs-in-thu-${i}`,
      name: `Chi bộ Trường Tiểu học số ${i}`,
      kind: "tccs",
      loaiHinh: "SU_NGHIEP",
      tccsForm: "chiBo",
      sample: true,
      order: 500 + i,
    });
  }
  return { ...base, units };
}

function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8" });
}

async function main(): Promise<number> {
  const out = process.argv[2] ?? mkdtempSync(path.join(tmpdir(), "xeploai-print-"));
  const demo = await runDemo(path.join(out, "demo"), { pdf: false });
  if (demo.exitCode !== 0) throw new Error(`demo failed:\n${demo.summary}`);
  const master = path.join(out, "master.xlsx");
  const { pipeline } = await consolidateFiles({
    files: demo.submissions,
    master,
    settings: DEMO_SETTINGS,
    register: biggerRegister(45),
    now: DEMO_NOW,
  });
  if (!pipeline) throw new Error("consolidation wrote no master");
  const { writer } = await loadXlsx();
  const printCopy = path.join(out, "print", "tong-hop.xlsx");
  execFileSync("mkdir", ["-p", path.dirname(printCopy)]);
  const sheets = pipeline.model.sheets.filter((s) => s.visibility !== "visible" || s.name === MASTER_SHEETS.master);
  writeFileSync(printCopy, await writer.write({ ...pipeline.model, sheets }));
  const pdf = await toPdf(printCopy, path.dirname(printCopy));
  if (!pdf.ok) throw new Error(`LibreOffice: ${pdf.why}`);

  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf.pdf], { encoding: "utf8" }))?.[1] ?? 0);
  const problems: string[] = [];
  const texts = Array.from({ length: pages }, (_, i) => pageText(pdf.pdf, i + 1));
  const has = (t: string, s: string) => t.replace(/\s+/g, " ").includes(s);
  if (pages < 2) problems.push(`expected the master to span several pages, got ${pages}`);
  for (const s of ["ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ", "THỊ ỦY HƯƠNG THỦY", "BẢNG TỔNG HỢP", "Hương Thủy, ngày 30 tháng 12 năm 2019"])
    if (!has(texts[0] ?? "", s)) problems.push(`page 1 lacks the header block text "${s}"`);
  texts.forEach((t, i) => {
    if (!has(t, "Tổ chức cơ sở đảng")) problems.push(`page ${i + 1} lacks the repeated header row ("Tổ chức cơ sở đảng")`);
  });
  const last = texts[pages - 1] ?? "";
  for (const s of ["T/M BAN THƯỜNG VỤ", DEMO_SETTINGS.signer.position, DEMO_SETTINGS.signer.name])
    if (!has(last, s)) problems.push(`the last page lacks the signature block text "${s}"`);
  if (has(texts.slice(0, -1).join("\n"), "T/M BAN THƯỜNG VỤ")) problems.push("the signature block appears before the last page");

  console.log(`master print: ${pages} page(s), PDF ${pdf.pdf}`);
  for (const p of problems) console.log(`FAIL  ${p}`);
  if (problems.length === 0) console.log("OK    header block on page 1, header row repeated on every page, signature block on the last page");
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  }
);
