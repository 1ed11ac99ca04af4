/**
 * Every failure that crosses the Zendesk boundary becomes a ZendeskError with a `kind` the UI
 * turns into a translated message and a way out (retry, the setting to fix, who to ask).
 */
export type ZendeskErrorKind =
  | 'timeout' // ZAF or REST gave no answer in time
  | 'rate_limited' // 429 after our retries
  | 'conflict' // 409: another agent changed the ticket meanwhile
  | 'forbidden' // 401/403
  | 'not_found' // 404
  | 'invalid' // 422: Zendesk refused the data
  | 'server' // 5xx after our retries
  | 'network' // status 0: offline, proxy down
  | 'malformed' // an answer of the wrong shape
  | 'zaf'; // a ZAF get/set/invoke error for a path

export class ZendeskError extends Error {
  readonly kind: ZendeskErrorKind;
  readonly status: number | undefined;
  readonly detail: string | undefined;
  /** A 429's Retry-After, when Zendesk sent one: how long the caller should hold off. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: ZendeskErrorKind, message: string, options: { status?: number; detail?: string; retryAfterMs?: number } = {}) {
    super(message);
    this.name = 'ZendeskError';
    this.kind = kind;
    this.status = options.status;
    this.detail = options.detail;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function kindForStatus(status: number): ZendeskErrorKind {
  if (status === 0) return 'network';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'invalid';
  if (status === 429) return 'rate_limited';
  return 'server';
}

/** Whatever was thrown, as a ZendeskError (the SDK rejects with TimeoutError objects, Errors or plain data). */
export function toZendeskError(error: unknown): ZendeskError {
  if (error instanceof ZendeskError) return error;
  if (error && typeof error === 'object' && 'name' in error && error.name === 'TimeoutError') {
    return new ZendeskError('timeout', String((error as { message?: unknown }).message ?? 'timeout'));
  }
  if (error instanceof Error) return new ZendeskError('zaf', error.message);
  return new ZendeskError('zaf', typeof error === 'string' ? error : 'unknown error');
}
