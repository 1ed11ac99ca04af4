/**
 * One request as the handlers see it: normalized path, query, parsed body, acting user, clock.
 */
import { badRequest, fail } from './responses.mjs';

export const ACCOUNT_ORIGIN = 'https://sandbox.zendesk.com';

/**
 * Accepts "/api/v2/tickets/1.json?x", "api/v2/tickets/1" and absolute URLs, as Zendesk clients send them.
 * @param {string} url
 */
export function normalizeUrl(url) {
  const parsed = new URL(url, `${ACCOUNT_ORIGIN}/`);
  let path = parsed.pathname.replace(/\/+$/, '') || '/';
  path = path.replace(/\.json$/, '');
  return { path, query: parsed.searchParams, search: parsed.search };
}

/** @param {unknown} body */
export function parseBody(body) {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    throw fail(badRequest('InvalidJSON', 'The request body is not valid JSON'));
  }
}

/** Header lookup that ignores case, as HTTP does. */
export function header(headers, name) {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/**
 * @param {{method: string, url: string, headers?: Record<string,string>, body?: unknown}} request
 * @param {{state: any, now: () => number, touch: () => void, limits: any, rateLimiter: any}} env
 */
export function createContext(request, env) {
  const { path, query, search } = normalizeUrl(request.url);
  const headerUser = header(request.headers, 'x-sandbox-user-id');
  const userId = headerUser !== undefined && headerUser !== '' ? Number(headerUser) : env.state.currentUserId;
  return {
    method: request.method.toUpperCase(),
    path,
    query,
    search,
    headers: request.headers ?? {},
    rawBody: request.body,
    userId,
    user: env.state.users[userId],
    params: /** @type {Record<string,string>} */ ({}),
    ...env,
    /** Parsed lazily so GETs with odd bodies never fail. */
    get body() {
      return parseBody(request.body);
    },
  };
}
