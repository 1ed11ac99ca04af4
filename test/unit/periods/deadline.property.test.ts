import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import {
  addPeriodos,
  businessMsBetween,
  buildCalendar,
  NoBusinessTimeError,
  periodosElapsed,
  type BusinessCalendar,
  type Pause,
  type ZendeskHoliday,
  type ZendeskSchedule,
} from '../../../src/procedure/periods';

/**
 * Properties of the períodos clock over generated schedules, holidays, starts, N and pauses.
 * Time zones include DST ones (New York, Sydney, Santiago — whose DST changes at midnight — and
 * Chatham's +12:45/+13:45) so that wall-clock and absolute time disagree.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 11, 31);
const RUNS = { numRuns: 600 };

interface Generated {
  schedule: ZendeskSchedule;
  holidays: ZendeskHoliday[];
  calendar: BusinessCalendar;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** One weekday: 0–3 intervals on a 15-minute grid, from sorted distinct breakpoints. */
const dayIntervals = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b).map((quarter) => quarter * 15);
    const intervals: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push([sorted[i]!, sorted[i + 1]!]);
    return intervals;
  });

const holidaysArb = fc
  .array(fc.record({ offset: fc.integer({ min: 0, max: 720 }), length: fc.integer({ min: 1, max: 15 }) }), { maxLength: 6 })
  .map((ranges) =>
    ranges.map(({ offset, length }, i) => ({
      id: i + 1,
      name: `H${i + 1}`,
      start_date: isoDay(FROM + offset * DAY),
      end_date: isoDay(FROM + (offset + length - 1) * DAY),
    })),
  );

const zoneArb = fc.constantFrom(
  'Brasilia',
  'Eastern Time (US & Canada)',
  'UTC',
  'Sydney',
  'Chatham Is.',
  'America/Santiago',
  'Kolkata',
);

function build(time_zone: string, weekly: [number, number][][], holidays: ZendeskHoliday[], middayMinutes: number): Generated {
  const intervals = weekly.flatMap((day, weekday) =>
    day.map(([start, end]) => ({ start_time: weekday * 1440 + start, end_time: weekday * 1440 + end })),
  );
  const schedule = { id: 1, name: 'Generated', time_zone, intervals };
  const result = buildCalendar(schedule, holidays, { middayMinutes });
  if (!result.ok) throw new Error(`generated schedule rejected: ${result.error.detail}`);
  return { schedule, holidays, calendar: result.calendar };
}

const generatedArb = fc
  .record({
    zone: zoneArb,
    weekly: fc.array(dayIntervals, { minLength: 7, maxLength: 7 }),
    holidays: holidaysArb,
    midday: fc.constantFrom(720, 690, 780),
  })
  .filter(({ weekly }) => weekly.some((day) => day.length > 0))
  .map(({ zone, weekly, holidays, midday }) => build(zone, weekly, holidays, midday));

/** Equal-length períodos in zones without DST in 2026–27: there a período is a fixed number of ms. */
const uniformArb = fc
  .record({
    zone: fc.constantFrom('Brasilia', 'UTC', 'Kolkata'),
    length: fc.integer({ min: 4, max: 20 }).map((quarters) => quarters * 15),
    days: fc.array(fc.option(fc.record({ start: fc.integer({ min: 0, max: 40 }), gap: fc.integer({ min: 0, max: 8 }) })), {
      minLength: 7,
      maxLength: 7,
    }),
    holidays: holidaysArb,
  })
  .map(({ zone, length, days, holidays }) => {
    const weekly = days.map((day): [number, number][] => {
      if (!day) return [];
      const start = day.start * 15;
      const second = start + length + day.gap * 15;
      return second + length <= 1440 ? [[start, start + length], [second, second + length]] : [];
    });
    return { length, weekly, zone, holidays };
  })
  .filter(({ weekly }) => weekly.some((day) => day.length > 0))
  .map(({ length, weekly, zone, holidays }) => ({ ...build(zone, weekly, holidays, 720), lengthMs: length * 60_000 }));

const instantArb = fc.integer({ min: FROM, max: TO });
const countArb = fc.oneof(fc.integer({ min: 1, max: 8 }), fc.double({ min: 0.01, max: 8, noNaN: true }));
const closedPauseArb = fc
  .record({ from: instantArb, length: fc.integer({ min: 1, max: 10 * DAY }) })
  .map(({ from, length }): Pause => ({ from, to: from + length }));
const pausesArb = fc.array(closedPauseArb, { maxLength: 3 });

/**
 * Independent oracle: is `instant` inside (or at the end of) one of the schedule's intervals, on a
 * day that is not a holiday? Recomputed from the raw Zendesk data with TZDate — no cursor, no cache.
 */
function inBusinessHours({ schedule, holidays, calendar }: Generated, instant: number): boolean {
  const local = new TZDate(instant, calendar.timeZone);
  for (const back of [0, 1]) {
    const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - back, calendar.timeZone);
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    if (holidays.some((h) => h.start_date <= date && date <= h.end_date)) continue;
    const weekStart = day.getDay() * 1440;
    const wall = (weekMinutes: number) =>
      new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 0, weekMinutes - weekStart, calendar.timeZone).getTime();
    for (const interval of schedule.intervals) {
      if (Math.floor(interval.start_time / 1440) !== day.getDay()) continue;
      if (wall(interval.start_time) <= instant && instant <= wall(interval.end_time)) return true;
    }
  }
  return false;
}

describe('períodos clock properties', () => {
  it('puts every deadline inside business hours (or at an interval end), never on a holiday', () => {
    fc.assert(
      fc.property(generatedArb, instantArb, countArb, pausesArb, (generated, start, n, pauses) => {
        const deadline = addPeriodos(generated.calendar, start, n, pauses);
        expect(deadline).toBeGreaterThan(start);
        expect(inBusinessHours(generated, deadline)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never moves a deadline earlier when the clock starts later', () => {
    fc.assert(
      fc.property(generatedArb, instantArb, fc.integer({ min: 0, max: 3 * DAY }), countArb, pausesArb, ({ calendar }, start, delay, n, pauses) => {
        expect(addPeriodos(calendar, start + delay, n, pauses)).toBeGreaterThanOrEqual(addPeriodos(calendar, start, n, pauses));
      }),
      RUNS,
    );
  });

  it('counts back n períodos between the start and its deadline', () => {
    fc.assert(
      fc.property(generatedArb, instantArb, countArb, pausesArb, ({ calendar }, start, n, pauses) => {
        const deadline = addPeriodos(calendar, start, n, pauses);
        expect(Math.abs(periodosElapsed(calendar, start, deadline, pauses) - n)).toBeLessThan(1e-6);
      }),
      RUNS,
    );
  });

  it('gives a later or equal deadline for more períodos', () => {
    fc.assert(
      fc.property(generatedArb, instantArb, countArb, countArb, pausesArb, ({ calendar }, start, a, b, pauses) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(addPeriodos(calendar, start, fewer, pauses)).toBeLessThanOrEqual(addPeriodos(calendar, start, more, pauses));
      }),
      RUNS,
    );
  });

  it('a pause moves the deadline later by exactly the períodos it stopped before the deadline', () => {
    fc.assert(
      fc.property(generatedArb, instantArb, countArb, pausesArb, closedPauseArb, ({ calendar }, start, n, pauses, pause) => {
        const before = addPeriodos(calendar, start, n, pauses);
        const after = addPeriodos(calendar, start, n, [...pauses, pause]);
        const stopped = periodosElapsed(calendar, start, before, pauses) - periodosElapsed(calendar, start, before, [...pauses, pause]);
        expect(after).toBeGreaterThanOrEqual(before);
        expect(Math.abs(periodosElapsed(calendar, before, after, [...pauses, pause]) - stopped)).toBeLessThan(1e-6);
      }),
      RUNS,
    );
  });

  it('with equal-length períodos, a pause moves the deadline by exactly its business time before the deadline', () => {
    fc.assert(
      fc.property(uniformArb, instantArb, fc.integer({ min: 1, max: 8 }), closedPauseArb, ({ calendar }, start, n, pause) => {
        const before = addPeriodos(calendar, start, n);
        const after = addPeriodos(calendar, start, n, [pause]);
        const pausedBusinessMs = businessMsBetween(calendar, start, before) - businessMsBetween(calendar, start, before, [pause]);
        expect(Math.abs(businessMsBetween(calendar, before, after, [pause]) - pausedBusinessMs)).toBeLessThanOrEqual(2);
      }),
      RUNS,
    );
  });

  it('an open pause suspends the deadline only if it begins before it', () => {
    fc.assert(
      fc.property(generatedArb, instantArb, countArb, fc.integer({ min: -5 * DAY, max: 5 * DAY }), ({ calendar }, start, n, shift) => {
        const deadline = addPeriodos(calendar, start, n);
        const from = deadline + (shift === 0 ? 1 : shift);
        const withOpenPause = addPeriodos(calendar, start, n, [{ from, to: null }]);
        if (from < deadline && from >= start) expect(withOpenPause).toBe(Infinity);
        if (from > deadline) expect(withOpenPause).toBe(deadline);
      }),
      RUNS,
    );
  });

  it('stops with NoBusinessTimeError, not a hang, when holidays cover more than the horizon', () => {
    const calendarFor = (closedDays: number, start: number) => {
      const holidays = [{ id: 1, name: 'Closed', start_date: isoDay(start - 3 * DAY), end_date: isoDay(start + closedDays * DAY) }];
      const weekly = [[], [[480, 720]], [], [], [], [], []] as [number, number][][];
      return build('Brasilia', weekly, holidays, 720).calendar;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), instantArb, countArb, (closedDays, start, n) => {
        const calendar = calendarFor(closedDays, start);
        const horizon = calendar.searchHorizonDays;
        if (closedDays >= horizon + 7) {
          expect(() => addPeriodos(calendar, start, n)).toThrow(NoBusinessTimeError);
        } else if (closedDays <= horizon - 7) {
          expect(addPeriodos(calendar, start, n)).toBeGreaterThan(start + closedDays * DAY);
        }
      }),
      { numRuns: 100 },
    );
  });
});
