import ZAFClient, { type ZafSdkClient } from 'zendesk_app_framework_sdk';
import * as v from 'valibot';
import { chunkLoader } from './chunk';
import { ZendeskError, toZendeskError } from './errors';
import type { RequestTransport, RestRequest, RetryPolicy } from './rest';

/** What a batched `get` gives back: the values found and, per path, what Zendesk refused. */
export interface GetResult {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/**
 * The app's only door to Zendesk. Features receive this interface (tests hand them a fake);
 * every answer is parsed before it leaves this module.
 */
export interface Zendesk {
  get(paths: string[]): Promise<GetResult>;
  set(values: Record<string, unknown>): Promise<void>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  /** A handler may return a promise: Zendesk waits for it on hooks such as `ticket.save`. */
  on(event: string, handler: (data: unknown) => unknown): () => void;
  request<T>(req: RestRequest, schema: v.GenericSchema<unknown, T>): Promise<T>;
  /** ZAF's own `client.request`, for the rare call that sets proxy options itself (secure settings). */
  transport: RequestTransport;
  metadata(): Promise<unknown>;
  context(): Promise<unknown>;
}

const zafErrorSchema = v.looseObject({ message: v.optional(v.string()), name: v.optional(v.string()) });
const getAnswerSchema = v.objectWithRest({ errors: v.optional(v.record(v.string(), zafErrorSchema)) }, v.unknown());
const setAnswerSchema = getAnswerSchema;

export type Connection =
  | { state: 'outside' } // opened outside Zendesk: no origin/app_guid in the URL
  | { state: 'connected'; zendesk: Zendesk; registered: Promise<boolean> };

/**
 * Starts the SDK. `registered` resolves true on `app.registered`, false when it never comes
 * within `registrationTimeoutMs` (the frame was opened by something that is not Zendesk).
 */
export function connect(registrationTimeoutMs = 6000, retryPolicy?: RetryPolicy): Connection {
  const sdk = ZAFClient.init();
  if (!sdk) return { state: 'outside' };
  const registered = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), registrationTimeoutMs);
    sdk.on('app.registered', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  return { state: 'connected', zendesk: wrapSdk(sdk, retryPolicy), registered };
}

/** The REST client's chunk, shared by every connection; a failed download is tried again at the next request. */
const restCode = chunkLoader(() => import('./rest'));

export function wrapSdk(sdk: ZafSdkClient, retryPolicy?: RetryPolicy): Zendesk {
  return {
    async get(paths) {
      const answer = await call(() => sdk.get(paths), getAnswerSchema, 'get');
      const { errors = {}, ...values } = answer;
      return { values, errors: Object.fromEntries(Object.entries(errors).map(([path, e]) => [path, e.message ?? e.name ?? 'error'])) };
    },
    async set(values) {
      const answer = await call(() => sdk.set(values), setAnswerSchema, 'set');
      const failed = Object.entries(answer.errors ?? {});
      if (failed.length > 0) {
        const [path, error] = failed[0]!;
        throw new ZendeskError('zaf', `${path}: ${error.message ?? 'error'}`, { detail: path });
      }
    },
    async invoke(name, ...args) {
      const answer = await call(() => sdk.invoke(name, ...args), getAnswerSchema, 'invoke');
      const error = answer.errors?.[name];
      if (error) throw new ZendeskError('zaf', `${name}: ${error.message ?? 'error'}`, { detail: name });
      return answer[name];
    },
    on(event, handler) {
      sdk.on(event, handler);
      return () => sdk.off(event, handler);
    },
    // The REST client (retries, 429s, timeouts) loads with the first request: the first paint makes none.
    request: async (req, schema) => (await restCode()).restRequest(sdk, req, schema, retryPolicy),
    transport: sdk,
    // Their failures are ZAF's too (and may come as a resolved TimeoutError): never an unclassified error.
    metadata: () => call(() => sdk.metadata(), v.unknown(), 'metadata'),
    context: () => call(() => sdk.context(), v.unknown(), 'context'),
  };
}

async function call<T>(run: () => Promise<unknown>, schema: v.GenericSchema<unknown, T>, what: string): Promise<T> {
  let raw: unknown;
  try {
    raw = await run();
  } catch (error) {
    throw toZendeskError(error);
  }
  // SDK 2.0.x settles a timed-out call by RESOLVING with its TimeoutError (it is not an Error).
  if (raw && typeof raw === 'object' && (raw as { name?: unknown }).name === 'TimeoutError') throw toZendeskError(raw);
  const parsed = v.safeParse(schema, raw);
  if (!parsed.success) throw new ZendeskError('malformed', `ZAF ${what}: unexpected answer`);
  return parsed.output;
}
