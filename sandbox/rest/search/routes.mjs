/**
 * GET /api/v2/search (offset pagination, 100 per page, 1 000 results at most; `type:` in the query) and
 * GET /api/v2/search/export (cursor pagination, up to 1 000 per page, `filter[type]` required and
 * no `type:` in the query, no backward pages, rate-limited per ACCOUNT per rolling minute:
 * `limits.exportSearchPerMinute`, null = off).
 */
import { cursorPage, offsetPage } from '../pagination.mjs';
import { requireAgent } from '../permissions.mjs';
import { badRequest, fail, json, tooManyRequests } from '../responses.mjs';
import { ticketJson } from '../tickets/serialize.mjs';
import { MINUTE } from '../time.mjs';
import { userJson } from '../users/routes.mjs';
import { ticketMatches, userMatches } from './match.mjs';
import { parseQuery } from './query.mjs';

const SORTABLE = { updated_at: (t) => t.updated_at, created_at: (t) => t.created_at, priority: (t) => t.priority ?? '', status: (t) => t.status, ticket_type: (t) => t.type ?? '' };

/**
 * Positive `key:value` terms on the same key are alternatives (status:open status:pending);
 * everything else must hold together.
 */
function matcher(ctx, terms, matchOne) {
  const alternatives = new Map();
  const required = [];
  for (const term of terms) {
    if (term.key === 'type') continue;
    if (!term.negate && term.op === ':' && term.key !== null) {
      if (!alternatives.has(term.key)) alternatives.set(term.key, []);
      alternatives.get(term.key).push(term);
    } else required.push(term);
  }
  const groups = [...alternatives.values()];
  return (item) =>
    groups.every((group) => group.some((term) => matchOne(ctx, item, term))) &&
    required.every((term) => matchOne(ctx, item, term) !== term.negate);
}

/** @returns {Array<{result_type: string, item: any}>} sorted by id within each type */
function runSearch(ctx, query, filterType) {
  const terms = parseQuery(query);
  const type = filterType ?? terms.find((t) => t.key === 'type' && !t.negate)?.value.toLowerCase() ?? null;
  const results = [];
  if (type === null || type === 'ticket') {
    const matches = matcher(ctx, terms, ticketMatches);
    for (const t of Object.values(ctx.state.tickets)) if (matches(t)) results.push({ result_type: 'ticket', item: t });
  }
  if (type === null || type === 'user') {
    const matches = matcher(ctx, terms, userMatches);
    for (const u of Object.values(ctx.state.users)) if (matches(u)) results.push({ result_type: 'user', item: u });
  }
  return results.sort((a, b) => (a.result_type === b.result_type ? a.item.id - b.item.id : a.result_type < b.result_type ? -1 : 1));
}

const resultJson = ({ result_type, item }) => ({ ...(result_type === 'ticket' ? ticketJson(item) : userJson(item)), result_type });

function requireQuery(ctx) {
  const query = (ctx.query.get('query') ?? '').trim();
  if (!query) throw fail(badRequest('InvalidSearch', 'query parameter is required'));
  return query;
}

function search(ctx) {
  requireAgent(ctx);
  const results = runSearch(ctx, requireQuery(ctx), null);
  const sortBy = ctx.query.get('sort_by');
  if (sortBy && SORTABLE[sortBy]) {
    const desc = ctx.query.get('sort_order') !== 'asc';
    const value = (r) => (r.result_type === 'ticket' ? SORTABLE[sortBy](r.item) : '');
    results.sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : a.item.id - b.item.id) * (desc ? -1 : 1));
  }
  const page = Number(ctx.query.get('page') ?? 1);
  const perPage = Math.min(Number(ctx.query.get('per_page') ?? 100), 100);
  if (page * perPage > 1000) {
    throw fail(json({ error: 'invalid', description: 'Invalid search: Requested response size was greater than Search Response Limits' }, 422));
  }
  return json(offsetPage(ctx, results, { resource: 'results', map: resultJson, extra: { facets: null } }));
}

/** Zendesk: "rate-limited to 100 requests per minute per account": every user's calls share one window. */
const EXPORT_LIMIT_KEY = 'export-search:account';

function exportSearch(ctx) {
  requireAgent(ctx);
  const limit = ctx.limits.exportSearchPerMinute;
  if (limit !== null && limit !== undefined) {
    const verdict = ctx.rateLimiter.hit(EXPORT_LIMIT_KEY, limit, MINUTE, ctx.now());
    if (!verdict.allowed) throw fail(tooManyRequests(verdict.retryAfter));
  }
  const filterType = ctx.query.get('filter[type]');
  if (!filterType) throw fail(badRequest('InvalidParameter', 'filter[type] is required'));
  if (!['ticket', 'user'].includes(filterType)) throw fail(badRequest('InvalidParameter', `filter[type] is not supported: ${filterType}`));
  const query = requireQuery(ctx);
  // "You must specify the type in the filter[type] parameter. Searches with type in the query string
  // will result in an error." The body follows the search's "Errors JSON Format"; the status is a guess.
  if (parseQuery(query).some((t) => t.key === 'type')) {
    throw fail(json({ error: 'invalid', description: 'Invalid search: the export search takes the type in filter[type], not in the query' }, 422));
  }
  const results = runSearch(ctx, query, filterType);
  const page = cursorPage(ctx, results, { resource: 'results', key: (r) => r.item.id, maxSize: 1000, defaultSize: 100, map: resultJson, extra: { facets: null } });
  // "The prev property is always null because backward pagination is not supported."
  return json({ ...page, links: { ...page.links, prev: null } });
}

export const searchRoutes = [
  ['GET', '/api/v2/search', search],
  ['GET', '/api/v2/search/export', exportSearch],
];
