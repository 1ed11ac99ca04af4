import type { Apontamento } from '../../../src/procedure/apontamento-types';
import type { StorageLike } from '../../../src/zendesk/outbox';

/** localStorage in a Map; `failWrites` makes setItem throw as a full or blocked storage does. */
export function fakeStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  let failWrites = false;
  const storage: StorageLike & { data: Map<string, string>; failWrites(on: boolean): void } = {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem(key, value) {
      if (failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(key, value);
    },
    removeItem: (key) => void data.delete(key),
    failWrites(on) {
      failWrites = on;
    },
  };
  return storage;
}

/** A clock and a setTimeout that only move when the test says so. */
export function fakeClock(start = Date.UTC(2026, 2, 2, 13)) {
  let now = start;
  let timers: Array<{ at: number; fn: () => void }> = [];
  return {
    now: () => now,
    schedule(fn: () => void, ms: number) {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    /** When the next timer fires, relative to now (null: none). */
    nextIn(): number | null {
      return timers.length === 0 ? null : Math.min(...timers.map((t) => t.at)) - now;
    },
    pendingTimers: () => timers.length,
    /** Moves the clock by `ms`, firing the timers that fall due, in time order. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = Math.max(now, due.at);
        due.fn();
      }
      now = until;
    },
  };
}

export const START = Date.UTC(2026, 2, 2, 13, 0); // 2026-03-02 10:00 in São Paulo

/** A 45-minute remote session on ticket 102 by Ana (2001), billable and accepted. */
export function apontamento(overrides: Partial<Apontamento> = {}): Apontamento {
  return {
    key: '102-ana-1',
    recordId: null,
    ticketId: 102,
    analystId: 2001,
    start: START,
    minutes: 45,
    channel: 'remote',
    description: 'Rejeição 539: chave de acesso divergente na SEFAZ.',
    outcome: 'Corrigida a numeração; notas retransmitidas.',
    billable: true,
    accepted: true,
    notAcceptedReason: null,
    invoicedAt: null,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}
