#!/usr/bin/env node
/*
 * Builds the `xeploai` command line into one CommonJS file, dist-cli/xeploai.cjs, with esbuild
 * (src/ and small packages such as zod bundled; ExcelJS stays `require`d from node_modules).
 * Runs at `npm ci` / `npm install` (the `prepare` script) and through `npm run build:cli`;
 * bin/xeploai.cjs also calls it when a file in src/ is newer than the bundle, so the command
 * line never runs stale code while developing. Starting the bundle takes a fraction of a second
 * instead of compiling TypeScript on every call.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const ENTRY = path.join(ROOT, "src", "cli", "main.ts");
const OUT = path.join(ROOT, "dist-cli", "xeploai.cjs");

/** Builds the bundle; returns false (with a message on stderr) when esbuild is not installed. */
function buildCli({ quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    process.stderr.write(
      "xeploai: esbuild is not installed (a devDependency); the command line cannot be built. Run `npm ci`.\n"
    );
    return false;
  }
  // Written beside, then renamed: a concurrent caller never requires a half-written bundle.
  const tmp = `${OUT}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  esbuild.buildSync({
    entryPoints: [ENTRY],
    outfile: tmp,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // ExcelJS stays a `require` of node_modules, loaded only by commands that read or write files;
    // the rest (zod, the core) is in the bundle: one file parses faster than hundreds.
    external: ["exceljs"],
    // import("exceljs") becomes a require: bin/xeploai.cjs runs the bundle through vm.Script (for
    // its code cache), where a real import() needs a loader older Node 20 releases cannot name.
    supported: { "dynamic-import": false },
    logLevel: quiet ? "error" : "warning",
    legalComments: "none",
  });
  fs.renameSync(tmp, OUT);
  if (!quiet) process.stdout.write(`xeploai: built ${path.relative(ROOT, OUT)}\n`);
  return true;
}

/** Newest modification time (ms) of any file under dir, 0 when dir does not exist. */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.isFile()) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * True when the bundle is missing or older than a file in src/ (or this script, or package.json).
 * `root` and `out` are for tests; the command line checks its own checkout.
 */
function cliIsStale({ root = ROOT, out = OUT } = {}) {
  let built;
  try {
    built = fs.statSync(out).mtimeMs;
  } catch {
    return true;
  }
  const inputs = Math.max(
    newestMtime(path.join(root, "src")),
    fs.statSync(__filename).mtimeMs,
    fs.statSync(path.join(root, "package.json")).mtimeMs
  );
  return inputs > built;
}

module.exports = { buildCli, cliIsStale, CLI_BUNDLE: OUT };

if (require.main === module) {
  process.exitCode = buildCli() ? 0 : 1;
}
