import fc from 'fast-check';
import type { DashboardRow, IndexState } from '../../../../src/procedure/dashboard/rows';
import { CURRENT_STEPS, summarize } from '../../../../src/procedure/dashboard/summary';
import { STEP_ORDER } from '../../../../src/procedure/steps';

const INDEX_STATES: IndexState[] = ['ok', 'not_needed', 'unconfigured', 'missing', 'malformed'];
const minutes = fc.integer({ min: 0, max: 5_000 });

const rowArb: fc.Arbitrary<DashboardRow> = fc
  .record({
    id: fc.integer({ min: 1, max: 1_000_000 }),
    currentStep: fc.constantFrom(...CURRENT_STEPS),
    overdue: fc.boolean(),
    dueNextPeriodo: fc.boolean(),
    waitingAceite: fc.boolean(),
    waitingUnitApproval: fc.boolean(),
    paused: fc.boolean(),
    indexState: fc.constantFrom(...INDEX_STATES),
    loggedMinutes: minutes,
    billableMinutes: minutes,
    monthLoggedMinutes: minutes,
    monthBillableMinutes: minutes,
    closingMinutes: fc.oneof(fc.constant(0), minutes),
    closingAmountCents: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
  })
  .map((r) => ({
    ...r,
    subject: `Ticket ${r.id}`,
    status: 'open',
    requesterId: null,
    requesterName: null,
    module: null,
    assigneeId: null,
    groupId: null,
    profile: 'tecnica' as const,
    dataControle: null,
    currentStatus: r.currentStep === 'done' ? ('done' as const) : ('next' as const),
    currentReason: null,
    aceiteAt: null,
    availability: null,
    start: null,
  }));

/** The same figures, computed another way: one filter per figure. */
function recount(rows: DashboardRow[]) {
  const count = (test: (r: DashboardRow) => boolean) => rows.filter(test).length;
  const sum = (pick: (r: DashboardRow) => number) => rows.map(pick).reduce((a, b) => a + b, 0);
  const amounts = rows.map((r) => r.closingAmountCents).filter((a): a is number => a !== null);
  return {
    tickets: rows.length,
    perStep: Object.fromEntries(CURRENT_STEPS.map((step) => [step, count((r) => r.currentStep === step)])),
    overdue: count((r) => r.overdue),
    dueNextPeriodo: count((r) => r.dueNextPeriodo),
    waitingAceite: count((r) => r.waitingAceite),
    waitingUnitApproval: count((r) => r.waitingUnitApproval),
    paused: count((r) => r.paused),
    withoutIndex: count((r) => ['missing', 'malformed'].includes(r.indexState)),
    monthLoggedMinutes: sum((r) => r.monthLoggedMinutes),
    monthBillableMinutes: sum((r) => r.monthBillableMinutes),
    closingMinutes: sum((r) => r.closingMinutes),
    closingTickets: count((r) => r.closingMinutes > 0),
    closingAmountCents: amounts.length === 0 ? null : amounts.reduce((a, b) => a + b, 0),
  };
}

describe('summarize', () => {
  it('every figure equals a recount over the rows', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), (rows) => {
        expect(summarize(rows)).toEqual(recount(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('every ticket is at exactly one step', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), (rows) => {
        const { perStep, tickets } = summarize(rows);
        expect(Object.keys(perStep).sort()).toEqual([...STEP_ORDER, 'done'].sort());
        expect(Object.values(perStep).reduce((a, b) => a + b, 0)).toBe(tickets);
      }),
    );
  });

  it('an empty list: zeros, and no amount rather than 0 cents', () => {
    const empty = summarize([]);
    expect(empty).toMatchObject({ tickets: 0, overdue: 0, closingMinutes: 0, closingTickets: 0, closingAmountCents: null });
    expect(Object.values(empty.perStep).every((n) => n === 0)).toBe(true);
  });

  it('an amount of 0 cents is an amount (a price of zero), not "no price"', () => {
    const [row] = fc.sample(rowArb, { numRuns: 1, seed: 1 });
    expect(summarize([{ ...row!, closingAmountCents: 0 }]).closingAmountCents).toBe(0);
  });
});
