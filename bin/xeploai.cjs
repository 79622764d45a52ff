#!/usr/bin/env node
/* The `xeploai` command line: runs src/cli/main.ts through tsx (no build step needed). */
"use strict";
const path = require("node:path");

// Registers tsx's CommonJS loader: TypeScript (and ESM syntax) in src/ is compiled on require.
require("tsx/cjs");
const { run } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`xeploai: ${e && e.message ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
);
