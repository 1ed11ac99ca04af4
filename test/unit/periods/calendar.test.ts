import { buildCalendar, periodosAfter, type BusinessCalendar } from '../../../src/procedure/periods';
import { at, calendarOf, domainCalendar, holiday, intervalsOn, MON_TO_FRI, show } from './fixtures';

const schedule = (intervals: { start_time: number; end_time: number }[], time_zone = 'Brasilia') => ({
  id: 9,
  name: 'Suporte',
  time_zone,
  intervals,
});

function firstPeriodos(calendar: BusinessCalendar, from: number, count: number): string[] {
  const shown: string[] = [];
  for (const periodo of periodosAfter(calendar, from)) {
    shown.push(`${show(calendar.timeZone, periodo.start)} → ${show(calendar.timeZone, periodo.end).slice(15)}`);
    if (shown.length === count) break;
  }
  return shown;
}

describe('buildCalendar rejects bad input with a reason', () => {
  it.each([
    ['unknown_time_zone', schedule([{ start_time: 1920, end_time: 2160 }], 'Atlantis')],
    ['no_intervals', schedule([])],
    ['inverted_interval', schedule([{ start_time: 2160, end_time: 1920 }])],
    ['inverted_interval', schedule([{ start_time: 1920, end_time: 1920 }])],
    ['interval_beyond_week', schedule([{ start_time: 10000, end_time: 10100 }])],
    ['interval_beyond_week', schedule([{ start_time: -60, end_time: 60 }])],
    ['interval_spans_days', schedule([{ start_time: 2400, end_time: 2940 }])],
    ['overlapping_intervals', schedule([{ start_time: 1920, end_time: 2160 }, { start_time: 2100, end_time: 2400 }])],
    ['invalid_interval', schedule([{ start_time: 1920.5, end_time: 2160 }])],
  ])('%s', (code, bad) => {
    const result = buildCalendar(bad, []);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.detail).not.toBe('');
  });

  it.each([
    [{ start_date: '2026-12-25', end_date: '2026-12-24' }],
    [{ start_date: '2026-02-30', end_date: '2026-03-01' }],
    [{ start_date: '25/12/2026', end_date: '25/12/2026' }],
  ])('invalid_holiday %j', (dates) => {
    const result = buildCalendar(schedule([{ start_time: 1920, end_time: 2160 }]), [{ id: 1, name: 'Natal', ...dates }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_holiday' } });
  });

  it.each([0, 1440, 12.5])('invalid_option for middayMinutes %d', (middayMinutes) => {
    const result = buildCalendar(schedule([{ start_time: 1920, end_time: 2160 }]), [], { middayMinutes });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_option' } });
  });

  it('accepts back-to-back intervals and an interval ending at midnight', () => {
    const result = buildCalendar(schedule([{ start_time: 1920, end_time: 2160 }, { start_time: 2160, end_time: 2880 }]), []);
    expect(result.ok).toBe(true);
  });
});

describe('midday split', () => {
  it('splits a one-interval day at the default 12:00', () => {
    const calendar = calendarOf('Brasilia', intervalsOn(MON_TO_FRI, '08:00-18:00'));
    expect(firstPeriodos(calendar, at(calendar.timeZone, 'Mon 2026-01-05 00:00'), 2)).toEqual([
      'Mon 2026-01-05 08:00 → 12:00',
      'Mon 2026-01-05 12:00 → 18:00',
    ]);
  });

  it('splits at a configured midday', () => {
    const calendar = calendarOf('Brasilia', intervalsOn(MON_TO_FRI, '08:00-18:00'), [], { middayMinutes: 13 * 60 + 30 });
    expect(calendar.weekly[1]).toEqual([
      { startMinute: 480, endMinute: 810 },
      { startMinute: 810, endMinute: 1080 },
    ]);
  });

  it('leaves a day alone when midday is not strictly inside its interval, or it has two intervals', () => {
    const intervals = [...intervalsOn([6], '12:00-16:00'), ...intervalsOn([1], '08:00-12:00'), ...intervalsOn([2], '07:00-11:00', '11:30-17:00')];
    const calendar = calendarOf('Brasilia', intervals);
    expect(calendar.weekly[6]).toEqual([{ startMinute: 720, endMinute: 960 }]);
    expect(calendar.weekly[1]).toEqual([{ startMinute: 480, endMinute: 720 }]);
    expect(calendar.weekly[2]).toHaveLength(2);
  });
});

describe('periodosAfter', () => {
  it('starts with the período containing the instant, then goes on in order', () => {
    const calendar = domainCalendar();
    expect(firstPeriodos(calendar, at(calendar.timeZone, 'Fri 2026-01-09 15:00'), 3)).toEqual([
      'Fri 2026-01-09 13:00 → 18:00',
      'Mon 2026-01-12 08:00 → 12:00',
      'Mon 2026-01-12 13:00 → 18:00',
    ]);
  });

  it('skips a holiday spanning several days (Carnaval)', () => {
    const calendar = domainCalendar([holiday('Carnaval', '2026-02-16', '2026-02-17')]);
    expect(firstPeriodos(calendar, at(calendar.timeZone, 'Fri 2026-02-13 18:00'), 1)).toEqual(['Wed 2026-02-18 08:00 → 12:00']);
  });

  it('gives absolute instants that follow the DST change of the zone', () => {
    const calendar = calendarOf('Eastern Time (US & Canada)', intervalsOn(MON_TO_FRI, '09:00-17:00'));
    const [friday, , monday] = [...take(periodosAfter(calendar, Date.parse('2026-03-06T00:00:00Z')), 3)];
    expect(new Date(friday!.start).toISOString()).toBe('2026-03-06T14:00:00.000Z'); // 09:00 EST (UTC−5)
    expect(new Date(monday!.start).toISOString()).toBe('2026-03-09T13:00:00.000Z'); // 09:00 EDT (UTC−4)
  });

  it('measures a período over a DST change by its real length', () => {
    // Sunday 2026-03-08, 01:00–04:00 on the wall clock is two real hours in New York.
    const calendar = calendarOf('America/New_York', intervalsOn([0], '01:00-04:00'));
    const [periodo] = [...take(periodosAfter(calendar, at('America/New_York', 'Sun 2026-03-08 00:00')), 1)];
    expect(periodo!.end - periodo!.start).toBe(2 * 3_600_000);
  });

  it('keeps períodos disjoint when the DST gap pushes one into the next', () => {
    // On 2026-03-08 02:30 does not exist in New York: the first período runs to 03:30 EDT.
    const calendar = calendarOf('America/New_York', intervalsOn([0], '01:00-02:30', '03:00-04:00'));
    expect(firstPeriodos(calendar, at(calendar.timeZone, 'Sun 2026-03-08 00:00'), 2)).toEqual([
      'Sun 2026-03-08 01:00 → 03:30',
      'Sun 2026-03-08 03:30 → 04:00',
    ]);
  });

  it('gives up with an explicit error when every day is a holiday for longer than the horizon', () => {
    const calendar = domainCalendar([holiday('Closed', '2026-01-01', '2028-12-31')]);
    expect(() => [...take(periodosAfter(calendar, at(calendar.timeZone, 'Mon 2026-01-05 10:00')), 1)]).toThrow(
      expect.objectContaining({ name: 'NoBusinessTimeError', code: 'no_business_time' }),
    );
  });
});

function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  let taken = 0;
  for (const item of items) {
    yield item;
    if (++taken >= count) return;
  }
}
