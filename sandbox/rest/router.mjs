/** A tiny method + path-pattern router ("/api/v2/tickets/:id"). First match wins. */
import { ApiError, invalidEndpoint, json } from './responses.mjs';

/** @param {Array<[string, string, Function]>} defs */
export function compileRoutes(defs) {
  return defs.map(([method, pattern, handler]) => {
    const keys = [];
    const source = pattern.replace(/:(\w+)/g, (_, key) => {
      keys.push(key);
      return '([^/]+)';
    });
    return { method, pattern, regex: new RegExp(`^${source}$`), keys, handler };
  });
}

export async function dispatch(routes, ctx) {
  for (const route of routes) {
    if (route.method !== ctx.method) continue;
    const match = route.regex.exec(ctx.path);
    if (!match) continue;
    route.keys.forEach((key, i) => {
      ctx.params[key] = decodeURIComponent(match[i + 1]);
    });
    try {
      return await route.handler(ctx);
    } catch (error) {
      if (error instanceof ApiError) return error.response;
      console.error('[sandbox] handler failed', ctx.method, ctx.path, error);
      return json({ error: 'InternalError', description: String(error?.message ?? error) }, 500);
    }
  }
  return invalidEndpoint();
}
