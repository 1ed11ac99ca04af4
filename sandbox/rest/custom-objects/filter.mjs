/**
 * Custom object record search: the `query` text match (start of any word of name and text fields)
 * and the filter object of POST …/records/search (`{attr: {$op: value}}`, `$and`, `$or`).
 */
import { badRequest, fail } from '../responses.mjs';

const TEXT_TYPES = new Set(['text', 'textarea', 'regexp']);
const STANDARD = { name: 'name', external_id: 'external_id', created_at: 'created_at', updated_at: 'updated_at', created_by_user: 'created_by_user_id', updated_by_user: 'updated_by_user_id' };

/** @param {any} record @param {any[]} fields @param {string} query */
export function matchesQuery(record, fields, query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const texts = [record.name, ...fields.filter((f) => TEXT_TYPES.has(f.type)).map((f) => record.custom_object_fields[f.key])];
  const recordWords = texts.filter((t) => typeof t === 'string').flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}_]+/u));
  return words.some((w) => recordWords.some((rw) => rw.startsWith(w)));
}

function attributeValue(record, attribute) {
  if (attribute.startsWith('custom_object_fields.')) return record.custom_object_fields[attribute.slice(21)] ?? null;
  if (attribute in STANDARD) return record[STANDARD[attribute]] ?? null;
  throw fail(badRequest('InvalidFilter', `Unknown filter attribute: ${attribute}`));
}

const same = (a, b) => (typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : String(a) === String(b));

function holds(actual, op, expected) {
  switch (op) {
    case '$eq': return Array.isArray(actual) ? actual.includes(expected) : actual !== null && same(actual, expected);
    case '$noteq': return Array.isArray(actual) ? !actual.includes(expected) : actual === null || !same(actual, expected);
    case '$in': return Array.isArray(expected) && expected.some((e) => (Array.isArray(actual) ? actual.includes(e) : actual !== null && same(actual, e)));
    case '$not_in': return Array.isArray(expected) && !expected.some((e) => actual !== null && same(actual, e));
    case '$gt': return actual !== null && actual > expected;
    case '$gte': return actual !== null && actual >= expected;
    case '$lt': return actual !== null && actual < expected;
    case '$lte': return actual !== null && actual <= expected;
    case '$contains': return typeof actual === 'string' && actual.toLowerCase().includes(String(expected).toLowerCase());
    case '$not_contains': return typeof actual !== 'string' || !actual.toLowerCase().includes(String(expected).toLowerCase());
    case '$starts_with': return typeof actual === 'string' && actual.toLowerCase().startsWith(String(expected).toLowerCase());
    case '$exists': return (actual !== null) === Boolean(expected);
    default: throw fail(badRequest('InvalidFilter', `Unsupported filter operator: ${op}`));
  }
}

/** @param {any} record @param {any} filter */
export function matchesFilter(record, filter) {
  if (!filter || typeof filter !== 'object') return true;
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and') return Array.isArray(condition) && condition.every((f) => matchesFilter(record, f));
    if (key === '$or') return Array.isArray(condition) && condition.some((f) => matchesFilter(record, f));
    const actual = attributeValue(record, key);
    if (condition === null || typeof condition !== 'object') return holds(actual, '$eq', condition);
    return Object.entries(condition).every(([op, expected]) => holds(actual, op, expected));
  });
}
