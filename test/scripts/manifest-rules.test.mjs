import { afterEach, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../scripts/package-rules/manifest.mjs';
import { cleanupTempDirs, editJson, makeGoodApp, writeFile } from './helpers/fixture-app.mjs';

afterEach(cleanupTempDirs);

/**
 * Builds a good app, applies one change to its manifest, returns the manifest problems.
 * @param {(m: any) => void} edit
 */
function problemsAfter(edit) {
  const dir = makeGoodApp();
  editJson(dir, 'manifest.json', edit);
  return check(dir);
}

describe('manifest rules', () => {
  it('accept the good package', () => {
    expect(check(makeGoodApp())).toEqual([]);
  });

  it('refuse a package without manifest.json at its root', () => {
    const dir = makeGoodApp();
    rmSync(join(dir, 'manifest.json'));
    expect(check(dir)).toEqual(['manifest.json: missing at the package root (Zendesk reads it from the top of the zip) [manifest/present]']);
  });

  it('refuse invalid JSON and duplicate keys', () => {
    const dir = makeGoodApp();
    writeFileSync(join(dir, 'manifest.json'), '{"version": "1.0.0",}');
    expect(check(dir)[0]).toMatch(/^manifest\.json: not valid JSON: .* \[manifest\/json\]$/);
    writeFileSync(join(dir, 'manifest.json'), '{"author": {"name": "a", "name": "b"}}');
    expect(check(dir)).toContain('manifest.author.name: key appears twice; Zendesk refuses duplicate keys [manifest/json]');
  });

  /** @type {[string, (m: any) => void, string | RegExp][]} */
  const cases = [
    ['an unknown top-level key', (m) => { m.colour = 'green'; }, /^manifest\.colour: unknown key; the documented keys are name, author, .* \[manifest\/known-keys\]$/],
    ['a missing author', (m) => { delete m.author; }, 'manifest.author: missing [manifest/required]'],
    ['a missing location', (m) => { delete m.location; }, 'manifest.location: missing [manifest/required]'],
    ['a missing version', (m) => { delete m.version; }, 'manifest.version: missing (it also names the zip) [manifest/required]'],
    ['a missing private flag', (m) => { delete m.private; }, 'manifest.private: missing (Zendesk assumes true when absent; state it explicitly) [manifest/required]'],
    ['a non-boolean private', (m) => { m.private = 'true'; }, 'manifest.private: must be true or false, got "true" [manifest/types]'],
    ['a non-string version', (m) => { m.version = 1; }, 'manifest.version: must be a string, got 1 [manifest/types]'],
    ['an author without e-mail', (m) => { m.author.email = 'support'; }, 'manifest.author.email: must be an e-mail address, got "support" [manifest/author]'],
    ['an author url that is not http(s)', (m) => { m.author.url = 'ftp://example.com'; }, 'manifest.author.url: must be an http(s) URL, got "ftp://example.com" [manifest/author]'],
    ['framework version 1.0', (m) => { m.frameworkVersion = '1.0'; }, 'manifest.frameworkVersion: "1.0" is not accepted for new uploads; use "2.0" [manifest/framework-version]'],
    ['an upper-case default locale', (m) => { m.defaultLocale = 'pt-BR'; }, 'manifest.defaultLocale: "pt-BR" is not a valid locale (lowercase, like "en" or "pt-br") [manifest/default-locale]'],
    ['a default locale without its file', (m) => { m.defaultLocale = 'es'; }, 'manifest.defaultLocale: translations/es.json is missing [manifest/default-locale]'],
    ['an unknown product', (m) => { m.location.guide = { nav_bar: 'assets/iframe.html' }; }, 'manifest.location.guide: unknown product; use one of support, chat, standalone_chat, sell [manifest/location]'],
    ['an unknown location', (m) => { m.location.support.ticket_footer = 'assets/iframe.html'; }, /^manifest\.location\.support\.ticket_footer: unknown support location; use one of top_bar, .* \[manifest\/location\]$/],
    ['a non-boolean flexible', (m) => { m.location.support.ticket_sidebar.flexible = 'yes'; }, 'manifest.location.support.ticket_sidebar.flexible: must be true or false, got "yes" [manifest/location]'],
    ['a root-absolute location url', (m) => { m.location.support.nav_bar = '/assets/iframe.html'; }, 'manifest.location.support.nav_bar: "/assets/iframe.html" must be a relative path under assets/ (no leading "/" or "./") [manifest/location-url]'],
    ['a location url to a missing file', (m) => { m.location.support.ticket_sidebar.url = 'assets/sidebar.html'; }, 'manifest.location.support.ticket_sidebar.url: "assets/sidebar.html" does not exist in the package [manifest/location-url]'],
    ['a plain http location url', (m) => { m.location.support.nav_bar = 'http://app.example.com/'; }, /^manifest\.location\.support\.nav_bar: "http:\/\/app\.example\.com\/" must be https .* \[manifest\/location-url\]$/],
    ['a localhost location url', (m) => { m.location.support.nav_bar = 'https://localhost:4567/'; }, /^manifest\.location\.support\.nav_bar: .*localhost url is a dev setting.* \[manifest\/location-url\]$/],
    ['a location without url that auto-loads', (m) => { m.location.support.ticket_sidebar = { flexible: true }; }, 'manifest.location.support.ticket_sidebar: has no url (only allowed with "autoLoad": false) [manifest/location-url]'],
    ['noTemplate', (m) => { m.noTemplate = true; }, 'manifest.noTemplate: is deprecated with frameworkVersion 2; use autoLoad/autoHide per location [manifest/no-template]'],
    ['parameters that are not an array', (m) => { m.parameters = { api_token: {} }; }, 'manifest.parameters: must be an array, got {"api_token":{}} [manifest/parameters]'],
    ['a duplicate parameter name', (m) => { m.parameters.push({ name: 'api_token', type: 'text' }); }, 'manifest.parameters[4].name: "api_token" duplicates manifest.parameters[0].name [manifest/parameters]'],
    ['a parameter type "colour"', (m) => { m.parameters[3].type = 'colour'; }, 'manifest.parameters[3].type: "colour" is not one of text, password, checkbox, url, number, multiline, hidden, oauth [manifest/parameter-type]'],
    ['the reserved parameter name "name"', (m) => { m.parameters[1].name = 'name'; }, 'manifest.parameters[1].name: "name" is reserved by Zendesk (name, title) [manifest/parameter-name]'],
    ['a parameter name with a dash', (m) => { m.parameters[1].name = 'minimum-minutes'; }, 'manifest.parameters[1].name: "minimum-minutes" must contain only letters, digits and _ (and not start with a digit) [manifest/parameter-name]'],
    ['a non-boolean required', (m) => { m.parameters[0].required = 'yes'; }, 'manifest.parameters[0].required: must be true or false, got "yes" [manifest/parameter-flags]'],
    ['a required hidden parameter', (m) => { m.parameters.push({ name: 'state', type: 'hidden', required: true }); }, 'manifest.parameters[4].required: a hidden parameter cannot be required (the admin never sees it) [manifest/parameter-flags]'],
    ['a secure hidden parameter', (m) => { m.parameters.push({ name: 'state', type: 'hidden', secure: true }); }, 'manifest.parameters[4].secure: a hidden parameter cannot be secure; secure is for text, password, url, multiline values used in requests [manifest/parameter-secure]'],
    ['a secure checkbox', (m) => { m.parameters[2].secure = true; }, 'manifest.parameters[2].secure: a checkbox parameter cannot be secure; secure is for text, password, url, multiline values used in requests [manifest/parameter-secure]'],
    ['a secure parameter with a default', (m) => { m.parameters[0].default = 'abc'; }, 'manifest.parameters[0].default: a secure parameter must not ship a default (it would sit in the package in clear text) [manifest/parameter-secure]'],
    ['a number default given as a string', (m) => { m.parameters[1].default = '10'; }, 'manifest.parameters[1].default: a number default must be a JSON number, got "10" [manifest/parameter-default]'],
    ['a checkbox default given as a string', (m) => { m.parameters[2].default = 'false'; }, 'manifest.parameters[2].default: a checkbox default must be true or false, got "false" [manifest/parameter-default]'],
    ['a url default that is not a url', (m) => { m.parameters[3].default = 'billing.example.com'; }, 'manifest.parameters[3].default: a url default must be an http(s) URL, got "billing.example.com" [manifest/parameter-default]'],
    ['two oauth parameters', (m) => { m.parameters.push({ name: 'a', type: 'oauth' }, { name: 'b', type: 'oauth' }); }, 'manifest.parameters: 2 parameters have type oauth; only one is allowed [manifest/parameter-flags]'],
    ['a secure oauth parameter', (m) => { m.parameters.push({ name: 'a', type: 'oauth', secure: true }); }, 'manifest.parameters[4].secure: an oauth parameter cannot be secure [manifest/parameter-flags]'],
    ['a domainWhitelist entry with scheme and slash', (m) => { m.domainWhitelist.push('https://api.example.com/'); }, 'manifest.domainWhitelist[1]: "https://api.example.com/" is not a bare hostname (no scheme, port, path or trailing slash), e.g. "api.example.com" [manifest/domain-whitelist]'],
    ['a domainWhitelist that is a string', (m) => { m.domainWhitelist = 'api.example.com'; }, 'manifest.domainWhitelist: must be an array of hostnames, got "api.example.com" [manifest/domain-whitelist]'],
    ['an unavailable experiment', (m) => { m.experiments = { turbo: true }; }, 'manifest.experiments.turbo: unknown or unavailable experiment; allowed: hashParams, newCssCompiler [manifest/experiments]'],
    ['an incomplete oauth block', (m) => { m.oauth = { client_id: 'x' }; }, 'manifest.oauth.client_secret: missing [manifest/oauth]'],
    ['a requirementsOnly app with a location', (m) => { m.requirementsOnly = true; }, 'manifest.location: must not be set on a requirementsOnly/marketingOnly app [manifest/requirements-only]'],
  ];

  it.each(cases)('refuse %s', (_name, edit, expected) => {
    const problems = problemsAfter(edit);
    if (typeof expected === 'string') expect(problems).toContain(expected);
    else expect(problems.some((line) => expected.test(line)), problems.join('\n')).toBe(true);
  });

  it('accept a location url built from a setting, and an https one', () => {
    expect(problemsAfter((m) => {
      m.location.support.nav_bar = '{{setting.app_url}}/nav';
      m.location.support.ticket_sidebar.url = 'https://app.example.com/sidebar';
    })).toEqual([]);
  });

  it('need an app name somewhere: manifest name, or app.name in the default translation', () => {
    const dir = makeGoodApp();
    editJson(dir, 'translations/pt-br.json', (t) => { delete t.app.name; });
    expect(check(dir)).toContain('manifest.name: missing, and translations/pt-br.json has no app.name either [manifest/name]');
    editJson(dir, 'manifest.json', (m) => { m.name = 'Consultoria Técnica'; });
    expect(check(dir)).toEqual([]);
  });

  it('check that a location url names a file, not a folder', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'assets/pages/index.html', '<p>x</p>');
    editJson(dir, 'manifest.json', (m) => { m.location.support.nav_bar = 'assets/pages'; });
    expect(check(dir)).toContain('manifest.location.support.nav_bar: "assets/pages" does not exist in the package [manifest/location-url]');
  });

  // Zendesk fills {{setting.<secure>}} only in requests to a domainWhitelist host: a secure
  // parameter with no whitelisted host can never reach anything.
  it('refuse a secure parameter when no host is whitelisted', () => {
    const expected = 'manifest.parameters[0].secure: "api_token" is secure, but manifest.domainWhitelist names no host; Zendesk only puts a secure setting into requests to a whitelisted host (build with APONTAMENTO_MIRROR_URL=https://<host>/… to whitelist the mirror\'s host) [manifest/secure-domain-whitelist]';
    expect(problemsAfter((m) => { delete m.domainWhitelist; })).toContain(expected);
    expect(problemsAfter((m) => { m.domainWhitelist = []; })).toContain(expected);
  });

  it('refuse a mirror url whose host is not whitelisted; accept it once it is (a "*." entry covers subdomains)', () => {
    const dir = makeGoodApp();
    expect(check(dir, { mirrorUrl: 'https://apontamento.example.org/api/apontamentos' })).toEqual([
      'manifest.domainWhitelist: the Apontamento mirror\'s host "apontamento.example.org" (APONTAMENTO_MIRROR_URL) is not in it; Zendesk would send the mirror request without the secure token [manifest/secure-domain-whitelist]',
    ]);
    editJson(dir, 'manifest.json', (m) => { m.domainWhitelist.push('apontamento.example.org'); });
    expect(check(dir, { mirrorUrl: 'https://apontamento.example.org/api/apontamentos' })).toEqual([]);
    editJson(dir, 'manifest.json', (m) => { m.domainWhitelist = ['*.example.org']; });
    expect(check(dir, { mirrorUrl: 'https://apontamento.example.org/api/apontamentos' })).toEqual([]);
    // "*.example.org" is a subdomain pattern: "evil-example.org" is not covered.
    expect(check(dir, { mirrorUrl: 'https://evil-example.org/x' })).toHaveLength(1);
  });

  it('refuse a mirror url that is not https', () => {
    expect(check(makeGoodApp(), { mirrorUrl: 'http://api.example.com/x' })).toEqual([
      'APONTAMENTO_MIRROR_URL: "http://api.example.com/x" must be an https URL (the app refuses to send the token over plain http) [manifest/secure-domain-whitelist]',
    ]);
  });
});
