import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../scripts/package-rules/assets.mjs';
import { encodePng, readPngInfo } from '../../scripts/lib/png.mjs';
import { cleanupTempDirs, editJson, logos, makeGoodApp, writeFile } from './helpers/fixture-app.mjs';

afterEach(cleanupTempDirs);

/** @param {number} w @param {number} h */
const blankPng = (w, h) => encodePng(w, h, new Uint8Array(w * h * 4));

/** An opaque RGB PNG (colour type 2, no alpha channel). @param {number} w @param {number} h */
const rgbPng = (w, h) => encodePng(w, h, new Uint8Array(w * h * 3), { channels: 3 });

describe('asset rules', () => {
  it('accept the good package (logos drawn by make-logos)', () => {
    expect(check(makeGoodApp())).toEqual([]);
  });

  it('read sizes and alpha from the PNG header', () => {
    expect(readPngInfo(logos().logo)).toMatchObject({ width: 320, height: 320, hasAlpha: true });
    expect(readPngInfo(rgbPng(4, 2))).toMatchObject({ width: 4, height: 2, colorType: 2, hasAlpha: false });
    expect(readPngInfo(Buffer.from('GIF89a...............................'))).toBeNull();
  });

  it('refuse a missing logo, a logo of the wrong size and a non-PNG logo', () => {
    const dir = makeGoodApp();
    rmSync(join(dir, 'assets/logo.png'));
    expect(check(dir)).toContain('assets/logo.png: missing; Zendesk requires it [assets/logo]');
    writeFile(dir, 'assets/logo.png', blankPng(300, 320));
    expect(check(dir)).toContain('assets/logo.png: is 300x320; must be 320x320 [assets/logo]');
    writeFile(dir, 'assets/logo.png', Buffer.from('<svg/>'));
    expect(check(dir)).toContain('assets/logo.png: is not a PNG file [assets/logo]');
  });

  it('refuse a small logo of the wrong size or without transparency', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/logo-small.png', blankPng(64, 64));
    expect(check(dir)).toContain('assets/logo-small.png: is 64x64; must be 128x128 [assets/logo-small]');
    writeFile(dir, 'assets/logo-small.png', rgbPng(128, 128));
    expect(check(dir)).toEqual(['assets/logo-small.png: has no transparency; use an RGBA (PNG-24 with alpha) image [assets/logo-small]']);
  });

  it('require icon_<location>.svg for nav_bar, top_bar and ticket_editor locations', () => {
    const dir = makeGoodApp();
    rmSync(join(dir, 'assets/icon_nav_bar.svg'));
    editJson(dir, 'manifest.json', (m) => { m.location.support.top_bar = 'assets/iframe.html'; });
    const problems = check(dir);
    expect(problems).toContain('assets/icon_nav_bar.svg: missing; the nav_bar location shows this icon [assets/location-icon]');
    expect(problems).toContain('assets/icon_top_bar.svg: missing; the top_bar location shows this icon [assets/location-icon]');
  });

  it('refuse icons without viewBox, with scripts or bitmaps, and non-SVG .svg files', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/icon_nav_bar.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18"><circle cx="9" cy="9" r="5"/></svg>');
    expect(check(dir)).toEqual(['assets/icon_nav_bar.svg: the <svg> needs a viewBox (Zendesk resizes icons to 18x18) [assets/svg]']);
    writeFile(dir, 'assets/icon_nav_bar.svg', '<svg viewBox="0 0 18 18" onload="x()"><script>x()</script><image href="a.png"/></svg>');
    expect(check(dir)).toEqual([
      'assets/icon_nav_bar.svg: contains <script>; Zendesk strips scripts from SVGs [assets/svg]',
      'assets/icon_nav_bar.svg: contains an on… event handler attribute; Zendesk strips them [assets/svg]',
      'assets/icon_nav_bar.svg: embeds a bitmap or foreign content; Zendesk replaces such icons with a placeholder [assets/svg]',
    ]);
    writeFile(dir, 'assets/icon_nav_bar.svg', '<svg><symbol id="other" viewBox="0 0 18 18"/></svg>');
    expect(check(dir)).toEqual(['assets/icon_nav_bar.svg: uses <symbol> but none has id="default" [assets/svg]']);
    writeFile(dir, 'assets/icon_nav_bar.svg', '<?xml version="1.0"?><svg><symbol id="default" viewBox="0 0 18 18"><circle r="4"/></symbol></svg>');
    expect(check(dir)).toEqual([]);
    writeFile(dir, 'assets/icon_nav_bar.svg', '<html></html>');
    expect(check(dir)).toEqual(['assets/icon_nav_bar.svg: is not an SVG document (expected one <svg>…</svg> root) [assets/svg]']);
  });

  it('check the banner size only when a banner is shipped', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/banner.png', blankPng(800, 200));
    expect(check(dir)).toEqual(['assets/banner.png: is 800x200; must be 830x200 or 1660x400 [assets/banner]']);
    writeFile(dir, 'assets/banner.png', blankPng(1660, 400));
    expect(check(dir)).toEqual([]);
  });

  it('refuse asset types Zendesk does not accept', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/manual.pdf', 'x');
    writeFile(dir, 'assets/data.bin', 'x');
    const problems = check(dir);
    expect(problems.some((l) => l.startsWith('assets/manual.pdf: .pdf is not an accepted asset type (png, jpg') && l.endsWith('[assets/file-types]'))).toBe(true);
    expect(problems.some((l) => l.startsWith('assets/data.bin: .bin is not an accepted asset type'))).toBe(true);
  });
});
