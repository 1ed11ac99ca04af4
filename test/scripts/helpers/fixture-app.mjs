// A complete, valid built app (what dist/ should look like) in a temp folder, for the package
// tests to break one rule at a time. The JS asset is React DOM's real production bundle so every
// rule also runs against genuine minified code.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { NAV_BAR_ICON_SVG, renderLogo } from '../../../scripts/make-logos.mjs';
import { encodePng } from '../../../scripts/lib/png.mjs';

const require = createRequire(import.meta.url);
// react-dom's package "exports" hide cjs/; locate the package, then the file inside it.
export const REACT_DOM_MIN = join(dirname(require.resolve('react-dom/package.json')), 'cjs/react-dom.production.min.js');

/** @type {string[]} */
const created = [];

/** @type {{ logo: Buffer, small: Buffer } | undefined} */
let logoCache;
/** The real logos, drawn once per test file (drawing takes a few hundred ms). */
export function logos() {
  logoCache ??= {
    logo: encodePng(320, 320, renderLogo(320, { rounded: false })),
    small: encodePng(128, 128, renderLogo(128, { rounded: true })),
  };
  return logoCache;
}

/** A fresh empty temp folder, removed by cleanupTempDirs(). */
export function tempDir(prefix = 'zd-app-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function cleanupTempDirs() {
  while (created.length) rmSync(/** @type {string} */ (created.pop()), { recursive: true, force: true });
}

/** @param {string} dir @param {string} rel @param {string | Buffer} data */
export function writeFile(dir, rel, data) {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), data);
}

/** @param {string} dir @param {string} rel @param {unknown} value */
export function writeJson(dir, rel, value) {
  writeFile(dir, rel, `${JSON.stringify(value, null, 2)}\n`);
}

/** @param {string} dir @param {string} rel */
export function readJson(dir, rel) {
  return JSON.parse(readFileSync(join(dir, rel), 'utf8'));
}

/**
 * Reads a JSON file, lets `edit` change it in place, writes it back.
 * @param {string} dir @param {string} rel @param {(value: any) => void} edit
 */
export function editJson(dir, rel, edit) {
  const value = readJson(dir, rel);
  edit(value);
  writeJson(dir, rel, value);
}

export function goodManifest() {
  return {
    author: { name: 'Suporte Protheus', email: 'apps@example.com', url: 'https://example.com/apps' },
    defaultLocale: 'pt-br',
    private: true,
    location: {
      support: {
        ticket_sidebar: { url: 'assets/iframe.html', flexible: true },
        nav_bar: 'assets/iframe.html',
      },
    },
    version: '1.0.0',
    frameworkVersion: '2.0',
    domainWhitelist: ['api.example.com'],
    parameters: [
      { name: 'api_token', type: 'text', secure: true, required: true },
      { name: 'minimum_minutes', type: 'number', default: 10 },
      { name: 'enable_units', type: 'checkbox', default: false },
      { name: 'billing_url', type: 'url', default: 'https://billing.example.com' },
    ],
  };
}

/** @param {string} name @param {string} description */
function translations(name, description) {
  return {
    app: {
      name,
      description,
      parameters: {
        api_token: { label: 'API token', helpText: 'Token used for the billing API' },
        minimum_minutes: { label: 'Minimum minutes' },
        enable_units: { label: 'Units' },
        billing_url: { label: 'Billing URL' },
      },
    },
    checklist: { title: 'Checklist', steps: { classify: 'Classify' } },
  };
}

export function goodRequirements() {
  return {
    ticket_fields: { data_controle: { type: 'date', title: 'Data controle' } },
    custom_objects_v2: {
      objects: [{ key: 'apontamento', title: 'Apontamento', title_pluralized: 'Apontamentos', include_in_list_view: true }],
      object_fields: [
        { key: 'minutos', title: 'Minutos', type: 'integer', object_key: 'apontamento' },
        { key: 'canal', title: 'Canal', type: 'dropdown', object_key: 'apontamento', custom_field_options: [{ name: 'Telefone', value: 'telefone' }] },
      ],
    },
  };
}

/**
 * Writes a valid built app and returns its folder.
 * @param {string} [dir]
 */
export function makeGoodApp(dir = tempDir()) {
  writeJson(dir, 'manifest.json', goodManifest());
  writeJson(dir, 'requirements.json', goodRequirements());
  writeJson(dir, 'translations/pt-br.json', translations('Consultoria Técnica', 'Guia o procedimento de Consultoria Técnica'));
  writeJson(dir, 'translations/en.json', translations('Consultoria Técnica', 'Guides the technical consulting procedure'));
  writeFile(dir, 'assets/logo.png', logos().logo);
  writeFile(dir, 'assets/logo-small.png', logos().small);
  writeFile(dir, 'assets/icon_nav_bar.svg', NAV_BAR_ICON_SVG);
  writeFile(dir, 'assets/iframe.html', [
    '<!doctype html>',
    '<html lang="pt-BR"><head><meta charset="utf-8">',
    '<script src="https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js"></script>',
    '<script type="module" crossorigin src="./main-B7xQ2kLp.js"></script>',
    '<link rel="stylesheet" crossorigin href="./main-C3dF9aZw.css">',
    '</head><body><div id="root"></div></body></html>',
    '',
  ].join('\n'));
  writeFile(dir, 'assets/main-B7xQ2kLp.js', readFileSync(REACT_DOM_MIN));
  writeFile(dir, 'assets/main-C3dF9aZw.css', 'body{margin:0}.logo{background:url(./logo-small.png)}\n');
  return dir;
}
