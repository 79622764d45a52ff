/**
 * Files for the browser-mode end-to-end run, and reading its downloads back (run with tsx).
 *   tsx test/e2e/browser-fixtures.ts make <dir>
 *     writes <dir>/tra-ve/*.xlsx (the demo's returned files), <dir>/bang-tong-hop-truoc.xlsx (an
 *     earlier master of them with a decision typed by hand: Xã Thủy Phù "HTTNV" and a note), and
 *     prints JSON: { files, invalid: { file, errors } } — a returned file with errors, for Kiểm tra.
 *   tsx test/e2e/browser-fixtures.ts read <file.xlsx>
 *     reads a downloaded file with the project's reader (src/adapters/xlsx) and prints JSON: its
 *     sheets, the master's decision and note for Xã Thủy Phù, and the cells marked by Kiểm tra.
 */
import { mkdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadXlsx } from "../../src/adapters/xlsx";
import { generateDemo } from "../../src/core/demo";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { CATALOG } from "../../src/core/templates/catalog";
import { defaultRegister } from "../../src/core/units/register";
import { cli, writeDemoFiles } from "../cli/cli-fixtures";

const DECIDED_UNIT = "db-xa-thuy-phu";
const NOW = "2019-12-30T02:00:00.000Z";

async function make(dir: string) {
  const returned = path.join(dir, "tra-ve");
  mkdirSync(returned, { recursive: true });
  const register = defaultRegister();
  const names = generateDemo(CATALOG, register, DEFAULT_SETTINGS_2019).files.map((f) => f.fileName);
  const files = await writeDemoFiles(returned, names, register, DEFAULT_SETTINGS_2019);

  const master = path.join(dir, "bang-tong-hop-truoc.xlsx");
  const r = await cli("consolidate", ...files, "--master", master, "--now", NOW);
  if (r.code > 1) throw new Error(`consolidate failed: ${r.err}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(master);
  const kv = new Map<string, string>();
  wb.getWorksheet("_meta_master")!.eachRow((row) =>
    kv.set(String(row.getCell(1).value), String(row.getCell(2).value ?? ""))
  );
  const ws = wb.getWorksheet("Tổng hợp")!;
  const codeCol = kv.get("column:unitCode")!;
  let row = -1;
  for (let i = Number(kv.get("firstDataRow")); i <= ws.rowCount; i++)
    if (ws.getCell(`${codeCol}${i}`).value === DECIDED_UNIT) row = i;
  if (row < 0) throw new Error(`${DECIDED_UNIT} not in the master`);
  ws.getCell(`${kv.get("column:quyetDinhBtv")}${row}`).value = "HTTNV";
  ws.getCell(`${kv.get("column:ghiChu")}${row}`).value = "Theo kết luận BTV ngày 30/12";
  await wb.xlsx.writeFile(master);

  const v = await cli("validate", ...files, "--json");
  const json = JSON.parse(v.out) as {
    files: { file: string; submissions?: { errors: number }[] }[];
  };
  const withErrors = json.files
    .map((f) => ({ file: f.file, errors: (f.submissions ?? []).reduce((n, s) => n + s.errors, 0) }))
    .filter((f) => f.errors > 0)
    .sort((a, b) => a.errors - b.errors);
  const invalid = withErrors[0];
  if (!invalid) throw new Error("no demo file with errors");
  console.log(JSON.stringify({ files, master, invalid }));
}

async function read(file: string) {
  const { reader } = await loadXlsx();
  const read = await reader.read(new Uint8Array(readFileSync(file)), path.basename(file));
  if (!read.ok) throw new Error(read.refused.message.en);
  const sheets = read.grids.sheets;
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const meta = sheets.find((s) => s.name === "_meta_master");
  let decision: { quyetDinhBtv: string; ghiChu: string } | null = null;
  if (meta) {
    const kv = new Map(meta.rows.map((r) => [text(r[0]), text(r[1])]));
    const col = (key: string) => {
      const letters = kv.get(`column:${key}`) ?? "";
      return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
    };
    const tongHop = sheets.find((s) => s.name === "Tổng hợp")!;
    const row = tongHop.rows.find((r) => text(r[col("unitCode")]) === DECIDED_UNIT);
    if (row)
      decision = { quyetDinhBtv: text(row[col("quyetDinhBtv")]), ghiChu: text(row[col("ghiChu")]) };
  }
  // Marks (fill and note) are styling, which the reader leaves out: ExcelJS reads them.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const marked: { sheet: string; cell: string; fill: string; note: string }[] = [];
  const printTitles: Record<string, string> = {};
  for (const ws of wb.worksheets) {
    if (ws.pageSetup?.printTitlesRow) printTitles[ws.name] = ws.pageSetup.printTitlesRow;
    ws.eachRow((r) =>
      r.eachCell((c) => {
        const fill = (c.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb ?? "";
        if (c.note && /FFC7CE|FFEB9C/i.test(fill)) {
          const note = typeof c.note === "string" ? c.note : JSON.stringify(c.note);
          marked.push({ sheet: ws.name, cell: c.address, fill, note });
        }
      })
    );
  }
  console.log(JSON.stringify({ sheets: sheets.map((s) => s.name), decision, marked, printTitles }));
}

const [what, arg] = process.argv.slice(2);
(what === "make" ? make(arg!) : read(arg!)).catch((err) => {
  console.error(err);
  process.exit(1);
});
