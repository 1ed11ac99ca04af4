import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { MAX_ZIP_BYTES, check } from '../../scripts/package-rules/files.mjs';
import { cleanupTempDirs, makeGoodApp, writeFile } from './helpers/fixture-app.mjs';

afterEach(cleanupTempDirs);

describe('whole-package file rules', () => {
  it('accept the good package', () => {
    expect(check(makeGoodApp())).toEqual([]);
  });

  it('refuse symlinks, to files and to folders', () => {
    const dir = makeGoodApp();
    symlinkSync(join(dir, 'assets/logo.png'), join(dir, 'assets/logo-copy.png'));
    symlinkSync(join(dir, 'translations'), join(dir, 'assets/more'), 'dir');
    expect(check(dir)).toEqual([
      'assets/logo-copy.png: is a symbolic link; Zendesk refuses symlinks in the zip [files/symlink]',
      'assets/more: is a symbolic link; Zendesk refuses symlinks in the zip [files/symlink]',
    ]);
  });

  it('refuse dot-files, dot-folders (once) and OS junk', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/.DS_Store', 'x');
    writeFile(dir, '.git/config', 'x');
    writeFile(dir, '.git/HEAD', 'x');
    writeFile(dir, 'assets/Thumbs.db', 'x');
    writeFile(dir, 'translations/en.json~', 'x');
    expect(check(dir)).toEqual([
      '.git: hidden/OS folder; not part of the app [files/hidden]',
      'assets/.DS_Store: hidden/OS file; not part of the app [files/hidden]',
      'assets/Thumbs.db: hidden/OS file; not part of the app [files/hidden]',
      'translations/en.json~: hidden/OS file; not part of the app [files/hidden]',
    ]);
  });

  it('refuse top-level files and folders Zendesk does not serve', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'index.html', '<p>vite input left at the root</p>');
    writeFile(dir, 'src/main.tsx', 'x');
    expect(check(dir)).toEqual([
      'index.html: not an app file; the top level may hold only manifest.json, requirements.json, translations, assets [files/layout]',
      'src: not an app file; the top level may hold only manifest.json, requirements.json, translations, assets [files/layout]',
    ]);
  });

  it('refuse source maps unless allowed', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/main-B7xQ2kLp.js.map', '{"version":3,"mappings":""}');
    expect(check(dir)).toEqual(['assets/main-B7xQ2kLp.js.map: source map in the package (pass --allow-source-maps to ship it) [files/source-maps]']);
    expect(check(dir, { allowSourceMaps: true })).toEqual([]);
  });

  it('refuse a package whose zip would exceed 2 MB, naming the biggest files', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/video-poster.png', randomBytes(MAX_ZIP_BYTES)); // random bytes do not compress
    const problems = check(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\(zip\): 2\.\d\d MB exceeds Zendesk's 2 MB limit; largest files: assets\/video-poster\.png 2048 KB, .* \[files\/zip-size\]$/);
  });

  it('accept an empty assets sub-folder and nested assets', () => {
    const dir = makeGoodApp();
    mkdirSync(join(dir, 'assets/fonts'));
    writeFile(dir, 'assets/img/deep/icon.png', 'x');
    expect(check(dir)).toEqual([]);
  });
});
