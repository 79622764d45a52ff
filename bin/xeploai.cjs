#!/usr/bin/env node
/*
 * The `xeploai` command line. Runs the bundle dist-cli/xeploai.cjs (built by scripts/build-cli.cjs
 * at `npm ci`); when a file in src/ is newer than the bundle (a developer's edit), it is rebuilt
 * first (esbuild, well under a second), so the command line never runs stale code. The bundle is
 * loaded with a V8 code cache per command (scripts/cli-code-cache.cjs), written after a command's
 * first successful run, so later calls do not compile it again.
 */
"use strict";
const { buildCli, cliIsStale, CLI_BUNDLE } = require("../scripts/build-cli.cjs");
const { requireWithCodeCache } = require("../scripts/cli-code-cache.cjs");

/** Which cache a call uses: its command's, or "help" for help and bare calls. */
function cacheKey(argv) {
  const name = argv[0];
  if (!name || name.startsWith("-") || name === "help") return "help";
  return argv.includes("--help") || argv.includes("-h") ? "help" : name;
}

if (cliIsStale() && !buildCli({ quiet: true })) {
  process.exitCode = 2;
} else {
  const argv = process.argv.slice(2);
  const bundle = requireWithCodeCache(CLI_BUNDLE, cacheKey(argv));
  bundle.exports.run(argv).then(
    (code) => {
      // A bad call (exit 2) ran little of its command: its cache would serve the next call poorly.
      if (code === 0 || code === 1) bundle.save();
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`xeploai: ${e && e.message ? e.message : String(e)}\n`);
      process.exitCode = 2;
    }
  );
}
