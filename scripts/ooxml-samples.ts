/**
 * Writes one copy of every kind of workbook XếpLoại produces, for the schema check
 * (scripts/check-ooxml.sh):
 *   templates/       every blank template, as `xeploai templates` writes it;
 *   demo/            the demo: blank templates, filled submissions, the master after a first run;
 *   demo-2025/       the same for the 2025 sample (QĐ 366 templates, ward of the two-tier model);
 *   rerun/master.xlsx the demo master consolidated again onto itself (an existing master updated);
 *   pane/            the models the task pane hands to the Office.js adapter (every template, the
 *                    master built over the re-run master's sheets, the print heading update with the
 *                    pane's page setup), rendered through the file writer.
 * Usage: npx tsx scripts/ooxml-samples.ts OUT_DIR   (prints the written paths, one a line)
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { loadXlsx } from "../src/adapters/xlsx";
import { run } from "../src/cli/main";
import { consolidateFiles } from "../src/cli/commands/consolidate";
import { DEMO_NOW, DEMO_SETTINGS, runDemo } from "../src/cli/commands/demo";
import { readSubmissions } from "../src/core/submission/read";
import type { RefusedFile, Submission } from "../src/core/submission/types";
import { CATALOG } from "../src/core/templates/catalog";
import { defaultRegister } from "../src/core/units";
import { createCoreServices } from "../src/taskpane/state/core-services";

const silent = { out: () => undefined, err: (s: string) => process.stderr.write(s + "\n") };

async function main(out: string): Promise<string[]> {
  const files: string[] = [];
  const { reader, writer } = await loadXlsx();

  const templates = path.join(out, "templates");
  const code = await run(["templates", "--out", templates, "--period", "2019"], silent);
  if (code !== 0) throw new Error(`xeploai templates exited ${code}`);
  files.push(...readdirSync(templates).map((f) => path.join(templates, f)));

  const demoDir = path.join(out, "demo");
  const demo = await runDemo(demoDir, { pdf: false });
  if (demo.exitCode !== 0) throw new Error(`demo failed:\n${demo.summary}`);
  const blanks = path.join(demoDir, "mau-bieu");
  files.push(...readdirSync(blanks).map((f) => path.join(blanks, f)));
  files.push(...demo.submissions, demo.master);

  // The 2025 period (QĐ 366 template set: scores, tasks, discipline) writes its own workbooks.
  const demo2025 = await runDemo(path.join(out, "demo-2025"), { pdf: false, period: 2025 });
  if (demo2025.exitCode !== 0) throw new Error(`demo --period 2025 failed:\n${demo2025.summary}`);
  const blanks2025 = path.join(out, "demo-2025", "mau-bieu");
  files.push(...readdirSync(blanks2025).map((f) => path.join(blanks2025, f)));
  files.push(...demo2025.submissions, demo2025.master);

  const rerun = path.join(out, "rerun", "master.xlsx");
  mkdirSync(path.dirname(rerun), { recursive: true });
  copyFileSync(demo.master, rerun);
  const again = await consolidateFiles({
    files: demo.submissions,
    master: rerun,
    settings: DEMO_SETTINGS,
    register: defaultRegister(),
    now: DEMO_NOW,
  });
  if (!again.json.written) throw new Error(`re-run wrote nothing: ${again.json.error?.en}`);
  files.push(rerun);

  // The task pane's models, exactly as handed to the Office.js adapter's writeModel.
  const pane = createCoreServices();
  const register = pane.register();
  const paneDir = path.join(out, "pane");
  mkdirSync(paneDir, { recursive: true });
  const write = async (name: string, model: Parameters<typeof writer.write>[0]) => {
    const p = path.join(paneDir, name);
    writeFileSync(p, await writer.write(model));
    files.push(p);
  };
  for (const spec of CATALOG)
    await write(`template-${spec.id}.xlsx`, pane.buildTemplate(spec, register, DEMO_SETTINGS));

  const submissions: Submission[] = [];
  const refused: RefusedFile[] = [];
  for (const f of demo.submissions) {
    const read = await reader.read(new Uint8Array(readFileSync(f)), path.basename(f));
    if (!read.ok) {
      refused.push(read.refused);
      continue;
    }
    const r = readSubmissions(read.grids, { register, catalog: CATALOG });
    if (r.ok) submissions.push(...r.submissions);
    else refused.push(r.refused);
  }
  const consolidated = pane.consolidate(submissions, refused, DEMO_SETTINGS, register);
  const existing = await reader.read(new Uint8Array(readFileSync(rerun)), "master.xlsx");
  if (!existing.ok) throw new Error("cannot read the re-run master");
  const wanted = pane.masterSheetNames(DEMO_SETTINGS);
  const grids = {
    ...existing.grids,
    sheets: existing.grids.sheets.filter((g) => wanted.includes(g.name)),
  };
  const master = pane.buildMaster(consolidated, grids, DEMO_SETTINGS, register);
  await write("master.xlsx", master);

  // "In" without a consolidation in the session: the heading update and the pane's page setup.
  const printable = pane.printableSheets();
  const update = pane.headingUpdate(DEMO_SETTINGS, existing.grids);
  if (update && update.model.sheets.length > 0) await write("heading-update.xlsx", update.model);
  const laidOut = master.sheets.map((s) => {
    const grid = existing.grids.sheets.find((g) => g.name === s.name);
    return printable.includes(s.name) && grid
      ? { ...s, print: pane.pageSetupFor(DEMO_SETTINGS, grid) }
      : s;
  });
  await write("master-print-layout.xlsx", { ...master, sheets: laidOut });
  return files;
}

const out = process.argv[2];
if (!out) {
  process.stderr.write("usage: npx tsx scripts/ooxml-samples.ts OUT_DIR\n");
  process.exit(2);
}
main(path.resolve(out)).then(
  (files) => process.stdout.write(files.join("\n") + "\n"),
  (e) => {
    process.stderr.write(`ooxml-samples: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  }
);
