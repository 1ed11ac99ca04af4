import fc from 'fast-check';
import type { Apontamento } from '../../../src/procedure/apontamento-types';

/** Test helper: an accepted, billable, not invoiced record; override what the test is about. */
let counter = 0;
export function record(overrides: Partial<Apontamento> = {}): Apontamento {
  counter += 1;
  return {
    key: `key-${counter}`,
    recordId: null,
    ticketId: 101,
    analystId: 7,
    start: Date.UTC(2026, 11, 10, 13, 0),
    minutes: 30,
    channel: 'phone',
    description: 'Nota gravada com valor negativo',
    outcome: 'Parâmetro MV_ARRED corrigido',
    billable: true,
    accepted: true,
    notAcceptedReason: null,
    invoicedAt: null,
    createdAt: Date.UTC(2026, 11, 10, 14, 0),
    updatedAt: Date.UTC(2026, 11, 10, 14, 0),
    ...overrides,
  };
}

/** Records of a few tickets, any mix of billable/accepted, minutes including zero. */
export const recordsArb: fc.Arbitrary<Apontamento[]> = fc.array(
  fc
    .record({
      ticketId: fc.integer({ min: 1, max: 4 }),
      minutes: fc.integer({ min: 0, max: 720 }),
      billable: fc.boolean(),
      accepted: fc.boolean(),
      start: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
    })
    .map((fields) => record(fields)),
  { maxLength: 25 },
);
