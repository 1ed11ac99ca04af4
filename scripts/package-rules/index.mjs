// All package rules, in the order their problems are reported.
import * as manifest from './manifest.mjs';
import * as translations from './translations.mjs';
import * as assets from './assets.mjs';
import * as html from './html.mjs';
import * as requirements from './requirements.mjs';
import * as files from './files.mjs';
import * as secrets from './secrets.mjs';

/**
 * @typedef {{ allowSourceMaps?: boolean, mirrorUrl?: string }} CheckOptions mirrorUrl: the Apontamento mirror's URL the build was given (APONTAMENTO_MIRROR_URL)
 * @typedef {{ RULES: Record<string, import('../lib/violation.mjs').RuleInfo>, check: (dir: string, options?: CheckOptions) => string[] }} RuleModule
 */

/** @type {RuleModule[]} */
export const RULE_MODULES = [manifest, translations, assets, html, requirements, files, secrets];

/**
 * @param {string} dir
 * @param {CheckOptions} [options]
 * @returns {string[]} one line per violated rule; empty when the package is fine
 */
export function checkPackage(dir, options = {}) {
  return RULE_MODULES.flatMap((m) => m.check(dir, options));
}

/** @returns {[string, import('../lib/violation.mjs').RuleInfo][]} every rule id with its summary and source */
export function allRules() {
  return RULE_MODULES.flatMap((m) => Object.entries(m.RULES));
}
