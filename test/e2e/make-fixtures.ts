/**
 * Writes the returned workbooks the end-to-end run picks in "Tổng hợp" (run with tsx):
 * - quan-su-day-du.xlsx: template 3.9 (Quân sự) with every row filled (taken);
 * - quan-su-bo-sung.xlsx: the same template, a later partial resubmission with other values
 *   (taken; its rows win over the first file's: a conflict);
 * - bang-ke.xlsx: a CSV renamed to .xlsx (refused: not an .xlsx file).
 * With a second folder, also the 60 returns of the 350 px walk (sixty-returns.ts): distinct files
 * as a year really brings them in, from the demo's submissions.
 * Usage: tsx test/e2e/make-fixtures.ts <out-dir> [<sixty-dir>]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { getTemplate } from "../../src/core/templates/catalog";
import { getEnum } from "../../src/core/templates/enums";
import { defaultRegister } from "../../src/core/units";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { loadXlsx } from "../../src/adapters/xlsx";
import { writeSixtyReturns } from "./sixty-returns";

async function filledTemplate(
  templateId: string,
  pick: (rowIndex: number) => number | null,
  generatedAt: string
): Promise<Uint8Array> {
  const spec = getTemplate(templateId);
  if (!spec) throw new Error(`no template ${templateId}`);
  const model = buildTemplateWorkbook(spec, defaultRegister(), DEFAULT_SETTINGS_2019);
  const { writer } = await loadXlsx();
  const blank = await writer.write(model);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(blank) as unknown as ArrayBuffer);
  const meta = wb.getWorksheet("_meta");
  if (!meta) throw new Error("no _meta");
  const kv = new Map<string, string>();
  meta.eachRow((row) => kv.set(String(row.getCell(1).value), String(row.getCell(2).value)));
  kv.set("generatedAt", generatedAt);
  meta.eachRow((row) => {
    if (row.getCell(1).value === "generatedAt") row.getCell(2).value = generatedAt;
  });
  const sheet = wb.getWorksheet(spec.sheetName);
  if (!sheet) throw new Error(`no sheet ${spec.sheetName}`);
  const first = Number(kv.get("firstDataRow"));
  const unitLetter = kv.get("column:unitName");
  const entry = spec.columns.filter((c) => !c.identity && !c.computed && c.type === "enum");
  let index = 0;
  for (let r = first; r <= sheet.rowCount; r++) {
    if (unitLetter && !sheet.getCell(`${unitLetter}${r}`).value) continue;
    const choice = pick(index++);
    if (choice === null) continue;
    for (const col of entry) {
      const letter = kv.get(`column:${col.key}`);
      const values = getEnum(col.enumId ?? "").values;
      if (letter) sheet.getCell(`${letter}${r}`).value = values[choice % values.length].label.vi;
    }
  }
  // The workbook's own modified time says when it was filled: the later file must win the conflict.
  wb.modified = new Date(generatedAt);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function main() {
  const out = process.argv[2];
  if (!out) throw new Error("usage: make-fixtures.ts <out-dir>");
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, "quan-su-day-du.xlsx"),
    await filledTemplate("quan-su", (i) => (i % 3 === 0 ? 0 : 1), "2019-12-20T08:00:00.000Z")
  );
  writeFileSync(
    join(out, "quan-su-bo-sung.xlsx"),
    await filledTemplate("quan-su", (i) => (i < 2 ? 2 : null), "2019-12-23T08:00:00.000Z")
  );
  writeFileSync(join(out, "bang-ke.xlsx"), "Đơn vị;Xếp loại\nPhường Phú Bài;Tốt\n", "utf8");
  console.log(`fixtures written to ${out}`);
  const sixty = process.argv[3];
  if (sixty) {
    const names = await writeSixtyReturns(sixty);
    console.log(`${names.length} returns written to ${sixty}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
