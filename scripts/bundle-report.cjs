#!/usr/bin/env node
/*
 * Bundle budget for the built task pane (run after `npm run build`):
 *  - lists the JavaScript that taskpane.html loads on first open (its <script src> tags) with raw
 *    and gzip sizes, and the lazily loaded chunks;
 *  - fails (exit 1) when the first load exceeds the budget in webpack.config.js or contains ExcelJS,
 *    which must only arrive through import() when a workbook file is written, or when the reader's
 *    lazy chunks (every lazy chunk but ExcelJS's and the worker's) exceed READER_BUDGET_GZIP_BYTES
 *    gzipped: the pane reads returned files without downloading ExcelJS (issue #11).
 * Usage: node scripts/bundle-report.cjs [distDir] [--json]
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { FIRST_LOAD_BUDGET_BYTES } = require("../webpack.config.js");

/**
 * Strings that only ExcelJS's browser build holds together (its default workbook creator and an
 * attribute of the sheet XML it writes). A file is flagged when it holds all of them: our own
 * .xlsx sniffing legitimately mentions "xl/workbook.xml", so zip paths alone are not evidence.
 */
const EXCELJS_MARKERS = ['"ExcelJS"', "x14ac:dyDescent"];

/** The lean reader (fflate + our tokenizer and parser) must stay small: 100 KiB gzipped at most. */
const READER_BUDGET_GZIP_BYTES = 100 * 1024;

/** Lazy chunks that are not the reader: ExcelJS (writing) and the worker (reader + core). */
const isExcelJsChunk = (file) => /exceljs/i.test(file);
const isWorkerChunk = (file) => /worker/i.test(file);

function scriptSources(html) {
  const sources = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc=("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const src = match[2] ?? match[3] ?? match[4];
    if (!/^(https?:)?\/\//i.test(src)) sources.push(src);
  }
  return sources;
}

function describe(distDir, file) {
  const buf = fs.readFileSync(path.join(distDir, file));
  return {
    file,
    bytes: buf.length,
    gzipBytes: zlib.gzipSync(buf).length,
    text: buf.toString("utf8"),
  };
}

function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const distDir = path.resolve(
    args.find((a) => !a.startsWith("--")) ?? path.join(__dirname, "..", "dist")
  );
  const htmlPath = path.join(distDir, "taskpane.html");
  if (!fs.existsSync(htmlPath)) {
    process.stderr.write(
      `Không thấy ${htmlPath}: hãy chạy "npm run build" trước. / Run "npm run build" first.\n`
    );
    process.exit(2);
  }

  const firstLoad = scriptSources(fs.readFileSync(htmlPath, "utf8")).map((src) =>
    describe(distDir, src)
  );
  const firstLoadNames = new Set(firstLoad.map((f) => f.file));
  const lazy = fs
    .readdirSync(distDir)
    .filter((f) => f.endsWith(".js") && !firstLoadNames.has(f) && !/^commands[.]/.test(f))
    .map((f) => describe(distDir, f));

  const total = firstLoad.reduce((sum, f) => sum + f.bytes, 0);
  const totalGzip = firstLoad.reduce((sum, f) => sum + f.gzipBytes, 0);
  const withExcelJs = firstLoad
    .filter((f) => EXCELJS_MARKERS.every((m) => f.text.includes(m)))
    .map((f) => f.file);
  const problems = [];
  if (firstLoad.length === 0) problems.push("taskpane.html loads no local script");
  if (total > FIRST_LOAD_BUDGET_BYTES)
    problems.push(`first load ${total} B > budget ${FIRST_LOAD_BUDGET_BYTES} B`);
  if (withExcelJs.length > 0)
    problems.push(`ExcelJS is in the first load: ${withExcelJs.join(", ")}`);

  const reader = lazy.filter((f) => !isExcelJsChunk(f.file) && !isWorkerChunk(f.file));
  const readerGzip = reader.reduce((sum, f) => sum + f.gzipBytes, 0);
  if (readerGzip > READER_BUDGET_GZIP_BYTES)
    problems.push(`reader chunks ${readerGzip} B gzipped > budget ${READER_BUDGET_GZIP_BYTES} B`);

  const strip = ({ file, bytes, gzipBytes }) => ({ file, bytes, gzipBytes });
  const report = {
    firstLoad: firstLoad.map(strip),
    firstLoadBytes: total,
    firstLoadGzipBytes: totalGzip,
    budgetBytes: FIRST_LOAD_BUDGET_BYTES,
    lazy: lazy.map(strip),
    readerChunks: reader.map((f) => f.file),
    readerGzipBytes: readerGzip,
    readerBudgetGzipBytes: READER_BUDGET_GZIP_BYTES,
    problems,
  };
  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  } else {
    const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
    process.stdout.write("Tải lần đầu / first load (taskpane.html):\n");
    for (const f of firstLoad)
      process.stdout.write(`  ${f.file}  ${kib(f.bytes)}  (gzip ${kib(f.gzipBytes)})\n`);
    process.stdout.write(
      `  = ${kib(total)} (gzip ${kib(totalGzip)}), budget ${kib(FIRST_LOAD_BUDGET_BYTES)}\n`
    );
    process.stdout.write("Tải khi cần / lazy chunks:\n");
    for (const f of lazy)
      process.stdout.write(`  ${f.file}  ${kib(f.bytes)}  (gzip ${kib(f.gzipBytes)})\n`);
    if (lazy.length === 0) process.stdout.write("  (none)\n");
    process.stdout.write(
      `Bộ đọc / reader chunks: gzip ${kib(readerGzip)}, budget ${kib(READER_BUDGET_GZIP_BYTES)}\n`
    );
  }
  if (problems.length > 0) {
    process.stderr.write(`Bundle budget failed: ${problems.join("; ")}\n`);
    process.exit(1);
  }
}

main();
