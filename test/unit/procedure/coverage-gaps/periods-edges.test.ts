import { addPeriodos, buildCalendar, deadlineStatus, periodosAfter, periodosElapsed } from '../../../../src/procedure/periods';
import { at, calendarOf, domainCalendar, intervalsOn, show } from '../../periods/fixtures';

const BRT = 'America/Sao_Paulo';
const calendar = domainCalendar();
const monday10 = at(BRT, 'Mon 2026-11-23 10:00');

describe('períodos: inputs the clock refuses or ignores', () => {
  it('a "now" that is not an instant is an error, not a silent 0 or "not overdue"', () => {
    expect(() => periodosElapsed(calendar, monday10, Number.NaN)).toThrow(RangeError);
    expect(() => deadlineStatus(calendar, monday10, 1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('a pause that does not start at an instant is an error', () => {
    expect(() => addPeriodos(calendar, monday10, 1, [{ from: Number.NaN, to: null }])).toThrow(/pause\.from/);
  });

  it('an empty or inverted pause (ended before it began) stops nothing', () => {
    const plain = addPeriodos(calendar, monday10, 1);
    expect(show(BRT, plain)).toBe('Mon 2026-11-23 15:30');
    expect(addPeriodos(calendar, monday10, 1, [{ from: monday10 + 3_600_000, to: monday10 }])).toBe(plain);
    expect(addPeriodos(calendar, monday10, 1, [{ from: monday10 + 3_600_000, to: monday10 + 3_600_000 }])).toBe(plain);
  });

  it('a search horizon under a week is refused: it could not even see a whole weekend', () => {
    const schedule = { id: 1, name: 'Suporte', time_zone: 'Brasilia', intervals: intervalsOn([1], '08:00-12:00') };
    for (const searchHorizonDays of [6, 0, 7.5]) {
      const result = buildCalendar(schedule, [], { searchHorizonDays });
      expect(result.ok ? null : result.error.code).toBe('invalid_option');
    }
    expect(buildCalendar(schedule, [], { searchHorizonDays: 7 }).ok).toBe(true);
  });
});

describe('períodos across a daylight-saving gap', () => {
  it('a business interval that falls inside the skipped hour does not exist that day', () => {
    // Sundays 02:00–03:00 in New York; on 2026-03-08 the clocks jump from 02:00 to 03:00.
    const ny = calendarOf('Eastern Time (US & Canada)', intervalsOn([0], '02:00-03:00'));
    const [first, second] = [...take(periodosAfter(ny, at('America/New_York', 'Sat 2026-02-28 12:00')), 2)];
    expect(show('America/New_York', first!.start)).toBe('Sun 2026-03-01 02:00');
    expect(show('America/New_York', second!.start)).toBe('Sun 2026-03-15 02:00');
  });
});

describe('períodos over a very long span', () => {
  it('counts exactly over 60 years (past the per-calendar cache of days, which is then flushed)', () => {
    const mondayMornings = calendarOf('Brasilia', intervalsOn([1], '08:00-12:00'));
    const start = Date.parse('2000-12-31T15:00:00Z'); // a Sunday, noon in Brasília
    const weeks = 3_200; // 22 400 days
    expect(periodosElapsed(mondayMornings, start, start + weeks * 7 * 86_400_000)).toBe(weeks);
  });
});

function* take<T>(iterable: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const item of iterable) {
    yield item;
    if (--n <= 0) return;
  }
}
