import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { billedMinutes, nextClosing, toBeInvoiced } from '../../../src/procedure/billing';
import { at, calendarOf, domainCalendar, holiday, intervalsOn } from '../periods/fixtures';
import { record } from './records';

/** Brazil's national holidays of 2026–2027 (Carnaval is optional but the teams close for it). */
const BRAZIL_2026_2027 = [
  ['Confraternização Universal', '2026-01-01'],
  ['Carnaval', '2026-02-16', '2026-02-17'],
  ['Sexta-feira Santa', '2026-04-03'],
  ['Tiradentes', '2026-04-21'],
  ['Dia do Trabalho', '2026-05-01'],
  ['Corpus Christi', '2026-06-04'],
  ['Independência', '2026-09-07'],
  ['Nossa Senhora Aparecida', '2026-10-12'],
  ['Finados', '2026-11-02'],
  ['Proclamação da República', '2026-11-15'],
  ['Consciência Negra', '2026-11-20'],
  ['Natal', '2026-12-25'],
  ['Confraternização Universal', '2027-01-01'],
  ['Carnaval', '2027-02-08', '2027-02-09'],
  ['Sexta-feira Santa', '2027-03-26'],
  ['Tiradentes', '2027-04-21'],
  ['Dia do Trabalho', '2027-05-01'],
  ['Corpus Christi', '2027-05-27'],
  ['Independência', '2027-09-07'],
  ['Nossa Senhora Aparecida', '2027-10-12'],
  ['Finados', '2027-11-02'],
  ['Proclamação da República', '2027-11-15'],
  ['Consciência Negra', '2027-11-20'],
  ['Natal', '2027-12-25'],
] as const;
const holidays = BRAZIL_2026_2027.map(([name, start, end]) => holiday(name, start, end));
const calendar = domainCalendar(holidays);
const SP = calendar.timeZone;
const local = (text: string): number => at(SP, text);

describe('nextClosing: 2nd business day of the month, covering the previous month', () => {
  it.each([
    ['Jan 2027: the 1st (Fri) is a holiday → Mon 4, Tue 5', 'Mon 2027-01-04 10:00', 'Tue 2027-01-05', 'Fri 2027-01-01'],
    ['Jan 2026: the 1st (Thu) is a holiday → Fri 2, Mon 5', 'Fri 2026-01-02 09:00', 'Mon 2026-01-05', 'Thu 2026-01-01'],
    ['Feb 2026: starts on a Sunday → Mon 2, Tue 3', 'Sun 2026-02-01 12:00', 'Tue 2026-02-03', 'Sun 2026-02-01'],
    ['May 2026: Dia do Trabalho on Friday the 1st → Mon 4, Tue 5', 'Thu 2026-04-30 18:00', 'Tue 2026-05-05', 'Fri 2026-05-01'],
    ['Nov 2026: Finados on Monday the 2nd → Tue 3, Wed 4', 'Tue 2026-11-03 08:00', 'Wed 2026-11-04', 'Sun 2026-11-01'],
    ['Dec 2026: nothing special → Tue 1, Wed 2', 'Tue 2026-12-01 08:00', 'Wed 2026-12-02', 'Tue 2026-12-01'],
  ])('%s', (_label, now, closingDay, firstOfMonth) => {
    expect(nextClosing(calendar, local(now))).toEqual({
      closingDate: closingDay.slice(4),
      closesAt: local(`${closingDay} 00:00`),
      // covers up to the end of the month before the closing's
      coversUntil: local(`${firstOfMonth} 00:00`),
    });
  });

  it('the closing day itself still returns it, to its last minute (in São Paulo time, not UTC)', () => {
    expect(nextClosing(calendar, local('Tue 2027-01-05 08:00')).closingDate).toBe('2027-01-05');
    // 23:30 in São Paulo is already Wednesday in UTC
    expect(nextClosing(calendar, local('Tue 2027-01-05 23:30')).closingDate).toBe('2027-01-05');
    expect(nextClosing(calendar, local('Wed 2027-01-06 00:00'))).toEqual({
      closingDate: '2027-02-02',
      closesAt: local('Tue 2027-02-02 00:00'),
      coversUntil: local('Mon 2027-02-01 00:00'),
    });
  });

  it('after December’s closing, the next is January’s of the next year', () => {
    expect(nextClosing(calendar, local('Thu 2026-12-31 23:59'))).toEqual({
      closingDate: '2027-01-05',
      closesAt: local('Tue 2027-01-05 00:00'),
      coversUntil: local('Fri 2027-01-01 00:00'),
    });
  });

  it('business days come from the schedule: Saturday mornings count', () => {
    const withSaturdays = calendarOf('Brasilia', [...intervalsOn([1, 2, 3, 4, 5], '08:00-18:00'), ...intervalsOn([6], '08:00-12:00')], holidays);
    // Aug 2026 starts on a Saturday
    expect(nextClosing(withSaturdays, local('Sat 2026-08-01 09:00')).closingDate).toBe('2026-08-03');
    expect(nextClosing(calendar, local('Sat 2026-08-01 09:00')).closingDate).toBe('2026-08-04');
  });

  it('a collective vacation (holiday range) pushes the closing past it', () => {
    const vacation = domainCalendar([...holidays, holiday('Férias coletivas', '2026-12-21', '2027-01-06')]);
    expect(nextClosing(vacation, local('Mon 2026-12-28 10:00')).closingDate).toBe('2027-01-08');
  });

  it('property: matches a day-by-day count of weekdays minus holidays, for any instant of 2026–2027', () => {
    const holidayDays = new Set<string>();
    for (const [, start, end] of BRAZIL_2026_2027) {
      for (let d = new Date(`${start}T12:00Z`); d <= new Date(`${end ?? start}T12:00Z`); d = new Date(d.getTime() + 86_400_000)) holidayDays.add(d.toISOString().slice(0, 10));
    }
    const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
    const isBusiness = (y: number, m: number, d: number) => {
      const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
      return weekday >= 1 && weekday <= 5 && !holidayDays.has(iso(y, m, d));
    };
    const secondBusinessDay = (y: number, m: number): number => {
      let found = 0;
      for (let d = 1; ; d++) if (isBusiness(y, m, d) && ++found === 2) return d;
    };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1, 3), max: Date.UTC(2027, 10, 30, 2) }), (now) => {
        const today = new TZDate(now, SP);
        let [y, m] = [today.getFullYear(), today.getMonth() + 1];
        if (today.getDate() > secondBusinessDay(y, m)) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
        const d = secondBusinessDay(y, m);
        expect(nextClosing(calendar, now)).toEqual({
          closingDate: iso(y, m, d),
          closesAt: new TZDate(y, m - 1, d, 0, 0, SP).getTime(),
          coversUntil: new TZDate(y, m - 1, 1, 0, 0, SP).getTime(),
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('toBeInvoiced', () => {
  const closing = nextClosing(calendar, local('Mon 2027-01-04 10:00'));
  const options = { minimumMinutes: 10, pricePerMinuteCents: 300 };
  const december = local('Thu 2026-12-10 10:00');
  const january = local('Mon 2027-01-04 09:00');

  it('invoices only solved/closed tickets, only records before the end of last month, not already invoiced', () => {
    const due = record({ ticketId: 1, start: december, minutes: 25 });
    const lastInstant = record({ ticketId: 1, start: closing.coversUntil - 1, minutes: 5 });
    const tooRecent = record({ ticketId: 1, start: closing.coversUntil, minutes: 40 });
    const invoiced = record({ ticketId: 1, start: december - 86_400_000, minutes: 50, invoicedAt: local('Wed 2026-12-02 00:00') });
    const stillOpen = record({ ticketId: 2, start: december, minutes: 30 });
    const closed = record({ ticketId: 3, start: december, minutes: 3 });
    const unitPaid = record({ ticketId: 3, start: december - 60_000, minutes: 60, billable: false, notAcceptedReason: 'REPASSE' });
    const lines = toBeInvoiced(
      new Map([
        [3, [closed, unitPaid]],
        [1, [tooRecent, due, invoiced, lastInstant]],
        [2, [stillOpen]],
      ]),
      new Map([
        [1, 'solved'],
        [2, 'open'],
        [3, 'closed'],
      ]),
      closing,
      options,
    );
    expect(lines).toEqual([
      // ticket 1 was already billed 50 min (above the minimum): this closing adds 30
      { ticketId: 1, records: [due, lastInstant], billedMinutes: 30, amountCents: 9000 },
      // the minimum applies to ticket 3; the Unit-paid hour is listed for the PMO but not billed
      { ticketId: 3, records: [unitPaid, closed], billedMinutes: 10, amountCents: 3000 },
    ]);
  });

  it.each(['new', 'open', 'pending', 'hold', undefined])('a ticket that is %s waits a month', (status) => {
    const statuses = new Map<number, string>(status ? [[1, status]] : []);
    expect(toBeInvoiced(new Map([[1, [record({ ticketId: 1, start: december })]]]), statuses, closing, options)).toEqual([]);
  });

  it('a solved ticket with only this month’s records has nothing to invoice yet', () => {
    expect(toBeInvoiced(new Map([[1, [record({ ticketId: 1, start: january })]]]), new Map([[1, 'solved']]), closing, options)).toEqual([]);
  });

  it('a ticket reopened after an invoice below the minimum pays only what raises its total past it', () => {
    const first = record({ ticketId: 1, start: december, minutes: 4, invoicedAt: closing.closesAt - 1 });
    const later = record({ ticketId: 1, start: december + 1, minutes: 3 });
    const more = record({ ticketId: 1, start: december + 2, minutes: 9 });
    const statuses = new Map([[1, 'Solved']]);
    expect(toBeInvoiced(new Map([[1, [first, later]]]), statuses, closing, options)[0]?.billedMinutes).toBe(0);
    expect(toBeInvoiced(new Map([[1, [first, later, more]]]), statuses, closing, options)[0]?.billedMinutes).toBe(6);
  });

  it('property: invoicing a ticket over several closings bills exactly what one invoice would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ minutes: fc.integer({ min: 0, max: 120 }), billable: fc.boolean(), month: fc.integer({ min: 0, max: 3 }) }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 30 }),
        (specs, minimumMinutes) => {
          const monthStart = (i: number) => new TZDate(2026, 8 + i, 1, 0, 0, SP).getTime();
          let records = specs.map((s) => record({ ticketId: 9, minutes: s.minutes, billable: s.billable, start: monthStart(s.month) + 3_600_000 }));
          const all = records;
          let billed = 0;
          for (let i = 1; i <= 4; i++) {
            const [line] = toBeInvoiced(new Map([[9, records]]), new Map([[9, 'closed']]), { coversUntil: monthStart(i) }, { minimumMinutes });
            billed += line?.billedMinutes ?? 0;
            expect(line?.billedMinutes ?? 0).toBeGreaterThanOrEqual(0);
            const invoicedKeys = new Set(line?.records.map((r) => r.key));
            records = records.map((r) => (invoicedKeys.has(r.key) ? { ...r, invoicedAt: monthStart(i) } : r));
          }
          expect(records.every((r) => r.invoicedAt !== null)).toBe(true);
          expect(billed).toBe(billedMinutes(all, { minimumMinutes }));
        },
      ),
      { numRuns: 300 },
    );
  });
});
