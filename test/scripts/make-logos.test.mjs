import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { NAV_BAR_ICON_SVG, renderLogo, writeLogos } from '../../scripts/make-logos.mjs';
import { readPngInfo } from '../../scripts/lib/png.mjs';
import { cleanupTempDirs, tempDir } from './helpers/fixture-app.mjs';

afterEach(cleanupTempDirs);

const REPO = resolve(import.meta.dirname, '../..');

/**
 * Decodes the PNGs this project writes (8-bit RGBA, filter 0 on every row) back to pixels.
 * @param {Buffer} png
 */
function decodeRgba(png) {
  const info = readPngInfo(png);
  if (!info) throw new Error('not a PNG');
  const idat = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = info.width * 4;
  const px = new Uint8Array(info.width * info.height * 4);
  for (let y = 0; y < info.height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    px.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { ...info, px, at: (/** @type {number} */ x, /** @type {number} */ y) => Array.from(px.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4)) };
}

describe('make-logos', () => {
  it('writes a 320x320 full-bleed logo and a 128x128 rounded logo with transparency', () => {
    const out = tempDir('zd-logos-');
    writeLogos(out);
    const logo = decodeRgba(readFileSync(join(out, 'logo.png')));
    expect([logo.width, logo.height, logo.colorType]).toEqual([320, 320, 6]);
    expect(logo.at(0, 0)[3]).toBe(255); // Zendesk rounds the large icon itself: corners are painted
    expect(logo.at(160, 160)).toEqual([255, 255, 255, 255]); // white hub in the middle
    const [r, g, b] = logo.at(20, 160); // background: a teal (green and blue well above red)
    expect(g).toBeGreaterThan(r + 40);
    expect(b).toBeGreaterThan(r + 30);

    const small = decodeRgba(readFileSync(join(out, 'logo-small.png')));
    expect([small.width, small.height, small.hasAlpha]).toEqual([128, 128, true]);
    expect(small.at(0, 0)[3]).toBe(0); // transparent outside the rounded square
    expect(small.at(64, 4)[3]).toBe(255); // but just inside the top edge it is opaque
    expect(small.at(64, 64)).toEqual([255, 255, 255, 255]);
  });

  it('writes a monochrome nav bar icon that takes Zendesk\'s colour', () => {
    const out = tempDir('zd-logos-');
    writeLogos(out);
    const svg = readFileSync(join(out, 'icon_nav_bar.svg'), 'utf8');
    expect(svg).toBe(NAV_BAR_ICON_SVG);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 18 18"[^>]*fill="currentColor"/);
    expect(svg.match(/#[0-9a-f]{3,6}\b|rgb\(/gi)).toBeNull(); // no hard-coded colour anywhere
  });

  it('the logos kept in assets/ are the current drawing', () => {
    for (const [file, size, rounded] of /** @type {const} */ ([['logo.png', 320, false], ['logo-small.png', 128, true]])) {
      const kept = decodeRgba(readFileSync(join(REPO, 'assets', file)));
      expect(Buffer.from(kept.px).equals(Buffer.from(renderLogo(size, { rounded }))), `${file}: run node scripts/make-logos.mjs`).toBe(true);
    }
    expect(readFileSync(join(REPO, 'assets/icon_nav_bar.svg'), 'utf8')).toBe(NAV_BAR_ICON_SVG);
  });
});
