/**
 * `npm run bench [-- --json] [-- --sizes 19,219,1000]`: speed and memory figures for the jobs
 * that grow with the data. It prints figures; it asserts nothing (timed assertions would make CI
 * flaky on a shared 2-core machine).
 *
 * For each register size (TCCS count; the 2019 register plus synthetic TCCS):
 *  - the demo's submissions for that register are written to a temporary folder (child process),
 *    kept between runs in <tmp>/xeploai-bench/<key>/<tccs>/ where the key hashes the package's
 *    version and every source that shapes the files (demo, templates, template sheets, units,
 *    writer), as each writing takes a while (the 1,016 workbooks of 1,000 TCCS, each TCCS's 3.14
 *    listing its own row only, about half a minute here), so it is done once per version (--fresh
 *    writes them again);
 *  - a fresh child process reads + validates them (lean reader), consolidates + classifies, writes
 *    the master, and reports each step in ms and ms per row, and its peak RSS;
 *  - the floor: inflate every worksheet part of the same files with Node's zlib and count its
 *    cells, and the ratios of read + validate and of the whole job to it.
 * With python3, pandas and openpyxl: the pandas script (read_excel each, concat, to_excel) on the
 * same files and XếpLoại's speed-up over it (--pandas=19,219,1000 picks the sizes; otherwise the
 * bench says it was skipped and why).
 * Whole processes, as the issue measures them (wall time from spawn to exit, the child's CPU time
 * and peak RSS reported at its exit by bench/process-usage.cjs; medians of --cli-runs runs):
 *  - the floor as a process: `node bench/floor.cjs DIR` (plain Node, no project code: inflate every
 *    worksheet part with zlib, count its cells), median of 3;
 *  - the whole CLI job as a process: `node bin/xeploai.cjs consolidate FILES --master OUT --units
 *    UNITS --now T --json` (the built bundle, as `npx xeploai` runs; a new master each run; the
 *    register of that size written as UNITS), median of 3 at 19 and 219 TCCS and of 1 above (each
 *    run at 1,000 TCCS takes tens of seconds here);
 *  - their ratio, the figure the table compares. The in-process phases above stay the
 *    breakdown (they leave out the CLI's start-up, its loading of the register and settings, and
 *    any work the command does besides the three phases); the in-process floor (`floor`) is measured
 *    inside the measuring child after the job, warm, and is labelled so.
 * Then: CLI start-up (node bin/xeploai.cjs --help, median of 5), Office.js context.sync counts for
 * writing the master inside Excel (in-memory fake), and the pane's first-load and reader-chunk
 * sizes gzipped (from dist/, when built).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import * as path from "node:path";
import { inflateRawSync } from "node:zlib";
import { createNodeXlsxReader } from "../src/adapters/xlsx/lean/node-reader";
import { loadNodeXlsxWriter } from "../src/adapters/xlsx/node-writer";
import { memberData, sniffXlsx } from "../src/adapters/xlsx/sniff";
import { demoWorkbook, generateDemo, withSyntheticTccs } from "../src/core/demo";
import { runPipeline } from "../src/core/master";
import { DEFAULT_SETTINGS_2019 } from "../src/core/settings/defaults";
import type { PeriodSettings } from "../src/core/settings/types";
import { readSubmissions } from "../src/core/submission/read";
import type { RefusedFile, Submission } from "../src/core/submission/types";
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
  const writer = await loadNodeXlsxWriter();
  for (const f of generateDemo(CATALOG, register, settings).files) {
    const spec = CATALOG.find((s) => s.id === f.templateId)!;
    writeFileSync(
      path.join(dir, f.fileName),
      await writer.write(demoWorkbook(spec, register, settings, f))
    );
  }
}

/** Every file under `dir` (sorted), for the cache key. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir)
    .sort()
    .flatMap((n) => filesUnder(path.join(dir, n)));
}

/** The generated files depend on these sources only; their hash names the cached set. */
function generatorKey(): string {
  const hash = createHash("sha256");
  hash.update(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version as string);
  for (const rel of [
    "src/core/demo",
    "src/core/templates",
    "src/core/template-sheet",
    "src/core/units",
    "src/core/settings",
    "src/core/sheet",
    "src/adapters/xlsx/writer.ts",
    "src/adapters/xlsx/cell-styles.ts",
    "src/adapters/xlsx/sheet-data.ts",
    "src/adapters/xlsx/zip-writer.ts",
    "src/adapters/xlsx/node-writer.ts",
  ])
    for (const f of filesUnder(path.join(ROOT, rel))) {
      hash.update(path.relative(ROOT, f));
      hash.update(readFileSync(f, "utf8"));
    }
  return hash.digest("hex").slice(0, 16);
}

/** The demo's submissions for `tccs` TCCS: from the cache, or written now (then cached). */
function generatedSet(tccs: number, fresh: boolean): { dir: string; generateMs: number | null } {
  const dir = path.join(tmpdir(), "xeploai-bench", generatorKey(), String(tccs));
  const complete = path.join(dir, ".complete");
  if (!fresh && existsSync(complete)) return { dir, generateMs: null };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  child(["--generate", String(tccs), dir]);
  const generateMs = round(performance.now() - t0);
  writeFileSync(complete, `${new Date().toISOString()} ${generateMs} ms\n`);
  return { dir, generateMs };
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
  // The CLI's reader and writer: the lean reader, and ExcelJS, with Node's zlib.
  const reader = createNodeXlsxReader();
  const writer = await loadNodeXlsxWriter();
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
    // The floor measured inside this process after the job (zlib warm, files in memory); the
    // floor as a whole process (the definition) is floorProcess, added by the parent.
    floor: {
      ms: round(fl.ms),
      cpuMs: round(fl.cpuMs),
      cells: fl.cells,
      measured: "in-process, after the job, files already in memory",
    },
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

const PYTHON = "/usr/bin/python3";

/** Why the pandas comparison cannot run here, or null when python3 has pandas and openpyxl. */
function pandasMissing(): string | null {
  const r = spawnSync(PYTHON, ["-c", "import pandas, openpyxl"], { encoding: "utf8" });
  if (r.error) return `${PYTHON} not found`;
  if (r.status !== 0)
    return `python3 lacks pandas or openpyxl (${r.stderr.trim().split("\n").pop()}); apt-get install python3-pandas python3-openpyxl`;
  return null;
}

/** The pandas script (read_excel each file, concat, to_excel) on the same files, as a process. */
function pandasOn(dir: string): { ms: number; cpuMs: number; rows: number; peakRssMb: number } {
  const out = path.join(tmpdir(), `xeploai-bench-pandas-${process.pid}.xlsx`);
  try {
    const r = spawnSync(PYTHON, [path.join(__dirname, "pandas_compare.py"), dir, out], {
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`pandas script failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as { ms: number; cpuMs: number; rows: number; peakRssMb: number };
  } finally {
    rmSync(out, { force: true });
  }
}

function child(args: string[]): string {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bench child ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

const BIN = path.join(ROOT, "bin", "xeploai.cjs");
const USAGE_PRELOAD = path.join(__dirname, "process-usage.cjs");

/** One measured process: wall time from spawn to exit, and its own CPU time and peak RSS. */
interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node ARGS` (plain node: no tsx, whatever runs this bench) with bench/process-usage.cjs
 * preloaded, which reports the child's CPU time and peak RSS at its exit.
 */
function timedNode(args: string[]): ProcessRun {
  const scratch = mkdtempSync(path.join(tmpdir(), "xeploai-bench-usage-"));
  const usageFile = path.join(scratch, "usage.json");
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["--require", USAGE_PRELOAD, ...args], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, XEPLOAI_BENCH_USAGE: usageFile },
    });
    const wallMs = performance.now() - t0;
    if (r.error) throw r.error;
    const usage = existsSync(usageFile)
      ? (JSON.parse(readFileSync(usageFile, "utf8")) as { cpuMs: number; peakRssMb: number })
      : { cpuMs: NaN, peakRssMb: NaN };
    return { wallMs, ...usage, status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Medians (each figure on its own) of `runs` runs of `node ARGS`, with every run's figures. */
function timedNodeRuns(
  args: string[],
  runs: number,
  before?: () => void,
  check?: (r: ProcessRun) => void
): {
  runs: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  wallMsEach: number[];
  cpuMsEach: number[];
  last: ProcessRun;
} {
  const all: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const r = timedNode(args);
    check?.(r);
    all.push(r);
  }
  return {
    runs,
    wallMs: round(median(all.map((r) => r.wallMs))),
    cpuMs: round(median(all.map((r) => r.cpuMs))),
    peakRssMb: round(median(all.map((r) => r.peakRssMb))),
    wallMsEach: all.map((r) => round(r.wallMs)),
    cpuMsEach: all.map((r) => round(r.cpuMs)),
    last: all[all.length - 1]!,
  };
}

/** The floor as a whole process: `node bench/floor.cjs DIR`, median of 3. */
function floorProcess(dir: string) {
  const m = timedNodeRuns([path.join(__dirname, "floor.cjs"), dir], 3, undefined, (r) => {
    if (r.status !== 0) throw new Error(`bench/floor.cjs failed: ${r.stderr}`);
  });
  const counted = JSON.parse(m.last.stdout) as { files: number; sheets: number; cells: number };
  return {
    command: "node bench/floor.cjs DIR",
    runs: m.runs,
    wallMs: m.wallMs,
    cpuMs: m.cpuMs,
    peakRssMb: m.peakRssMb,
    wallMsEach: m.wallMsEach,
    cpuMsEach: m.cpuMsEach,
    ...counted,
  };
}

/**
 * The whole CLI job as a process: `node bin/xeploai.cjs consolidate FILES --master OUT --units
 * UNITS --now T --json` on the set's files, with that size's register, a new master each run.
 */
function cliProcess(tccs: number, dir: string, runs: number) {
  const scratch = mkdtempSync(path.join(tmpdir(), "xeploai-bench-cli-"));
  try {
    const units = path.join(scratch, "units.json");
    writeFileSync(units, JSON.stringify(registerOf(tccs)));
    const master = path.join(scratch, "master.xlsx");
    const files = readdirSync(dir)
      .filter((n) => n.endsWith(".xlsx"))
      .sort()
      .map((n) => path.join(dir, n));
    const args = [BIN, "consolidate", ...files, "--master", master, "--units", units];
    const m = timedNodeRuns(
      [...args, "--now", NOW, "--json"],
      runs,
      () => rmSync(master, { force: true }),
      (r) => {
        // Exit 0 (all taken) or 1 (some refused or left out, the master still written).
        if (r.status !== 0 && r.status !== 1)
          throw new Error(`xeploai consolidate exited ${r.status}: ${r.stderr}`);
      }
    );
    const json = JSON.parse(m.last.stdout) as {
      written: boolean;
      exitCode: number;
      files: unknown[];
      refused: unknown[];
    };
    if (!json.written) throw new Error(`xeploai consolidate wrote no master: ${m.last.stderr}`);
    return {
      command: "node bin/xeploai.cjs consolidate FILES --master OUT --units UNITS --now T --json",
      runs: m.runs,
      wallMs: m.wallMs,
      cpuMs: m.cpuMs,
      peakRssMb: m.peakRssMb,
      wallMsEach: m.wallMsEach,
      cpuMsEach: m.cpuMsEach,
      exitCode: json.exitCode,
      filesTaken: json.files.length,
      filesRefused: json.refused.length,
      masterMb: round(statSync(master).size / 1024 / 1024, 2),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `xeploai --help` as a process, median of 5 (after one run that builds the bundle if stale). */
function cliStartup() {
  spawnSync(process.execPath, [BIN, "--help"]);
  const m = timedNodeRuns([BIN, "--help"], 5);
  return {
    runs: m.runs,
    wallMs: m.wallMs,
    cpuMs: m.cpuMs,
    peakRssMb: m.peakRssMb,
    wallMsEach: m.wallMsEach,
    cpuMsEach: m.cpuMsEach,
  };
}

function bundleSizes(): {
  firstLoadGzipKiB: number;
  readerChunkGzipKiB: number | null;
  workerChunkGzipKiB: number | null;
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
    readerGzipBytes: number;
  };
  const kib = (n: number) => round(n / 1024, 1);
  // The reader's chunks as the bundle report counts them (every lazy chunk but ExcelJS's and the
  // worker's); the worker holds the reader and the core.
  // Writing's chunks: ExcelJS, the writer's modules and the deflater (exceljs*.chunk.js).
  const writing = report.lazy.filter((f) => /exceljs/i.test(f.file));
  const worker = report.lazy.find((f) => /worker/i.test(f.file));
  return {
    firstLoadGzipKiB: kib(report.firstLoadGzipBytes),
    readerChunkGzipKiB: kib(report.readerGzipBytes),
    workerChunkGzipKiB: worker ? kib(worker.gzipBytes) : null,
    excelJsChunkGzipKiB: writing.length ? kib(writing.reduce((n, f) => n + f.gzipBytes, 0)) : null,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === "--generate") return generate(Number(argv[1]), argv[2]!);
  if (argv[0] === "--measure") return measure(Number(argv[1]), argv[2]!);
  if (argv[0] === "--prepare") {
    // Only writes (or finds) the cached sets: `npm run bench -- --prepare 1000`.
    for (const n of (argv[1] ?? "19,219,1000").split(",").map(Number))
      process.stdout.write(`${n} TCCS: ${generatedSet(n, argv.includes("--fresh")).dir}\n`);
    return;
  }
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
  const fresh = argv.includes("--fresh");
  // pandas (read_excel each file, concat, to_excel): slow, so by default on 19 and 219 TCCS only.
  const pandasArg = argv.find((a) => a.startsWith("--pandas="))?.slice(9);
  const pandasSizes = (pandasArg ?? "19,219").split(",").map(Number);
  const pandasSkipped = argv.includes("--no-pandas") ? "--no-pandas" : pandasMissing();
  // Runs of the whole CLI job per size: 3 up to 219 TCCS, 1 above (--cli-runs=N for every size).
  const cliRunsArg = argv.find((a) => a.startsWith("--cli-runs="))?.slice(11);
  const cliRunsFor = (n: number) =>
    cliRunsArg ? Math.max(1, Number(cliRunsArg)) : n <= 219 ? 3 : 1;
  if (pandasSkipped) log(`pandas comparison skipped: ${pandasSkipped}`);
  for (const n of sizes) {
    const { dir, generateMs } = generatedSet(n, fresh);
    // generateMs: null when the files came from the cache. The load average (1 minute) before and
    // after the measurement says how busy the shared machine was: wall times grow with it.
    const loadBefore = round(loadavg()[0]!, 2);
    const figures: Record<string, unknown> = {
      ...JSON.parse(child(["--measure", String(n), dir])),
      generateMs,
      loadAverage: [loadBefore, round(loadavg()[0]!, 2)],
    };
    // The issue's own measure: whole processes, the floor and the CLI job, and their ratio.
    spawnSync(process.execPath, [BIN, "--help"]); // builds the bundle if stale, untimed
    const floorProc = floorProcess(dir);
    const cliProc = cliProcess(n, dir, cliRunsFor(n));
    figures.floorProcess = floorProc;
    figures.cliProcess = cliProc;
    figures.ratioCliToFloorProcess = round(cliProc.wallMs / Math.max(1, floorProc.wallMs), 1);
    figures.cpuRatioCliToFloorProcess = round(cliProc.cpuMs / Math.max(1, floorProc.cpuMs), 1);
    if (pandasSkipped) figures.pandas = { skipped: pandasSkipped };
    else if (!pandasSizes.includes(n))
      figures.pandas = { skipped: `not asked for this size (--pandas=${pandasSizes.join(",")})` };
    else {
      const pd = pandasOn(dir);
      const endToEnd = ["readValidate", "consolidateClassify", "writeMaster"].reduce(
        (sum, k) => sum + (figures[k] as { ms: number; cpuMs: number }).ms,
        0
      );
      const endToEndCpu = ["readValidate", "consolidateClassify", "writeMaster"].reduce(
        (sum, k) => sum + (figures[k] as { ms: number; cpuMs: number }).cpuMs,
        0
      );
      figures.pandas = {
        ...pd,
        // How many times faster XếpLoại's whole job is than the pandas script.
        speedup: round(pd.ms / Math.max(1, endToEnd), 1),
        cpuSpeedup: round(pd.cpuMs / Math.max(1, endToEndCpu), 1),
      };
    }
    scenarios.push(figures);
    log(`\n## ${n} TCCS\n${JSON.stringify(figures, null, 1)}`);
    log(
      `whole processes: floor ${floorProc.wallMs} ms wall, ${floorProc.cpuMs} ms CPU; ` +
        `xeploai consolidate ${cliProc.wallMs} ms wall, ${cliProc.cpuMs} ms CPU, ${cliProc.peakRssMb} MB; ` +
        `ratio ${figures.ratioCliToFloorProcess}× wall, ${figures.cpuRatioCliToFloorProcess}× CPU`
    );
  }
  const startupFigures = cliStartup();
  const startup = startupFigures.wallMs;
  log(
    `\nCLI start-up (xeploai --help, median of 5): ${startup} ms wall, ${startupFigures.cpuMs} ms CPU`
  );
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
          cliStartup: startupFigures,
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
