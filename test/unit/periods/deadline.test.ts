import { addPeriodos, deadlineStatus, periodosElapsed, type BusinessCalendar, type Pause } from '../../../src/procedure/periods';
import { at, calendarOf, domainCalendar, holiday, intervalsOn, MON_TO_FRI, show } from './fixtures';

const HOUR = 3_600_000;
const brasilia = domainCalendar([holiday('Natal', '2026-12-25'), holiday('Carnaval', '2026-02-16', '2026-02-17')]);
const zone = brasilia.timeZone;

/** addPeriodos with local wall-clock text in and out. */
function due(calendar: BusinessCalendar, start: string, n: number, pauses: Pause[] = []): string {
  return show(calendar.timeZone, addPeriodos(calendar, at(calendar.timeZone, start), n, pauses));
}

describe('DOMAIN.md worked examples (Mon–Fri 08:00–12:00 + 13:00–18:00, Brasília)', () => {
  it.each([
    ['Mon 2026-01-05 10:00', 1, 'Mon 2026-01-05 15:30'], // ½ morning + ½ afternoon
    ['Mon 2026-01-05 10:00', 3, 'Tue 2026-01-06 15:30'],
    ['Fri 2026-01-09 17:00', 1, 'Mon 2026-01-12 11:12'], // ⅕ Friday afternoon + ⅘ Monday morning
    ['Sat 2026-01-10 10:00', 1, 'Mon 2026-01-12 12:00'],
  ])('%s + %d período(s) → %s', (start, n, expected) => {
    expect(due(brasilia, start, n)).toBe(expected);
  });
});

describe('addPeriodos', () => {
  it.each([
    ['accepted mid-morning', 'Tue 2026-01-06 09:00', 1, 'Tue 2026-01-06 14:15'],
    ['accepted mid-morning', 'Tue 2026-01-06 09:00', 3, 'Wed 2026-01-07 14:15'],
    ['late Friday', 'Fri 2026-01-09 17:45', 1, 'Mon 2026-01-12 11:48'],
    ['late Friday', 'Fri 2026-01-09 17:45', 3, 'Tue 2026-01-13 11:48'],
    ['eve of Christmas', 'Thu 2026-12-24 16:00', 1, 'Mon 2026-12-28 10:24'],
    ['eve of Christmas', 'Thu 2026-12-24 16:00', 3, 'Tue 2026-12-29 10:24'],
    ['before Carnaval (two holiday days)', 'Fri 2026-02-13 17:00', 1, 'Wed 2026-02-18 11:12'],
    ['night', 'Mon 2026-01-05 20:00', 1, 'Tue 2026-01-06 12:00'],
    ['before opening', 'Mon 2026-01-05 07:00', 1, 'Mon 2026-01-05 12:00'],
    ['lunch break', 'Mon 2026-01-05 12:30', 1, 'Mon 2026-01-05 18:00'],
    ['exactly at the end of the morning', 'Mon 2026-01-05 12:00', 1, 'Mon 2026-01-05 18:00'],
    ['Sunday', 'Sun 2026-01-11 15:00', 3, 'Tue 2026-01-13 12:00'],
    ['half a período', 'Mon 2026-01-05 08:00', 0.5, 'Mon 2026-01-05 10:00'],
  ])('%s: %s + %d → %s', (_case, start, n, expected) => {
    expect(due(brasilia, start, n)).toBe(expected);
  });

  it('keeps a deadline that lands exactly on a período end there, despite float rounding', () => {
    // 0.95 of the morning, then 13:00–17:45 paused: the last 0.05 ends at 18:00, not Tuesday 08:00
    // (in floats 1 − 0.95 = 0.050000000000000044 > 0.05).
    const pause = { from: at(zone, 'Mon 2026-01-05 13:00'), to: at(zone, 'Mon 2026-01-05 17:45') };
    expect(due(brasilia, 'Mon 2026-01-05 08:12', 1, [pause])).toBe('Mon 2026-01-05 18:00');
  });

  it('returns the start itself for zero períodos, and rejects nonsense', () => {
    const start = at(zone, 'Sat 2026-01-10 10:00');
    expect(addPeriodos(brasilia, start, 0)).toBe(start);
    expect(() => addPeriodos(brasilia, start, -1)).toThrow(RangeError);
    expect(() => addPeriodos(brasilia, start, Number.NaN)).toThrow(RangeError);
    expect(() => addPeriodos(brasilia, Number.NaN, 1)).toThrow(RangeError);
  });

  it('splits a one-interval day (08:00–18:00) at midday: a 4 h morning and a 6 h afternoon', () => {
    const calendar = calendarOf('Brasilia', intervalsOn(MON_TO_FRI, '08:00-18:00'));
    expect(due(calendar, 'Mon 2026-01-05 10:00', 1)).toBe('Mon 2026-01-05 15:00');
    expect(due(calendar, 'Mon 2026-01-05 10:00', 3)).toBe('Tue 2026-01-06 15:00');
  });

  describe('in a DST zone (Eastern Time, Mon–Fri 09:00–12:00 + 13:00–17:00)', () => {
    const eastern = calendarOf('Eastern Time (US & Canada)', intervalsOn(MON_TO_FRI, '09:00-12:00', '13:00-17:00'));

    it('keeps wall-clock hours across spring forward', () => {
      const deadline = addPeriodos(eastern, at(eastern.timeZone, 'Fri 2026-03-06 16:00'), 1);
      expect(show(eastern.timeZone, deadline)).toBe('Mon 2026-03-09 11:15');
      expect(new Date(deadline).toISOString()).toBe('2026-03-09T15:15:00.000Z'); // EDT, UTC−4
    });

    it('keeps wall-clock hours across fall back', () => {
      const deadline = addPeriodos(eastern, at(eastern.timeZone, 'Fri 2026-10-30 16:00'), 1);
      expect(show(eastern.timeZone, deadline)).toBe('Mon 2026-11-02 11:15');
      expect(new Date(deadline).toISOString()).toBe('2026-11-02T16:15:00.000Z'); // EST, UTC−5
    });

    it('counts a período shortened by the DST gap by its real length', () => {
      // Sunday 01:00–04:00 on 2026-03-08 lasts two real hours: half of it ends at 03:00 EDT.
      const night = calendarOf('America/New_York', intervalsOn([0], '01:00-04:00'));
      expect(due(night, 'Sun 2026-03-08 01:00', 0.5)).toBe('Sun 2026-03-08 03:00');
    });
  });

  describe('pauses ("client has no availability")', () => {
    const monday10 = at(zone, 'Mon 2026-01-05 10:00');

    it('stops the clock and resumes it where it stopped', () => {
      // 11:00 → 14:00 paused: ¼ of the morning counted, ¾ left, taken from the 5 h afternoon from 14:00.
      const pause = { from: at(zone, 'Mon 2026-01-05 11:00'), to: at(zone, 'Mon 2026-01-05 14:00') };
      expect(due(brasilia, 'Mon 2026-01-05 10:00', 1, [pause])).toBe('Mon 2026-01-05 17:45');
    });

    it('resumes days later', () => {
      const pause = { from: at(zone, 'Mon 2026-01-05 11:00'), to: at(zone, 'Wed 2026-01-07 11:00') };
      expect(due(brasilia, 'Mon 2026-01-05 10:00', 1, [pause])).toBe('Wed 2026-01-07 15:30');
    });

    it('changes nothing when it covers only closed hours or comes after the deadline', () => {
      const overnight = { from: at(zone, 'Mon 2026-01-05 18:30'), to: at(zone, 'Tue 2026-01-06 07:30') };
      const later = { from: at(zone, 'Tue 2026-01-06 16:00'), to: null };
      expect(due(brasilia, 'Mon 2026-01-05 10:00', 3, [overnight, later])).toBe('Tue 2026-01-06 15:30');
    });

    it('has no deadline while an open pause stops the clock before it', () => {
      expect(addPeriodos(brasilia, monday10, 1, [{ from: at(zone, 'Mon 2026-01-05 11:00'), to: null }])).toBe(Infinity);
    });
  });
});

describe('periodosElapsed', () => {
  const start = at(zone, 'Mon 2026-01-05 10:00');

  it.each([
    ['Mon 2026-01-05 09:00', 0],
    ['Mon 2026-01-05 12:30', 0.5],
    ['Mon 2026-01-05 15:30', 1],
    ['Tue 2026-01-06 15:30', 3],
    ['Sat 2026-01-10 12:00', 9.5],
  ])('from Mon 10:00 to %s: %d', (now, expected) => {
    expect(periodosElapsed(brasilia, start, at(zone, now))).toBeCloseTo(expected, 9);
  });

  it('does not count paused time, and an open pause holds the count', () => {
    const pause = { from: at(zone, 'Mon 2026-01-05 11:00'), to: at(zone, 'Mon 2026-01-05 14:00') };
    expect(periodosElapsed(brasilia, start, at(zone, 'Mon 2026-01-05 17:45'), [pause])).toBeCloseTo(1, 9);
    const open = { from: at(zone, 'Mon 2026-01-05 11:00'), to: null };
    expect(periodosElapsed(brasilia, start, at(zone, 'Fri 2026-01-09 17:00'), [open])).toBeCloseTo(0.25, 9);
  });

  it('counts across a stretch without business time longer than the search horizon', () => {
    const closed = domainCalendar([holiday('Closed', '2026-01-06', '2028-12-31')]);
    // 1.5 on Monday 2026-01-05, nothing until 2029, then half of the first morning.
    expect(periodosElapsed(closed, start, at(zone, 'Mon 2029-01-01 10:00'))).toBeCloseTo(1.5 + 0.5, 9);
  });
});

describe('deadlineStatus', () => {
  const start = at(zone, 'Mon 2026-01-05 10:00');

  it('on time', () => {
    const status = deadlineStatus(brasilia, start, 1, at(zone, 'Mon 2026-01-05 14:00'));
    expect(show(zone, status.deadline)).toBe('Mon 2026-01-05 15:30');
    expect(status).toMatchObject({ businessMsLeft: 1.5 * HOUR, overdue: false, paused: false });
  });

  it('overdue, counting business time since the deadline', () => {
    const status = deadlineStatus(brasilia, start, 1, at(zone, 'Tue 2026-01-06 09:00'));
    expect(show(zone, status.deadline)).toBe('Mon 2026-01-05 15:30');
    expect(status).toMatchObject({ businessMsLeft: -3.5 * HOUR, overdue: true, paused: false });
  });

  it('while paused: the deadline as if the clock resumed now', () => {
    // ¼ counted before 11:00; resuming at 15:00 the afternoon gives 0.6, Tuesday morning the last 0.15.
    const pauses = [{ from: at(zone, 'Mon 2026-01-05 11:00'), to: null }];
    const status = deadlineStatus(brasilia, start, 1, at(zone, 'Mon 2026-01-05 15:00'), pauses);
    expect(show(zone, status.deadline)).toBe('Tue 2026-01-06 08:36');
    expect(status).toMatchObject({ businessMsLeft: 3.6 * HOUR, overdue: false, paused: true });
  });

  it('before the clock starts, counts only from the start', () => {
    const status = deadlineStatus(brasilia, start, 1, at(zone, 'Mon 2026-01-05 08:00'));
    expect(status.businessMsLeft).toBe(4.5 * HOUR);
  });
});
