/**
 * How the command line starts (bin/xeploai.cjs): a bundle older than src/ is rebuilt, never run;
 * the bundle is loaded with a V8 code cache per command, written after a successful run, rewritten
 * when unusable, and skipped without a word when its folder cannot be written. Behaviour only: the
 * output must be the same with or without a cache, and no time is asserted.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "xeploai.cjs");
const { cliIsStale } = require(path.join(ROOT, "scripts", "build-cli.cjs")) as {
  cliIsStale(o?: { root?: string; out?: string }): boolean;
};

function xeploai(args: string[], env: Record<string, string | undefined> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
}

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "xeploai-start-"));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe("cliIsStale", () => {
  test("a bundle older than any file under src/ (however deep), or missing, is stale", () => {
    const root = path.join(scratch, "checkout");
    mkdirSync(path.join(root, "src", "core", "deep"), { recursive: true });
    writeFileSync(path.join(root, "package.json"), "{}");
    const source = path.join(root, "src", "core", "deep", "a.ts");
    writeFileSync(source, "export const a = 1;");
    const out = path.join(root, "dist-cli", "xeploai.cjs");
    expect(cliIsStale({ root, out })).toBe(true); // not built yet
    mkdirSync(path.dirname(out));
    writeFileSync(out, "");
    const later = new Date(Date.now() + 60_000);
    utimesSync(out, later, later);
    expect(cliIsStale({ root, out })).toBe(false);
    const evenLater = new Date(Date.now() + 120_000);
    utimesSync(source, evenLater, evenLater); // a developer's edit
    expect(cliIsStale({ root, out })).toBe(true);
  });
});

describe("bin/xeploai.cjs with a V8 code cache", () => {
  test("the first successful run writes its command's cache, the next uses it; output unchanged", () => {
    const cacheDir = path.join(scratch, "cache");
    const env = { XEPLOAI_CODE_CACHE_DIR: cacheDir };
    const plain = xeploai(["catalog", "--json"], { XEPLOAI_CODE_CACHE: "0" });
    expect(plain.status).toBe(0);
    expect(existsSync(cacheDir)).toBe(false);
    const first = xeploai(["catalog", "--json"], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(plain.stdout);
    const files = readdirSync(cacheDir);
    expect(files).toEqual([expect.stringMatching(/^xeploai\.cjs\.[0-9a-f]{16}\.catalog\.v8$/)]);
    const second = xeploai(["catalog", "--json"], env);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.stderr).toBe(plain.stderr);
    // Help gets its own cache; a bad call (exit 2) writes none.
    expect(xeploai(["--help"], env).status).toBe(0);
    expect(xeploai(["catalog", "--no-such-option"], env).status).toBe(2);
    expect(readdirSync(cacheDir).sort()).toEqual(
      [files[0]!, files[0]!.replace(".catalog.", ".help.")].sort()
    );
  });

  test("a corrupt cache is rejected by V8, the command runs the same and the cache is rewritten", () => {
    const cacheDir = path.join(scratch, "cache");
    const env = { XEPLOAI_CODE_CACHE_DIR: cacheDir };
    const good = xeploai(["catalog", "--json"], env);
    const [name] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, name!), "not V8 code at all");
    const again = xeploai(["catalog", "--json"], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(good.stdout);
    expect(readFileSync(path.join(cacheDir, name!)).length).toBeGreaterThan(1000);
  });

  test("a cache folder that cannot be made still runs the command, silently, with the same output", () => {
    const blocker = path.join(scratch, "a-file");
    writeFileSync(blocker, "");
    const r = xeploai(["catalog", "--json"], {
      XEPLOAI_CODE_CACHE_DIR: path.join(blocker, "cache"), // under a file: ENOTDIR
    });
    const plain = xeploai(["catalog", "--json"], { XEPLOAI_CODE_CACHE: "0" });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(plain.stdout);
    expect(readdirSync(scratch)).toEqual(["a-file"]);
  });
});
