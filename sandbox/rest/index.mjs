/**
 * The in-memory Zendesk: `createEmulator({fixtures, now?})` →
 * `{handle({method, url, headers, body}) → Promise<{status, headers, body}>, reset(), state, revision, …}`.
 * `body` of a response is a JSON value, null (204), or a string (raw text, e.g. a `malformed` fault).
 * Pure: no sockets, no files. The server (http/start.mjs) adds HTTP, static files and persistence.
 */
import { buildFixtures } from '../fixtures/index.mjs';
import { createContext, header, normalizeUrl } from './context.mjs';
import { createControls } from './controls.mjs';
import { createCustomObject } from './custom-objects/declare.mjs';
import { applyFault, createFaults } from './faults.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { createRequestLog } from './request-log.mjs';
import { ApiError, invalidEndpoint, unauthorized } from './responses.mjs';
import { dispatch } from './router.mjs';
import { REST_ROUTES } from './routes.mjs';

export const DEFAULT_LIMITS = Object.freeze({ exportSearchPerMinute: 100 });

/**
 * @param {{fixtures?: 'demo'|'big', now?: () => number, state?: any, limits?: {exportSearchPerMinute?: number|null},
 *   appOrigin?: string, hostOrigin?: string, appVersion?: string}} [options]
 */
export function createEmulator(options = {}) {
  const fixtures = options.fixtures ?? options.state?.fixtures ?? 'demo';
  const now = options.now ?? Date.now;
  let state = options.state ?? buildFixtures(fixtures, now());
  let revision = 0;
  const faults = createFaults();
  const log = createRequestLog();
  const rateLimiter = createRateLimiter();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const touch = () => {
    revision += 1;
  };

  const emulator = {
    get state() {
      return state;
    },
    /** Bumped by every change of the account state; the server saves the state when it moves. */
    get revision() {
      return revision;
    },
    touch,
    faults,
    requestLog: log,
    rateLimiter,
    limits,
    /** Restores the fixtures; clears faults, the request log and rate-limit counters. */
    reset() {
      state = buildFixtures(fixtures, now());
      faults.clear();
      log.clear();
      rateLimiter.clear();
      touch();
    },
    /** Pre-creates a custom object from a requirements.json-like declaration. */
    createCustomObject(key, declaration) {
      const object = createCustomObject(state, key, declaration, { nowMs: now(), userId: 2201 });
      touch();
      return object;
    },
    /** @param {{method: string, url: string, headers?: Record<string,string>, body?: unknown}} request */
    async handle(request) {
      const env = { state, now, touch, limits, rateLimiter };
      try {
        const ctx = createContext(request, env);
        if (ctx.path.startsWith('/__sandbox/')) return await controls(ctx);
        if (!ctx.path.startsWith('/api/v2/')) return invalidEndpoint();
        const origin = header(request.headers, 'x-sandbox-origin');
        const entry = log.start({ method: ctx.method, path: ctx.path, query: ctx.search, userId: ctx.userId, origin, nowMs: now() });
        const fault = faults.take(ctx.method, ctx.path, ctx.path + ctx.search);
        const run = () => (ctx.user ? dispatch(REST_ROUTES, ctx) : Promise.resolve(unauthorized()));
        const response = fault ? await applyFault(fault, run) : await run();
        entry.status = response.status;
        return response;
      } catch (error) {
        if (error instanceof ApiError) return error.response;
        throw error;
      }
    },
  };
  const controls = createControls({ emulator, faults, log, limits, options });
  return emulator;
}

export { normalizeUrl };
