/**
 * Filled templates re-saved by LibreOffice (as an official using LibreOffice would send them):
 * LibreOffice turns "veryHidden" into "hidden", rewrites shared strings, styles, defined names and
 * cached results. Each file must still be recognised from _meta and give the same rows and issues
 * as the original. Saved as .ods or .csv and renamed .xlsx, it must be refused clearly.
 * Opt-in (slow, needs soffice): XEPLOAI_LIBREOFFICE=1, which scripts/check-libreoffice.sh sets.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { loadXlsx } from "../../src/adapters/xlsx";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { columnNumber } from "../../src/core/sheet/model";
import { readSubmissions } from "../../src/core/submission/read";
import type { ReadOutcome } from "../../src/core/submission/types";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { CATALOG } from "../../src/core/templates/catalog";
import { defaultRegister, unitByCode } from "../../src/core/units/register";
import {
  cellOf,
  metaOf,
  sampleValue,
  setCell,
  templateSheet,
  unitRows,
} from "../adapters/xlsx/helpers";
import { tempDir } from "../temp-dirs";

const enabled = process.env.XEPLOAI_LIBREOFFICE === "1";
const maybe = enabled ? describe : describe.skip;
jest.setTimeout(300_000);

const register = defaultRegister();

async function read(file: string): Promise<ReadOutcome> {
  const { reader } = await loadXlsx();
  const r = await reader.read(new Uint8Array(readFileSync(file) as never), path.basename(file));
  if (!r.ok) return { ok: false, refused: r.refused };
  return readSubmissions(r.grids, { register, period: 2019 });
}

function soffice(dir: string, to: string, outdir: string, files: string[]) {
  mkdirSync(outdir, { recursive: true });
  const r = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      outdir,
      ...files,
    ],
    { encoding: "utf8", timeout: 280_000 }
  );
  expect(r.status).toBe(0);
}

/** What must not change between the original and LibreOffice's copy. */
function essence(o: ReadOutcome) {
  if (!o.ok) throw new Error(o.refused.message.vi);
  return o.submissions.map((s) => ({
    templateId: s.templateId,
    sheet: s.sheet,
    recognizedBy: s.recognizedBy,
    period: s.period,
    generatedAt: s.generatedAt,
    layout: s.layout,
    rows: s.validation.rows,
    issues: s.validation.issues.map(
      (i) => `${i.severity} ${i.rule} ${i.cell ?? ""} ${i.message.vi}`
    ),
  }));
}

maybe("files re-saved by LibreOffice", () => {
  test("every filled template, re-saved as .xlsx, reads the same from _meta; .ods and .csv renamed .xlsx are refused", async () => {
    const dir = tempDir("xeploai-lo-resave-");
    const { writer } = await loadXlsx();
    const files: string[] = [];
    for (const spec of CATALOG) {
      const model = buildTemplateWorkbook(spec, register, DEFAULT_SETTINGS_2019);
      const meta = metaOf(model);
      const sheet = templateSheet(model);
      unitRows(model).forEach((r, i) => {
        const codeCol = meta.columns.unitCode;
        const code = codeCol ? cellOf(sheet, r, columnNumber(codeCol)) : null;
        const kind = unitByCode(register, String(code))?.kind ?? "phuong";
        for (const col of spec.columns) {
          if (col.identity || col.computed) continue;
          setCell(sheet, r, columnNumber(meta.columns[col.key]!), sampleValue(spec, col, i, kind));
        }
      });
      const file = path.join(dir, `${spec.id}.xlsx`);
      writeFileSync(file, await writer.write(model));
      files.push(file);
    }
    soffice(dir, "xlsx", path.join(dir, "lo"), files);
    let rows = 0;
    for (const file of files) {
      const original = essence(await read(file));
      const copy = essence(await read(path.join(dir, "lo", path.basename(file))));
      expect(copy.length).toBeGreaterThan(0);
      expect(copy.every((s) => s.recognizedBy === "meta")).toBe(true);
      expect(copy).toEqual(original);
      rows += original.reduce((n, sub) => n + sub.rows.length, 0);
    }
    expect(rows).toBeGreaterThan(100);

    const one = files.find((f) => f.endsWith("y-te.xlsx"))!;
    soffice(dir, "ods", path.join(dir, "ods"), [one]);
    soffice(dir, "csv", path.join(dir, "csv"), [one]);
    const odsRenamed = path.join(dir, "ods-doi-ten.xlsx");
    const csvRenamed = path.join(dir, "csv-doi-ten.xlsx");
    copyFileSync(path.join(dir, "ods", "y-te.ods"), odsRenamed);
    copyFileSync(path.join(dir, "csv", "y-te.csv"), csvRenamed);
    const ods = await read(odsRenamed);
    const csv = await read(csvRenamed);
    expect(ods.ok).toBe(false);
    expect(csv.ok).toBe(false);
    if (!ods.ok) {
      expect(ods.refused.reason).toBe("not-xlsx");
      expect(ods.refused.message.vi).toContain("OpenDocument (.ods");
    }
    if (!csv.ok) {
      expect(csv.refused.reason).toBe("not-xlsx");
      expect(csv.refused.message.vi).toContain("tệp văn bản");
    }
  });
});
