import * as v from 'valibot';
import { classifyFailure, ZendeskError, type FailureKind } from './errors';

/**
 * A persistent outbox for writes that must never be lost (Apontamentos above all): an item is in
 * storage before anything is sent, stays there until Zendesk has accepted it, and survives a
 * reload. Sends must be idempotent (upserts by external id): a resend after a lost answer, or
 * the same item sent by two ticket tabs sharing the storage, is then harmless.
 *
 * Storage is the source of truth and every change is read-modify-write, so several instances
 * (one per ticket tab, same storage key) never overwrite each other's items.
 */

/** The part of `localStorage` the outbox needs. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface OutboxFailure {
  /** 'unknown': a non-Zendesk failure stored by an earlier version of the app. */
  kind: FailureKind | 'unknown';
  message: string;
  status: number | null;
  detail: string | null;
  at: number;
}

export interface PendingItem<T> {
  key: string;
  item: T;
  /** Failed sends of this version of the item. */
  attempts: number;
  /** When it will be tried again (ms); meaningless while `held`. */
  nextAttemptAt: number;
  lastError: OutboxFailure | null;
  /** Refused by Zendesk (a 4xx other than 409/429): waits for the agent to fix, retry or discard it. */
  held: boolean;
  /** A send is in flight right now (in this instance). */
  sending: boolean;
  enqueuedAt: number;
}

export interface OutboxOptions<T extends { key: string }> {
  storage: StorageLike;
  /** The storage entry; include account and agent so outboxes never mix. */
  key: string;
  /** Items are read back from storage, which may hold anything (an older app version, an edit). */
  itemSchema: v.GenericSchema<unknown, T>;
  send: (item: T) => Promise<void>;
  now: () => number;
  /** setTimeout-like; returns the cancel function. */
  schedule: (fn: () => void, ms: number) => () => void;
  /** For the jitter; Math.random by default. */
  random?: () => number;
  backoff?: { baseMs: number; maxMs: number };
}

export interface Outbox<T> {
  /** Stores the item (replacing an unsent one with the same key), then sends what is due. */
  enqueue(item: T): Promise<void>;
  /** Sends every due item, in order. Never rejects: failures are kept on the items. */
  flush(): Promise<void>;
  pending(): PendingItem<T>[];
  /** Makes the item (or every item) due now, held ones included, and flushes. */
  retryNow(key?: string): Promise<void>;
  /** Drops the item: an explicit choice of the agent, the only way an item leaves unsent. */
  discard(key: string): void;
  subscribe(listener: (items: PendingItem<T>[]) => void): () => void;
  /** Why items may not survive a reload (storage blocked or full; unreadable entries set aside), or null. */
  storageProblem(): string | null;
  dispose(): void;
}

/** Kinds worth sending again by themselves: the service, the network or a race, not the data. */
const TRANSIENT: ReadonlySet<string> = new Set<FailureKind>(['rate_limited', 'server', 'network', 'timeout', 'conflict', 'app_load']);

interface Entry {
  key: string;
  version: string;
  item: unknown;
  attempts: number;
  nextAttemptAt: number;
  lastError: OutboxFailure | null;
  held: boolean;
  enqueuedAt: number;
}

const failureSchema = v.object({
  kind: v.string(),
  message: v.string(),
  status: v.nullable(v.number()),
  detail: v.nullable(v.string()),
  at: v.number(),
});
const entrySchema = v.object({
  key: v.string(),
  version: v.string(),
  item: v.unknown(),
  attempts: v.number(),
  nextAttemptAt: v.number(),
  lastError: v.nullable(failureSchema),
  held: v.boolean(),
  enqueuedAt: v.number(),
});
const storedSchema = v.object({ v: v.literal(1), entries: v.array(v.unknown()) });

export function describeFailure(error: unknown, at: number): OutboxFailure {
  if (error instanceof ZendeskError) {
    return { kind: error.kind, message: error.message, status: error.status ?? null, detail: error.detail ?? null, at };
  }
  // A chunk that did not download (transient), or a bug of ours (held), never a Zendesk failure.
  const { kind, reference } = classifyFailure(error);
  return { kind, message: reference ?? (error instanceof Error ? error.message : String(error)), status: null, detail: null, at };
}

/** Retry-After, when the error carries it (ms). */
function retryAfterMs(error: unknown): number | null {
  const value = error && typeof error === 'object' ? (error as { retryAfterMs?: unknown }).retryAfterMs : undefined;
  // A floor of 1 s: "Retry-After: 0" in a loop would be a flood, not a retry.
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.max(1000, value) : null;
}

export function createOutbox<T extends { key: string }>(options: OutboxOptions<T>): Outbox<T> {
  const { storage, key: storageKey, itemSchema, send, now, schedule } = options;
  const random = options.random ?? Math.random;
  const { baseMs, maxMs } = options.backoff ?? { baseMs: 2000, maxMs: 5 * 60_000 };
  const listeners = new Set<(items: PendingItem<T>[]) => void>();
  const sending = new Set<string>(); // "key|version"
  let problem: string | null = null;
  /** What we could not write: used instead of storage until a write succeeds again. */
  let fallback: Entry[] | null = null;
  /** After a transient failure nothing is sent before this moment: the service is struggling. */
  let blockedUntil = 0;
  let cancelTimer: (() => void) | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let versions = 0;

  function setAside(raw: unknown, why: string): void {
    const asideKey = `${storageKey}:unreadable`;
    try {
      const previous = storage.getItem(asideKey);
      const list: unknown[] = previous ? (JSON.parse(previous) as unknown[]) : [];
      storage.setItem(asideKey, JSON.stringify([...list, raw]));
      problem = `unreadable outbox entries were set aside in ${asideKey} (${why})`;
    } catch (error) {
      problem = `unreadable outbox entries could not be set aside: ${describeFailure(error, now()).message}`;
    }
  }

  function read(): Entry[] {
    if (fallback) return fallback;
    let text: string | null;
    try {
      text = storage.getItem(storageKey);
    } catch (error) {
      problem = `storage unavailable: ${describeFailure(error, now()).message}`;
      fallback = [];
      return fallback;
    }
    if (text === null) return [];
    let stored: v.InferOutput<typeof storedSchema>;
    try {
      stored = v.parse(storedSchema, JSON.parse(text));
    } catch {
      setAside(text, 'not an outbox');
      write([]);
      return [];
    }
    const entries: Entry[] = [];
    const unreadable: unknown[] = [];
    for (const raw of stored.entries) {
      const entry = v.safeParse(entrySchema, raw);
      if (entry.success && v.safeParse(itemSchema, entry.output.item).success) entries.push({ ...entry.output, lastError: entry.output.lastError as OutboxFailure | null });
      else unreadable.push(raw);
    }
    if (unreadable.length > 0) {
      for (const raw of unreadable) setAside(raw, 'an item of another shape');
      write(entries);
    }
    return entries;
  }

  function write(entries: Entry[]): void {
    try {
      if (entries.length === 0) storage.removeItem(storageKey);
      else storage.setItem(storageKey, JSON.stringify({ v: 1, entries }));
      fallback = null;
      if (problem?.startsWith('storage')) problem = null;
    } catch (error) {
      fallback = entries;
      problem = `storage unavailable: ${describeFailure(error, now()).message}`;
    }
  }

  function change(edit: (entries: Entry[]) => Entry[]): void {
    write(edit(read()));
    notify();
  }

  function pending(): PendingItem<T>[] {
    return read().map((e) => ({
      key: e.key,
      item: v.parse(itemSchema, e.item),
      attempts: e.attempts,
      nextAttemptAt: e.nextAttemptAt,
      lastError: e.lastError,
      held: e.held,
      sending: sending.has(`${e.key}|${e.version}`),
      enqueuedAt: e.enqueuedAt,
    }));
  }

  function notify(): void {
    if (listeners.size === 0) return;
    const items = pending();
    for (const listener of listeners) listener(items);
  }

  /** Exponential, with "equal jitter": never less than half the step, so a crowd spreads out. */
  function backoffMs(attempts: number): number {
    const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(step / 2 + (random() * step) / 2);
  }

  function reschedule(): void {
    cancelTimer?.();
    cancelTimer = null;
    const waiting = read().filter((e) => !e.held);
    if (waiting.length === 0) return;
    const wake = Math.max(blockedUntil, Math.min(...waiting.map((e) => e.nextAttemptAt)));
    cancelTimer = schedule(() => {
      cancelTimer = null;
      void flush();
    }, Math.max(0, wake - now()));
  }

  async function sendOne(entry: Entry): Promise<'sent' | 'held' | 'transient'> {
    const id = `${entry.key}|${entry.version}`;
    const mine = (e: Entry) => e.key === entry.key && e.version === entry.version;
    sending.add(id);
    notify();
    try {
      await send(v.parse(itemSchema, entry.item));
      sending.delete(id);
      blockedUntil = 0;
      change((entries) => entries.filter((e) => !mine(e)));
      return 'sent';
    } catch (error) {
      sending.delete(id);
      const failure = describeFailure(error, now());
      const transient = TRANSIENT.has(failure.kind);
      const wait = transient ? (retryAfterMs(error) ?? backoffMs(entry.attempts + 1)) : 0;
      if (transient) blockedUntil = now() + wait;
      change((entries) =>
        entries.map((e) => (mine(e) ? { ...e, attempts: e.attempts + 1, lastError: failure, held: !transient, nextAttemptAt: transient ? now() + wait : e.nextAttemptAt } : e)),
      );
      return transient ? 'transient' : 'held';
    }
  }

  async function pass(): Promise<void> {
    if (now() < blockedUntil) return;
    const due = read().filter((e) => !e.held && e.nextAttemptAt <= now());
    for (const candidate of due) {
      // Re-read: another instance (or the agent) may have sent, replaced or discarded it meanwhile.
      const entry = read().find((e) => e.key === candidate.key && e.version === candidate.version);
      if (!entry || sending.has(`${entry.key}|${entry.version}`)) continue;
      // A struggling service gets one request per wait, not one per item.
      if ((await sendOne(entry)) === 'transient') return;
    }
  }

  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await pass();
      } while (again);
    })().finally(() => {
      running = null;
      reschedule();
    });
    return running;
  }

  const outbox: Outbox<T> = {
    enqueue(item) {
      const parsed = v.safeParse(itemSchema, item);
      if (!parsed.success) return Promise.reject(new TypeError(`outbox ${storageKey}: item of the wrong shape`));
      versions += 1;
      const entry: Entry = {
        key: item.key,
        version: `${now().toString(36)}-${versions}-${Math.floor(random() * 1e9).toString(36)}`,
        item,
        attempts: 0,
        nextAttemptAt: now(),
        lastError: null,
        held: false,
        enqueuedAt: now(),
      };
      // The newest version replaces an unsent older one, and goes last: it is the latest write.
      change((entries) => [...entries.filter((e) => e.key !== item.key), entry]);
      return flush();
    },
    flush,
    pending,
    retryNow(key) {
      blockedUntil = 0;
      change((entries) => entries.map((e) => (key === undefined || e.key === key ? { ...e, held: false, nextAttemptAt: now() } : e)));
      return flush();
    },
    discard(key) {
      change((entries) => entries.filter((e) => e.key !== key));
      reschedule();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    storageProblem: () => problem,
    dispose() {
      cancelTimer?.();
      cancelTimer = null;
      listeners.clear();
    },
  };
  reschedule(); // items left by a previous page load go out without waiting for a new one
  return outbox;
}
