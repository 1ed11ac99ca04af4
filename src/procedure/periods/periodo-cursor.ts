import { instantAt, localDayOf, weekdayOf } from './civil-day';
import { NoBusinessTimeError, type BusinessCalendar, type Periodo } from './types';

/**
 * Walks a calendar's períodos in absolute time, one local day at a time. A day's boundaries are
 * computed once (one TZDate per boundary) and cached per calendar, because the dashboard asks for
 * thousands of deadlines that mostly fall in the same few weeks.
 */

const NONE: readonly Periodo[] = Object.freeze([]);
const MAX_CACHED_DAYS = 20_000;
const dayCache = new WeakMap<BusinessCalendar, Map<number, readonly Periodo[]>>();

/** Last holiday day of the range containing `day`, or null. Binary search over the merged ranges. */
function holidayEnd(calendar: BusinessCalendar, day: number): number | null {
  const ranges = calendar.holidays;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid];
    if (!range) break;
    if (day < range.firstDay) high = mid - 1;
    else if (day > range.lastDay) low = mid + 1;
    else return range.lastDay;
  }
  return null;
}

function computeDay(calendar: BusinessCalendar, day: number): readonly Periodo[] {
  const template = calendar.weekly[weekdayOf(day)] ?? [];
  const periodos: Periodo[] = [];
  let previousEnd = -Infinity;
  for (const local of template) {
    // In a DST gap TZDate moves a wall time forward, which can squeeze or overlap a neighbour:
    // keep the períodos disjoint and drop any that vanished.
    const start = Math.max(instantAt(day, local.startMinute, calendar.timeZone), previousEnd);
    const end = instantAt(day, local.endMinute, calendar.timeZone);
    if (end > start) {
      periodos.push({ start, end });
      previousEnd = end;
    }
  }
  return periodos.length === 0 ? NONE : periodos;
}

/** The períodos of one working (non-holiday) civil day. */
function periodosOfDay(calendar: BusinessCalendar, day: number): readonly Periodo[] {
  let cache = dayCache.get(calendar);
  if (!cache) {
    cache = new Map();
    dayCache.set(calendar, cache);
  }
  let periodos = cache.get(day);
  if (!periodos) {
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    periodos = computeDay(calendar, day);
    cache.set(day, periodos);
  }
  return periodos;
}

export class PeriodoCursor {
  private day = 0;
  private index = 0;
  private floor = 0;
  private searchedFrom = 0;

  constructor(private readonly calendar: BusinessCalendar, instant: number) {
    this.seek(instant);
  }

  /** Positions the cursor so that `next()` returns the first período ending after `instant`. */
  seek(instant: number): void {
    this.day = localDayOf(instant, this.calendar.timeZone);
    this.index = 0;
    this.floor = instant;
    this.searchedFrom = instant;
  }

  /** The next período ending after the last seek/next; throws NoBusinessTimeError past the horizon. */
  next(): Periodo {
    const periodo = this.advance(Infinity);
    if (!periodo) throw new Error('unreachable: an open-ended search returns a período or throws');
    return periodo;
  }

  /** Like `next`, but null once the search passes civil day `lastDay` (see `localDayOf`). */
  nextUntilDay(lastDay: number): Periodo | null {
    return this.advance(lastDay);
  }

  private advance(lastDay: number): Periodo | null {
    let emptyDays = 0;
    for (;;) {
      if (this.day > lastDay) return null;
      // Only an open-ended search can run forever; a bounded one simply reaches its last day.
      if (lastDay === Infinity && emptyDays > this.calendar.searchHorizonDays) {
        throw new NoBusinessTimeError(this.searchedFrom, this.calendar.searchHorizonDays);
      }
      const lastHoliday = holidayEnd(this.calendar, this.day);
      if (lastHoliday !== null) {
        // Jump over the whole holiday range at once: a long closure costs one step, not one per day.
        emptyDays += lastHoliday - this.day + 1;
        this.day = lastHoliday + 1;
        this.index = 0;
      } else {
        const periodos = periodosOfDay(this.calendar, this.day);
        while (this.index < periodos.length) {
          const periodo = periodos[this.index++];
          if (periodo && periodo.end > this.floor) {
            this.floor = periodo.end;
            this.searchedFrom = periodo.end;
            return periodo;
          }
        }
        if (periodos.length === 0) emptyDays += 1;
        this.day += 1;
        this.index = 0;
      }
    }
  }
}
