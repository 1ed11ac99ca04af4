/** The log of REST calls `{method, path, query, status, at, userId}` (GET /__sandbox/requests). */
export function createRequestLog() {
  /** @type {Array<{method: string, path: string, query: string, status: number|null, at: string, userId: number|null}>} */
  let entries = [];
  return {
    /** Logged when the call arrives (a hung call stays with status null). */
    start(method, path, query, userId, nowMs) {
      const entry = { method, path, query, status: null, at: new Date(nowMs).toISOString(), userId: Number.isFinite(userId) ? userId : null };
      entries.push(entry);
      return entry;
    },
    list: () => entries.map((e) => ({ ...e })),
    clear() {
      entries = [];
    },
  };
}
