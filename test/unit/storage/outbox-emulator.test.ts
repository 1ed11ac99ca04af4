import type { Apontamento } from '../../../src/procedure/apontamento-types';
import { APONTAMENTO_OBJECT, listApontamentos, saveApontamento, storedApontamentoSchema } from '../../../src/zendesk/apontamentos';
import { createOutbox } from '../../../src/zendesk/outbox';
import { emulatorZendesk } from '../../support/emulator-transport';
import { apontamento, fakeClock, fakeStorage } from './fakes';

const KEY = 'consultoria.outbox.sandbox.2001';
const RECORDS_PATH = `/api/v2/custom_objects/${APONTAMENTO_OBJECT}/records`;

/** The outbox as the time-log feature would build it, over the sandbox emulator. */
function apontamentoOutbox(setup: ReturnType<typeof emulatorZendesk>, storage: ReturnType<typeof fakeStorage>, clock: ReturnType<typeof fakeClock>) {
  return createOutbox<Apontamento>({
    storage,
    key: KEY,
    itemSchema: storedApontamentoSchema,
    now: clock.now,
    schedule: clock.schedule,
    random: () => 0.5,
    send: async (a) => void (await saveApontamento(setup.zendesk, a)),
  });
}

const patches = (setup: ReturnType<typeof emulatorZendesk>) => setup.emulator.requestLog.list().filter((r) => r.method === 'PATCH');

describe('outbox of Apontamentos against the sandbox', () => {
  it('429s and 500s, then success: exactly one record', async () => {
    const setup = emulatorZendesk();
    const storage = fakeStorage();
    const clock = fakeClock();
    const outbox = apontamentoOutbox(setup, storage, clock);
    setup.emulator.faults.add({ method: 'PATCH', path: RECORDS_PATH, status: 429, retryAfter: 2, times: 3 });
    setup.emulator.faults.add({ method: 'PATCH', path: RECORDS_PATH, status: 500, times: 2 });

    await outbox.enqueue(apontamento());
    // The first send spent its 4 requests (429, 429, 429, 500) honouring Retry-After; the outbox waits.
    expect(setup.policy.waits.slice(0, 3)).toEqual([2000, 2000, 2000]);
    expect(outbox.pending()).toMatchObject([{ key: '102-ana-1', attempts: 1, held: false, lastError: { kind: 'server', status: 500 } }]);
    expect(storage.getItem(KEY)).toContain('102-ana-1');

    clock.advance(clock.nextIn()!);
    await outbox.flush();
    expect(outbox.pending()).toEqual([]);
    expect(patches(setup).map((r) => r.status)).toEqual([429, 429, 429, 500, 500, 200]);
    expect(setup.emulator.state.customObjectRecords[APONTAMENTO_OBJECT]).toHaveLength(1);
    expect(await listApontamentos(setup.zendesk, 102)).toMatchObject([{ key: '102-ana-1', minutes: 45 }]);
  });

  it('Zendesk down: the item waits (across a reload), then is stored once when it is back', async () => {
    const setup = emulatorZendesk();
    const storage = fakeStorage();
    const clock = fakeClock();
    let outbox = apontamentoOutbox(setup, storage, clock);
    setup.emulator.faults.add({ path: '^/api/v2/', status: 503, times: -1 });

    await outbox.enqueue(apontamento());
    await outbox.enqueue(apontamento({ key: '102-ana-2', start: Date.UTC(2026, 2, 2, 17) }));
    for (let i = 0; i < 3; i += 1) {
      clock.advance(clock.nextIn()!);
      await outbox.flush();
    }
    expect(outbox.pending().map((p) => [p.key, p.lastError?.status])).toEqual([
      ['102-ana-1', 503],
      ['102-ana-2', undefined],
    ]);
    expect(outbox.pending()[0]!.attempts).toBe(4);
    expect(outbox.pending()[1]!.attempts).toBe(0); // it waits behind the first: one request burst per wait, not one per item

    outbox.dispose(); // the agent reloads the page while Zendesk is still down
    outbox = apontamentoOutbox(setup, storage, clock);
    setup.emulator.faults.clear();
    // The unsent second item goes at once; the first after its back-off.
    for (let timers = 0; clock.nextIn() !== null && timers < 5; timers += 1) {
      clock.advance(clock.nextIn()!);
      await outbox.flush();
    }

    expect(outbox.pending()).toEqual([]);
    expect(storage.getItem(KEY)).toBeNull();
    const stored = setup.emulator.state.customObjectRecords[APONTAMENTO_OBJECT] as Array<{ external_id: string }>;
    expect(stored.map((r) => r.external_id).sort()).toEqual(['102-ana-1', '102-ana-2']);
    expect(patches(setup).filter((r) => r.status === 200)).toHaveLength(2);
  });
});
