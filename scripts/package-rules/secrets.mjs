// Secret-looking strings in any text file of the package. Everything in the zip is public on
// Zendesk's CDN, so a token here is a leaked token. Zendesk's own upload check
// (zendesk_apps_support validations/secrets.rb) only warns; this check fails the package.
// Built to stay quiet on minified bundles: only quoted literals are examined, known formats are
// exact, and the generic checks demand token-like values (no spaces, mixed character classes,
// high entropy, not an alphabet table).
import { readFileSync } from 'node:fs';
import { listFiles } from '../lib/walk.mjs';
import { violation } from '../lib/violation.mjs';

/** @type {Record<string, import('../lib/violation.mjs').RuleInfo>} */
export const RULES = {
  'secrets/known-format': { summary: 'no private keys, AWS/GitHub/Slack/Google/Stripe keys, JWTs, "Bearer <token>" or user:password@ URLs', source: 'ZAS secrets.rb APPLICATION_SECRETS (warning on upload); vendor token formats' },
  'secrets/assignment': { summary: 'no literal values assigned to api_key/api_token/token/secret/password-like names', source: 'ZAS secrets.rb SECRET_KEYWORDS and "Password"/"Token" patterns' },
  'secrets/high-entropy': { summary: 'no long random-looking string literals (32+ chars, mixed case and digits, high entropy)', source: 'this project\'s rule (generic token detector)' },
};

const TEXT_EXTENSIONS = ['js', 'mjs', 'cjs', 'css', 'html', 'htm', 'json', 'svg', 'xml', 'map', 'txt', 'md', 'hbs', 'hdbs'];

/** @type {{ label: string, re: RegExp, group?: number, tokenLike?: boolean }[]} */
const KNOWN_FORMATS = [
  { label: 'private key block', re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  { label: 'AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { label: 'AWS secret access key', re: /aws_?secret_?access_?key["'`]?\s*[:=]\s*["'`]?[A-Za-z0-9/+=]{40}/gi },
  { label: 'Slack token', re: /\bxox[abposr]-[0-9A-Za-z-]{10,}/g },
  { label: 'GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g },
  { label: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}/g },
  { label: 'Stripe live key', re: /\b[rs]k_live_[0-9A-Za-z]{16,}/g },
  { label: 'JSON Web Token', re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
  { label: 'Bearer token', re: /\bBearer\s+([A-Za-z0-9\-._~+/]{16,}=*)/g, group: 1, tokenLike: true },
  { label: 'credentials in a URL', re: /\bhttps?:\/\/[^\s/:@"'`]+:([^\s/:@"'`]{3,})@[^\s/"'`]+/g, group: 1 },
];

// A key whose NAME ends like a credential, then ":" or "=", then a quoted literal.
const ASSIGNMENT = /(["']?)([A-Za-z_$][\w$-]*)\1\s*[:=]\s*(["'`])([^"'`\\\n]{8,200})\3/g;
const SECRET_NAME = /(?:api[_-]?key|api[_-]?token|access[_-]?token|auth[_-]?token|refresh[_-]?token|client[_-]?secret|secret[_-]?key|secret|password|passwd|passphrase|pwd|private[_-]?key|token)$/i;
// 32–128 characters: longer literals are data (base64 fonts, wasm, tables), not credentials.
const LONG_LITERAL = /(["'`])([A-Za-z0-9+/=_-]{32,128})\1/g;

/**
 * @typedef {{ rule: string, label: string, index: number, sample: string }} Finding
 */

/**
 * Finds secret-looking strings in one text. Exported for unit tests and reuse.
 * @param {string} text
 * @param {{ entropy?: boolean }} [options] entropy=false skips the generic high-entropy check
 * @returns {Finding[]}
 */
export function findSecrets(text, options = {}) {
  /** @type {Finding[]} */
  const found = [];
  for (const { label, re, group, tokenLike } of KNOWN_FORMATS) {
    for (const m of text.matchAll(re)) {
      const value = group ? m[group] : m[0];
      if (/\{\{|\$\{/.test(value)) continue; // a placeholder such as {{setting.password}} is filled in by Zendesk
      if (tokenLike && !isTokenLike(value)) continue;
      found.push({ rule: 'secrets/known-format', label, index: m.index ?? 0, sample: value });
    }
  }
  for (const m of text.matchAll(ASSIGNMENT)) {
    const name = m[2];
    const value = m[4];
    if (SECRET_NAME.test(name) && isLiteralCredential(value)) {
      found.push({ rule: 'secrets/assignment', label: `literal value for "${name}"`, index: m.index ?? 0, sample: value });
    }
  }
  if (options.entropy !== false) {
    for (const m of text.matchAll(LONG_LITERAL)) {
      const value = m[2];
      if (/^sha(256|384|512)-/.test(value)) continue; // subresource integrity hashes are public
      if (!isAlphabet(value) && isTokenLike(value) && classCount(value) === 3 && shannonEntropy(value) >= 4.2 && classChangeRate(value) >= 0.45) {
        found.push({ rule: 'secrets/high-entropy', label: 'random-looking string', index: (m.index ?? 0) + 1, sample: value });
      }
    }
  }
  return found;
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
export function check(dir) {
  const out = [];
  for (const file of listFiles(dir)) {
    const ext = /\.([^./]+)$/.exec(file.rel)?.[1]?.toLowerCase();
    if (!ext || !TEXT_EXTENSIONS.includes(ext)) continue;
    const text = readFileSync(file.abs, 'utf8');
    // Source maps are mostly VLQ mappings: only the exact formats and assignments apply there.
    const findings = findSecrets(text, { entropy: ext !== 'map' });
    /** @type {Map<string, Finding[]>} */
    const byRule = new Map();
    for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    for (const [rule, list] of byRule) {
      const first = list.reduce((a, b) => (b.index < a.index ? b : a));
      const more = list.length > 1 ? ` (+${list.length - 1} more in this file)` : '';
      out.push(violation(rule, `${file.rel}:${position(text, first.index)}`, `possible ${first.label} ${redact(first.sample)}${more}`));
    }
  }
  return out;
}

/** A secret is never echoed whole into logs: first 4 characters and the length. @param {string} s */
export function redact(s) {
  return `"${s.slice(0, 4)}…" (${s.length} chars)`;
}

/** @param {string} text @param {number} index */
function position(text, index) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${index - lineStart + 1}`;
}

/** @param {string} s 1–3: how many of lowercase, uppercase, digits appear */
function classCount(s) {
  return Number(/[a-z]/.test(s)) + Number(/[A-Z]/.test(s)) + Number(/[0-9]/.test(s));
}

/** Bits per character of the string's own character distribution. @param {string} s */
export function shannonEntropy(s) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * An alphabet or lookup table (base64, nanoid, …): long, and every character distinct. Random
 * tokens of that length practically always repeat a character.
 * @param {string} s
 */
function isAlphabet(s) {
  return s.length >= 26 && new Set(s).size === s.length;
}

/**
 * How often the character class (lower, upper, digit) changes from one character to the next,
 * inside separator-delimited chunks (_ - + / = . end a chunk). Random base64/alphanumeric
 * tokens change class ~65% of the time; identifiers made of words ("Emit_a_UTF_8_Byte…",
 * "absoluteLengthOr0If…", "InterpolationInJSX") stay well under 45%.
 * @param {string} s
 */
export function classChangeRate(s) {
  const cls = (/** @type {string} */ c) => (/[a-z]/.test(c) ? 0 : /[A-Z]/.test(c) ? 1 : 2);
  let changes = 0;
  let pairs = 0;
  for (const chunk of s.split(/[^A-Za-z0-9]+/)) {
    for (let i = 1; i < chunk.length; i++) {
      pairs++;
      if (cls(chunk[i]) !== cls(chunk[i - 1])) changes++;
    }
  }
  return pairs === 0 ? 0 : changes / pairs;
}

/**
 * Token-like: mixes letter cases or digits, and is not just words (letters only with few case
 * changes, like camelCase or PascalCase names).
 * @param {string} s
 */
function isTokenLike(s) {
  if (classCount(s) < 2) return false;
  const letters = s.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (/^[A-Za-z]+$/.test(letters) && classChangeRate(letters) < 0.45) return false;
  return true;
}

/**
 * A literal assigned to a credential-like name that looks like a real credential rather than
 * a label, placeholder, i18n key or input type.
 * @param {string} v
 */
function isLiteralCredential(v) {
  if (/\s/.test(v)) return false; // prose: labels, help texts
  if (/\{\{|\$\{|%s|<|^https?:/.test(v)) return false; // placeholders, markup, urls
  if (/^(.)\1+$/.test(v)) return false; // "********"
  return !isAlphabet(v) && isTokenLike(v);
}
