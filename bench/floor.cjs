#!/usr/bin/env node
/*
 * The floor of issue #11 as a whole process: `node bench/floor.cjs DIR` inflates every worksheet
 * part (xl/worksheets/*.xml) of every .xlsx in DIR with Node's zlib and counts its cells (`<c `),
 * then prints {"files", "sheets", "cells"} as JSON. Plain Node (no tsx, no project code): its wall
 * and CPU time are what any tool must at least spend to look at every cell of these files. The
 * bench (bench/run.ts) spawns it and compares the whole `xeploai consolidate` process with it.
 * The zip is read from its central directory (no zip64, no encryption: the bench's own files).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { inflateRawSync } = require("node:zlib");

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** Counts the cells of one workbook's worksheet parts; returns [sheets, cells]. */
function scan(bytes) {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [0, 0];
  const entries = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  let sheets = 0;
  let cells = 0;
  for (let e = 0; e < entries; e++) {
    if (bytes.readUInt32LE(p) !== 0x02014b50) break;
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!SHEET.test(name)) continue;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    const xml = method === 8 ? inflateRawSync(data) : data;
    sheets++;
    for (let i = xml.indexOf("<c "); i >= 0; i = xml.indexOf("<c ", i + 3)) cells++;
  }
  return [sheets, cells];
}

function main() {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: node bench/floor.cjs DIR\n");
    process.exitCode = 2;
    return;
  }
  const names = fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx"));
  let sheets = 0;
  let cells = 0;
  for (const n of names) {
    const [s, c] = scan(fs.readFileSync(path.join(dir, n)));
    sheets += s;
    cells += c;
  }
  process.stdout.write(JSON.stringify({ files: names.length, sheets, cells }) + "\n");
}

main();
