import { createEmulator } from '../../sandbox/rest/index.mjs';
import { restRequest, type RequestTransport, type RetryPolicy } from '../../src/zendesk/rest';
import type { Zendesk } from '../../src/zendesk/zaf-client';

type Emulator = ReturnType<typeof createEmulator>;

/** What ZAF's `client.request` settles with when `httpCompleteResponse` is set — for answers and failures alike. */
interface CompleteResponse {
  status: number;
  statusText: string;
  responseJSON: unknown;
  responseText: string;
  headers: Record<string, string>;
}

/**
 * The sandbox emulator behind ZAF's `client.request`, as the Zendesk proxy answers the app:
 * 2xx resolves, anything else REJECTS with the same `{status, responseJSON, responseText, headers}`;
 * a 200 whose JSON does not parse rejects as jQuery's "parsererror" does.
 */
export function emulatorTransport(emulator: Emulator, userId = 2201): RequestTransport & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async request(options) {
      const method = String(options.type ?? 'GET').toUpperCase();
      const url = String(options.url);
      calls.push(`${method} ${url}`);
      const answer = await emulator.handle({ method, url, headers: { 'X-Sandbox-User-Id': String(userId), 'X-Sandbox-Via': 'web' }, body: options.data });
      const text = answer.body === null ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      let json: unknown;
      let parseFailed = false;
      if (text && /json/i.test(answer.headers['content-type'] ?? '')) {
        try {
          json = JSON.parse(text);
        } catch {
          parseFailed = true;
        }
      }
      const ok = answer.status >= 200 && answer.status < 300 && !parseFailed;
      const response: CompleteResponse = {
        status: answer.status,
        statusText: parseFailed ? 'parsererror' : ok ? 'OK' : 'error',
        responseJSON: json,
        responseText: text,
        headers: answer.headers,
      };
      if (!ok) throw response;
      return response;
    },
  };
}

/** A retry policy that never sleeps for real but remembers every wait it was asked for. */
export function recordingPolicy(): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { attempts: 4, timeoutMs: 5000, maxWaitMs: 20_000, waits, sleep: async (ms) => void waits.push(ms) };
}

/** The REST half of the `Zendesk` interface over the emulator, as the loaders receive it. */
export function emulatorZendesk(options: { fixtures?: 'demo' | 'big'; userId?: number; now?: () => number } = {}) {
  const emulator = createEmulator({ fixtures: options.fixtures ?? 'demo', ...(options.now ? { now: options.now } : {}) });
  const transport = emulatorTransport(emulator, options.userId);
  const policy = recordingPolicy();
  const zendesk: Pick<Zendesk, 'request'> = { request: (req, schema) => restRequest(transport, req, schema, policy) };
  return { emulator, transport, policy, zendesk };
}
