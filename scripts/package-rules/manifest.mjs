// manifest.json rules. Sources: developer.zendesk.com "Manifest reference" (MR), "Setting up new
// apps" (SU), and the checks Zendesk runs on upload in zendesk/zendesk_apps_support
// lib/zendesk_apps_support/validations/manifest.rb (ZAS), read for the rules, not copied.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonStrict } from '../lib/strict-json.mjs';
import { isPlainObject, show, violation } from '../lib/violation.mjs';
import { MIRROR_URL_ENV, isWhitelisted, mirrorHost } from '../lib/apontamento-mirror.mjs';
import {
  LEGACY_PRODUCT_NAMES,
  LOCATIONS_BY_PRODUCT,
  defaultLocaleTranslations,
  locationEntries,
  translationText,
} from './app-model.mjs';

/** @type {Record<string, import('../lib/violation.mjs').RuleInfo>} */
export const RULES = {
  'manifest/present': { summary: 'manifest.json sits at the package root', source: 'SU "File requirements"; ZAS missing_manifest/nested_manifest' },
  'manifest/json': { summary: 'manifest.json is a JSON object without duplicate keys', source: 'ZAS manifest_not_json, duplicate_manifest_keys' },
  'manifest/known-keys': { summary: 'only documented top-level keys', source: 'MR "Manifest properties" (+ remoteInstallationURL from ZAS manifest.rb)' },
  'manifest/required': { summary: 'author, defaultLocale, location, frameworkVersion, version, private present', source: 'MR (Required: author, frameworkVersion, location); ZAS REQUIRED_MANIFEST_FIELDS (defaultLocale); version names the zip' },
  'manifest/types': { summary: 'string/boolean/object/array keys have the documented type', source: 'ZAS type_checks (unacceptable_string/boolean/hash/array)' },
  'manifest/name': { summary: 'an app name exists: manifest name or app.name in the default translation', source: 'MR "name"; ZAS translations get_missing_keys' },
  'manifest/author': { summary: 'author has name and email; url is http(s)', source: 'MR "author"; ZAS validate_urls' },
  'manifest/framework-version': { summary: 'frameworkVersion is "2.0"', source: 'ZAS AppVersion::VALID_FOR_CREATE' },
  'manifest/default-locale': { summary: 'defaultLocale is a valid locale with translations/<locale>.json', source: 'ZAS default_locale_error (invalid_default_locale, missing_translation_file)' },
  'manifest/location': { summary: 'known products and locations, boolean flags', source: 'MR "location"; ZAS invalid_location/invalid_host/invalid_location_flexible_type; product.rb, location.rb' },
  'manifest/location-url': { summary: 'location urls are https or assets/… files that exist', source: 'ZAS invalid_location_uri_error (https or assets/ + has_file?), blank_location_uri' },
  'manifest/no-template': { summary: 'noTemplate is not used with framework 2', source: 'ZAS no_template_deprecated_in_v2' },
  'manifest/parameters': { summary: 'parameters is an array of objects with unique names', source: 'ZAS parameters_error (parameters_not_an_array, duplicate_parameters)' },
  'manifest/parameter-name': { summary: 'parameter names are identifiers (usable as {{setting.<name>}}) and not reserved', source: 'ZAS name_as_parameter_name; ZAF metadata() settings.title; identifier pattern is this project\'s rule' },
  'manifest/parameter-type': { summary: 'type is text, password, checkbox, url, number, multiline, hidden or oauth', source: 'ZAS Manifest::Parameter::TYPES, invalid_type_parameter' },
  'manifest/parameter-flags': { summary: 'required/secure are booleans; hidden is never required; one oauth parameter, never secure', source: 'ZAS invalid_hidden_parameter, unacceptable_boolean, too_many_oauth_parameters, oauth_parameter_cannot_be_secure' },
  'manifest/parameter-secure': { summary: 'secure only on text, password, url, multiline; never with a default', source: 'Making API requests from a Zendesk app (secure settings only reach requests); ZAS secure_settings default_secure_or_hidden_parameter warning' },
  'manifest/parameter-default': { summary: 'default matches the type (checkbox boolean, number number, url http(s), others string)', source: 'Setting up new apps, "Defining installation settings"' },
  'manifest/domain-whitelist': { summary: 'domainWhitelist is an array of bare hostnames', source: 'MR "domainWhitelist"; ZAS unacceptable_array_of_strings' },
  'manifest/secure-domain-whitelist': { summary: 'a secure parameter needs a whitelisted host; the Apontamento mirror\'s host (APONTAMENTO_MIRROR_URL) is in domainWhitelist', source: 'Making API requests from a Zendesk app, "Using secure settings" (secure settings only in requests to domainWhitelist hosts); MR "domainWhitelist"' },
  'manifest/experiments': { summary: 'only hashParams/newCssCompiler experiments may be enabled', source: 'ZAS marketplace.rb WHITELISTED_EXPERIMENTS' },
  'manifest/oauth': { summary: 'oauth has client_id, client_secret, authorize_uri, access_token_uri and an oauth parameter', source: 'MR "oauth"; ZAS oauth_error' },
  'manifest/requirements-only': { summary: 'requirementsOnly/marketingOnly apps declare no location or frameworkVersion', source: 'ZAS ban_location, ban_framework_version, ban_parameters' },
};

const KNOWN_KEYS = ['name', 'author', 'version', 'frameworkVersion', 'location', 'gaID', 'defaultLocale', 'parameters',
  'domainWhitelist', 'private', 'requirementsOnly', 'singleInstall', 'signedUrls', 'termsConditionsURL', 'experiments',
  'marketingOnly', 'oauth', 'remoteInstallationURL', 'noTemplate'];
const STRING_KEYS = ['name', 'version', 'frameworkVersion', 'defaultLocale', 'gaID', 'termsConditionsURL', 'remoteInstallationURL'];
const BOOLEAN_KEYS = ['private', 'requirementsOnly', 'marketingOnly', 'singleInstall', 'signedUrls'];
export const PARAMETER_TYPES = ['text', 'password', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
const SECURABLE_TYPES = ['text', 'password', 'url', 'multiline'];
const RESERVED_PARAMETER_NAMES = ['name', 'title'];
const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const VALID_LOCALE = /^[a-z]{2}(-[a-z0-9]{2,3})?$/;
const HOSTNAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTP_URL = /^https?:\/\/[^\s/]+/i;
const ALLOWED_EXPERIMENTS = ['hashParams', 'newCssCompiler'];
const OAUTH_KEYS = ['client_id', 'client_secret', 'authorize_uri', 'access_token_uri'];

/**
 * @param {string} dir the folder to be zipped (dist/)
 * @param {{ mirrorUrl?: string }} [options] mirrorUrl: the Apontamento mirror's URL the build was given
 * @returns {string[]} one line per violated rule
 */
export function check(dir, options = {}) {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) {
    return [violation('manifest/present', 'manifest.json', 'missing at the package root (Zendesk reads it from the top of the zip)')];
  }
  const parsed = parseJsonStrict(readFileSync(path, 'utf8'));
  if (!parsed.ok) return [violation('manifest/json', 'manifest.json', `not valid JSON: ${parsed.error}`)];
  if (!isPlainObject(parsed.value)) return [violation('manifest/json', 'manifest.json', 'must be a JSON object')];
  const m = parsed.value;
  /** @type {string[]} */
  const out = parsed.duplicateKeys.map((k) => violation('manifest/json', `manifest.${k}`, 'key appears twice; Zendesk refuses duplicate keys'));

  for (const key of Object.keys(m)) {
    if (!KNOWN_KEYS.includes(key)) out.push(violation('manifest/known-keys', `manifest.${key}`, `unknown key; the documented keys are ${KNOWN_KEYS.filter((k) => k !== 'noTemplate').join(', ')}`));
  }
  out.push(...checkTypes(m), ...checkRequired(m), ...checkName(dir, m), ...checkAuthor(m), ...checkDefaultLocale(dir, m));
  if (m.requirementsOnly === true || m.marketingOnly === true) {
    out.push(...checkRequirementsOnly(m));
  } else {
    out.push(...checkFrameworkVersion(m), ...checkLocations(dir, m));
  }
  if (m.noTemplate !== undefined) out.push(violation('manifest/no-template', 'manifest.noTemplate', 'is deprecated with frameworkVersion 2; use autoLoad/autoHide per location'));
  out.push(...checkParameters(m), ...checkDomainWhitelist(m), ...checkSecureHosts(m, options.mirrorUrl), ...checkExperiments(m), ...checkOauth(m));
  for (const key of ['termsConditionsURL', 'remoteInstallationURL']) {
    if (typeof m[key] === 'string' && !HTTP_URL.test(/** @type {string} */ (m[key]))) out.push(violation('manifest/types', `manifest.${key}`, `must be an http(s) URL, got ${show(m[key])}`));
  }
  return out;
}

/** @param {Record<string, unknown>} m */
function checkTypes(m) {
  const out = [];
  for (const key of STRING_KEYS) {
    if (m[key] !== undefined && typeof m[key] !== 'string') out.push(violation('manifest/types', `manifest.${key}`, `must be a string, got ${show(m[key])}`));
  }
  for (const key of BOOLEAN_KEYS) {
    if (m[key] !== undefined && typeof m[key] !== 'boolean') out.push(violation('manifest/types', `manifest.${key}`, `must be true or false, got ${show(m[key])}`));
  }
  if (m.author !== undefined && !isPlainObject(m.author)) out.push(violation('manifest/types', 'manifest.author', `must be an object {name, email, url?}, got ${show(m.author)}`));
  if (m.location !== undefined && !isPlainObject(m.location)) out.push(violation('manifest/types', 'manifest.location', 'must be an object keyed by product (e.g. {"support": {"ticket_sidebar": "assets/iframe.html"}})'));
  if (m.experiments !== undefined && !isPlainObject(m.experiments)) out.push(violation('manifest/types', 'manifest.experiments', 'must be an object'));
  if (m.oauth !== undefined && !isPlainObject(m.oauth)) out.push(violation('manifest/types', 'manifest.oauth', 'must be an object'));
  return out;
}

/** @param {Record<string, unknown>} m */
function checkRequired(m) {
  const appOnly = m.requirementsOnly === true || m.marketingOnly === true;
  const required = ['author', 'defaultLocale', 'private', 'version', ...(appOnly ? [] : ['location', 'frameworkVersion'])];
  const out = [];
  for (const key of required) {
    if (m[key] === undefined) {
      const why = key === 'private' ? ' (Zendesk assumes true when absent; state it explicitly)' : key === 'version' ? ' (it also names the zip)' : '';
      out.push(violation('manifest/required', `manifest.${key}`, `missing${why}`));
    }
  }
  if (typeof m.version === 'string' && !/^[0-9A-Za-z][0-9A-Za-z.+_-]*$/.test(m.version)) {
    out.push(violation('manifest/types', 'manifest.version', `must be a plain version like "1.2.0", got ${show(m.version)}`));
  }
  return out;
}

/** @param {string} dir @param {Record<string, unknown>} m */
function checkName(dir, m) {
  if (typeof m.name === 'string' && m.name.trim() !== '') return [];
  if (m.name !== undefined && typeof m.name !== 'string') return []; // reported by checkTypes
  const translated = translationText(defaultLocaleTranslations(dir, m), ['app', 'name']);
  if (translated && translated.trim() !== '') return [];
  return [violation('manifest/name', 'manifest.name', `missing, and translations/${String(m.defaultLocale)}.json has no app.name either`)];
}

/** @param {Record<string, unknown>} m */
function checkAuthor(m) {
  if (!isPlainObject(m.author)) return [];
  const a = m.author;
  const out = [];
  if (typeof a.name !== 'string' || a.name.trim() === '') out.push(violation('manifest/author', 'manifest.author.name', `must be a non-empty string, got ${show(a.name)}`));
  if (typeof a.email !== 'string' || !EMAIL.test(a.email)) out.push(violation('manifest/author', 'manifest.author.email', `must be an e-mail address, got ${show(a.email)}`));
  if (a.url !== undefined && (typeof a.url !== 'string' || !HTTP_URL.test(a.url))) out.push(violation('manifest/author', 'manifest.author.url', `must be an http(s) URL, got ${show(a.url)}`));
  for (const key of Object.keys(a)) {
    if (!['name', 'email', 'url'].includes(key)) out.push(violation('manifest/author', `manifest.author.${key}`, 'unknown key; author has name, email and url'));
  }
  return out;
}

/** @param {string} dir @param {Record<string, unknown>} m */
function checkDefaultLocale(dir, m) {
  const locale = m.defaultLocale;
  if (typeof locale !== 'string') return [];
  if (!VALID_LOCALE.test(locale)) return [violation('manifest/default-locale', 'manifest.defaultLocale', `${show(locale)} is not a valid locale (lowercase, like "en" or "pt-br")`)];
  if (!existsSync(join(dir, 'translations', `${locale}.json`))) return [violation('manifest/default-locale', 'manifest.defaultLocale', `translations/${locale}.json is missing`)];
  return [];
}

/** @param {Record<string, unknown>} m */
function checkFrameworkVersion(m) {
  if (m.frameworkVersion === undefined || typeof m.frameworkVersion !== 'string') return [];
  if (m.frameworkVersion !== '2.0') return [violation('manifest/framework-version', 'manifest.frameworkVersion', `${show(m.frameworkVersion)} is not accepted for new uploads; use "2.0"`)];
  return [];
}

/** @param {Record<string, unknown>} m */
function checkRequirementsOnly(m) {
  const out = [];
  if (m.location !== undefined) out.push(violation('manifest/requirements-only', 'manifest.location', 'must not be set on a requirementsOnly/marketingOnly app'));
  if (m.frameworkVersion !== undefined) out.push(violation('manifest/requirements-only', 'manifest.frameworkVersion', 'must not be set on a requirementsOnly/marketingOnly app'));
  if (m.marketingOnly === true && Array.isArray(m.parameters) && m.parameters.length > 0) out.push(violation('manifest/requirements-only', 'manifest.parameters', 'must be empty on a marketingOnly app'));
  return out;
}

/** @param {string} dir @param {Record<string, unknown>} m */
function checkLocations(dir, m) {
  if (!isPlainObject(m.location)) return [];
  const out = [];
  for (const [productKey, locations] of Object.entries(m.location)) {
    const product = /** @type {Record<string, string>} */ (LEGACY_PRODUCT_NAMES)[productKey] ?? productKey;
    const known = /** @type {Record<string, string[]>} */ (LOCATIONS_BY_PRODUCT)[product];
    if (!known) {
      out.push(violation('manifest/location', `manifest.location.${productKey}`, `unknown product; use one of ${Object.keys(LOCATIONS_BY_PRODUCT).join(', ')}`));
      continue;
    }
    if (!isPlainObject(locations)) {
      out.push(violation('manifest/location', `manifest.location.${productKey}`, 'must be an object of location → url or options'));
      continue;
    }
    if (Object.keys(locations).length === 0) out.push(violation('manifest/location', `manifest.location.${productKey}`, 'declares no location'));
    for (const name of Object.keys(locations)) {
      if (!known.includes(name)) out.push(violation('manifest/location', `manifest.location.${productKey}.${name}`, `unknown ${product} location; use one of ${known.join(', ')}`));
    }
  }
  if (Object.keys(m.location).length === 0) out.push(violation('manifest/location', 'manifest.location', 'declares no product'));

  for (const entry of locationEntries(m)) {
    for (const flag of ['autoLoad', 'autoHide', 'flexible', 'signed']) {
      const v = entry.options[flag];
      if (v !== undefined && typeof v !== 'boolean') out.push(violation('manifest/location', `${entry.key}.${flag}`, `must be true or false, got ${show(v)}`));
    }
    out.push(...checkLocationUrl(dir, entry.url, entry.options, entry.url === undefined ? entry.key : entry.urlKey));
  }
  return out;
}

/**
 * @param {string} dir @param {unknown} url @param {Record<string, unknown>} options @param {string} where
 */
function checkLocationUrl(dir, url, options, where) {
  if (url === undefined || url === '') {
    if (options.autoLoad === false) return [];
    return [violation('manifest/location-url', where, 'has no url (only allowed with "autoLoad": false)')];
  }
  if (typeof url !== 'string') return [violation('manifest/location-url', where, `url must be a string, got ${show(url)}`)];
  if (url.includes('{{setting.')) return []; // resolved by Zendesk from a setting at run time
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    if (/^https:\/\/[^/\s]+/i.test(url) && !/^https:\/\/(localhost|127\.0\.0\.1)([:/]|$)/i.test(url)) return [];
    return [violation('manifest/location-url', where, `${show(url)} must be https on a public host, or a file under assets/ (a localhost url is a dev setting left in the package)`)];
  }
  const file = url.replace(/[?#].*$/, '');
  if (!file.startsWith('assets/')) return [violation('manifest/location-url', where, `${show(url)} must be a relative path under assets/ (no leading "/" or "./")`)];
  const abs = join(dir, file);
  if (!existsSync(abs) || !statSync(abs).isFile()) return [violation('manifest/location-url', where, `${show(url)} does not exist in the package`)];
  return [];
}

/** @param {Record<string, unknown>} m */
function checkParameters(m) {
  if (m.parameters === undefined) return [];
  if (!Array.isArray(m.parameters)) return [violation('manifest/parameters', 'manifest.parameters', `must be an array, got ${show(m.parameters)}`)];
  const out = [];
  /** @type {Map<string, number>} */
  const firstIndexByName = new Map();
  let oauthCount = 0;
  m.parameters.forEach((p, i) => {
    const at = `manifest.parameters[${i}]`;
    if (!isPlainObject(p)) {
      out.push(violation('manifest/parameters', at, `must be an object, got ${show(p)}`));
      return;
    }
    const name = p.name;
    if (typeof name !== 'string' || name === '') {
      out.push(violation('manifest/parameter-name', `${at}.name`, `must be a non-empty string, got ${show(name)}`));
    } else {
      if (!PARAMETER_NAME.test(name)) out.push(violation('manifest/parameter-name', `${at}.name`, `${show(name)} must contain only letters, digits and _ (and not start with a digit)`));
      if (RESERVED_PARAMETER_NAMES.includes(name)) out.push(violation('manifest/parameter-name', `${at}.name`, `${show(name)} is reserved by Zendesk (${RESERVED_PARAMETER_NAMES.join(', ')})`));
      const first = firstIndexByName.get(name);
      if (first !== undefined) out.push(violation('manifest/parameters', `${at}.name`, `${show(name)} duplicates manifest.parameters[${first}].name`));
      else firstIndexByName.set(name, i);
    }
    const type = p.type ?? 'text';
    if (typeof type !== 'string' || !PARAMETER_TYPES.includes(type)) {
      out.push(violation('manifest/parameter-type', `${at}.type`, `${show(type)} is not one of ${PARAMETER_TYPES.join(', ')}`));
    }
    for (const flag of ['required', 'secure']) {
      if (p[flag] !== undefined && typeof p[flag] !== 'boolean') out.push(violation('manifest/parameter-flags', `${at}.${flag}`, `must be true or false, got ${show(p[flag])}`));
    }
    if (type === 'hidden' && p.required === true) out.push(violation('manifest/parameter-flags', `${at}.required`, 'a hidden parameter cannot be required (the admin never sees it)'));
    if (type === 'oauth') {
      oauthCount++;
      if (p.secure === true) out.push(violation('manifest/parameter-flags', `${at}.secure`, 'an oauth parameter cannot be secure'));
    } else if (p.secure === true && typeof type === 'string' && !SECURABLE_TYPES.includes(type)) {
      out.push(violation('manifest/parameter-secure', `${at}.secure`, `a ${type} parameter cannot be secure; secure is for ${SECURABLE_TYPES.join(', ')} values used in requests`));
    }
    if (p.default !== undefined) {
      if (p.secure === true) out.push(violation('manifest/parameter-secure', `${at}.default`, 'a secure parameter must not ship a default (it would sit in the package in clear text)'));
      else out.push(...checkDefault(p.default, type, `${at}.default`));
    }
  });
  if (oauthCount > 1) out.push(violation('manifest/parameter-flags', 'manifest.parameters', `${oauthCount} parameters have type oauth; only one is allowed`));
  return out;
}

/** @param {unknown} value @param {unknown} type @param {string} where */
function checkDefault(value, type, where) {
  if (type === 'checkbox') return typeof value === 'boolean' ? [] : [violation('manifest/parameter-default', where, `a checkbox default must be true or false, got ${show(value)}`)];
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value) ? [] : [violation('manifest/parameter-default', where, `a number default must be a JSON number, got ${show(value)}`)];
  if (typeof value !== 'string') return [violation('manifest/parameter-default', where, `a ${String(type)} default must be a string, got ${show(value)}`)];
  if (type === 'url' && value !== '' && !HTTP_URL.test(value)) return [violation('manifest/parameter-default', where, `a url default must be an http(s) URL, got ${show(value)}`)];
  return [];
}

/** @param {Record<string, unknown>} m */
function checkDomainWhitelist(m) {
  const list = m.domainWhitelist;
  if (list === undefined) return [];
  if (!Array.isArray(list)) return [violation('manifest/domain-whitelist', 'manifest.domainWhitelist', `must be an array of hostnames, got ${show(list)}`)];
  /** @type {string[]} */
  const out = [];
  list.forEach((host, i) => {
    if (typeof host !== 'string' || !HOSTNAME.test(host)) {
      out.push(violation('manifest/domain-whitelist', `manifest.domainWhitelist[${i}]`, `${show(host)} is not a bare hostname (no scheme, port, path or trailing slash), e.g. "api.example.com"`));
    }
  });
  return out;
}

/**
 * Zendesk fills a secure setting only in requests to a domainWhitelist host: a secure parameter
 * without any whitelisted host can never be used, and the mirror's own host must be listed.
 * @param {Record<string, unknown>} m @param {string | undefined} mirrorUrl
 */
function checkSecureHosts(m, mirrorUrl) {
  const out = [];
  const list = Array.isArray(m.domainWhitelist) ? m.domainWhitelist : [];
  if (list.length === 0 && Array.isArray(m.parameters)) {
    m.parameters.forEach((p, i) => {
      if (!isPlainObject(p) || p.secure !== true) return;
      out.push(violation('manifest/secure-domain-whitelist', `manifest.parameters[${i}].secure`, `${show(p.name)} is secure, but manifest.domainWhitelist names no host; Zendesk only puts a secure setting into requests to a whitelisted host (build with ${MIRROR_URL_ENV}=https://<host>/… to whitelist the mirror's host)`));
    });
  }
  if (mirrorUrl !== undefined) {
    const mirror = mirrorHost(mirrorUrl);
    if (!mirror.ok) {
      out.push(violation('manifest/secure-domain-whitelist', MIRROR_URL_ENV, mirror.problem));
    } else if (!isWhitelisted(mirror.host, list)) {
      out.push(violation('manifest/secure-domain-whitelist', 'manifest.domainWhitelist', `the Apontamento mirror's host ${show(mirror.host)} (${MIRROR_URL_ENV}) is not in it; Zendesk would send the mirror request without the secure token`));
    }
  }
  return out;
}

/** @param {Record<string, unknown>} m */
function checkExperiments(m) {
  if (!isPlainObject(m.experiments)) return [];
  return Object.entries(m.experiments)
    .filter(([name, on]) => on && !ALLOWED_EXPERIMENTS.includes(name))
    .map(([name]) => violation('manifest/experiments', `manifest.experiments.${name}`, `unknown or unavailable experiment; allowed: ${ALLOWED_EXPERIMENTS.join(', ')}`));
}

/** @param {Record<string, unknown>} m */
function checkOauth(m) {
  if (!isPlainObject(m.oauth)) return [];
  const oauth = m.oauth;
  const out = [];
  for (const key of OAUTH_KEYS) {
    if (typeof oauth[key] !== 'string' || oauth[key] === '') out.push(violation('manifest/oauth', `manifest.oauth.${key}`, 'missing'));
  }
  const hasOauthParam = Array.isArray(m.parameters) && m.parameters.some((p) => isPlainObject(p) && p.type === 'oauth');
  if (!hasOauthParam) out.push(violation('manifest/oauth', 'manifest.parameters', 'an app with "oauth" needs one parameter of type oauth'));
  return out;
}
