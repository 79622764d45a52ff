/**
 * `npm run bench`: speed and memory figures for the jobs that grow with the data. It prints
 * figures; it asserts nothing (timed assertions would make CI flaky on a shared 2-core machine).
 *
 * Scenarios:
 *  1. the 2019 demo: 16 templates written, filled submissions written, read back, consolidated,
 *     master written — the Organization Committee's real yearly volume;
 *  2. a scaled register (N grassroots organisations) through the same path, to see how it grows;
 *  3. inside Excel: context.sync() round trips and request bytes for writing a master of N rows
 *     through the Office.js adapter (against the in-memory fake, which counts them).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadXlsx } from "../src/adapters/xlsx";
import { fillTemplate, generateDemo } from "../src/core/demo";
import { runPipeline } from "../src/core/master";
import { DEFAULT_SETTINGS_2019 } from "../src/core/settings/defaults";
import type { PeriodSettings } from "../src/core/settings/types";
import { readSubmissions } from "../src/core/submission/read";
import type { RefusedFile, Submission } from "../src/core/submission/types";
import { buildTemplateWorkbook } from "../src/core/template-sheet/build";
import { CATALOG } from "../src/core/templates/catalog";
import { defaultRegister } from "../src/core/units";
import type { Unit, UnitRegister } from "../src/core/units/types";
import { officeRoundTrips } from "./office-round-trips";

const settings: PeriodSettings = { ...DEFAULT_SETTINGS_2019, documentDate: "2019-12-30" };
const NOW = "2019-12-30T09:00:00+07:00";

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

async function timed<T>(label: string, rows: Record<string, string>, fn: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  rows[label] = `${(performance.now() - t0).toFixed(0)} ms`;
  return out;
}

/** The 2019 register plus `extra` synthetic agency TCCS, so the data grows like a bigger Party Committee. */
function scaledRegister(extra: number): UnitRegister {
  const base = defaultRegister();
  const units: Unit[] = [...base.units];
  for (let i = 1; i <= extra; i++) {
    units.push({
      code: `tccs-bench-${String(i).padStart(4, "0")}`,
      name: `Chi bộ Cơ quan thử nghiệm số ${i}`,
      kind: "tccs",
      loaiHinh: i % 3 === 0 ? "SU_NGHIEP" : i % 3 === 1 ? "CO_QUAN" : "DOANH_NGHIEP",
      tccsForm: "chiBo",
      sample: true,
      order: 1000 + i,
    });
  }
  return { ...base, id: `${base.id}-bench-${extra}`, units };
}

async function scenario(name: string, register: UnitRegister): Promise<Record<string, string>> {
  const rows: Record<string, string> = {};
  const dir = mkdtempSync(path.join(tmpdir(), "xeploai-bench-"));
  try {
    const { reader, writer } = await loadXlsx();
    const plan = generateDemo(CATALOG, register, settings);
    const files: { name: string; bytes: Uint8Array }[] = [];
    await timed("write submissions", rows, async () => {
      for (const f of plan.files) {
        const spec = CATALOG.find((s) => s.id === f.templateId)!;
        const model = fillTemplate(buildTemplateWorkbook(spec, register, settings, { generatedAt: f.generatedAt }), spec, f);
        const bytes = await writer.write(model);
        writeFileSync(path.join(dir, f.fileName), bytes);
        files.push({ name: f.fileName, bytes });
      }
    });
    const submissions: Submission[] = [];
    const refused: RefusedFile[] = [];
    await timed("read + validate", rows, async () => {
      for (const f of files) {
        const read = await reader.read(f.bytes, f.name);
        if (!read.ok) {
          refused.push(read.refused);
          continue;
        }
        const outcome = readSubmissions(read.grids, { register, catalog: [...CATALOG], period: settings.period });
        if (outcome.ok) submissions.push(...outcome.submissions);
        else refused.push(outcome.refused);
      }
    });
    const result = await timed("consolidate + classify + layout", rows, () =>
      runPipeline({ submissions, refused, settings, register, catalog: CATALOG, now: NOW })
    );
    const master = await timed("write master.xlsx", rows, () => writer.write(result.model));
    const masterRows = result.model.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.cells.length, 0), 0);
    rows["files"] = `${files.length} submitted, ${refused.length} refused`;
    rows["input size"] = `${mb(files.reduce((n, f) => n + f.bytes.length, 0))} MB`;
    rows["TCCS rows"] = String(register.units.filter((u) => u.kind === "tccs").length);
    rows["master"] = `${mb(master.length)} MB, ${masterRows} written rows over ${result.model.sheets.length} sheets`;
    rows["heap used / rss"] = `${mb(process.memoryUsage().heapUsed)} / ${mb(process.memoryUsage().rss)} MB`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n## ${name}`);
  for (const [k, v] of Object.entries(rows)) console.log(`${k.padEnd(34)} ${v}`);
  return rows;
}

async function main(): Promise<void> {
  console.log(`XếpLoại benchmark — node ${process.version}, ${new Date().toISOString()}`);
  await scenario("2019 demo (Hương Thủy register)", defaultRegister());
  for (const extra of [200]) await scenario(`scaled register (+${extra} TCCS)`, scaledRegister(extra));
  console.log("\n## Office.js adapter: writing the master inside Excel (in-memory fake counts round trips)");
  for (const line of await officeRoundTrips([19, 200, 2000])) console.log(line);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
