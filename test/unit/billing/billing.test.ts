import fc from 'fast-check';
import {
  applyUnitPays,
  applyWaiver,
  billedMinutes,
  parseNotAcceptedReason,
  roundMinutes,
  ticketTotals,
  turnNotAccepted,
  waiverAllowed,
} from '../../../src/procedure/billing';
import { NOT_ACCEPTED_REASONS } from '../../../src/procedure/apontamento-types';
import { record, recordsArb } from './records';

const MIN = 60_000;
const minimum = { minimumMinutes: 10 };

describe('billedMinutes: per minute, minimum once per ticket', () => {
  it('raises a ticket below the minimum to it, once, not per record', () => {
    expect(billedMinutes([record({ minutes: 3 }), record({ minutes: 4 })], minimum)).toBe(10);
  });
  it('bills the logged time above the minimum', () => {
    expect(billedMinutes([record({ minutes: 8 }), record({ minutes: 7 })], minimum)).toBe(15);
  });
  it('a ticket with nothing billable bills nothing (no minimum for zero)', () => {
    expect(billedMinutes([], minimum)).toBe(0);
    expect(billedMinutes([record({ billable: false }), record({ accepted: false, notAcceptedReason: 'GESTÃO' })], minimum)).toBe(0);
  });
  it('counts only billable & accepted records', () => {
    const records = [record({ minutes: 40 }), record({ minutes: 25, billable: false }), record({ minutes: 90, accepted: false })];
    expect(billedMinutes(records, minimum)).toBe(40);
  });
  it('applies the minimum per ticket when given several tickets', () => {
    const records = [record({ ticketId: 1, minutes: 2 }), record({ ticketId: 2, minutes: 3 }), record({ ticketId: 2, minutes: 30 })];
    expect(billedMinutes(records, minimum)).toBe(10 + 33);
  });
  it('refuses a minimum that is not a non-negative integer', () => {
    expect(() => billedMinutes([record()], { minimumMinutes: -1 })).toThrow(RangeError);
    expect(() => billedMinutes([record()], { minimumMinutes: 2.5 })).toThrow(RangeError);
  });
  it('a corrupted stored minutes value counts as nothing, never negative', () => {
    expect(billedMinutes([record({ minutes: -50 }), record({ minutes: Number.NaN })], minimum)).toBe(0);
  });
});

describe('roundMinutes: every started minute counts', () => {
  it.each([
    [0, 0],
    [-5, 0],
    [Number.NaN, 0],
    [1, 1],
    [MIN, 1],
    [MIN + 1, 2],
    [29 * MIN + 59_999, 30],
    [30 * MIN, 30],
  ])('%d ms → %d min', (ms, minutes) => {
    expect(roundMinutes(ms)).toBe(minutes);
  });

  it('splitting a session in two never bills less, and at most one minute more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 * 3_600_000 }), fc.integer({ min: 0, max: 12 * 3_600_000 }), (a, b) => {
        const extra = roundMinutes(a) + roundMinutes(b) - roundMinutes(a + b);
        expect(extra).toBeGreaterThanOrEqual(0);
        expect(extra).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('never decreases as the session grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 8 }), fc.integer({ min: 0, max: 10 ** 6 }), (ms, more) => {
        expect(roundMinutes(ms + more)).toBeGreaterThanOrEqual(roundMinutes(ms));
      }),
    );
  });
});

describe('ticketTotals', () => {
  it('splits the logged time into billable, non-billable and not accepted, with the amount', () => {
    const records = [
      record({ minutes: 4 }),
      record({ minutes: 20, billable: false, notAcceptedReason: 'REPASSE' }),
      record({ minutes: 15, accepted: false, notAcceptedReason: 'ISSUE' }),
    ];
    expect(ticketTotals(records, { minimumMinutes: 10, pricePerMinuteCents: 345 })).toEqual({
      loggedMinutes: 39,
      billableMinutes: 4,
      billedMinutes: 10,
      nonBillableMinutes: 20,
      notAcceptedMinutes: 15,
      amountCents: 3450,
    });
  });
  it('has no amount without a price, and refuses a negative price', () => {
    expect(ticketTotals([record()], minimum).amountCents).toBeNull();
    expect(ticketTotals([record()], { minimumMinutes: 10, pricePerMinuteCents: null }).amountCents).toBeNull();
    expect(() => ticketTotals([record()], { minimumMinutes: 10, pricePerMinuteCents: -1 })).toThrow(RangeError);
  });

  it('properties: never negative, the parts add up, the minimum only raises and only by up to itself', () => {
    fc.assert(
      fc.property(recordsArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 10_000 }), (records, minimumMinutes, price) => {
        const totals = ticketTotals(records, { minimumMinutes, pricePerMinuteCents: price });
        for (const value of Object.values(totals)) expect(value).toBeGreaterThanOrEqual(0);
        expect(totals.loggedMinutes).toBe(totals.billableMinutes + totals.nonBillableMinutes + totals.notAcceptedMinutes);
        expect(totals.loggedMinutes).toBe(records.reduce((t, r) => t + r.minutes, 0));
        expect(totals.billedMinutes).toBeGreaterThanOrEqual(totals.billableMinutes);
        const tickets = new Set(records.filter((r) => r.billable && r.accepted && r.minutes > 0).map((r) => r.ticketId));
        expect(totals.billedMinutes).toBeLessThanOrEqual(totals.billableMinutes + tickets.size * minimumMinutes);
        expect(totals.billedMinutes === 0).toBe(totals.billableMinutes === 0);
        expect(totals.amountCents).toBe(totals.billedMinutes * price);
      }),
      { numRuns: 500 },
    );
  });
});

describe('Unit pays (step 10) and the Módulo waiver', () => {
  it('Unit pays: not billable, NÃO with reason REPASSE (a reason always means NÃO)', () => {
    const paid = applyUnitPays(record({ minutes: 45 }));
    expect(paid).toMatchObject({ billable: false, accepted: false, notAcceptedReason: 'REPASSE' });
    expect(ticketTotals([paid], minimum)).toMatchObject({ billedMinutes: 0, nonBillableMinutes: 45 });
  });
  it("Unit pays keeps a lead's refusal reason", () => {
    expect(applyUnitPays(record({ accepted: false, notAcceptedReason: 'GESTÃO' }))).toMatchObject({ billable: false, accepted: false, notAcceptedReason: 'GESTÃO' });
  });
  it('an invoiced record is fixed: neither rule changes it', () => {
    const invoiced = record({ invoicedAt: Date.UTC(2027, 0, 5) });
    expect(applyUnitPays(invoiced)).toBe(invoiced);
    expect(applyWaiver(invoiced, 'ISSUE')).toBe(invoiced);
  });
  it.each(['ISSUE', 'DOCUMENTAÇÃO'] as const)('waiver for %s: not billable, with the reason', (reason) => {
    expect(applyWaiver(record(), reason)).toMatchObject({ billable: false, accepted: false, notAcceptedReason: reason });
  });
  it('only the Módulo modality has a waiver', () => {
    expect(waiverAllowed('modulo')).toBe(true);
    expect(waiverAllowed('tecnica')).toBe(false);
  });
});

describe('turnNotAccepted: a lead turns "Consultoria Aceita" to NÃO', () => {
  const now = Date.UTC(2026, 11, 20);
  it('sets NÃO with the reason and stamps the change', () => {
    const result = turnNotAccepted(record(), 'ISSUE', { actorIsLead: true, now });
    expect(result).toEqual({ ok: true, record: expect.objectContaining({ accepted: false, notAcceptedReason: 'ISSUE', updatedAt: now, billable: true }) });
  });
  it('only a lead may', () => {
    expect(turnNotAccepted(record(), 'ISSUE', { actorIsLead: false, now })).toEqual({ ok: false, error: 'not_lead' });
  });
  it('not once invoiced', () => {
    expect(turnNotAccepted(record({ invoicedAt: now - 1 }), 'ISSUE', { actorIsLead: true, now })).toEqual({ ok: false, error: 'invoiced' });
  });
  it.each(['', 'BUG', 'issue!', 'REPASSE GESTÃO'])('refuses the reason %j', (reason) => {
    expect(turnNotAccepted(record(), reason, { actorIsLead: true, now })).toEqual({ ok: false, error: 'invalid_reason' });
  });
  it.each([
    ['gestao', 'GESTÃO'],
    [' Gestão ', 'GESTÃO'],
    ['gap  suporte', 'GAP SUPORTE'],
    ['documentacao', 'DOCUMENTAÇÃO'],
    ['REPASSE', 'REPASSE'],
  ])('reads %j as %s', (typed, reason) => {
    expect(parseNotAcceptedReason(typed)).toBe(reason);
  });
  it('every listed reason is accepted as written', () => {
    for (const reason of NOT_ACCEPTED_REASONS) expect(parseNotAcceptedReason(reason)).toBe(reason);
  });
});
