#!/usr/bin/env node
// Draws the app's icons with plain geometry and node:zlib, so they can be regenerated anywhere:
//   assets/logo.png        320x320  full-bleed square (Zendesk rounds the corners itself:
//                                   "Create app brand assets" → Large icon, no rounded corners)
//   assets/logo-small.png  128x128  rounded square on transparency (PNG-24 with alpha)
//   assets/icon_nav_bar.svg         monochrome, fill="currentColor", viewBox 0 0 18 18
// Design: a teal gradient with a white clock (ring, four ticks, two hands) — the app times
// consulting sessions and walks a checklist against deadlines.
//
//   node scripts/make-logos.mjs [--out assets]        exit 0 written · 2 usage error
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { encodePng } from './lib/png.mjs';

const TOP_LEFT = [0x1f, 0x9e, 0x86]; // light teal
const BOTTOM_RIGHT = [0x0b, 0x5e, 0x57]; // deep teal
const SUPERSAMPLE = 4; // 4x4 samples a pixel: smooth edges without an antialiasing rasteriser

/** @typedef {[number, number]} Point */

/** distance from p to segment ab @param {Point} p @param {Point} a @param {Point} b */
function segmentDistance(p, a, b) {
  const [px, py] = [p[0] - a[0], p[1] - a[1]];
  const [bx, by] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, (px * bx + py * by) / (bx * bx + by * by)));
  return Math.hypot(px - t * bx, py - t * by);
}

/** inside a rounded square spanning [m, 1-m] with corner radius r @param {Point} p @param {number} m @param {number} r */
function insideRoundedSquare(p, m, r) {
  const qx = Math.abs(p[0] - 0.5) - (0.5 - m - r);
  const qy = Math.abs(p[1] - 0.5) - (0.5 - m - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r <= 0;
}

const CENTER = /** @type {Point} */ ([0.5, 0.5]);
/** @param {number} clockHours angle as on a clock face (0 = up) @param {number} length */
const handTip = (clockHours, length) => /** @type {Point} */ ([
  0.5 + length * Math.sin((clockHours / 12) * 2 * Math.PI),
  0.5 - length * Math.cos((clockHours / 12) * 2 * Math.PI),
]);
const TICKS = [0, 3, 6, 9].map((h) => [handTip(h, 0.205), handTip(h, 0.235)]);
const MINUTE_TIP = handTip(2, 0.195); // "10:10", the classic watch pose
const HOUR_TIP = handTip(10, 0.14);

/** the white clock glyph, in unit coordinates @param {Point} p */
function insideClock(p) {
  const r = Math.hypot(p[0] - 0.5, p[1] - 0.5);
  if (Math.abs(r - 0.29) <= 0.03) return true; // ring
  if (r <= 0.04) return true; // hub
  if (segmentDistance(p, CENTER, MINUTE_TIP) <= 0.026) return true;
  if (segmentDistance(p, CENTER, HOUR_TIP) <= 0.03) return true;
  return TICKS.some(([a, b]) => segmentDistance(p, a, b) <= 0.016);
}

/**
 * Renders the logo as RGBA pixels.
 * @param {number} size width = height in pixels
 * @param {{ rounded: boolean }} options rounded: rounded square on transparency; else full bleed
 * @returns {Uint8Array}
 */
export function renderLogo(size, { rounded }) {
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0; // premultiplied sums
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          /** @type {Point} */
          const p = [(x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size];
          if (rounded && !insideRoundedSquare(p, 0.02, 0.22)) continue;
          const t = (p[0] + p[1]) / 2;
          const c = insideClock(p) ? [255, 255, 255] : TOP_LEFT.map((v, i) => v + (BOTTOM_RIGHT[i] - v) * t);
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
        px[i + 3] = Math.round((a / (SUPERSAMPLE * SUPERSAMPLE)) * 255);
      }
    }
  }
  return px;
}

// The same clock at 18x18, reduced to ring, hands (10:10) and hub — ticks would blur at that size.
// Filled shapes only, so whatever fill colour Zendesk applies reaches every part.
export const NAV_BAR_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 18 18" fill="currentColor" aria-hidden="true" focusable="false">
  <path fill-rule="evenodd" d="M9 1a8 8 0 1 1 0 16A8 8 0 0 1 9 1zm0 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z"/>
  <rect x="8.25" y="4.6" width="1.5" height="5.15" rx=".75" transform="rotate(60 9 9)"/>
  <rect x="8.25" y="5.7" width="1.5" height="4.05" rx=".75" transform="rotate(-60 9 9)"/>
  <circle cx="9" cy="9" r="1.25"/>
</svg>
`;

/** @param {string} outDir @returns {string[]} written paths */
export function writeLogos(outDir) {
  mkdirSync(outDir, { recursive: true });
  const files = [
    [join(outDir, 'logo.png'), encodePng(320, 320, renderLogo(320, { rounded: false }))],
    [join(outDir, 'logo-small.png'), encodePng(128, 128, renderLogo(128, { rounded: true }))],
    [join(outDir, 'icon_nav_bar.svg'), NAV_BAR_ICON_SVG],
  ];
  for (const [path, data] of files) writeFileSync(path, data);
  return files.map(([path]) => String(path));
}

/** @param {string[]} argv @returns {number} */
export function main(argv) {
  let args;
  try {
    args = parseArgs({ args: argv, options: { out: { type: 'string', default: 'assets' } }, strict: true }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\nusage: node scripts/make-logos.mjs [--out assets]`);
    return 2;
  }
  for (const path of writeLogos(resolve(String(args.out)))) console.log(`wrote ${path}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
