import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../scripts/package-rules/html.mjs';
import { cleanupTempDirs, makeGoodApp, writeFile } from './helpers/fixture-app.mjs';

afterEach(cleanupTempDirs);

/** @param {string} head */
const page = (head) => `<!doctype html><html><head>${head}</head><body></body></html>`;

describe('relative-url rules for built pages', () => {
  it('accept the good package (./ paths and an https SDK)', () => {
    expect(check(makeGoodApp())).toEqual([]);
  });

  it('refuse root-absolute, protocol-relative and plain-http urls in pages', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/iframe.html', page([
      '<script type="module" crossorigin src="/assets/main-B7xQ2kLp.js"></script>',
      '<link rel="modulepreload" href="//cdn.example.com/x.js">',
      '<img srcset="./logo.png 1x, /assets/logo.png 2x">',
      '<script src="http://static.zdassets.com/zaf_sdk.min.js"></script>',
    ].join('')));
    expect(check(dir)).toEqual([
      'assets/iframe.html src="/assets/main-B7xQ2kLp.js": root-absolute url; write it relative (./…) so it loads from Zendesk\'s CDN [html/relative-urls]',
      'assets/iframe.html href="//cdn.example.com/x.js": protocol-relative url; write it relative (./…) so it loads from Zendesk\'s CDN [html/relative-urls]',
      'assets/iframe.html srcset="/assets/logo.png": root-absolute url; write it relative (./…) so it loads from Zendesk\'s CDN [html/relative-urls]',
      'assets/iframe.html src="http://static.zdassets.com/zaf_sdk.min.js": plain http url; write it relative (./…) so it loads from Zendesk\'s CDN [html/relative-urls]',
    ]);
  });

  it('refuse relative references to files that are not in the package', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/iframe.html', page('<script type="module" src="./main-OLDHASH.js"></script><link rel="stylesheet" href="assets/main-C3dF9aZw.css">'));
    expect(check(dir)).toEqual([
      'assets/iframe.html src="./main-OLDHASH.js": points at a file that is not in the package [html/references-exist]',
      'assets/iframe.html href="assets/main-C3dF9aZw.css": points at a file that is not in the package [html/references-exist]',
    ]);
  });

  it('read markup only: urls inside inline scripts and comments are not references', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/iframe.html', page('<!-- <script src="/old.js"></script> --><script>const a = \'<img src="/x.png">\';</script>'));
    expect(check(dir)).toEqual([]);
  });

  it('refuse root-absolute url() in CSS and vite preload paths in scripts', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/main-C3dF9aZw.css', '@font-face{src:url(/assets/font.woff2)}.a{background:url("./logo.png")}');
    writeFile(dir, 'assets/chunk.js', 'const __vite__deps=["/assets/chunk-Dq1.js","/assets/chunk-Dq2.css"];');
    expect(check(dir)).toEqual([
      'assets/chunk.js "/assets/chunk-Dq1.js": root-absolute asset path in a script (set vite base to "./") [html/relative-urls]',
      'assets/main-C3dF9aZw.css url(/assets/font.woff2): root-absolute url; write it relative so it loads from Zendesk\'s CDN [html/relative-urls]',
    ]);
  });
});
