/**
 * The bench's floor as a whole process (bench/floor.cjs, plain Node) and the preload that reports
 * a measured process's CPU time and peak RSS (bench/process-usage.cjs). Behaviour only: what is
 * counted and what is reported, never how long it took.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { zipSync, strToU8 } from "fflate";

const BENCH = path.join(__dirname, "..", "..", "..", "bench");
const sheet = (cells: number) =>
  `<worksheet><sheetData><row r="1">${Array.from({ length: cells }, (_, i) => `<c r="A${i + 1}" s="1"/>`).join("")}</row></sheetData></worksheet>`;

describe("bench/floor.cjs", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "xeploai-floor-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("counts the cells of every worksheet part (deflated or stored) of every .xlsx, nothing else", () => {
    writeFileSync(
      path.join(dir, "a.xlsx"),
      zipSync({
        "xl/worksheets/sheet1.xml": [strToU8(sheet(5)), { level: 6 }],
        "xl/worksheets/sheet2.xml": [strToU8(sheet(3)), { level: 0 }],
        // Not worksheets: a "<c " here is no cell of the floor.
        "xl/sharedStrings.xml": strToU8("<sst><si><t>&lt;c x</t></si><c r></sst>"),
        "xl/worksheets/_rels/sheet1.xml.rels": strToU8("<c a/>"),
      })
    );
    writeFileSync(
      path.join(dir, "b.xlsx"),
      zipSync({ "xl/worksheets/sheet1.xml": strToU8(sheet(2)) })
    );
    writeFileSync(path.join(dir, "notes.txt"), "<c <c <c");
    const usage = path.join(dir, "usage.json");
    const r = spawnSync(
      process.execPath,
      ["--require", path.join(BENCH, "process-usage.cjs"), path.join(BENCH, "floor.cjs"), dir],
      { encoding: "utf8", env: { ...process.env, XEPLOAI_BENCH_USAGE: usage } }
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ files: 2, sheets: 3, cells: 10 });
    const reported = JSON.parse(readFileSync(usage, "utf8")) as Record<string, unknown>;
    expect(Object.keys(reported).sort()).toEqual(["cpuMs", "peakRssMb"]);
    expect(reported.cpuMs).toBeGreaterThan(0);
    expect(reported.peakRssMb).toBeGreaterThan(0);
  });

  test("the usage preload does nothing without XEPLOAI_BENCH_USAGE and hides it from children", () => {
    const env = { ...process.env };
    delete env.XEPLOAI_BENCH_USAGE;
    const quiet = spawnSync(
      process.execPath,
      ["--require", path.join(BENCH, "process-usage.cjs"), "-e", "process.stdout.write('ok')"],
      { encoding: "utf8", env }
    );
    expect(quiet.stdout).toBe("ok");
    const usage = path.join(dir, "usage.json");
    const child = spawnSync(
      process.execPath,
      [
        "--require",
        path.join(BENCH, "process-usage.cjs"),
        "-e",
        "process.stdout.write(String(process.env.XEPLOAI_BENCH_USAGE))",
      ],
      { encoding: "utf8", env: { ...env, XEPLOAI_BENCH_USAGE: usage } }
    );
    expect(child.stdout).toBe("undefined");
    expect(JSON.parse(readFileSync(usage, "utf8")).cpuMs).toBeGreaterThan(0);
  });

  test("without a folder it says how to call it and exits 2", () => {
    const r = spawnSync(process.execPath, [path.join(BENCH, "floor.cjs")], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: node bench\/floor\.cjs DIR/);
  });
});
