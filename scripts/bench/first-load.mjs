// Bytes the sidebar downloads before it can draw anything: the iframe page's scripts, module
// preloads and stylesheets, followed through their STATIC imports. Dynamic `import()` targets are
// lazy chunks, listed one by one. Sizes as Vite prints them: gzip at zlib's default level, 1 KB = 1000 B.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';

/** @typedef {{ file: string, raw: number, gzip: number }} SizedFile */

/** @param {string} path @returns {SizedFile} (file relative to the dist folder) */
function sized(path, distDir) {
  const bytes = readFileSync(path);
  return { file: relative(distDir, path), raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** Every same-package JS/CSS the page asks for up front: module scripts, modulepreloads, stylesheets. */
export function pageEntries(html, pageDir) {
  const urls = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1] ?? null;
    if (/^<script/i.test(tag)) {
      if (attr('src') && attr('type') === 'module') urls.push(attr('src'));
    } else if (/^(modulepreload|stylesheet)$/i.test(attr('rel') ?? '') && attr('href')) {
      urls.push(attr('href'));
    }
  }
  // Absolute URLs (a CDN) are not part of the package.
  return urls.filter((url) => !/^[a-z]+:|^\/\//i.test(url)).map((url) => resolve(pageDir, url.split(/[?#]/)[0]));
}

/** A string literal or a template without expressions (Rolldown writes import(`./x.js`)); else null. */
function constantString(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** Static and dynamic import specifiers of one ES module, from its syntax tree (not a regex over minified code). */
export function importsOf(code) {
  const program = parseAst(code);
  const statics = [];
  for (const node of program.body) {
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source) {
      statics.push(node.source.value);
    }
  }
  const dynamics = [];
  const stack = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === 'ImportExpression') {
      const spec = constantString(node.source);
      if (spec !== null) dynamics.push(spec);
    }
    for (const key in node) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item.type === 'string') stack.push(item);
      } else if (child && typeof child === 'object' && typeof child.type === 'string') {
        stack.push(child);
      }
    }
  }
  return { statics, dynamics };
}

/** Files reachable from `roots` by static imports; `dynamicTargets` collects what they load lazily. */
function staticClosure(roots, dynamicTargets) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.m?js$/.test(file)) continue;
    const { statics, dynamics } = importsOf(readFileSync(file, 'utf8'));
    const local = (spec) => spec.startsWith('.') || spec.startsWith('/');
    for (const spec of statics.filter(local)) queue.push(resolve(dirname(file), spec));
    for (const spec of dynamics.filter(local)) dynamicTargets.add(resolve(dirname(file), spec));
  }
  return seen;
}

/**
 * @param {string} distDir  the built app (dist/)
 * @param {string} page     the iframe page, relative to distDir
 * @returns {{ firstLoad: SizedFile[], lazy: SizedFile[], unreferenced: SizedFile[], total: { raw: number, gzip: number } }}
 */
export function measureFirstLoad(distDir, page = 'assets/iframe.html') {
  distDir = resolve(distDir);
  const pagePath = join(distDir, page);
  const roots = pageEntries(readFileSync(pagePath, 'utf8'), dirname(pagePath));
  if (roots.length === 0) throw new Error(`${page} loads no script: is dist/ built?`);
  const dynamicTargets = new Set();
  const initial = staticClosure(roots, dynamicTargets);
  const lazyFiles = new Set();
  // A lazy chunk's own static imports (shared vendor code) are lazy too, unless the first load has them.
  let frontier = [...dynamicTargets];
  while (frontier.length > 0) {
    const more = new Set();
    for (const file of staticClosure(frontier, more)) if (!initial.has(file)) lazyFiles.add(file);
    frontier = [...more].filter((file) => !initial.has(file) && !lazyFiles.has(file));
  }
  const assetsDir = dirname(pagePath);
  const codeFiles = readdirSync(assetsDir).filter((name) => /\.(m?js|css)$/.test(name)).map((name) => join(assetsDir, name));
  const firstLoad = [...initial].map((file) => sized(file, distDir));
  const bySize = (a, b) => b.gzip - a.gzip;
  return {
    firstLoad: firstLoad.sort(bySize),
    lazy: [...lazyFiles].map((file) => sized(file, distDir)).sort(bySize),
    // Built but never imported from the page: dead weight in the package, or a loader the graph misses.
    unreferenced: codeFiles.filter((file) => !initial.has(file) && !lazyFiles.has(file)).map((file) => sized(file, distDir)),
    total: { raw: firstLoad.reduce((sum, f) => sum + f.raw, 0), gzip: firstLoad.reduce((sum, f) => sum + f.gzip, 0) },
  };
}
