/**
 * The log of REST calls `{method, path, query, status, at, userId, origin}` (GET /__sandbox/requests).
 * `origin` is the X-Sandbox-Origin header ("host" for the workspace, "app" for the app's requests), or null.
 */
export function createRequestLog() {
  /** @type {Array<{method: string, path: string, query: string, status: number|null, at: string, userId: number|null, origin: string|null}>} */
  let entries = [];
  return {
    /** Logged when the call arrives (a hung call stays with status null). */
    start({ method, path, query, userId, origin, nowMs }) {
      const entry = { method, path, query, status: null, at: new Date(nowMs).toISOString(), userId: Number.isFinite(userId) ? userId : null, origin: origin ?? null };
      entries.push(entry);
      return entry;
    },
    list: () => entries.map((e) => ({ ...e })),
    clear() {
      entries = [];
    },
  };
}
