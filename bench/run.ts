/**
 * `npm run bench [-- --json] [-- --sizes 19,219,1000]`: speed and memory figures for the jobs
 * that grow with the data. It prints figures; it asserts nothing (timed assertions would make CI
 * flaky on a shared 2-core machine).
 *
 * For each register size (TCCS count; the 2019 register plus synthetic TCCS):
 *  - the demo's submissions for that register are written to a temporary folder (child process);
 *  - a fresh child process reads + validates them (lean reader), consolidates + classifies, writes
 *    the master, and reports each step in ms and ms per row, and its peak RSS;
 *  - the floor: inflate every worksheet part of the same files with Node's zlib and count its
 *    cells, and the ratios of read + validate and of the whole job to it.
 * Then: CLI start-up (node bin/xeploai.cjs --help, median of 5), Office.js context.sync counts for
 * writing the master inside Excel (in-memory fake), and the pane's first-load and reader-chunk
 * sizes gzipped (from dist/, when built).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import * as path from "node:path";
import { inflateRawSync } from "node:zlib";
import { loadXlsx } from "../src/adapters/xlsx";
import { memberData, sniffXlsx } from "../src/adapters/xlsx/sniff";
import { fillTemplate, generateDemo, withSyntheticTccs } from "../src/core/demo";
import { runPipeline } from "../src/core/master";
import { DEFAULT_SETTINGS_2019 } from "../src/core/settings/defaults";
import type { PeriodSettings } from "../src/core/settings/types";
import { readSubmissions } from "../src/core/submission/read";
import type { RefusedFile, Submission } from "../src/core/submission/types";
import { buildTemplateWorkbook } from "../src/core/template-sheet/build";
import { CATALOG } from "../src/core/templates/catalog";
import { defaultRegister } from "../src/core/units";
import type { UnitRegister } from "../src/core/units/types";
import { officeRoundTrips } from "./office-round-trips";

const ROOT = path.join(__dirname, "..");
const settings: PeriodSettings = { ...DEFAULT_SETTINGS_2019, documentDate: "2019-12-30" };
const NOW = "2019-12-30T09:00:00+07:00";

function registerOf(tccs: number): UnitRegister {
  const base = defaultRegister();
  const have = base.units.filter((u) => u.kind === "tccs").length;
  return withSyntheticTccs(base, Math.max(0, tccs - have));
}

/** Child 1: write the demo submissions of a register of `tccs` TCCS into `dir`. */
async function generate(tccs: number, dir: string): Promise<void> {
  const register = registerOf(tccs);
  const { writer } = await loadXlsx();
  for (const f of generateDemo(CATALOG, register, settings).files) {
    const spec = CATALOG.find((s) => s.id === f.templateId)!;
    const model = fillTemplate(
      buildTemplateWorkbook(spec, register, settings, { generatedAt: f.generatedAt }),
      spec,
      f
    );
    writeFileSync(path.join(dir, f.fileName), await writer.write(model));
  }
}

const round = (n: number, d = 0) => Number(n.toFixed(d));

/** The floor: inflate each worksheet part with zlib and count its cells. */
function floor(files: { name: string; bytes: Uint8Array }[]): {
  ms: number;
  cpuMs: number;
  cells: number;
} {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let cells = 0;
  for (const f of files) {
    const s = sniffXlsx(f.bytes, f.name);
    if (!s.ok) continue;
    for (const m of s.members) {
      if (!/^xl\/worksheets\/[^/]+\.xml$/.test(m.name)) continue;
      const data = memberData(f.bytes, m);
      const xml = m.method === 8 ? inflateRawSync(data) : Buffer.from(data);
      for (let i = xml.indexOf("<c "); i >= 0; i = xml.indexOf("<c ", i + 3)) cells++;
    }
  }
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, cells };
}

/** Child 2: read + validate, consolidate + classify, write the master; figures as JSON on stdout. */
async function measure(tccs: number, dir: string): Promise<void> {
  const register = registerOf(tccs);
  const names = readdirSync(dir).filter((n) => n.endsWith(".xlsx"));
  const files = names.map((name) => ({
    name,
    bytes: new Uint8Array(readFileSync(path.join(dir, name))),
  }));
  const { reader, writer } = await loadXlsx();
  const submissions: Submission[] = [];
  const refused: RefusedFile[] = [];
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let t0 = performance.now();
  let c0 = cpu();
  for (const f of files) {
    const read = await reader.read(f.bytes, f.name);
    if (!read.ok) {
      refused.push(read.refused);
      continue;
    }
    const o = readSubmissions(read.grids, {
      register,
      catalog: [...CATALOG],
      period: settings.period,
    });
    if (o.ok) submissions.push(...o.submissions);
    else refused.push(o.refused);
  }
  const readMs = performance.now() - t0;
  const readCpu = cpu() - c0;
  const rowsRead = submissions.reduce((n, s) => n + s.validation.rows.length, 0);
  t0 = performance.now();
  c0 = cpu();
  const result = runPipeline({
    submissions,
    refused,
    settings,
    register,
    catalog: CATALOG,
    now: NOW,
  });
  const consolidateMs = performance.now() - t0;
  const consolidateCpu = cpu() - c0;
  t0 = performance.now();
  c0 = cpu();
  const master = await writer.write(result.model);
  const writeMs = performance.now() - t0;
  const writeCpu = cpu() - c0;
  const masterRows = result.model.sheets.reduce(
    (n, s) => n + s.blocks.reduce((m, b) => m + b.cells.length, 0),
    0
  );
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const fl = floor(files);
  const out = {
    tccs,
    files: files.length,
    refused: refused.length,
    inputMb: round(files.reduce((n, f) => n + f.bytes.length, 0) / 1024 / 1024, 1),
    rowsRead,
    masterRows,
    masterMb: round(master.length / 1024 / 1024, 2),
    // Wall time, its share per row, and CPU time (user + system: what counts on a busy machine).
    readValidate: {
      ms: round(readMs),
      msPerRow: round(readMs / Math.max(1, rowsRead), 3),
      cpuMs: round(readCpu),
    },
    consolidateClassify: {
      ms: round(consolidateMs),
      msPerRow: round(consolidateMs / Math.max(1, masterRows), 3),
      cpuMs: round(consolidateCpu),
    },
    writeMaster: {
      ms: round(writeMs),
      msPerRow: round(writeMs / Math.max(1, masterRows), 3),
      cpuMs: round(writeCpu),
    },
    peakRssMb: round(peakRssMb),
    floor: { ms: round(fl.ms), cpuMs: round(fl.cpuMs), cells: fl.cells },
    ratioReadToFloor: round(readMs / Math.max(1, fl.ms), 1),
    ratioEndToEndToFloor: round((readMs + consolidateMs + writeMs) / Math.max(1, fl.ms), 1),
    cpuRatioReadToFloor: round(readCpu / Math.max(1, fl.cpuMs), 1),
    cpuRatioEndToEndToFloor: round(
      (readCpu + consolidateCpu + writeCpu) / Math.max(1, fl.cpuMs),
      1
    ),
  };
  process.stdout.write(JSON.stringify(out));
}

function child(args: string[]): string {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bench child ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

function cliStartupMs(): number {
  const bin = path.join(ROOT, "bin", "xeploai.cjs");
  spawnSync(process.execPath, [bin, "--help"]); // builds the bundle if stale
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [bin, "--help"]);
    times.push(performance.now() - t0);
  }
  return round(times.sort((a, b) => a - b)[2]!);
}

function bundleSizes(): {
  firstLoadGzipKiB: number;
  readerChunkGzipKiB: number | null;
  excelJsChunkGzipKiB: number | null;
} | null {
  const dist = path.join(ROOT, "dist");
  if (!existsSync(path.join(dist, "taskpane.html"))) return null;
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "scripts", "bundle-report.cjs"), dist, "--json"],
    {
      encoding: "utf8",
    }
  );
  const report = JSON.parse(r.stdout) as {
    firstLoadGzipBytes: number;
    lazy: { file: string; gzipBytes: number }[];
  };
  const kib = (n: number) => round(n / 1024, 1);
  // The reader is the xlsx-reader chunk and the shared chunk webpack splits off for it (fflate,
  // saxes): every lazy chunk but ExcelJS's.
  const readerChunks = report.lazy.filter((f) => !/exceljs/i.test(f.file));
  const excel = report.lazy.find((f) => /exceljs/i.test(f.file));
  return {
    firstLoadGzipKiB: kib(report.firstLoadGzipBytes),
    readerChunkGzipKiB: readerChunks.length
      ? kib(readerChunks.reduce((n, f) => n + f.gzipBytes, 0))
      : null,
    excelJsChunkGzipKiB: excel ? kib(excel.gzipBytes) : null,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === "--generate") return generate(Number(argv[1]), argv[2]!);
  if (argv[0] === "--measure") return measure(Number(argv[1]), argv[2]!);
  const json = argv.includes("--json");
  const sizesArg = argv.find((a) => a.startsWith("--sizes="))?.slice(8);
  const sizes = (sizesArg ?? "19,219,1000").split(",").map(Number);
  const log = (s: string) => {
    if (!json) process.stdout.write(s + "\n");
  };
  log(
    `XếpLoại benchmark — node ${process.version}, ${cpus().length} cores, ${new Date().toISOString()}`
  );
  const scenarios: unknown[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(path.join(tmpdir(), `xeploai-bench-${n}-`));
    try {
      const t0 = performance.now();
      child(["--generate", String(n), dir]);
      const generateMs = round(performance.now() - t0);
      const figures = { ...JSON.parse(child(["--measure", String(n), dir])), generateMs };
      scenarios.push(figures);
      log(`\n## ${n} TCCS\n${JSON.stringify(figures, null, 1)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const startup = cliStartupMs();
  log(`\nCLI start-up (xeploai --help, median of 5): ${startup} ms`);
  const office = await officeRoundTrips([19, 219, 1000]);
  log(
    `\n## Office.js adapter: writing the master inside Excel (in-memory fake)\n${office.join("\n")}`
  );
  const bundles = bundleSizes();
  log(
    `\n## Task pane bundles (gzip)\n${bundles ? JSON.stringify(bundles) : "dist/ not built: run npm run build first"}`
  );
  if (json) {
    process.stdout.write(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          cores: cpus().length,
          scenarios,
          cliStartupMs: startup,
          officeJs: office,
          bundles,
        },
        null,
        2
      ) + "\n"
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
