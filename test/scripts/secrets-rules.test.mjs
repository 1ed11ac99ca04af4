import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { check, findSecrets } from '../../scripts/package-rules/secrets.mjs';
import { REACT_DOM_MIN, cleanupTempDirs, makeGoodApp, tempDir, writeFile } from './helpers/fixture-app.mjs';

afterEach(cleanupTempDirs);

const REPO = resolve(import.meta.dirname, '../..');

/** @param {string} text */
const rulesFound = (text) => findSecrets(text).map((f) => f.rule);

describe('secret detector', () => {
  it.each([
    ['an AWS access key id', 'const k = "AKIAIOSFODNN7EXAMPLE";', 'secrets/known-format'],
    ['a private key block', '"-----BEGIN RSA PRIVATE KEY-----\\nMIIE..."', 'secrets/known-format'],
    ['an OpenSSH private key', '-----BEGIN OPENSSH PRIVATE KEY-----', 'secrets/known-format'],
    ['a GitHub token', 'x="ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"', 'secrets/known-format'],
    ['a Slack token', 'x="xoxb-123456789012-abcdefABCDEF"', 'secrets/known-format'],
    ['a JWT', 'x="eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"', 'secrets/known-format'],
    ['a Bearer token', 'headers:{Authorization:"Bearer abcDEF123456ghiJKL789mno"}', 'secrets/known-format'],
    ['user:password in a URL', 'fetch("https://admin:s3cr3tpw@acme.zendesk.com/api/v2/tickets")', 'secrets/known-format'],
    ['an api_token assignment', '{"api_token": "4fG7hJ2kL9mN3pQ8"}', 'secrets/assignment'],
    ['a password assignment', 'const password = "hunter22";', 'secrets/assignment'],
    ['a minified clientSecret property', 'var o={clientSecret:"d41d8cd98f00b204e9800998ecf8427e"}', 'secrets/assignment'],
    ['a high-entropy literal', 'n("aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z")', 'secrets/high-entropy'],
  ])('catches %s', (_name, text, rule) => {
    expect(rulesFound(text)).toContain(rule);
  });

  it.each([
    ['a Bearer header built from a variable', 'headers:{Authorization:"Bearer "+token}'],
    ['a setting placeholder', '{"api_token": "{{setting.api_token}}"}'],
    ['settings placeholders in a URL and a Bearer header', 'url:"https://{{setting.user}}:{{setting.password}}@api.example.com",h:"Bearer {{setting.api_token}}"'],
    ['a label', '{"password": "Senha do usuário"}'],
    ['an input type', 'i={password:"password",text:"text"}'],
    ['a camelCase name', 'e.lastToken="InterpolationInJSX"'],
    ['masked text', 'placeholder:"********",password:"********"'],
    ['an i18n key', '{token:"app.parameters.api_token.label"}'],
    ['a base64 alphabet', 'var A="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"'],
    ['words joined by underscores', '"Emit_a_UTF_8_Byte_Order_Mark_BOM_in_the_beginning_of_output_files_6622"'],
    ['an integrity hash', 'integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"'],
  ])('ignores %s', (_name, text) => {
    expect(rulesFound(text)).toEqual([]);
  });

  it('treats literals over 128 characters as data (fonts, wasm), not credentials', () => {
    const base64 = ['1', '2', '3'].map((seed) => createHash('sha512').update(seed).digest('base64')).join('');
    expect(rulesFound(`x="${base64.slice(0, 88)}"`)).toContain('secrets/high-entropy');
    expect(rulesFound(`x="${base64}"`)).toEqual([]);
  });

  it('stays quiet on React DOM\'s real production bundle', () => {
    expect(findSecrets(readFileSync(REACT_DOM_MIN, 'utf8'))).toEqual([]);
  });

  it('finds a token hidden inside that bundle, with its line and column, without echoing it', () => {
    const dir = makeGoodApp();
    const bundle = readFileSync(REACT_DOM_MIN, 'utf8');
    const cut = bundle.indexOf('\n', bundle.length / 2) + 1; // start of a line in the middle
    const line = bundle.slice(0, cut).split('\n').length;
    writeFile(dir, 'assets/main-B7xQ2kLp.js', `${bundle.slice(0, cut)}var k="AKIAIOSFODNN7EXAMPLE";${bundle.slice(cut)}`);
    expect(check(dir)).toEqual([`assets/main-B7xQ2kLp.js:${line}:8: possible AWS access key id "AKIA…" (20 chars) [secrets/known-format]`]);
  });

  it('reports one line per rule and file, counting the rest', () => {
    const dir = makeGoodApp();
    const json = '{"app": {"name": "x", "description": "y"}, "a": {"password": "hunter22", "api_key": "Zx9Yw8Vu7Ts6"}}';
    writeFile(dir, 'translations/es.json', json);
    const column = json.indexOf('"password"') + 1;
    expect(check(dir)).toEqual([`translations/es.json:1:${column}: possible literal value for "password" "hunt…" (8 chars) (+1 more in this file) [secrets/assignment]`]);
  });

  it('accepts the good package', () => {
    expect(check(makeGoodApp())).toEqual([]);
  });

  it('stays quiet on a real vite build of React, Garden, valibot, date-fns and the ZAF SDK', async () => {
    const work = tempDir('zd-vite-');
    symlinkSync(join(REPO, 'node_modules'), join(work, 'node_modules'), 'dir');
    writeFile(work, 'index.html', '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>');
    writeFile(work, 'main.js', `
      import { createElement as h } from 'react';
      import { createRoot } from 'react-dom/client';
      import { ThemeProvider } from '@zendeskgarden/react-theming';
      import { Button } from '@zendeskgarden/react-buttons';
      import { Field, Input } from '@zendeskgarden/react-forms';
      import { Notification } from '@zendeskgarden/react-notifications';
      import * as v from 'valibot';
      import { format } from 'date-fns';
      import ZAFClient from 'zendesk_app_framework_sdk';
      const Settings = v.object({ api_token: v.pipe(v.string(), v.minLength(1)) });
      const client = ZAFClient.init();
      function App() {
        return h(ThemeProvider, null, h(Field, null, h(Input)), h(Notification, null, format(new Date(), 'yyyy-MM-dd')),
          h(Button, { onClick: () => client.get('ticket.id') }, String(v.safeParse(Settings, {}).success)));
      }
      createRoot(document.getElementById('root')).render(h(App));
    `);
    await build({ root: work, base: './', configFile: false, logLevel: 'silent', build: { outDir: join(work, 'out'), emptyOutDir: true } });
    const files = readdirSync(join(work, 'out/assets'));
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const bytes = files.reduce((n, f) => n + readFileSync(join(work, 'out/assets', f)).length, 0);
    expect(bytes).toBeGreaterThan(200_000); // really the libraries, not an empty shell
    expect(check(join(work, 'out'))).toEqual([]);
  }, 60_000);
});
