// Read-only views of an app folder shared by the rule modules. Each rule module reports its own
// problems; these helpers never report, they just return null when something can't be read.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPlainObject } from '../lib/violation.mjs';

/** Products and their locations, from zendesk_apps_support lib/zendesk_apps_support/{product,location}.rb. */
export const LOCATIONS_BY_PRODUCT = {
  support: ['top_bar', 'nav_bar', 'ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar',
    'background', 'modal', 'ticket_editor', 'system_top_bar'],
  chat: ['chat_sidebar', 'background'],
  standalone_chat: ['nav_bar', 'system_top_bar'],
  sell: ['deal_card', 'person_card', 'company_card', 'lead_card', 'background', 'modal', 'dashboard', 'note_editor',
    'call_log_editor', 'email_editor'],
};
/** Older product keys Zendesk still accepts in manifests. */
export const LEGACY_PRODUCT_NAMES = { zendesk: 'support', zopim: 'chat', lotus_box: 'standalone_chat' };

/**
 * @param {string} dir @param {string} rel
 * @returns {unknown} parsed JSON, or undefined when missing or unparsable
 */
export function readJsonOrUndefined(dir, rel) {
  const path = join(dir, rel);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** @param {string} dir @returns {Record<string, unknown> | null} */
export function readManifest(dir) {
  const m = readJsonOrUndefined(dir, 'manifest.json');
  return isPlainObject(m) ? m : null;
}

/**
 * Flattens manifest.location into one record per product location.
 * A string value is the url; an object carries options (url, autoLoad, flexible, …).
 * @param {Record<string, unknown>} manifest
 * @returns {LocationEntry[]}
 * @typedef {{ product: string, location: string, url: unknown, options: Record<string, unknown>, key: string, urlKey: string }} LocationEntry
 */
export function locationEntries(manifest) {
  const loc = manifest.location;
  if (!isPlainObject(loc)) return [];
  /** @type {LocationEntry[]} */
  const out = [];
  for (const [productKey, locations] of Object.entries(loc)) {
    if (!isPlainObject(locations)) continue;
    const product = /** @type {Record<string, string>} */ (LEGACY_PRODUCT_NAMES)[productKey] ?? productKey;
    for (const [location, value] of Object.entries(locations)) {
      const options = isPlainObject(value) ? value : {};
      const url = isPlainObject(value) ? value.url : value;
      const key = `manifest.location.${productKey}.${location}`;
      out.push({ product, location, url, options, key, urlKey: isPlainObject(value) ? `${key}.url` : key });
    }
  }
  return out;
}

/**
 * The translation text for a key path like "app.name": Zendesk accepts a plain string or a
 * {title, value} pair. Returns undefined when absent or not text.
 * @param {unknown} translations @param {string[]} path
 */
export function translationText(translations, path) {
  let node = translations;
  for (const key of path) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  if (typeof node === 'string') return node;
  if (isPlainObject(node) && typeof node.value === 'string') return node.value;
  return undefined;
}

/** @param {string} dir @param {Record<string, unknown> | null} manifest */
export function defaultLocaleTranslations(dir, manifest) {
  const locale = manifest?.defaultLocale;
  if (typeof locale !== 'string') return undefined;
  return readJsonOrUndefined(dir, `translations/${locale}.json`);
}
