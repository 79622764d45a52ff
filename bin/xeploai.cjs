#!/usr/bin/env node
/*
 * The `xeploai` command line. Runs the bundle dist-cli/xeploai.cjs (built by scripts/build-cli.cjs
 * at `npm ci`); when a file in src/ is newer than the bundle (a developer's edit), it is rebuilt
 * first (esbuild, well under a second), so the command line never runs stale code.
 */
"use strict";
const { buildCli, cliIsStale, CLI_BUNDLE } = require("../scripts/build-cli.cjs");

if (cliIsStale() && !buildCli({ quiet: true })) {
  process.exitCode = 2;
} else {
  const { run } = require(CLI_BUNDLE);
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`xeploai: ${e && e.message ? e.message : String(e)}\n`);
      process.exitCode = 2;
    }
  );
}
