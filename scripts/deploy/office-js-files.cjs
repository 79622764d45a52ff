/*
 * Which files of the @microsoft/office-js package a local (offline) copy of Office.js needs.
 * office.js is only a loader: at start it loads, relative to itself, the host file for the running
 * Excel (excel-win32-16.01.js, excel-web-16.00.js, excel-mac-16.00.js, …), the strings for Office's
 * display language (<locale>/office_strings.js), the telemetry and error-page helpers. We copy all of
 * that for Excel (every platform, every display language) and leave out what Excel never loads:
 * the other hosts (Word, Outlook, PowerPoint, Project, OneNote, Access), the .debug.js twins, the
 * IntelliSense files and custom functions. About 14 MB in 184 files (the package holds 86 MB).
 */
"use strict";

const fs = require("fs");
const path = require("path");

const PACKAGE_DIST = path.join(
  path.dirname(require.resolve("@microsoft/office-js/package.json")),
  "dist"
);

const OTHER_HOSTS = /^(outlook|word|powerpoint|project|onenote|access|visio)/i;

/** True when a file of the package's dist/ (path relative to it, "/" separated) is copied. */
function isNeededForExcel(relPath) {
  const name = relPath.split("/").pop();
  if (name.endsWith(".debug.js")) return false;
  if (/vsdoc/i.test(name) || name.endsWith(".d.ts")) return false;
  if (OTHER_HOSTS.test(name)) return false;
  if (name.startsWith("custom-functions-runtime")) return false;
  return true;
}

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [path.relative(base, full).split(path.sep).join("/")];
  });
}

/** Files to copy, relative to the package's dist/. */
function officeJsFiles(distDir = PACKAGE_DIST) {
  return listFiles(distDir).filter(isNeededForExcel).sort();
}

module.exports = { PACKAGE_DIST, isNeededForExcel, officeJsFiles };
