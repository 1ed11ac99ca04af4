import * as v from 'valibot';
import { parseSettings } from '../procedure/settings';
import { prefetchSidebarData } from '../ui/useSidebarData';
import { ZendeskError } from '../zendesk/errors';
import type { Connection } from '../zendesk/zaf-client';
import type { AppEnvironment } from './app-context';

export type BootResult = { state: 'unregistered' } | { state: 'ready'; env: AppEnvironment };
type Connected = Extract<Connection, { state: 'connected' }>;

const contextSchema = v.looseObject({ location: v.string() });
const metadataSchema = v.looseObject({ settings: v.optional(v.record(v.string(), v.unknown()), {}) });

/** What a location starts the moment its settings are known, before React draws it; settles when it has its answer. */
type Prefetch = (env: AppEnvironment) => Promise<unknown>;

const locationPrefetch: Partial<Record<string, Prefetch>> = {
  ticket_sidebar: (env) => prefetchSidebarData(env.zendesk, env.settings),
};

/** From `app.registered` to the app's environment; `onPrefetch` gets the location's first request, if it has one. */
export async function bootApp(connection: Connected, onPrefetch: (request: Promise<unknown>) => void = () => {}): Promise<BootResult> {
  const { zendesk } = connection;
  if (!(await connection.registered)) return { state: 'unregistered' };
  // Both come with app.registered: no round trip to Zendesk here.
  const context = parsed(contextSchema, await zendesk.context(), 'context');
  const metadata = parsed(metadataSchema, await zendesk.metadata(), 'metadata');
  const env: AppEnvironment = { zendesk, location: context.location, ...parseSettings(metadata.settings) };
  const prefetch = locationPrefetch[env.location];
  if (prefetch) onPrefetch(prefetch(env));
  return { state: 'ready', env };
}

/** Zendesk's answer of the wrong shape is Zendesk's failure ('malformed'), not a bug of the app. */
function parsed<T>(schema: v.GenericSchema<unknown, T>, answer: unknown, what: string): T {
  const result = v.safeParse(schema, answer);
  if (!result.success) throw new ZendeskError('malformed', `ZAF ${what}: unexpected answer`, { detail: v.getDotPath(result.issues[0]) ?? what });
  return result.output;
}

interface FirstBoot {
  result: Promise<BootResult>;
  /** The result once it is known, so the first render can draw it without waiting for an effect. */
  settled: BootResult | null;
  /** Settles when the boot and the location's first request have, whatever their outcome. */
  drawable: Promise<void>;
}

const first = new WeakMap<Connected, FirstBoot>();

/**
 * The boot main.tsx starts next to the handshake, outside React: at `app.registered` the
 * location's first request (the sidebar's batched get) leaves at once, before any render work.
 * Once per connection; Root takes the same one.
 */
export function firstBoot(connection: Connected): FirstBoot {
  let started = first.get(connection);
  if (!started) {
    let prefetched: Promise<unknown> = Promise.resolve();
    const result = bootApp(connection, (request) => (prefetched = request));
    const boot: FirstBoot = {
      result,
      settled: null,
      drawable: result.then(() => prefetched).then(
        () => {},
        () => {},
      ),
    };
    result.then(
      (settled) => (boot.settled = settled),
      // Root renders the failure; here it is not an unhandled one.
      () => {},
    );
    first.set(connection, boot);
    started = boot;
  }
  return started;
}
