/**
 * `xeploai print MASTER.xlsx --pdf OUT.pdf`: prints the master's printed documents (Báo cáo,
 * Phụ lục 1, Phụ lục 2) to PDF with LibreOffice, including a master whose decisions were typed
 * in Excel afterwards: LibreOffice recalculates every formula on load, so the decision cells,
 * the counts, "DỰ THẢO" and the signature block follow what is in the working sheets now.
 * The master itself is never changed (a copy with only those sheets visible is printed).
 */
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadXlsx } from "../../adapters/xlsx";
import { PRINT_SHEETS } from "../../core/master/documents";
import { CliError, stringOpt } from "../args";
import { readFileOrFail } from "../context";
import { toPdf } from "../libreoffice";
import type { Command } from "../registry";

export const PRINTED_DOCUMENTS: string[] = Object.values(PRINT_SHEETS);

export interface PrintResult {
  ok: boolean;
  pdf: string | null;
  sheets: string[];
  message: { vi: string; en: string };
}

/** Prints `master` to `pdf`; never throws for LibreOffice problems (they are in the message). */
export async function printMaster(master: string, pdf: string): Promise<PrintResult> {
  const bytes = await readFileOrFail(master, { vi: "Bảng tổng hợp", en: "Master" });
  const { printCopy } = await loadXlsx();
  let copy;
  try {
    copy = await printCopy(bytes, PRINTED_DOCUMENTS);
  } catch (e) {
    throw new CliError({
      vi: `Không đọc được "${master}" như một tệp Excel (.xlsx): ${(e as Error).message}.`,
      en: `Cannot read "${master}" as an Excel (.xlsx) file: ${(e as Error).message}.`,
    });
  }
  if (copy.printed.length === 0)
    throw new CliError({
      vi: `Tệp "${master}" không có các trang in (${PRINTED_DOCUMENTS.join(", ")}): có thể là bảng tổng hợp tạo bởi phiên bản trước. Hãy chạy lại "xeploai consolidate" với --master "${master}" (các cột nhập tay được giữ nguyên) rồi in lại.`,
      en: `"${master}" has no printed sheets (${PRINTED_DOCUMENTS.join(", ")}); it may come from an earlier version. Run "xeploai consolidate" again with --master "${master}" (hand-filled columns are kept), then print.`,
    });
  const work = await fs.mkdtemp(path.join(tmpdir(), "xeploai-print-"));
  try {
    const base = path.basename(pdf).replace(/\.pdf$/i, "") || "ban-in";
    const xlsx = path.join(work, `${base}.xlsx`);
    await fs.writeFile(xlsx, copy.bytes);
    const r = await toPdf(xlsx, work, { recalculate: true });
    if (!r.ok)
      return {
        ok: false,
        pdf: null,
        sheets: copy.printed,
        message: {
          vi: `Không in được bằng LibreOffice (${r.why}). Có thể mở "${master}" trong Excel và in các trang ${copy.printed.join(", ")}.`,
          en: `Could not print with LibreOffice (${r.why}). Open "${master}" in Excel and print the sheets ${copy.printed.join(", ")}.`,
        },
      };
    await fs.mkdir(path.dirname(path.resolve(pdf)), { recursive: true });
    await fs.copyFile(r.pdf, pdf);
    return {
      ok: true,
      pdf,
      sheets: copy.printed,
      message: {
        vi: `Đã in ${copy.printed.join(", ")} ra ${pdf}.`,
        en: `Printed ${copy.printed.join(", ")} to ${pdf}.`,
      },
    };
  } finally {
    await fs.rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

export const printCommand: Command = {
  name: "print",
  summary: {
    vi: "In báo cáo và các phụ lục của bảng tổng hợp ra PDF (cần LibreOffice)",
    en: "Print the master's report and annexes to PDF (needs LibreOffice)",
  },
  usage: "print MASTER.xlsx --pdf OUT.pdf",
  options: [
    {
      name: "pdf",
      value: true,
      placeholder: "OUT.pdf",
      help: { vi: "Tệp PDF ghi ra", en: "PDF file to write" },
    },
  ],
  async run(args, ctx) {
    const [master, ...extra] = args.positionals;
    const pdf = stringOpt(args, "pdf");
    if (!master || extra.length > 0 || !pdf)
      throw new CliError({
        vi: "Cách dùng: xeploai print BANG-TONG-HOP.xlsx --pdf BAN-IN.pdf",
        en: "Usage: xeploai print MASTER.xlsx --pdf OUT.pdf",
      });
    const r = await printMaster(master, pdf);
    if (r.ok) ctx.io.out(ctx.t(r.message));
    else ctx.io.err(ctx.t(r.message));
    return r.ok ? 0 : 2;
  },
};
