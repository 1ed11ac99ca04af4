import type * as v from 'valibot';
import { ZendeskError } from './errors';
import type { RestClient } from './pages';
import { createPacer, type HoldingPacer } from './request-pacer';

/**
 * Zendesk's export search (GET /api/v2/search/export) is "rate-limited to 100 requests per minute
 * per ACCOUNT": every user, tab and frame of the account draws on one budget. A frame cannot see
 * the others' calls, so it takes at most 90 itself and, when Zendesk still answers 429 (someone
 * else is using the budget), holds its calls for the Retry-After and says so.
 */
export const EXPORT_SEARCH_PER_MINUTE = 90;
export const EXPORT_SEARCH_PATH = '/api/v2/search/export';
const MINUTE_MS = 60_000;
/** 429s in a row one page sits through (each up to a minute) before it becomes a failed page. */
const MAX_BUSY_WAITS = 5;

/** One pacer per frame: the dashboard's list and the analyst pool's fallback share it. */
export const exportSearchPacer: HoldingPacer = createPacer({ limit: EXPORT_SEARCH_PER_MINUTE, windowMs: MINUTE_MS });

export interface ExportPacing {
  pacer?: HoldingPacer;
  /** Zendesk answered 429: the account's budget is in use elsewhere; the call goes on in `seconds`. */
  onAccountBusy?: (seconds: number) => void;
}

/**
 * One export search request, paced: waits its turn on the pacer, and on a 429 holds the pacer for
 * Retry-After (or a growing back-off when Zendesk sends none) and asks again, so the page arrives
 * late rather than missing. After MAX_BUSY_WAITS refusals in a row the 429 is thrown.
 */
export async function requestExportPage<T>(zendesk: RestClient, url: string, schema: v.GenericSchema<unknown, T>, { pacer = exportSearchPacer, onAccountBusy }: ExportPacing = {}): Promise<T> {
  for (let busy = 0; ; busy += 1) {
    await pacer.wait();
    try {
      return await zendesk.request({ url, waitOnRateLimit: false }, schema);
    } catch (error) {
      if (!(error instanceof ZendeskError) || error.kind !== 'rate_limited' || busy === MAX_BUSY_WAITS) throw error;
      const waitMs = error.retryAfterMs ?? Math.min(MINUTE_MS, 5000 * 2 ** busy);
      pacer.holdFor(waitMs);
      onAccountBusy?.(Math.ceil(waitMs / 1000));
    }
  }
}
