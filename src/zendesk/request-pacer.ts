/**
 * Keeps a rate-limited endpoint under its limit by waiting instead of sending: at most `limit`
 * calls in any rolling `windowMs`. Zendesk would answer a 429 and a Retry-After of up to a minute,
 * which the REST layer reports rather than sits through; waiting here first keeps a refresh of
 * the dashboard slow at worst, never failed.
 */
export interface Pacer {
  /** Resolves when one more call fits the window, and counts it as sent. */
  wait(): Promise<void>;
}

/** A pacer that can also be told to hold every call for a while (Zendesk answered 429 + Retry-After). */
export interface HoldingPacer extends Pacer {
  /** No `wait()` resolves before `ms` from now; a shorter hold never shortens one in force. */
  holdFor(ms: number): void;
}

export interface PacerOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createPacer({ limit, windowMs, now = Date.now, sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }: PacerOptions): HoldingPacer {
  /** When the calls still inside the window were sent, oldest first. */
  const sent: number[] = [];
  let heldUntil = 0;
  return {
    holdFor(ms) {
      heldUntil = Math.max(heldUntil, now() + ms);
    },
    async wait() {
      for (;;) {
        const t = now();
        if (t < heldUntil) {
          await sleep(heldUntil - t);
          continue;
        }
        while (sent.length > 0 && sent[0]! <= t - windowMs) sent.shift();
        // No await between the check and the push: concurrent callers can't both take the last slot.
        if (sent.length < limit) {
          sent.push(t);
          return;
        }
        await sleep(sent[0]! + windowMs - t);
      }
    },
  };
}
