#!/usr/bin/env node
// `npm run package`: checks dist/ OFFLINE against Zendesk's published app package rules
// (scripts/package-rules/*), then zips it to pkg/<app-name-slug>-<version>.zip.
//
//   node scripts/package-app.mjs [--dir dist] [--out pkg] [--allow-source-maps] [--mirror-url URL] [--list-rules]
//
// --mirror-url (default: $APONTAMENTO_MIRROR_URL, as for the build): the package fails when that
// URL's host is not in the manifest's domainWhitelist (Zendesk would not send the secure token).
//
// Exit codes: 0 zip written (or rules listed) · 1 the package breaks a rule, one line per problem
// on stderr, nothing written · 2 usage error (unknown flag, missing folder, --out inside --dir).
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { allRules, checkPackage } from './package-rules/index.mjs';
import { MAX_ZIP_BYTES } from './package-rules/files.mjs';
import { defaultLocaleTranslations, readManifest, translationText } from './package-rules/app-model.mjs';
import { zipDirectory } from './lib/zip.mjs';
import { mirrorUrlFrom } from './lib/apontamento-mirror.mjs';

const USAGE = 'usage: node scripts/package-app.mjs [--dir dist] [--out pkg] [--allow-source-maps] [--mirror-url URL] [--list-rules]';

/**
 * "Consultoria Técnica" → "consultoria-tecnica".
 * @param {string} name
 */
export function slugify(name) {
  const slug = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'app';
}

/**
 * The zip's file name: the app name Zendesk will show (default-locale app.name, else manifest
 * name) and the manifest version.
 * @param {string} dir
 */
export function zipFileName(dir) {
  const manifest = readManifest(dir);
  const name = translationText(defaultLocaleTranslations(dir, manifest), ['app', 'name'])
    ?? (typeof manifest?.name === 'string' ? manifest.name : 'app');
  const version = typeof manifest?.version === 'string' ? manifest.version : '0';
  return `${slugify(name)}-${version}.zip`;
}

/**
 * @param {{ dir: string, out: string, allowSourceMaps?: boolean, mirrorUrl?: string }} options
 * @returns {{ ok: true, zipPath: string, bytes: number } | { ok: false, problems: string[] }}
 */
export function packageApp({ dir, out, allowSourceMaps = false, mirrorUrl }) {
  const problems = checkPackage(dir, { allowSourceMaps, ...(mirrorUrl !== undefined ? { mirrorUrl } : {}) });
  if (problems.length > 0) return { ok: false, problems };
  const zip = zipDirectory(dir);
  if (zip.length > MAX_ZIP_BYTES) return { ok: false, problems: [`(zip): ${zip.length} bytes exceeds Zendesk's 2 MB limit [files/zip-size]`] };
  mkdirSync(out, { recursive: true });
  const zipPath = join(out, zipFileName(dir));
  writeFileSync(zipPath, zip);
  return { ok: true, zipPath, bytes: zip.length };
}

/** @param {string[]} argv @returns {number} exit code */
export function main(argv) {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        dir: { type: 'string', default: 'dist' },
        out: { type: 'string', default: 'pkg' },
        'allow-source-maps': { type: 'boolean', default: false },
        'mirror-url': { type: 'string' },
        'list-rules': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args['list-rules']) {
    for (const [id, info] of allRules()) console.log(`${id}\t${info.summary}\t(source: ${info.source})`);
    return 0;
  }
  const dir = resolve(String(args.dir));
  const out = resolve(String(args.out));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`${args.dir} is not a folder; run \`npm run build\` first.\n${USAGE}`);
    return 2;
  }
  const outInDir = relative(dir, out);
  if (outInDir === '' || (!outInDir.startsWith('..') && !isAbsolute(outInDir))) {
    console.error(`--out ${args.out} is inside --dir ${args.dir}; the zip would end up in the next package.\n${USAGE}`);
    return 2;
  }
  const mirrorUrl = mirrorUrlFrom(args['mirror-url']);
  const result = packageApp({ dir, out, allowSourceMaps: Boolean(args['allow-source-maps']), ...(mirrorUrl !== undefined ? { mirrorUrl } : {}) });
  if (!result.ok) {
    for (const line of result.problems) console.error(line);
    console.error(`\n${result.problems.length} problem(s) in ${args.dir}; no zip written. \`node scripts/package-app.mjs --list-rules\` lists every rule and its source.`);
    return 1;
  }
  console.log(`${relative(process.cwd(), result.zipPath)} (${(result.bytes / 1024).toFixed(1)} KB) — all package rules pass`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
