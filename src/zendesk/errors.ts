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

/**
 * What a ZAF SDK call rejected with, as a ZendeskError (the SDK rejects with TimeoutError objects,
 * Errors or plain data): only for the SDK's own answers, where any Error is ZAF's. Anything else
 * the UI meets goes through `classifyFailure`.
 */
export function toZendeskError(error: unknown): ZendeskError {
  if (error instanceof ZendeskError) return error;
  if (error && typeof error === 'object' && 'name' in error && error.name === 'TimeoutError') {
    return new ZendeskError('timeout', String((error as { message?: unknown }).message ?? 'timeout'));
  }
  if (error instanceof Error) return new ZendeskError('zaf', error.message);
  return new ZendeskError('zaf', typeof error === 'string' ? error : 'unknown error');
}

/**
 * A part of the app's own code (a lazy chunk, served from Zendesk's CDN like the app's page) did
 * not arrive: offline, or a deploy replaced the assets. Importing it again may work.
 */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ChunkLoadError';
  }
}

/** Every kind of failure the UI tells apart: Zendesk's, a chunk that did not load, a bug of ours. */
export type FailureKind = ZendeskErrorKind | 'app_load' | 'internal';

export interface Failure {
  kind: FailureKind;
  detail: string | null;
  /** For support, on an internal error: the exception's name and message, short and on one line. */
  reference: string | null;
}

const REFERENCE_MAX = 120;

/**
 * Whatever was thrown, as the agent is told it. Only a ZendeskError is a Zendesk failure: a
 * TypeError in our code or a render error caught by a boundary is 'internal', never shown as
 * something Zendesk refused.
 */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof ZendeskError) return { kind: error.kind, detail: error.detail ?? null, reference: null };
  if (error instanceof ChunkLoadError) return { kind: 'app_load', detail: null, reference: null };
  return { kind: 'internal', detail: null, reference: referenceOf(error) };
}

function referenceOf(error: unknown): string | null {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : null;
  if (text === null) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > REFERENCE_MAX ? `${line.slice(0, REFERENCE_MAX - 1)}…` : line;
}
