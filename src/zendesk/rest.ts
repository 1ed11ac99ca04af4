import * as v from 'valibot';
import { ZendeskError, kindForStatus } from './errors';

/** The part of the SDK client this module needs: `client.request`. */
export interface RequestTransport {
  request(options: Record<string, unknown>): Promise<unknown>;
}

export interface RestRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Safe to send again after a 5xx or a timeout (GETs, upserts by external id, safe updates). */
  idempotent?: boolean;
  /**
   * false: a 429 is thrown at once (with its Retry-After) instead of waited out here, for a caller
   * that paces the endpoint itself and tells the user why it waits (the export search).
   */
  waitOnRateLimit?: boolean;
}

export interface RetryPolicy {
  attempts: number;
  timeoutMs: number;
  /** Longest single wait we accept; a longer Retry-After is reported to the user instead. */
  maxWaitMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 4,
  timeoutMs: 15_000,
  maxWaitMs: 20_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface HttpAnswer {
  status: number;
  body: unknown;
  bodyText: string;
  retryAfterMs: number | undefined;
}

/**
 * One REST call through the Zendesk proxy (`client.request`), parsed by `schema`.
 * 429s wait for Retry-After (or back off exponentially); 5xx, network errors and timeouts are
 * retried only for idempotent calls, so a retry can never double a comment or a record.
 */
export async function restRequest<T>(
  transport: RequestTransport,
  req: RestRequest,
  schema: v.GenericSchema<unknown, T>,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<T> {
  const method = req.method ?? 'GET';
  const idempotent = req.idempotent ?? method === 'GET';
  let lastError: ZendeskError | undefined;

  for (let attempt = 0; attempt < policy.attempts; attempt += 1) {
    const answer = await send(transport, req, method, policy.timeoutMs);
    if (answer.status >= 200 && answer.status < 300) return parseBody(answer, schema, req.url);

    const kind = answer.status === -1 ? 'timeout' : kindForStatus(answer.status);
    lastError = new ZendeskError(kind, `${method} ${req.url} → ${answer.status}`, {
      status: answer.status,
      detail: errorDetail(answer.body, answer.bodyText),
      ...(kind === 'rate_limited' && answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}),
    });
    const retriable = (kind === 'rate_limited' && req.waitOnRateLimit !== false) || (idempotent && (kind === 'server' || kind === 'network' || kind === 'timeout'));
    if (!retriable || attempt === policy.attempts - 1) break;

    const wait = answer.retryAfterMs ?? Math.min(1000 * 2 ** attempt, policy.maxWaitMs);
    if (wait > policy.maxWaitMs) break;
    await policy.sleep(wait);
  }
  throw lastError ?? new ZendeskError('server', `${method} ${req.url} failed`);
}

async function send(transport: RequestTransport, req: RestRequest, method: string, timeoutMs: number): Promise<HttpAnswer> {
  const options: Record<string, unknown> = {
    url: req.url,
    type: method,
    httpCompleteResponse: true,
    autoRetry: false,
    timeout: timeoutMs,
  };
  if (req.body !== undefined) {
    options.contentType = 'application/json';
    options.data = JSON.stringify(req.body);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<HttpAnswer>((resolve) => {
    timer = setTimeout(() => resolve({ status: -1, body: undefined, bodyText: '', retryAfterMs: undefined }), timeoutMs + 1000);
  });
  try {
    const call = transport.request(options).then(
      (response) => readAnswer(response, 200),
      (failure: unknown) => readAnswer(failure, 0),
    );
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** ZAF hands back `{status, responseJSON, responseText, headers}` for answers and failures alike. */
function readAnswer(raw: unknown, fallbackStatus: number): HttpAnswer {
  const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const status = typeof record.status === 'number' ? record.status : fallbackStatus;
  const bodyText = typeof record.responseText === 'string' ? record.responseText : '';
  const statusText = typeof record.statusText === 'string' ? record.statusText : '';
  return {
    status: statusText === 'timeout' && status === 0 ? -1 : status,
    body: record.responseJSON,
    bodyText,
    retryAfterMs: retryAfter(record.headers),
  };
}

function retryAfter(headers: unknown): number | undefined {
  let value: unknown;
  if (typeof headers === 'string') {
    value = /^retry-after:\s*(.+)$/im.exec(headers)?.[1];
  } else if (headers && typeof headers === 'object') {
    const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === 'retry-after');
    value = entry?.[1];
  }
  const seconds = Number(String(value ?? '').trim());
  return value !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function parseBody<T>(answer: HttpAnswer, schema: v.GenericSchema<unknown, T>, url: string): T {
  let body = answer.body;
  if (body === undefined && answer.bodyText.trim() !== '') {
    try {
      body = JSON.parse(answer.bodyText);
    } catch {
      throw new ZendeskError('malformed', `${url}: the answer is not JSON`, { status: answer.status });
    }
  }
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) {
    const where = parsed.issues.slice(0, 3).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`).join('; ');
    throw new ZendeskError('malformed', `${url}: unexpected answer`, { status: answer.status, detail: where });
  }
  return parsed.output;
}

function errorDetail(body: unknown, text: string): string | undefined {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const parts = [b.error, b.description].filter((p): p is string => typeof p === 'string');
    if (parts.length > 0) return parts.join(': ');
  }
  return text ? text.slice(0, 200) : undefined;
}
