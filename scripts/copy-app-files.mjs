#!/usr/bin/env node
// Second half of `npm run build`: vite has written dist/assets/iframe.html and the hashed JS/CSS;
// this copies the rest of the Zendesk app into dist/:
//   manifest.json, requirements.json (if present), translations/*.json, assets/*.png|svg
// (an asset vite already wrote is left as vite wrote it), then fails if a manifest location url
// points at a file that is not in dist/, or if a built page uses a root-absolute url.
//
// The Apontamento mirror (lib/apontamento-mirror.mjs): with APONTAMENTO_MIRROR_URL (or
// --mirror-url) the mirror's host is added to the built manifest's domainWhitelist, the only hosts
// Zendesk sends a secure setting to; without it the built manifest drops the mirror's parameters,
// so no install offers a secure token that could never be sent.
//
//   node scripts/copy-app-files.mjs [--root .] [--dist dist] [--mirror-url https://host/path]
//
// Exit codes: 0 copied and consistent · 1 something is missing or wrong (one line per problem)
// · 2 usage error.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isPlainObject } from './lib/violation.mjs';
import { MIRROR_PARAMETERS, MIRROR_URL_ENV, isWhitelisted, mirrorHost, mirrorUrlFrom } from './lib/apontamento-mirror.mjs';
import { locationEntries } from './package-rules/app-model.mjs';
import { check as checkPages } from './package-rules/html.mjs';

const USAGE = 'usage: node scripts/copy-app-files.mjs [--root .] [--dist dist] [--mirror-url https://host/path]';

/**
 * @param {{ root: string, dist: string, mirrorUrl?: string }} options
 * @returns {{ copied: string[], skipped: string[], problems: string[], notes: string[] }}
 */
export function copyAppFiles({ root, dist, mirrorUrl }) {
  /** @type {string[]} */ const notes = [];
  /** @type {string[]} */ const copied = [];
  /** @type {string[]} */ const skipped = [];
  /** @type {string[]} */ const problems = [];
  const copy = (/** @type {string} */ rel, /** @type {{ keepExisting: boolean }} */ { keepExisting }) => {
    const target = join(dist, rel);
    if (keepExisting && existsSync(target)) return void skipped.push(rel);
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(join(root, rel), target);
    copied.push(rel);
  };

  if (!existsSync(join(root, 'manifest.json'))) {
    problems.push(`manifest.json: missing in ${root}; nothing to package`);
    return { copied, skipped, problems, notes };
  }
  if (!existsSync(dist)) problems.push(`${dist}: missing; run vite build first`);
  const mirror = mirrorUrl === undefined ? null : mirrorHost(mirrorUrl);
  if (mirror && !mirror.ok) problems.push(`${MIRROR_URL_ENV}: ${mirror.problem}`);
  if (problems.length) return { copied, skipped, problems, notes };

  copy('manifest.json', { keepExisting: false });
  if (existsSync(join(root, 'requirements.json'))) copy('requirements.json', { keepExisting: false });
  for (const name of listDir(join(root, 'translations')).filter((n) => n.endsWith('.json'))) copy(`translations/${name}`, { keepExisting: false });
  for (const name of listDir(join(root, 'assets')).filter((n) => /\.(png|svg)$/i.test(n))) copy(`assets/${name}`, { keepExisting: true });

  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  } catch (err) {
    problems.push(`manifest.json: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    return { copied, skipped, problems, notes };
  }
  if (isPlainObject(manifest)) {
    const edit = configureMirror(manifest, mirror?.ok ? mirror.host : null);
    if (edit) {
      writeFileSync(join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      notes.push(edit);
    }
    for (const entry of locationEntries(manifest)) {
      const url = entry.url;
      if (typeof url !== 'string' || url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.includes('{{')) continue;
      const file = url.replace(/[?#].*$/, '');
      const abs = join(dist, file);
      if (!existsSync(abs) || !statSync(abs).isFile()) {
        problems.push(`${entry.urlKey}: "${url}" is not in ${dist} (did vite write it under another name, or is the url missing "assets/"?)`);
      }
    }
  }
  problems.push(...checkPages(dist));
  return { copied, skipped, problems, notes };
}

/**
 * Mirror on: its host joins domainWhitelist. Mirror off: its parameters leave the manifest.
 * Edits `manifest` in place; returns what it did, or null when the manifest needed nothing.
 * @param {Record<string, unknown>} manifest @param {string | null} host
 */
function configureMirror(manifest, host) {
  const params = Array.isArray(manifest.parameters) ? manifest.parameters : [];
  const isMirrorParam = (/** @type {unknown} */ p) => isPlainObject(p) && typeof p.name === 'string' && MIRROR_PARAMETERS.includes(p.name);
  if (host !== null) {
    if (isWhitelisted(host, manifest.domainWhitelist)) return null;
    manifest.domainWhitelist = [...(Array.isArray(manifest.domainWhitelist) ? manifest.domainWhitelist : []), host];
    return `Apontamento mirror on: domainWhitelist: ${host}`;
  }
  if (!params.some(isMirrorParam)) return null;
  manifest.parameters = params.filter((p) => !isMirrorParam(p));
  return `Apontamento mirror off (no ${MIRROR_URL_ENV}): ${MIRROR_PARAMETERS.join(', ')} left out of the built manifest`;
}

/** @param {string} dir */
function listDir(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((n) => statSync(join(dir, n)).isFile()).sort() : [];
}

/** @param {string[]} argv @returns {number} exit code */
export function main(argv) {
  let args;
  try {
    args = parseArgs({ args: argv, options: { root: { type: 'string', default: '.' }, dist: { type: 'string', default: 'dist' }, 'mirror-url': { type: 'string' } }, strict: true }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const root = resolve(String(args.root));
  const dist = resolve(root, String(args.dist));
  const mirrorUrl = mirrorUrlFrom(args['mirror-url']);
  const { copied, skipped, problems, notes } = copyAppFiles({ root, dist, ...(mirrorUrl !== undefined ? { mirrorUrl } : {}) });
  if (problems.length) {
    for (const p of problems) console.error(p);
    return 1;
  }
  console.log(`copied ${copied.length} file(s) into ${args.dist}${skipped.length ? `; kept vite's ${skipped.join(', ')}` : ''}`);
  for (const note of notes) console.log(note);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
