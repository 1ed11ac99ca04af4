// Built pages must load from wherever Zendesk's CDN puts the assets folder, so every reference is
// relative. A root-absolute "/assets/x.js" resolves to the CDN's root and 404s there (vite writes
// that unless `base: './'`). Source: developer.zendesk.com "Manifest reference" (location urls are
// relative to the package) and zendesk/app_scaffolds (React scaffold sets base './').
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { listFiles } from '../lib/walk.mjs';
import { show, violation } from '../lib/violation.mjs';

/** @type {Record<string, import('../lib/violation.mjs').RuleInfo>} */
export const RULES = {
  'html/relative-urls': { summary: 'HTML src/href, CSS url() and vite preload paths are relative (./…), never /…, //… or http:', source: 'Zendesk serves assets from its CDN (Manifest reference: urls relative to the package); app_scaffolds base "./"' },
  'html/references-exist': { summary: 'every relative src/href in a page points at a file in the package', source: 'a page must not 404 on Zendesk\'s CDN' },
};

/**
 * @param {string} dir
 * @returns {string[]}
 */
export function check(dir) {
  const out = [];
  for (const file of listFiles(dir)) {
    const ext = /\.([^./]+)$/.exec(file.rel)?.[1]?.toLowerCase();
    if (ext === 'html' || ext === 'htm') out.push(...checkPage(dir, file.rel, readFileSync(file.abs, 'utf8')));
    else if (ext === 'css') out.push(...checkCss(file.rel, readFileSync(file.abs, 'utf8')));
    else if (ext === 'js' || ext === 'mjs') out.push(...checkScript(file.rel, readFileSync(file.abs, 'utf8')));
  }
  return out;
}

/** @param {string} value */
function absoluteKind(value) {
  if (value.startsWith('//')) return 'protocol-relative';
  if (value.startsWith('/')) return 'root-absolute';
  if (/^http:/i.test(value)) return 'plain http';
  return null;
}

/** @param {string} value */
function isExternalOrInline(value) {
  return value === '' || value.startsWith('#') || /^(https:|data:|blob:|mailto:|tel:|about:|javascript:)/i.test(value) || value.includes('{{');
}

/** @param {string} dir @param {string} rel @param {string} html */
function checkPage(dir, rel, html) {
  const out = [];
  // Inline script and style bodies are code, not markup: only their opening tags are read.
  const source = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2>/gi, '$1');
  for (const tag of source.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const m of tag[0].matchAll(/\s(src|href|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const name = m[1].toLowerCase();
      const raw = (m[2] ?? m[3] ?? m[4] ?? '').trim();
      const values = name === 'srcset' ? raw.split(',').map((c) => c.trim().split(/\s+/)[0]) : [raw];
      for (const value of values) out.push(...checkReference(dir, rel, name, value));
    }
  }
  return out;
}

/** @param {string} dir @param {string} rel @param {string} name @param {string} value */
function checkReference(dir, rel, name, value) {
  const kind = absoluteKind(value);
  if (kind) return [violation('html/relative-urls', `${rel} ${name}=${show(value)}`, `${kind} url; write it relative (./…) so it loads from Zendesk's CDN`)];
  if (isExternalOrInline(value)) return [];
  const target = normalize(join(dirname(rel), value.replace(/[?#].*$/, '')));
  const abs = join(dir, target);
  if (target.startsWith('..') || !existsSync(abs) || !statSync(abs).isFile()) {
    return [violation('html/references-exist', `${rel} ${name}=${show(value)}`, 'points at a file that is not in the package')];
  }
  return [];
}

/** @param {string} rel @param {string} css */
function checkCss(rel, css) {
  const out = [];
  for (const m of css.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)) {
    const kind = absoluteKind(m[2].trim());
    if (kind) out.push(violation('html/relative-urls', `${rel} url(${m[2]})`, `${kind} url; write it relative so it loads from Zendesk's CDN`));
  }
  return out;
}

/** @param {string} rel @param {string} js */
function checkScript(rel, js) {
  // vite's preload map lists chunk paths as string literals: "/assets/x.js" when base is "/".
  const m = /["'`](\/assets\/[^"'`\s]*)/.exec(js);
  return m ? [violation('html/relative-urls', `${rel} ${show(m[1])}`, 'root-absolute asset path in a script (set vite base to "./")')] : [];
}
