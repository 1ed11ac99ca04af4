import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanupTempDirs, editJson, goodManifest, goodRequirements, logos, tempDir, writeFile, writeJson } from './helpers/fixture-app.mjs';
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

/** @param {string} root @param {string[]} [extra] @param {Record<string, string>} [env] */
function runCopy(root, extra = [], env = {}) {
  // The mirror's host comes from the environment: the caller's own value must not leak in.
  const base = { ...process.env };
  delete base.APONTAMENTO_MIRROR_URL;
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/copy-app-files.mjs'), '--root', root, ...extra], { encoding: 'utf8', env: { ...base, ...env } });
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

  describe('the Apontamento mirror (a secure token Zendesk only sends to a whitelisted host)', () => {
    const MIRROR_PARAMS = [
      { name: 'apontamento_url', type: 'url', required: false },
      { name: 'apontamento_token', type: 'text', secure: true, required: false },
    ];
    function repoWithMirrorParameters() {
      const root = makeRepoWithViteOutput();
      const manifest = goodManifest();
      delete manifest.domainWhitelist;
      manifest.parameters = manifest.parameters.filter((p) => !p.secure).concat(MIRROR_PARAMS);
      writeJson(root, 'manifest.json', manifest);
      return root;
    }
    const built = (/** @type {string} */ root) => JSON.parse(readFileSync(join(root, 'dist/manifest.json'), 'utf8'));

    it('APONTAMENTO_MIRROR_URL writes the mirror\'s host into the built domainWhitelist and keeps its parameters', () => {
      const root = repoWithMirrorParameters();
      const run = runCopy(root, [], { APONTAMENTO_MIRROR_URL: 'https://apontamento.example.org/api/apontamentos' });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(built(root).domainWhitelist).toEqual(['apontamento.example.org']);
      expect(built(root).parameters.map((/** @type {{name: string}} */ p) => p.name)).toEqual(expect.arrayContaining(['apontamento_url', 'apontamento_token']));
      expect(run.stdout).toMatch(/domainWhitelist: apontamento\.example\.org/);
    });

    it('--mirror-url does the same, and a host already listed is not listed twice', () => {
      const root = repoWithMirrorParameters();
      editJson(root, 'manifest.json', (m) => { m.domainWhitelist = ['apontamento.example.org']; });
      const run = runCopy(root, ['--mirror-url', 'https://apontamento.example.org/x']);
      expect(run.code).toBe(0);
      expect(built(root).domainWhitelist).toEqual(['apontamento.example.org']);
    });

    it('without a mirror host the built manifest has no mirror parameters (a secure token nobody could receive)', () => {
      const root = repoWithMirrorParameters();
      const run = runCopy(root);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const names = built(root).parameters.map((/** @type {{name: string}} */ p) => p.name);
      expect(names).not.toContain('apontamento_url');
      expect(names).not.toContain('apontamento_token');
      expect(built(root).domainWhitelist).toBeUndefined();
      expect(run.stdout).toMatch(/APONTAMENTO_MIRROR_URL/);
    });

    it('refuses a mirror url that is not https', () => {
      const root = repoWithMirrorParameters();
      const run = runCopy(root, [], { APONTAMENTO_MIRROR_URL: 'http://apontamento.example.org/x' });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/APONTAMENTO_MIRROR_URL: "http:\/\/apontamento\.example\.org\/x" must be an https URL/);
    });

    it('the repository\'s own manifest, built either way, passes the package check', async () => {
      const { check } = await import('../../scripts/package-rules/manifest.mjs');
      for (const env of [{}, { APONTAMENTO_MIRROR_URL: 'https://apontamento.example.org/api' }]) {
        const root = makeRepoWithViteOutput();
        writeFile(root, 'manifest.json', readFileSync(join(REPO, 'manifest.json')));
        for (const locale of ['pt-br', 'en']) writeFile(root, `translations/${locale}.json`, readFileSync(join(REPO, `translations/${locale}.json`)));
        expect(runCopy(root, [], env).code).toBe(0);
        const secureWhitelist = check(join(root, 'dist'), { mirrorUrl: env.APONTAMENTO_MIRROR_URL }).filter((l) => l.includes('[manifest/secure-domain-whitelist]'));
        expect(secureWhitelist, JSON.stringify(env)).toEqual([]);
      }
    });
  });
});
