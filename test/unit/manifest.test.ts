import { readFileSync } from 'node:fs';
import { settingSchemas } from '../../src/procedure/settings';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { parameters: Array<{ name: string }> };
const translations = ['pt-br', 'en'].map((l) => JSON.parse(readFileSync(`translations/${l}.json`, 'utf8')) as { app: { parameters: Record<string, { label?: string; helpText?: string }> } });

describe('manifest parameters', () => {
  it('declare exactly the settings the app reads', () => {
    expect(manifest.parameters.map((p) => p.name).sort()).toEqual(Object.keys(settingSchemas).sort());
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
