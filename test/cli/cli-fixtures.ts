/** Shared by the CLI tests: run the CLI in-process, and write demo submissions as real .xlsx files. */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadXlsx } from "../../src/adapters/xlsx";
import type { CliIO } from "../../src/cli/context";
import { run } from "../../src/cli/main";
import { fillTemplate, generateDemo } from "../../src/core/demo";
import type { PeriodSettings } from "../../src/core/settings/types";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { CATALOG, requireTemplate } from "../../src/core/templates/catalog";
import type { UnitRegister } from "../../src/core/units/types";

export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await run(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Writes the named files of the demo plan (filled templates) into `dir`; returns their paths in plan order. */
export async function writeDemoFiles(
  dir: string,
  names: string[],
  register: UnitRegister,
  settings: PeriodSettings
): Promise<string[]> {
  const { writer } = await loadXlsx();
  const keep = generateDemo(CATALOG, register, settings).files.filter((f) =>
    names.includes(f.fileName)
  );
  if (keep.length !== names.length) throw new Error(`demo plan lacks some of: ${names.join(", ")}`);
  const paths: string[] = [];
  for (const f of keep) {
    const spec = requireTemplate(f.templateId);
    const model = fillTemplate(
      buildTemplateWorkbook(spec, register, settings, { generatedAt: f.generatedAt }),
      spec,
      f
    );
    const p = path.join(dir, f.fileName);
    writeFileSync(p, await writer.write(model));
    paths.push(p);
  }
  return paths;
}

/** A master workbook opened with ExcelJS, with its `_meta_master` key/value rows. */
export async function openMaster(p: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  const kv = new Map<string, string>();
  wb.getWorksheet("_meta_master")!.eachRow((r) =>
    kv.set(String(r.getCell(1).value), String(r.getCell(2).value ?? ""))
  );
  return { wb, kv };
}
