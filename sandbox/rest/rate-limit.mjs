/** Rolling-window request counter (per key), for emulating Zendesk's per-minute endpoint limits. */

export function createRateLimiter() {
  /** @type {Map<string, number[]>} */
  const hits = new Map();
  return {
    /**
     * Records a request; when the window is full, refuses it and says when to retry (seconds).
     * @param {string} key @param {number} limit @param {number} windowMs @param {number} nowMs
     */
    hit(key, limit, windowMs, nowMs) {
      const recent = (hits.get(key) ?? []).filter((t) => t > nowMs - windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return { allowed: false, retryAfter: Math.max(1, Math.ceil((recent[0] + windowMs - nowMs) / 1000)) };
      }
      recent.push(nowMs);
      hits.set(key, recent);
      return { allowed: true, retryAfter: 0 };
    },
    clear() {
      hits.clear();
    },
  };
}
