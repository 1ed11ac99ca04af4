// translations/*.json rules. Sources: developer.zendesk.com "Localizing apps" / "Setting up new
// apps" (SU: translations/en.json is a required file) and zendesk_apps_support
// validations/translations.rb (ZAS: VALID_LOCALE, not_json, missing_required_key[_on_leaf]).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listEntries } from '../lib/walk.mjs';
import { parseJsonStrict } from '../lib/strict-json.mjs';
import { isPlainObject, show, violation } from '../lib/violation.mjs';
import { readManifest, translationText } from './app-model.mjs';
import { VALID_LOCALE } from './manifest.mjs';

/** @type {Record<string, import('../lib/violation.mjs').RuleInfo>} */
export const RULES = {
  'translations/file-name': { summary: 'translations/ holds only <locale>.json files, lowercase locales (pt-br.json)', source: 'ZAS TRANSLATIONS_PATH + VALID_LOCALE (translation.invalid_locale)' },
  'translations/json': { summary: 'each file is a JSON object without duplicate keys', source: 'ZAS translation.not_json, translation.not_json_object' },
  'translations/en-present': { summary: 'translations/en.json exists and has app.name', source: 'SU "File requirements" (translations/en.json); ZAS validates en.json app keys' },
  'translations/app-keys': { summary: 'default locale has app.name and app.description (public apps: also long_description, installation_instructions)', source: 'ZAS get_missing_keys (translation.missing_required_key)' },
  'translations/parameters': { summary: 'default locale labels every manifest parameter; every app.parameters.<p> has a label; helpText is text', source: 'Setting up new apps, "Defining installation settings"; ZAS missing_required_key_on_leaf' },
  'translations/values': { summary: 'every leaf is a string (or a {title, value} pair)', source: 'Localizing apps: translation files map keys to strings; ZAS validate_translation_format' },
};

/**
 * @param {string} dir
 * @returns {string[]}
 */
export function check(dir) {
  const out = [];
  const manifest = readManifest(dir);
  const tdir = join(dir, 'translations');
  /** @type {Map<string, unknown>} locale → parsed file, only for files that parsed */
  const byLocale = new Map();
  if (existsSync(tdir)) {
    for (const entry of listEntries(tdir)) {
      const rel = `translations/${entry.rel}`;
      const match = /^([^/]+)\.json$/.exec(entry.rel);
      if (entry.kind !== 'file' || !match) {
        // A sub-folder is reported once, not once per file inside it.
        if (!entry.rel.includes('/')) out.push(violation('translations/file-name', rel, 'translations/ may hold only <locale>.json files'));
        continue;
      }
      const locale = match[1];
      if (!VALID_LOCALE.test(locale)) out.push(violation('translations/file-name', rel, `${show(locale)} is not a valid locale file name (lowercase, like en.json or pt-br.json)`));
      const parsed = parseJsonStrict(readFileSync(entry.abs, 'utf8'));
      if (!parsed.ok) {
        out.push(violation('translations/json', rel, `not valid JSON: ${parsed.error}`));
        continue;
      }
      if (!isPlainObject(parsed.value)) {
        out.push(violation('translations/json', rel, 'must be a JSON object'));
        continue;
      }
      for (const dup of parsed.duplicateKeys) out.push(violation('translations/json', `${rel} ${dup}`, 'key appears twice; the first value is silently lost'));
      out.push(...checkLeaves(parsed.value, rel, ''));
      out.push(...checkParameterLeaves(parsed.value, rel));
      byLocale.set(locale, parsed.value);
    }
  }

  if (!existsSync(join(tdir, 'en.json'))) {
    out.push(violation('translations/en-present', 'translations/en.json', 'missing; Zendesk requires an English translation file'));
  } else if (byLocale.has('en') && !nonEmpty(translationText(byLocale.get('en'), ['app', 'name']))) {
    out.push(violation('translations/en-present', 'translations/en.json app.name', 'missing; Zendesk reads the app name from en.json'));
  }

  const locale = manifest?.defaultLocale;
  if (typeof locale === 'string' && byLocale.has(locale)) {
    const rel = `translations/${locale}.json`;
    const t = byLocale.get(locale);
    const required = manifest?.private === false
      ? [['name'], ['description', 'short_description'], ['long_description'], ['installation_instructions']]
      : [['name'], ['description', 'short_description']];
    for (const alternatives of required) {
      if (!alternatives.some((key) => nonEmpty(translationText(t, ['app', key])))) {
        out.push(violation('translations/app-keys', `${rel} app.${alternatives[0]}`, 'missing or empty in the default locale'));
      }
    }
    const params = Array.isArray(manifest?.parameters) ? manifest.parameters : [];
    for (const p of params) {
      if (!isPlainObject(p) || typeof p.name !== 'string') continue;
      if (!nonEmpty(translationText(t, ['app', 'parameters', p.name, 'label']))) {
        out.push(violation('translations/parameters', `${rel} app.parameters.${p.name}.label`, 'missing; every manifest parameter needs a label in the default locale'));
      }
    }
  }
  return out;
}

/** @param {string | undefined} s */
function nonEmpty(s) {
  return typeof s === 'string' && s.trim() !== '';
}

/**
 * @param {unknown} node @param {string} rel @param {string} path
 * @returns {string[]}
 */
function checkLeaves(node, rel, path) {
  if (typeof node === 'string') return [];
  if (isPlainObject(node)) {
    const keys = Object.keys(node).sort();
    // Zendesk's own format for translatable strings: {"title": "context for translators", "value": "text"}
    if (keys.length === 2 && keys[0] === 'title' && keys[1] === 'value' && typeof node.title === 'string' && typeof node.value === 'string') return [];
    return Object.entries(node).flatMap(([k, v]) => checkLeaves(v, rel, path ? `${path}.${k}` : k));
  }
  return [violation('translations/values', `${rel} ${path}`, `must be a string, got ${show(node)}`)];
}

/** @param {Record<string, unknown>} t @param {string} rel */
function checkParameterLeaves(t, rel) {
  const params = isPlainObject(t.app) ? t.app.parameters : undefined;
  if (params === undefined) return [];
  if (!isPlainObject(params)) return [violation('translations/parameters', `${rel} app.parameters`, 'must be an object keyed by parameter name')];
  const out = [];
  for (const [name, entry] of Object.entries(params)) {
    if (!isPlainObject(entry) || !nonEmpty(translationText(entry, ['label']))) {
      out.push(violation('translations/parameters', `${rel} app.parameters.${name}.label`, 'missing; each app.parameters entry needs a label'));
    }
    if (isPlainObject(entry) && entry.helpText !== undefined && translationText(entry, ['helpText']) === undefined) {
      out.push(violation('translations/parameters', `${rel} app.parameters.${name}.helpText`, `must be text, got ${show(entry.helpText)}`));
    }
  }
  return out;
}
