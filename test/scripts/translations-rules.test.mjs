import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../scripts/package-rules/translations.mjs';
import { cleanupTempDirs, editJson, makeGoodApp, writeFile, writeJson } from './helpers/fixture-app.mjs';

afterEach(cleanupTempDirs);

describe('translation rules', () => {
  it('accept the good package', () => {
    expect(check(makeGoodApp())).toEqual([]);
  });

  it('refuse upper-case or invalid locale file names, and other files', () => {
    const dir = makeGoodApp();
    writeJson(dir, 'translations/pt-BR.json', { app: { name: 'x' } });
    writeJson(dir, 'translations/portuguese.json', { app: { name: 'x' } });
    writeFile(dir, 'translations/readme.txt', 'x');
    const problems = check(dir);
    expect(problems).toContain('translations/pt-BR.json: "pt-BR" is not a valid locale file name (lowercase, like en.json or pt-br.json) [translations/file-name]');
    expect(problems).toContain('translations/portuguese.json: "portuguese" is not a valid locale file name (lowercase, like en.json or pt-br.json) [translations/file-name]');
    expect(problems).toContain('translations/readme.txt: translations/ may hold only <locale>.json files [translations/file-name]');
  });

  it('refuse a file that does not parse, or is not an object, or repeats a key', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'translations/es.json', '{"app": {"name": "x",}}');
    writeFile(dir, 'translations/fr.json', '["x"]');
    writeFile(dir, 'translations/de.json', '{"app": {"name": "x", "name": "y"}}');
    const problems = check(dir);
    expect(problems.some((l) => /^translations\/es\.json: not valid JSON: .* \[translations\/json\]$/.test(l))).toBe(true);
    expect(problems).toContain('translations/fr.json: must be a JSON object [translations/json]');
    expect(problems).toContain('translations/de.json app.name: key appears twice; the first value is silently lost [translations/json]');
  });

  it('require translations/en.json with app.name', () => {
    const dir = makeGoodApp();
    editJson(dir, 'translations/en.json', (t) => { delete t.app.name; });
    expect(check(dir)).toContain('translations/en.json app.name: missing; Zendesk reads the app name from en.json [translations/en-present]');
    rmSync(join(dir, 'translations/en.json'));
    expect(check(dir)).toContain('translations/en.json: missing; Zendesk requires an English translation file [translations/en-present]');
  });

  it('require app.name and app.description in the default locale', () => {
    const dir = makeGoodApp();
    editJson(dir, 'translations/pt-br.json', (t) => { delete t.app.name; t.app.description = '  '; });
    const problems = check(dir);
    expect(problems).toContain('translations/pt-br.json app.name: missing or empty in the default locale [translations/app-keys]');
    expect(problems).toContain('translations/pt-br.json app.description: missing or empty in the default locale [translations/app-keys]');
  });

  it('accept short_description for description, and a {title, value} pair for a string', () => {
    const dir = makeGoodApp();
    editJson(dir, 'translations/pt-br.json', (t) => {
      delete t.app.description;
      t.app.short_description = { title: 'Listing text', value: 'Guia a consultoria' };
    });
    expect(check(dir)).toEqual([]);
  });

  it('require the marketplace keys when the app is public', () => {
    const dir = makeGoodApp();
    editJson(dir, 'manifest.json', (m) => { m.private = false; });
    const problems = check(dir);
    expect(problems).toContain('translations/pt-br.json app.long_description: missing or empty in the default locale [translations/app-keys]');
    expect(problems).toContain('translations/pt-br.json app.installation_instructions: missing or empty in the default locale [translations/app-keys]');
  });

  it('require a label for EVERY manifest parameter in the default locale', () => {
    const dir = makeGoodApp();
    editJson(dir, 'manifest.json', (m) => { m.parameters.push({ name: 'unit_group_id', type: 'number' }); });
    editJson(dir, 'translations/pt-br.json', (t) => { delete t.app.parameters.enable_units; });
    const problems = check(dir);
    expect(problems).toContain('translations/pt-br.json app.parameters.unit_group_id.label: missing; every manifest parameter needs a label in the default locale [translations/parameters]');
    expect(problems).toContain('translations/pt-br.json app.parameters.enable_units.label: missing; every manifest parameter needs a label in the default locale [translations/parameters]');
  });

  it('refuse a parameter entry without label and a helpText that is not text, in any locale', () => {
    const dir = makeGoodApp();
    editJson(dir, 'translations/en.json', (t) => {
      t.app.parameters.api_token = { helpText: 'only help' };
      t.app.parameters.minimum_minutes.helpText = 10;
    });
    const problems = check(dir);
    expect(problems).toContain('translations/en.json app.parameters.api_token.label: missing; each app.parameters entry needs a label [translations/parameters]');
    expect(problems).toContain('translations/en.json app.parameters.minimum_minutes.helpText: must be text, got 10 [translations/parameters]');
  });

  it('refuse leaves that are not strings', () => {
    const dir = makeGoodApp();
    editJson(dir, 'translations/en.json', (t) => { t.checklist.count = 3; t.checklist.steps.list = ['a']; });
    const problems = check(dir);
    expect(problems).toContain('translations/en.json checklist.count: must be a string, got 3 [translations/values]');
    expect(problems).toContain('translations/en.json checklist.steps.list: must be a string, got ["a"] [translations/values]');
  });
});
