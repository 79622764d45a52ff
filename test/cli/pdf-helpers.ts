/**
 * Reading printed PDFs back (pdftotext -bbox) and typing decisions into a master as an official
 * would in Excel (ExcelJS, no recalculation), for the print checks.
 */
// ExcelJS rows, not Office.js proxies: the load-before-read rule does not apply.
/* eslint-disable office-addins/load-object-before-read */
import { execFileSync, spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { MASTER_SHEETS } from "../../src/core/master";

export const hasTool = (cmd: string, arg = "--version") =>
  spawnSync(cmd, [arg], { encoding: "utf8" }).status === 0;

/**
 * `describe` where LibreOffice (soffice) and poppler (pdftotext) are installed and
 * XEPLOAI_LIBREOFFICE is not "0"; otherwise `describe.skip`, saying why under the test's name.
 */
export function describeWithLibreOffice(name: string): jest.Describe {
  const enabled =
    process.env.XEPLOAI_LIBREOFFICE !== "0" && hasTool("soffice") && hasTool("pdftotext", "-v");
  if (!enabled)
    console.warn(
      `${name}: skipped (needs LibreOffice \`soffice\` and poppler \`pdftotext\`; apt-get install libreoffice-calc poppler-utils fonts-liberation fonts-crosextra-carlito)`
    );
  return enabled ? describe : describe.skip;
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  /**
   * Word boxes. LibreOffice writes some Vietnamese letters as separate runs, so a "word" here
   * may be part of one: use the boxes for geometry, `text` for reading.
   */
  words: Word[];
  /** The page's text (pdftotext -layout), whitespace collapsed to single spaces. */
  text: string;
  /** The page's lines as laid out (pdftotext -layout). */
  lines: string[];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** Every page of a PDF with its words and their boxes (points). */
export function readPdf(pdf: string): PdfPage[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages: PdfPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe =
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/word>/g;
  const layout = execFileSync("pdftotext", ["-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
    .normalize("NFC")
    .split("\f");
  for (const p of html.matchAll(pageRe)) {
    const lines = (layout[pages.length] ?? "").split("\n").filter((l) => l.trim());
    const words: Word[] = [];
    for (const w of p[3]!.matchAll(wordRe))
      words.push({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: unescape(w[5]!).normalize("NFC"),
      });
    pages.push({
      width: Number(p[1]),
      height: Number(p[2]),
      words,
      lines,
      text: lines.join(" ").replace(/\s+/g, " "),
    });
  }
  return pages;
}

/**
 * Types a Standing Committee decision into every row of "Tổng hợp" and "Lãnh đạo" (the suggested
 * level, HTTNV where there is none), as an official would in Excel, and saves the file without
 * recalculating: the cached results of the printed sheets' formulas stay stale on purpose.
 */
export async function decideAll(master: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(master);
  const meta = new Map<string, string>();
  wb.getWorksheet(MASTER_SHEETS.meta)!.eachRow((r) =>
    meta.set(String(r.getCell(1).value), String(r.getCell(2).value))
  );
  let n = 0;
  const fill = (sheet: string, first: number, decision: string, suggestion: string) => {
    const ws = wb.getWorksheet(sheet)!;
    for (let r = first; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const key = row.getCell(1).value;
      if (typeof key !== "number") continue; // the STT column: data rows only
      const s = row.getCell(suggestion).value;
      row.getCell(decision).value = typeof s === "string" && s ? s : "HTTNV";
      n++;
    }
  };
  fill(
    MASTER_SHEETS.master,
    Number(meta.get("firstDataRow")),
    meta.get("column:quyetDinhBtv")!,
    headerColumn(wb, MASTER_SHEETS.master, "Hệ thống đề xuất")
  );
  fill(
    MASTER_SHEETS.leaders,
    Number(meta.get("leadersFirstDataRow")),
    meta.get("leaderColumn:quyetDinhBtv")!,
    headerColumn(wb, MASTER_SHEETS.leaders, "Hệ thống đề xuất")
  );
  await wb.xlsx.writeFile(master);
  return n;
}

function headerColumn(wb: ExcelJS.Workbook, sheet: string, header: string): string {
  const ws = wb.getWorksheet(sheet)!;
  for (let r = 1; r <= 20; r++)
    for (let c = 1; c <= ws.columnCount; c++)
      if (String(ws.getRow(r).getCell(c).value ?? "").trim() === header)
        return ws.getColumn(c).letter;
  throw new Error(`no "${header}" header on ${sheet}`);
}

/** Text on paper that must never be there: file names, tags, keys, codes, addresses, rule ids. */
export const INTERNAL: [string, RegExp][] = [
  ["file name", /\.(xlsx|xls|json|csv)\b/i],
  ["[P]/[M]/[V] tag", /\[(P|M|V)\]/],
  ["camelCase key", /\b[a-z]+[A-Z][A-Za-z]+\b/],
  ["enum code", /\b[A-Z]{2,}_[A-Z_]+\b/],
  ["cell address", /\b[A-Z]{1,2}[0-9]{1,5}\b/],
  ["rule id", /\bcap\d|leader\.|HD21-2019/],
  ["working sheet name", /Tổng hợp|Nguồn số liệu|_meta|_lists/],
];

