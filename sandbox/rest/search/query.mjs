/**
 * Zendesk search query syntax (the subset this account uses): `key:value`, `key<value`, `key>value`,
 * `key<=value`, `key>=value`, `-key:value` (negation), quoted values, and bare words (full text).
 */

/** @typedef {{negate: boolean, key: string|null, op: string, value: string}} Term */

/** @param {string} query @returns {Term[]} */
export function parseQuery(query) {
  const terms = [];
  const re = /(-?)(?:([\w.]+)(<=|>=|:|<|>)(?:"([^"]*)"|(\S*))|"([^"]*)"|(\S+))/g;
  let m;
  while ((m = re.exec(query))) {
    const [, minus, key, op, quoted, plain, phrase, word] = m;
    if (key) terms.push({ negate: minus === '-', key: key.toLowerCase(), op, value: quoted ?? plain ?? '' });
    else terms.push({ negate: minus === '-', key: null, op: ':', value: phrase ?? word });
  }
  return terms;
}

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000, month: 2_592_000_000, year: 31_536_000_000 };

/**
 * A date term value: "2026-01-31", "2026-01-31T10:00:00Z", or relative "4hours", "2days", "30minutes".
 * @returns {{kind: 'day', day: string} | {kind: 'instant', ms: number} | {kind: 'relative', ms: number} | null}
 */
export function parseDateValue(value, nowMs) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { kind: 'day', day: value };
  const relative = /^(\d+)(minute|hour|day|week|month|year)s?$/i.exec(value);
  if (relative) return { kind: 'relative', ms: nowMs - Number(relative[1]) * UNIT_MS[relative[2].toLowerCase()] };
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : { kind: 'instant', ms };
}

/**
 * Compares a timestamp with a date term. Days compare by calendar day (UTC); relative values read
 * "updated>4hours" as "within the last 4 hours", as Zendesk does.
 */
export function compareDate(iso, op, value, nowMs) {
  const parsed = parseDateValue(value, nowMs);
  if (!parsed || !iso) return false;
  if (parsed.kind === 'day') return compare(iso.slice(0, 10), op, parsed.day);
  const ms = Date.parse(iso);
  // "updated<4hours" (older than) compares the instant the other way round.
  if (parsed.kind === 'relative') return compare(ms, { '<': '<', '<=': '<=', '>': '>', '>=': '>=', ':': '>=' }[op], parsed.ms);
  return compare(ms, op, parsed.ms);
}

/** @param {any} a @param {string} op @param {any} b */
export function compare(a, op, b) {
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    default: return a === b;
  }
}
