/**
 * Zendesk's two pagination styles.
 * Offset: `page`, `per_page` (max 100) → `next_page`, `previous_page`, `count`.
 * Cursor (used when any `page[...]` parameter is present): `page[size]`, `page[after]`, `page[before]`
 * → `meta: {has_more, after_cursor, before_cursor}`, `links: {next, prev}`.
 * Items must already be sorted ascending by `key`, which makes cursors stable under inserts.
 * Offset pages stop at the first 10 000 records: Zendesk answers 400 past them ("Paginating through lists").
 */
import { ACCOUNT_ORIGIN } from './context.mjs';
import { badRequest, fail } from './responses.mjs';

const MAX_OFFSET_RECORDS = 10_000;

export const usesCursor = (query) => [...query.keys()].some((k) => k.startsWith('page['));

function pageUrl(ctx, changes) {
  const params = new URLSearchParams(ctx.query);
  for (const key of ['page', 'per_page', 'page[after]', 'page[before]']) params.delete(key);
  for (const [key, value] of Object.entries(changes)) params.set(key, String(value));
  return `${ACCOUNT_ORIGIN}${ctx.path}.json?${params.toString()}`;
}

const encodeCursor = (key) => Buffer.from(JSON.stringify({ k: key })).toString('base64url');

function decodeCursor(cursor) {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')).k;
  } catch {
    throw fail(badRequest('InvalidPaginationParameter', 'page cursor is invalid'));
  }
}

/** The first index whose key passes `after(key)` (false…false, true…true): binary search, so a page costs O(log n). */
function firstIndex(items, key, after) {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(key(items[mid]))) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function positiveInt(value, fallback) {
  if (value === null || value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw fail(badRequest('InvalidPaginationParameter', `Invalid page parameter: ${value}`));
  return n;
}

/**
 * @param {any} ctx
 * @param {any[]} items sorted ascending by key
 * @param {{resource: string, key?: (item: any) => any, maxSize?: number, defaultSize?: number, extra?: object, map?: (item: any) => any}} options
 */
export function cursorPage(ctx, items, { resource, key = (i) => i.id, maxSize = 100, defaultSize = 100, extra = {}, map = (i) => i }) {
  const size = positiveInt(ctx.query.get('page[size]'), defaultSize);
  if (size > maxSize) throw fail(badRequest('InvalidPaginationParameter', `page[size] is limited to ${maxSize}`));
  const after = ctx.query.get('page[after]');
  const before = ctx.query.get('page[before]');
  let start = 0;
  let end;
  let hasMore;
  if (before) {
    const k = decodeCursor(before);
    end = firstIndex(items, key, (itemKey) => itemKey >= k);
    start = Math.max(0, end - size);
    hasMore = start > 0;
  } else {
    if (after) {
      const k = decodeCursor(after);
      start = firstIndex(items, key, (itemKey) => itemKey > k);
    }
    end = Math.min(items.length, start + size);
    hasMore = end < items.length;
  }
  const page = items.slice(start, end);
  const afterCursor = page.length ? encodeCursor(key(page[page.length - 1])) : null;
  const beforeCursor = page.length ? encodeCursor(key(page[0])) : null;
  return {
    [resource]: page.map(map),
    ...extra,
    meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
    links: {
      next: end < items.length && afterCursor ? pageUrl(ctx, { 'page[size]': size, 'page[after]': afterCursor }) : null,
      prev: start > 0 && beforeCursor ? pageUrl(ctx, { 'page[size]': size, 'page[before]': beforeCursor }) : null,
    },
  };
}

/** @param {any} ctx @param {any[]} items @param {{resource: string, maxPerPage?: number, extra?: object, map?: (item: any) => any}} options */
export function offsetPage(ctx, items, { resource, maxPerPage = 100, extra = {}, map = (i) => i }) {
  const page = positiveInt(ctx.query.get('page'), 1);
  const perPage = Math.min(positiveInt(ctx.query.get('per_page'), maxPerPage), maxPerPage);
  const start = (page - 1) * perPage;
  if (start >= MAX_OFFSET_RECORDS) {
    throw fail(badRequest('InvalidPaginationParameter', `Offset pagination is limited to the first ${MAX_OFFSET_RECORDS} records; use cursor pagination`));
  }
  return {
    [resource]: items.slice(start, start + perPage).map(map),
    ...extra,
    next_page: start + perPage < items.length ? pageUrl(ctx, { page: page + 1, per_page: perPage }) : null,
    previous_page: page > 1 ? pageUrl(ctx, { page: page - 1, per_page: perPage }) : null,
    count: items.length,
  };
}

/** Cursor when the client asks for it, offset otherwise — as most Zendesk list endpoints do. */
export function paginate(ctx, items, options) {
  return usesCursor(ctx.query) ? cursorPage(ctx, items, options) : offsetPage(ctx, items, options);
}
