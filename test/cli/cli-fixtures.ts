/** Shared by the CLI tests: run the CLI in-process, and write demo submissions as real .xlsx files. */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadXlsx } from "../../src/adapters/xlsx";
import type { CliIO } from "../../src/cli/context";
import { run } from "../../src/cli/main";
import { demoWorkbook, generateDemo } from "../../src/core/demo";
import type { PeriodSettings } from "../../src/core/settings/types";
import { CATALOG, requireTemplate } from "../../src/core/templates/catalog";
import { ENUMS, LEVEL_ABBREVIATIONS } from "../../src/core/templates/enums";
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
    const model = demoWorkbook(spec, register, settings, f);
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

/**
 * The enum codes a person must never read (every code of every template's enum lists but the four
 * levels' abbreviations), as a cell's whole text or as a word inside it (bounded by spaces,
 * brackets or punctuation: "LĐ-TB&XH" is no "TB").
 */
const INTERNAL_CODES = [
  ...new Set(Object.values(ENUMS).flatMap((e) => e.values.map((v) => v.code))),
].filter((c) => !LEVEL_ABBREVIATIONS.includes(c));
const CODE_IN_TEXT = new RegExp(
  `(?:^|[\\s(:;,"“])(${INTERNAL_CODES.join("|")})(?=$|[\\s),.;:"”])`,
  "u"
);

/** "Sheet!A1: text" for every cell of a visible sheet that shows an internal enum code. */
export function enumCodesShown(wb: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== "visible") continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        const text =
          typeof v === "string"
            ? v
            : v && typeof v === "object" && "result" in v && typeof v.result === "string"
              ? v.result
              : v && typeof v === "object" && "richText" in v
                ? v.richText.map((t) => t.text).join("")
                : null;
        if (text !== null && CODE_IN_TEXT.test(text))
          found.push(`${ws.name}!${cell.address}: ${text}`);
      })
    );
  }
  return found;
}
