import { readFileSync } from 'node:fs';
import { settingSchemas } from '../../src/procedure/settings';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { parameters: Array<{ name: string; secure?: boolean }> };
const translations = ['pt-br', 'en'].map((l) => JSON.parse(readFileSync(`translations/${l}.json`, 'utf8')) as { app: { parameters: Record<string, { label?: string; helpText?: string }> } });

describe('manifest parameters', () => {
  it('declare exactly the settings the app reads (secure ones are never read: only the Zendesk proxy fills them)', () => {
    expect(manifest.parameters.filter((p) => !p.secure).map((p) => p.name).sort()).toEqual(Object.keys(settingSchemas).sort());
    expect(manifest.parameters.filter((p) => p.secure).map((p) => p.name)).toEqual(['apontamento_token']);
  });

  it('have a label and a help text in every language', () => {
    for (const file of translations) {
      for (const { name } of manifest.parameters) {
        expect(file.app.parameters[name]?.label, name).toBeTruthy();
        expect(file.app.parameters[name]?.helpText, name).toBeTruthy();
      }
    }
  });
});
