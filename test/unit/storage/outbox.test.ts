import * as v from 'valibot';
import { ChunkLoadError, ZendeskError } from '../../../src/zendesk/errors';
import { createOutbox, type PendingItem } from '../../../src/zendesk/outbox';
import { fakeClock, fakeStorage } from './fakes';

interface Item {
  key: string;
  value: number;
}
const itemSchema: v.GenericSchema<unknown, Item> = v.object({ key: v.string(), value: v.pipe(v.number(), v.finite()) });
const KEY = 'consultoria.outbox.acme.2001';

type Outcome = 'ok' | 'hang' | Error;

/** An outbox whose `send` follows a script of outcomes (then 'ok'), recording what it was asked to send. */
function setup(options: { script?: Outcome[]; storage?: ReturnType<typeof fakeStorage>; clock?: ReturnType<typeof fakeClock>; random?: () => number } = {}) {
  const storage = options.storage ?? fakeStorage();
  const clock = options.clock ?? fakeClock();
  const script = [...(options.script ?? [])];
  const sent: string[] = [];
  const hanging: Array<() => void> = [];
  const outbox = createOutbox<Item>({
    storage,
    key: KEY,
    itemSchema,
    now: clock.now,
    schedule: clock.schedule,
    random: options.random ?? (() => 0.5),
    async send(item) {
      sent.push(`${item.key}=${item.value}`);
      const outcome = script.shift() ?? 'ok';
      if (outcome === 'hang') return new Promise<void>((resolve) => hanging.push(resolve));
      if (outcome instanceof Error) throw outcome;
    },
  });
  const stored = () => {
    const text = storage.getItem(KEY);
    return text === null ? [] : (JSON.parse(text) as { entries: Array<{ key: string; item: Item }> }).entries.map((e) => `${e.key}=${e.item.value}`);
  };
  return { outbox, storage, clock, sent, hanging, stored, script };
}

const serverError = () => new ZendeskError('server', 'PATCH … → 500', { status: 500 });
const rateLimited = (retryAfterMs?: number) => Object.assign(new ZendeskError('rate_limited', 'PATCH … → 429', { status: 429 }), retryAfterMs === undefined ? {} : { retryAfterMs });
const refused = () => new ZendeskError('invalid', 'PATCH … → 422', { status: 422, detail: 'minutes: not an integer' });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('outbox: nothing is lost', () => {
  it('stores an item before sending it, and forgets it only once Zendesk has it', async () => {
    const t = setup({ script: ['hang'] });
    const done = t.outbox.enqueue({ key: 'a', value: 1 });
    expect(t.stored()).toEqual(['a=1']);
    expect(t.outbox.pending()).toMatchObject([{ key: 'a', sending: true, attempts: 0, lastError: null }]);
    t.hanging[0]!();
    await done;
    expect(t.stored()).toEqual([]);
    expect(t.storage.data.has(KEY)).toBe(false);
    expect(t.outbox.pending()).toEqual([]);
  });

  it('survives a reload: items left in storage are sent by the next page load, on their schedule', async () => {
    const storage = fakeStorage();
    const clock = fakeClock();
    const before = setup({ storage, clock, script: [serverError()] });
    await before.outbox.enqueue({ key: 'a', value: 1 });
    before.outbox.dispose(); // the page goes away
    const waitMs = before.outbox.pending()[0]!.nextAttemptAt - clock.now();
    expect(waitMs).toBeGreaterThan(0);

    const after = setup({ storage, clock });
    expect(after.outbox.pending()).toMatchObject([{ key: 'a', attempts: 1, lastError: { kind: 'server', status: 500 } }]);
    expect(clock.nextIn()).toBe(waitMs);
    clock.advance(waitMs);
    await after.outbox.flush();
    expect(after.sent).toEqual(['a=1']);
    expect(after.stored()).toEqual([]);
  });

  it('an item stored but never sent (page closed at once) goes out right after the reload', async () => {
    const storage = fakeStorage();
    const clock = fakeClock();
    const before = setup({ storage, clock, script: ['hang'] });
    void before.outbox.enqueue({ key: 'a', value: 1 });
    const after = setup({ storage, clock });
    expect(clock.nextIn()).toBe(0);
    clock.advance(0);
    await after.outbox.flush();
    expect(after.sent).toEqual(['a=1']);
  });

  it('two tabs sharing the storage never overwrite each other\'s items', async () => {
    const storage = fakeStorage();
    const clock = fakeClock();
    const tabA = setup({ storage, clock, script: ['hang'] });
    const tabB = setup({ storage, clock, script: ['hang'] });
    const a = tabA.outbox.enqueue({ key: 'a', value: 1 });
    const b = tabB.outbox.enqueue({ key: 'b', value: 2 });
    expect(tabA.stored()).toEqual(['a=1', 'b=2']);
    tabA.hanging[0]!();
    tabB.hanging[0]!();
    await Promise.all([a, b]);
    expect(tabA.stored()).toEqual([]);
  });

  it('when storage refuses writes, items are still sent from memory and the problem is reported', async () => {
    const t = setup({ script: ['hang'] });
    t.storage.failWrites(true);
    const done = t.outbox.enqueue({ key: 'a', value: 1 });
    expect(t.outbox.storageProblem()).toMatch(/storage unavailable: .*quota/i);
    expect(t.outbox.pending()).toMatchObject([{ key: 'a', sending: true }]);
    t.storage.failWrites(false);
    t.hanging[0]!();
    await done;
    expect(t.sent).toEqual(['a=1']);
    expect(t.outbox.storageProblem()).toBeNull();
  });

  it('sets aside what it cannot read (another app version, a manual edit) instead of dropping it', () => {
    const good = { key: 'a', version: 'v1', item: { key: 'a', value: 1 }, attempts: 0, nextAttemptAt: 0, lastError: null, held: false, enqueuedAt: 0 };
    const odd = { ...good, key: 'b', item: { key: 'b', minutes: 'ten' } };
    const storage = fakeStorage({ [KEY]: JSON.stringify({ v: 1, entries: [good, odd] }) });
    const t = setup({ storage });
    expect(t.outbox.pending().map((p) => p.key)).toEqual(['a']);
    expect(JSON.parse(storage.getItem(`${KEY}:unreadable`)!)).toEqual([odd]);
    expect(t.outbox.storageProblem()).toContain(`${KEY}:unreadable`);

    const garbage = fakeStorage({ [KEY]: '{"entries": [' });
    const g = setup({ storage: garbage });
    expect(g.outbox.pending()).toEqual([]);
    expect(JSON.parse(garbage.getItem(`${KEY}:unreadable`)!)).toEqual(['{"entries": [']);
  });
});

describe('outbox: order and de-duplication', () => {
  it('sends in order; a newer version of an unsent item replaces it (and only the newest is sent)', async () => {
    const t = setup({ script: ['hang'] });
    const first = t.outbox.enqueue({ key: 'a', value: 1 });
    void t.outbox.enqueue({ key: 'b', value: 1 });
    void t.outbox.enqueue({ key: 'c', value: 1 });
    void t.outbox.enqueue({ key: 'b', value: 2 });
    expect(t.stored()).toEqual(['a=1', 'c=1', 'b=2']);
    t.hanging[0]!();
    await first;
    await t.outbox.flush();
    expect(t.sent).toEqual(['a=1', 'c=1', 'b=2']);
    expect(t.stored()).toEqual([]);
  });

  it('a new version enqueued while the old one is in flight is kept and sent after it', async () => {
    const t = setup({ script: ['hang'] });
    const first = t.outbox.enqueue({ key: 'a', value: 1 });
    void t.outbox.enqueue({ key: 'a', value: 2 });
    t.hanging[0]!();
    await first;
    await t.outbox.flush();
    expect(t.sent).toEqual(['a=1', 'a=2']);
    expect(t.stored()).toEqual([]);
  });
});

describe('outbox: failures', () => {
  it('429: waits exactly the Retry-After, then sends', async () => {
    const t = setup({ script: [rateLimited(30_000)] });
    await t.outbox.enqueue({ key: 'a', value: 1 });
    expect(t.outbox.pending()).toMatchObject([{ attempts: 1, held: false, lastError: { kind: 'rate_limited', status: 429 }, nextAttemptAt: t.clock.now() + 30_000 }]);
    t.clock.advance(29_999);
    await tick();
    expect(t.sent).toEqual(['a=1']);
    t.clock.advance(1);
    await t.outbox.flush();
    expect(t.sent).toEqual(['a=1', 'a=1']);
    expect(t.stored()).toEqual([]);
  });

  it('5xx, timeouts, network and 409: exponential back-off with jitter, capped at 5 minutes', async () => {
    const failures = Array.from({ length: 10 }, (_, i) => [serverError(), new ZendeskError('timeout', 't'), new ZendeskError('network', 'n', { status: 0 }), new ZendeskError('conflict', 'c', { status: 409 })][i % 4]!);
    const t = setup({ script: [...failures] });
    await t.outbox.enqueue({ key: 'a', value: 1 });
    const waits: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const wait = t.clock.nextIn()!;
      waits.push(wait);
      t.clock.advance(wait);
      await t.outbox.flush();
    }
    // random() = 0.5: each wait is ¾ of the step 2 s · 2^(n-1), and the step stops at 5 min.
    expect(waits).toEqual([1500, 3000, 6000, 12_000, 24_000, 48_000, 96_000, 192_000, 225_000, 225_000]);
    expect(t.sent).toHaveLength(11);
    expect(t.stored()).toEqual([]);
  });

  it('jitter spreads retries between half and all of the step', async () => {
    for (const [random, expected] of [[0, 1000], [0.999, 1999]] as const) {
      const t = setup({ script: [serverError()], random: () => random });
      await t.outbox.enqueue({ key: 'a', value: 1 });
      expect(t.clock.nextIn()).toBe(expected);
    }
  });

  it('while the service fails, the items behind wait too: one request per wait, not one per item', async () => {
    const t = setup({ script: ['hang', serverError()] });
    const first = t.outbox.enqueue({ key: 'a', value: 1 });
    void t.outbox.enqueue({ key: 'b', value: 1 });
    void t.outbox.enqueue({ key: 'c', value: 1 });
    t.hanging[0]!(); // a is sent; b fails with a 500
    await first;
    await t.outbox.flush();
    expect(t.sent).toEqual(['a=1', 'b=1']);
    t.clock.advance(t.clock.nextIn()!);
    await t.outbox.flush();
    expect(t.sent).toEqual(['a=1', 'b=1', 'b=1', 'c=1']);
    expect(t.stored()).toEqual([]);
  });

  it('4xx (other than 409/429): the item is held with its error for the agent, never dropped nor retried alone', async () => {
    const t = setup({ script: [refused(), refused()] });
    await t.outbox.enqueue({ key: 'a', value: 1 });
    await t.outbox.enqueue({ key: 'b', value: 1 });
    expect(t.sent).toEqual(['a=1', 'b=1']);
    expect(t.outbox.pending()).toMatchObject([
      { key: 'a', held: true, attempts: 1, lastError: { kind: 'invalid', status: 422, detail: 'minutes: not an integer' } },
      { key: 'b', held: true },
    ]);
    expect(t.clock.pendingTimers()).toBe(0);
    t.clock.advance(24 * 3600_000);
    await t.outbox.flush();
    expect(t.sent).toHaveLength(2);

    await t.outbox.retryNow('a');
    expect(t.sent).toEqual(['a=1', 'b=1', 'a=1']);
    t.outbox.discard('b');
    expect(t.stored()).toEqual([]);
    await t.outbox.flush();
    expect(t.sent).toHaveLength(3);
  });

  it('an agent fixing a held item by enqueueing a new version sends it at once', async () => {
    const t = setup({ script: [refused()] });
    await t.outbox.enqueue({ key: 'a', value: 1 });
    await t.outbox.enqueue({ key: 'a', value: 2 });
    expect(t.sent).toEqual(['a=1', 'a=2']);
    expect(t.outbox.pending()).toEqual([]);
  });

  it('an error that is not a ZendeskError is a bug of ours: held, as internal, with its name and message', async () => {
    const t = setup({ script: [new TypeError('x is not a function')] });
    await t.outbox.enqueue({ key: 'a', value: 1 });
    expect(t.outbox.pending()).toMatchObject([{ held: true, lastError: { kind: 'internal', message: 'TypeError: x is not a function', status: null } }]);
  });

  it('the sending code’s chunk that did not download is tried again later, not held', async () => {
    const t = setup({ script: [new ChunkLoadError(new TypeError('Failed to fetch dynamically imported module'))] });
    await t.outbox.enqueue({ key: 'a', value: 1 });
    expect(t.outbox.pending()).toMatchObject([{ held: false, lastError: { kind: 'app_load' } }]);
    expect(t.clock.nextIn()).toBeGreaterThan(0);
    t.clock.advance(t.clock.nextIn()!);
    await vi.waitFor(() => expect(t.outbox.pending()).toEqual([]));
    expect(t.sent).toEqual(['a=1', 'a=1']);
  });

  it('retryNow() lifts a back-off for everything', async () => {
    const t = setup({ script: [serverError()] });
    await t.outbox.enqueue({ key: 'a', value: 1 });
    expect(t.clock.nextIn()).toBeGreaterThan(0);
    await t.outbox.retryNow();
    expect(t.sent).toEqual(['a=1', 'a=1']);
    expect(t.stored()).toEqual([]);
  });
});

describe('outbox: subscribe', () => {
  it('tells listeners every change, until they unsubscribe', async () => {
    const t = setup({ script: ['hang'] });
    const seen: Array<Array<Pick<PendingItem<Item>, 'key' | 'sending'>>> = [];
    const stop = t.outbox.subscribe((items) => seen.push(items.map(({ key, sending }) => ({ key, sending }))));
    const done = t.outbox.enqueue({ key: 'a', value: 1 });
    t.hanging[0]!();
    await done;
    expect(seen).toEqual([[{ key: 'a', sending: false }], [{ key: 'a', sending: true }], []]);
    stop();
    await t.outbox.enqueue({ key: 'b', value: 1 });
    expect(seen).toHaveLength(3);
  });
});
