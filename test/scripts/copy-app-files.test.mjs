import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanupTempDirs, goodManifest, goodRequirements, logos, tempDir, writeFile, writeJson } from './helpers/fixture-app.mjs';
import { NAV_BAR_ICON_SVG } from '../../scripts/make-logos.mjs';

afterEach(cleanupTempDirs);

const REPO = resolve(import.meta.dirname, '../..');

/** A repo root (sources of the app files) with a dist/ as vite leaves it. */
function makeRepoWithViteOutput() {
  const root = tempDir('zd-root-');
  writeJson(root, 'manifest.json', goodManifest());
  writeJson(root, 'requirements.json', goodRequirements());
  writeJson(root, 'translations/pt-br.json', { app: { name: 'Consultoria Técnica', description: 'x' } });
  writeJson(root, 'translations/en.json', { app: { name: 'Consultoria Técnica', description: 'x' } });
  writeFile(root, 'translations/notes.txt', 'not copied');
  writeFile(root, 'assets/logo.png', logos().logo);
  writeFile(root, 'assets/logo-small.png', logos().small);
  writeFile(root, 'assets/icon_nav_bar.svg', NAV_BAR_ICON_SVG);
  writeFile(root, 'assets/iframe.html', '<!-- vite input, not copied -->');
  writeFile(root, 'dist/assets/iframe.html', '<script type="module" crossorigin src="./main-B7xQ2kLp.js"></script>');
  writeFile(root, 'dist/assets/main-B7xQ2kLp.js', 'console.log(1)');
  return root;
}

/** @param {string} root @param {string[]} [extra] */
function runCopy(root, extra = []) {
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/copy-app-files.mjs'), '--root', root, ...extra], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('copy-app-files', () => {
  it('copies manifest, requirements, translations and png/svg assets into dist/', () => {
    const root = makeRepoWithViteOutput();
    const run = runCopy(root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['assets', 'manifest.json', 'requirements.json', 'translations']);
    expect(readdirSync(join(root, 'dist/translations')).sort()).toEqual(['en.json', 'pt-br.json']);
    expect(readdirSync(join(root, 'dist/assets')).sort()).toEqual(['icon_nav_bar.svg', 'iframe.html', 'logo-small.png', 'logo.png', 'main-B7xQ2kLp.js']);
    expect(readFileSync(join(root, 'dist/manifest.json'), 'utf8')).toBe(readFileSync(join(root, 'manifest.json'), 'utf8'));
    // vite's page is the built one, not the source page of the same name
    expect(readFileSync(join(root, 'dist/assets/iframe.html'), 'utf8')).toMatch(/main-B7xQ2kLp\.js/);
  });

  it('keeps an asset vite already wrote', () => {
    const root = makeRepoWithViteOutput();
    writeFile(root, 'dist/assets/logo.png', 'written by vite');
    const run = runCopy(root);
    expect(run.code).toBe(0);
    expect(readFileSync(join(root, 'dist/assets/logo.png'), 'utf8')).toBe('written by vite');
    expect(run.stdout).toMatch(/kept vite's assets\/logo\.png/);
  });

  it('fails clearly when a location url points at a file that is not in dist/', () => {
    const root = makeRepoWithViteOutput();
    const manifest = goodManifest();
    manifest.location.support.ticket_sidebar.url = 'assets/sidebar.html';
    writeJson(root, 'manifest.json', manifest);
    const run = runCopy(root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`manifest.location.support.ticket_sidebar.url: "assets/sidebar.html" is not in ${join(root, 'dist')}`);
  });

  it('fails when the built page uses root-absolute urls (vite base not "./")', () => {
    const root = makeRepoWithViteOutput();
    writeFile(root, 'dist/assets/iframe.html', '<script type="module" src="/assets/main-B7xQ2kLp.js"></script>');
    const run = runCopy(root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('assets/iframe.html src="/assets/main-B7xQ2kLp.js": root-absolute url');
  });

  it('fails without a manifest or without a vite build, and on unknown flags', () => {
    const empty = tempDir('zd-root-');
    expect(runCopy(empty)).toMatchObject({ code: 1, stderr: expect.stringContaining('manifest.json: missing') });
    writeJson(empty, 'manifest.json', goodManifest());
    expect(runCopy(empty)).toMatchObject({ code: 1, stderr: expect.stringContaining('missing; run vite build first') });
    expect(runCopy(empty, ['--colour']).code).toBe(2);
  });
});
