// assets/ rules. Sources: developer.zendesk.com "Styles and assets" (SA: required logos, accepted
// file types, top bar / nav bar / ticket editor SVG icons with a viewBox), "Create app brand
// assets" (CBA: logo.png 320x320, logo-small.png 128x128 PNG-24 with transparency) and
// zendesk_apps_support validations/banner.rb + svg.rb (ZAS).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPngInfo } from '../lib/png.mjs';
import { listEntries } from '../lib/walk.mjs';
import { violation } from '../lib/violation.mjs';
import { locationEntries, readManifest } from './app-model.mjs';

/** @type {Record<string, import('../lib/violation.mjs').RuleInfo>} */
export const RULES = {
  'assets/logo': { summary: 'assets/logo.png is a PNG of exactly 320x320', source: 'SA "Assets"; CBA "Large icon"' },
  'assets/logo-small': { summary: 'assets/logo-small.png is a PNG of exactly 128x128 with transparency', source: 'SA "Assets"; CBA "Small icon" (PNG-24 with transparency)' },
  'assets/location-icon': { summary: 'top_bar, nav_bar and ticket_editor locations ship assets/icon_<location>.svg', source: 'SA "Top bar, nav bar, and ticket editor icon"' },
  'assets/svg': { summary: 'SVGs have an <svg> root, icons a viewBox (or a default <symbol>), no scripts, handlers or bitmaps', source: 'SA (viewBox, symbol id="default"); ZAS svg.rb (sanitised markup, bitmap_in_svg)' },
  'assets/banner': { summary: 'assets/banner.png, when present, is a PNG of 830x200 or 1660x400', source: 'ZAS banner.rb' },
  'assets/file-types': { summary: 'assets/ holds only accepted file types', source: 'SA "Asset file types that are accepted include .png, .jpg, … .hdbs"' },
};

const ACCEPTED_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'svg', 'js', 'htm', 'html', 'css', 'map', 'eot', 'woff', 'woff2', 'otf', 'ttf', 'json', 'xml', 'hbs', 'hdbs'];
const ICON_LOCATIONS = ['top_bar', 'nav_bar', 'ticket_editor'];

/**
 * @param {string} dir
 * @returns {string[]}
 */
export function check(dir) {
  const out = [
    ...checkPng(dir, 'assets/logo.png', 'assets/logo', [[320, 320]], false),
    ...checkPng(dir, 'assets/logo-small.png', 'assets/logo-small', [[128, 128]], true),
  ];
  if (existsSync(join(dir, 'assets/banner.png'))) out.push(...checkPng(dir, 'assets/banner.png', 'assets/banner', [[830, 200], [1660, 400]], false));

  const manifest = readManifest(dir);
  const iconLocations = new Set(manifest ? locationEntries(manifest).map((e) => e.location).filter((l) => ICON_LOCATIONS.includes(l)) : []);
  for (const location of iconLocations) {
    const rel = `assets/icon_${location}.svg`;
    if (!existsSync(join(dir, rel))) out.push(violation('assets/location-icon', rel, `missing; the ${location} location shows this icon`));
  }

  const adir = join(dir, 'assets');
  if (!existsSync(adir)) return out;
  for (const entry of listEntries(adir)) {
    // Dot-files are reported once, by files/hidden.
    if (entry.kind !== 'file' || entry.rel.split('/').some((part) => part.startsWith('.'))) continue;
    const rel = `assets/${entry.rel}`;
    const ext = /\.([^./]+)$/.exec(entry.rel)?.[1]?.toLowerCase();
    if (!ext || !ACCEPTED_EXTENSIONS.includes(ext)) {
      out.push(violation('assets/file-types', rel, `.${ext ?? '(none)'} is not an accepted asset type (${ACCEPTED_EXTENSIONS.join(', ')})`));
    }
    if (ext === 'svg') out.push(...checkSvg(readFileSync(entry.abs, 'utf8'), rel, /^icon_[^/]+\.svg$/.test(entry.rel)));
  }
  return out;
}

/**
 * @param {string} dir @param {string} rel @param {string} rule
 * @param {[number, number][]} sizes accepted width x height pairs
 * @param {boolean} needsAlpha
 */
function checkPng(dir, rel, rule, sizes, needsAlpha) {
  const abs = join(dir, rel);
  if (!existsSync(abs)) return [violation(rule, rel, 'missing; Zendesk requires it')];
  const info = readPngInfo(readFileSync(abs));
  if (!info) return [violation(rule, rel, 'is not a PNG file')];
  const out = [];
  const wanted = sizes.map(([w, h]) => `${w}x${h}`);
  if (!wanted.includes(`${info.width}x${info.height}`)) out.push(violation(rule, rel, `is ${info.width}x${info.height}; must be ${wanted.join(' or ')}`));
  if (needsAlpha && !info.hasAlpha) out.push(violation(rule, rel, 'has no transparency; use an RGBA (PNG-24 with alpha) image'));
  return out;
}

/** @param {string} text @param {string} rel @param {boolean} isIcon */
function checkSvg(text, rel, isIcon) {
  const out = [];
  const body = text.replace(/<\?xml[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[^>]*>/gi, '').trim();
  const root = /^<svg\b([^>]*)>/i.exec(body);
  if (!root || !/<\/svg>\s*$/i.test(body)) return [violation('assets/svg', rel, 'is not an SVG document (expected one <svg>…</svg> root)')];
  if (/<script\b/i.test(body)) out.push(violation('assets/svg', rel, 'contains <script>; Zendesk strips scripts from SVGs'));
  if (/\son[a-z]+\s*=/i.test(body)) out.push(violation('assets/svg', rel, 'contains an on… event handler attribute; Zendesk strips them'));
  if (/<(image|foreignObject)\b/i.test(body)) out.push(violation('assets/svg', rel, 'embeds a bitmap or foreign content; Zendesk replaces such icons with a placeholder'));
  if (isIcon) {
    const rootHasViewBox = /\sviewBox\s*=/i.test(root[1]);
    const defaultSymbol = /<symbol\b[^>]*\sid\s*=\s*["']default["'][^>]*>/i.exec(body);
    if (/<symbol\b/i.test(body)) {
      if (!defaultSymbol) out.push(violation('assets/svg', rel, 'uses <symbol> but none has id="default"'));
      else if (!/\sviewBox\s*=/i.test(defaultSymbol[0])) out.push(violation('assets/svg', rel, 'the default <symbol> needs a viewBox'));
    } else if (!rootHasViewBox) {
      out.push(violation('assets/svg', rel, 'the <svg> needs a viewBox (Zendesk resizes icons to 18x18)'));
    }
  }
  return out;
}
