import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { slugify } from '../../scripts/package-app.mjs';
import { allRules } from '../../scripts/package-rules/index.mjs';
import { listFiles } from '../../scripts/lib/walk.mjs';
import { cleanupTempDirs, editJson, makeGoodApp, tempDir, writeFile } from './helpers/fixture-app.mjs';

afterEach(cleanupTempDirs);

const REPO = resolve(import.meta.dirname, '../..');

/** Runs the real CLI the way `npm run package` does. @param {string[]} args @param {Record<string, string>} [env] */
function runPackage(args, env = {}) {
  // The mirror's URL comes from the environment: the caller's own value must not leak in.
  const base = { ...process.env };
  delete base.APONTAMENTO_MIRROR_URL;
  const r = spawnSync(process.execPath, ['scripts/package-app.mjs', ...args], { cwd: REPO, encoding: 'utf8', env: { ...base, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('package-app CLI', () => {
  it('zips a good dist/ to <out>/<app-name-slug>-<version>.zip with exactly its files, manifest.json at the root', () => {
    const dist = makeGoodApp();
    const out = tempDir('zd-pkg-');
    const run = runPackage(['--dir', dist, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(out)).toEqual(['consultoria-tecnica-1.0.0.zip']);
    expect(run.stdout).toMatch(/consultoria-tecnica-1\.0\.0\.zip \(\d+\.\d KB\) — all package rules pass/);

    const entries = unzipSync(readFileSync(join(out, 'consultoria-tecnica-1.0.0.zip')));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(listFiles(dist).map((f) => f.rel));
    expect(names).toContain('manifest.json');
    expect(names.every((n) => !n.startsWith('/') && !n.includes('\\') && !n.endsWith('/'))).toBe(true);
    for (const name of names) expect(Buffer.from(entries[name]).equals(readFileSync(join(dist, name))), name).toBe(true);
  });

  it('fails when the Apontamento mirror URL the build was given has a host outside domainWhitelist', () => {
    const dist = makeGoodApp();
    const out = tempDir('zd-pkg-');
    const refused = runPackage(['--dir', dist, '--out', out], { APONTAMENTO_MIRROR_URL: 'https://apontamento.example.org/api' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('manifest.domainWhitelist: the Apontamento mirror\'s host "apontamento.example.org" (APONTAMENTO_MIRROR_URL) is not in it');
    expect(readdirSync(out)).toEqual([]);
    // --mirror-url wins over the environment; the fixture whitelists api.example.com.
    expect(runPackage(['--dir', dist, '--out', out, '--mirror-url', 'https://api.example.com/apontamentos'], { APONTAMENTO_MIRROR_URL: 'https://apontamento.example.org/api' }).code).toBe(0);
  });

  it('gives byte-identical zips for the same dist/', () => {
    const dist = makeGoodApp();
    const [a, b] = [tempDir('zd-pkg-'), tempDir('zd-pkg-')];
    expect(runPackage(['--dir', dist, '--out', a]).code).toBe(0);
    expect(runPackage(['--dir', dist, '--out', b]).code).toBe(0);
    const zip = 'consultoria-tecnica-1.0.0.zip';
    expect(readFileSync(join(a, zip)).equals(readFileSync(join(b, zip)))).toBe(true);
  });

  it('fails with exit 1, one line per violated rule, and writes nothing for a broken package', () => {
    const dist = makeGoodApp();
    const out = tempDir('zd-pkg-');
    editJson(dist, 'manifest.json', (m) => { m.parameters[3].type = 'colour'; });
    writeFile(dist, 'assets/.DS_Store', 'x');
    symlinkSync(join(dist, 'assets/logo.png'), join(dist, 'assets/logo-link.png'));
    const run = runPackage(['--dir', dist, '--out', out]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContain('manifest.parameters[3].type: "colour" is not one of text, password, checkbox, url, number, multiline, hidden, oauth [manifest/parameter-type]');
    expect(lines).toContain('assets/.DS_Store: hidden/OS file; not part of the app [files/hidden]');
    expect(lines).toContain('assets/logo-link.png: is a symbolic link; Zendesk refuses symlinks in the zip [files/symlink]');
    expect(lines.at(-1)).toMatch(/^3 problem\(s\) in .*; no zip written\./);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('exits 2 on usage errors', () => {
    expect(runPackage(['--colour']).code).toBe(2);
    expect(runPackage(['--dir', join(tempDir(), 'nope')]).code).toBe(2);
    const dist = makeGoodApp();
    const inside = runPackage(['--dir', dist, '--out', join(dist, 'pkg')]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/is inside --dir/);
  });

  it('lists every rule with its source', () => {
    const run = runPackage(['--list-rules']);
    expect(run.code).toBe(0);
    const ids = run.stdout.trim().split('\n').map((l) => l.split('\t')[0]);
    expect(ids).toEqual(allRules().map(([id]) => id));
    expect(ids.length).toBeGreaterThan(40);
    expect(run.stdout.trim().split('\n').every((l) => /\(source: .+\)$/.test(l))).toBe(true);
  });

  it('slugs the app name for the file name', () => {
    expect(slugify('Consultoria Técnica')).toBe('consultoria-tecnica');
    expect(slugify('  [CONSULT] Ação & Cia!  ')).toBe('consult-acao-cia');
    expect(slugify('★')).toBe('app');
  });
});
