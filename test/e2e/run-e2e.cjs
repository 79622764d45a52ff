#!/usr/bin/env node
/*
 * End-to-end run of the task pane in a real browser (Debian's Chromium through playwright-core),
 * with the in-memory Excel fake (test/fakes) standing in for office.js:
 *   open taskpane.html?part=templates → insert a template → check the fake workbook (sheet, _meta
 *   very hidden) → Kiểm tra: a user types a wrong value, the cell is marked and the error listed →
 *   Tổng hợp: pick returned .xlsx files (two valid, one renamed CSV) → consolidate → write the
 *   master → In: apply the print layout. A screenshot of each part goes to test-results/screenshots/
 *   (ignored by git, so a run never changes the tree); `npm run screenshots:readme` (this script
 *   with --readme-pictures) writes them to docs/screenshots/ instead, to refresh the README.
 * Then the browser mode (browser-mode.cjs) with no Office.js at all: the same parts on .xlsx files.
 * Also records the first-load JavaScript size and checks that ExcelJS is not in it.
 * Needs dist/ (runs `npm run build` when it is missing). Prints "N passed, N failed"; exits 1 on failure.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const http = require("http");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const SHOTS = process.argv.includes("--readme-pictures")
  ? path.join(ROOT, "docs", "screenshots")
  : path.join(ROOT, "test-results", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const PANE_WIDTH = 380;

const results = [];
function record(name, ok, detail) {
  results.push({ name, ok, detail });
  console.log(`${ok ? "✓" : "✗"} ${name}${detail ? ` — ${detail}` : ""}`);
}

async function step(name, fn) {
  try {
    const detail = await fn();
    record(name, true, typeof detail === "string" ? detail : undefined);
    return true;
  } catch (err) {
    record(name, false, err && err.message ? err.message.split("\n")[0] : String(err));
    return false;
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout || "", stderr: r.stderr || "" };
}

function ensureBuild() {
  if (fs.existsSync(path.join(DIST, "taskpane.html"))) return;
  console.log("dist/ is missing: running npm run build");
  const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("npm run build failed");
}

/** First-load size and the ExcelJS check, by the build's own bundle report (scripts/bundle-report.cjs). */
function firstLoadReport() {
  const r = run(process.execPath, [
    path.join(ROOT, "scripts", "bundle-report.cjs"),
    DIST,
    "--json",
  ]);
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    throw new Error(`bundle report failed: ${r.stderr.trim() || r.stdout.trim()}`);
  }
  // Strings only ExcelJS's own code carries (our .xlsx sniffer names "xl/workbook.xml" too, so not that one).
  const markers = [
    "xl/sharedStrings.xml",
    "docProps/core.xml",
    "schemas.openxmlformats.org/spreadsheetml/2006/main",
  ];
  const offenders = report.firstLoad.filter((f) => {
    const text = fs.readFileSync(path.join(DIST, f.file), "utf8");
    return markers.some((m) => text.includes(m));
  });
  return { report, offenders, markers };
}

/**
 * dist/ as `npm run build` left it: every manifest URL on the host recorded in xeploai-build.json,
 * the pages loading Office.js from dist/office-js/ (officejs=local) or Microsoft's CDN, no
 * placeholder domain anywhere in the manifest, pages or web.config.
 */
function checkDistForHost(dist) {
  const info = JSON.parse(fs.readFileSync(path.join(dist, "xeploai-build.json"), "utf8"));
  const manifest = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
  const urls = [...manifest.replace(/<!--[\s\S]*?-->/g, "").matchAll(/https:\/\/[^"<\s]+/g)].map(
    (m) => m[0]
  );
  const origin = new URL(info.host).origin;
  const strays = urls.filter((u) => !(u.startsWith(info.host) || u === origin));
  assert(
    urls.length > 20 && strays.length === 0,
    `manifest URLs off the host: ${strays.join(", ")}`
  );
  for (const page of ["taskpane.html", "commands.html"]) {
    const html = fs.readFileSync(path.join(dist, page), "utf8");
    if (info.officejs === "local") {
      assert(
        /<script src="?office-js\/office\.js"?>/.test(html),
        `${page} does not load office-js/office.js`
      );
      assert(!html.includes("appsforoffice"), `${page} still loads Office.js from the CDN`);
    } else {
      assert(
        html.includes("https://appsforoffice.microsoft.com/"),
        `${page} does not load the CDN`
      );
    }
  }
  if (info.officejs === "local") {
    for (const f of [
      "office.js",
      "excel-win32-16.01.js",
      "excel-web-16.00.js",
      "vi-vn/office_strings.js",
    ]) {
      assert(fs.existsSync(path.join(dist, "office-js", f)), `dist/office-js/${f} is missing`);
    }
  }
  for (const f of ["manifest.xml", "taskpane.html", "commands.html", "web.config"]) {
    const text = fs.readFileSync(path.join(dist, f), "utf8");
    assert(!/example\.invalid|\.example\//.test(text), `${f} holds a placeholder domain`);
  }
  return `${info.host}, Office.js ${info.officejs}`;
}

/** Bundles installFakeOffice + FakeWorkbook into one browser script (esbuild ships with tsx). */
function buildFakeOffice(outFile) {
  const esbuild = require("esbuild");
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, "fake-office-entry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    outfile: outFile,
    logLevel: "error",
  });
  return fs.readFileSync(outFile, "utf8");
}

/** The walk's returned files in `dir`, and the 60 distinct returns of the 350 px walk in `sixtyDir`. */
function makeFixtures(dir, sixtyDir) {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const r = run(tsx, [path.join(__dirname, "make-fixtures.ts"), dir, sixtyDir]);
  if (r.status !== 0) throw new Error(`make-fixtures failed: ${r.stderr.trim()}`);
  const list = (d) => fs.readdirSync(d).map((f) => path.join(d, f));
  return { fixtures: list(dir), sixty: list(sixtyDir) };
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "text/xml; charset=utf-8",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** A tiny static server for dist/ on 127.0.0.1 and a free port. */
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://127.0.0.1");
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function main() {
  const started = Date.now();
  ensureBuild();
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xeploai-e2e-"));

  await step("first-load JavaScript has no ExcelJS", () => {
    const { report, offenders, markers } = firstLoadReport();
    const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
    console.log(
      `first-load JS: ${report.firstLoadBytes} bytes (${kib(report.firstLoadBytes)}, gzip ${kib(report.firstLoadGzipBytes)}) in ${report.firstLoad.map((f) => f.file).join(", ")}`
    );
    fs.writeFileSync(path.join(tmp, "first-load.json"), JSON.stringify(report, null, 2));
    assert(offenders.length === 0, `ExcelJS found in ${offenders.map((f) => f.file).join(", ")}`);
    assert(
      report.firstLoadBytes <= report.budgetBytes,
      `first load ${report.firstLoadBytes} B > budget ${report.budgetBytes} B`
    );
    const lazyExcelJs = report.lazy.some((f) =>
      markers.some((m) => fs.readFileSync(path.join(DIST, f.file), "utf8").includes(m))
    );
    assert(lazyExcelJs, "no lazy chunk holds ExcelJS (is it bundled at all?)");
    return `${report.firstLoadBytes} bytes`;
  });

  await step("dist/ is built for one host: manifest URLs, Office.js source, no placeholder", () =>
    checkDistForHost(DIST)
  );

  const fakeJs = buildFakeOffice(path.join(tmp, "fake-office.js"));
  const { fixtures, sixty } = makeFixtures(path.join(tmp, "fixtures"), path.join(tmp, "sixty"));
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}`;

  const { chromium } = require("playwright-core");
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "xeploai-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: PANE_WIDTH, height: 900 },
    locale: "vi-VN",
    acceptDownloads: true,
  });

  try {
    const page = context.pages()[0] || (await context.newPage());
    const pageErrors = [];
    page.on("pageerror", (err) => pageErrors.push(err.message));
    page.on("console", (msg) => {
      if (msg.type() === "error") pageErrors.push(msg.text());
    });
    // Nothing leaves the machine. Playwright tries the last registered route first, so the
    // office.js route (answered with the fake) goes after the catch-all abort.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    // The fake stands in for office.js wherever the build loads it from: Microsoft's CDN
    // (officejs=cdn) or the local copy in dist/office-js/ (the default).
    const fulfillFake = (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeJs });
    await page.route("https://appsforoffice.microsoft.com/**", fulfillFake);
    await page.route(`${base}/office-js/office.js`, fulfillFake);

    const { walk, walkDarkTheme } = require("./walk.cjs");
    await walk({ page, base, fixtures, shots: SHOTS, step, assert });
    await walkDarkTheme({ page, base, shots: SHOTS, step, assert });
    const { walkA11y } = require("./a11y.cjs");
    await walkA11y({ page, base, sixty, shots: SHOTS, step, assert });

    await step("no uncaught errors in the page", () => {
      const real = pageErrors.filter((e) => !/favicon/i.test(e));
      assert(real.length === 0, real.join(" | "));
    });

    const { walkBrowserMode } = require("./browser-mode.cjs");
    await walkBrowserMode({ context, base, tmp, step, assert });
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  const passed = results.filter((r) => r.ok).length;
  console.log(`${passed} passed, ${results.length - passed + 1} failed`);
  process.exit(1);
});
