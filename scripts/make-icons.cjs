#!/usr/bin/env node
/*
 * Draws XếpLoại's icons (assets/*.png) with no image library: a few vector shapes are rasterised
 * with 4x4 supersampling and written as RGBA PNGs with zlib. Run `node scripts/make-icons.cjs`
 * after changing a glyph; the PNGs are committed, so the build does not need this script.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const OUT_DIR = path.resolve(__dirname, "..", "assets");
const BACKGROUND = [183, 28, 28]; // deep red
const GLYPH = [255, 255, 255];
const SUPERSAMPLE = 4;

// ---- shapes: functions (x, y) -> boolean in the unit square, y down ----
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (!rect(x0, y0, x1, y1)(x, y)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const capsule = (ax, ay, bx, by, r) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= r * r;
};
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
const frame = (x0, y0, x1, y1, w) =>
  minus(rect(x0, y0, x1, y1), rect(x0 + w, y0 + w, x1 - w, y1 - w));

const tile = roundRect(0.02, 0.02, 0.98, 0.98, 0.18);

/** Glyphs, drawn white on the red tile. */
const GLYPHS = {
  // Three rising bars: ranking (xếp loại).
  app: union(rect(0.2, 0.56, 0.34, 0.8), rect(0.43, 0.4, 0.57, 0.8), rect(0.66, 0.22, 0.8, 0.8)),
  // A form with a header row: templates (mẫu biểu).
  templates: union(
    frame(0.2, 0.2, 0.8, 0.8, 0.07),
    rect(0.2, 0.2, 0.8, 0.38),
    rect(0.2, 0.54, 0.8, 0.6),
    rect(0.47, 0.38, 0.53, 0.8)
  ),
  // A check mark: validation (kiểm tra).
  validate: union(capsule(0.22, 0.52, 0.42, 0.72, 0.075), capsule(0.42, 0.72, 0.78, 0.3, 0.075)),
  // A sigma: consolidation (tổng hợp).
  consolidate: union(
    capsule(0.26, 0.24, 0.74, 0.24, 0.065),
    capsule(0.28, 0.26, 0.55, 0.5, 0.065),
    capsule(0.55, 0.5, 0.28, 0.74, 0.065),
    capsule(0.26, 0.76, 0.74, 0.76, 0.065)
  ),
  // A printer: print (in).
  print: union(
    frame(0.3, 0.16, 0.7, 0.4, 0.06),
    minus(roundRect(0.14, 0.38, 0.86, 0.7, 0.06), rect(0.3, 0.56, 0.7, 0.72)),
    frame(0.3, 0.56, 0.7, 0.86, 0.06)
  ),
};

function render(size, glyph) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!tile(x, y)) continue;
          const colour = glyph(x, y) ? GLYPH : BACKGROUND;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((255 * a) / n);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let j = 0; j < 8; j++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** [file name, size, glyph] for every icon the manifest and the pane use. */
const ICONS = [
  ...[16, 32, 64, 80, 128].map((s) => [`icon-${s}.png`, s, "app"]),
  ["logo-filled.png", 300, "app"],
  ...["templates", "validate", "consolidate", "print"].flatMap((part) =>
    [16, 32, 80].map((s) => [`${part}-${s}.png`, s, part])
  ),
];

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, size, glyph] of ICONS) {
    fs.writeFileSync(path.join(OUT_DIR, name), encodePng(size, render(size, GLYPHS[glyph])));
  }
  process.stdout.write(
    `Wrote ${ICONS.length} icons to ${path.relative(process.cwd(), OUT_DIR) || "."}\n`
  );
}

main();
