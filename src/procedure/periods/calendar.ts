import { parseIsoDate } from './civil-day';
import { PeriodoCursor } from './periodo-cursor';
import type {
  BuildCalendarResult,
  BusinessCalendar,
  CalendarError,
  HolidayDays,
  LocalPeriodo,
  Periodo,
  ZendeskHoliday,
  ZendeskSchedule,
} from './types';
import { resolveZendeskTimeZone } from './zendesk-time-zones';

export interface CalendarOptions {
  /** Where a one-interval day is split into two períodos, minutes after local midnight. Default 720 (12:00). */
  middayMinutes?: number;
  /** Consecutive days without any período before the search gives up. Default 731 (two years). */
  searchHorizonDays?: number;
}

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
export const DEFAULT_MIDDAY_MINUTES = 720;
export const DEFAULT_SEARCH_HORIZON_DAYS = 731;

type Checked<T> = { ok: true; value: T } | { ok: false; error: CalendarError };

const fail = (code: CalendarError['code'], detail: string): { ok: false; error: CalendarError } => ({
  ok: false,
  error: { code, detail },
});

/** Validates a Zendesk schedule and its holidays and turns them into a `BusinessCalendar`. */
export function buildCalendar(
  schedule: ZendeskSchedule,
  holidays: readonly ZendeskHoliday[],
  options: CalendarOptions = {},
): BuildCalendarResult {
  const middayMinutes = options.middayMinutes ?? DEFAULT_MIDDAY_MINUTES;
  if (!Number.isInteger(middayMinutes) || middayMinutes <= 0 || middayMinutes >= MINUTES_PER_DAY) {
    return fail('invalid_option', `middayMinutes must be an integer in 1..1439, got ${middayMinutes}`);
  }
  const searchHorizonDays = options.searchHorizonDays ?? DEFAULT_SEARCH_HORIZON_DAYS;
  if (!Number.isInteger(searchHorizonDays) || searchHorizonDays < 7) {
    return fail('invalid_option', `searchHorizonDays must be an integer ≥ 7, got ${searchHorizonDays}`);
  }

  const zone = resolveZendeskTimeZone(schedule.time_zone);
  if (!zone.ok) return { ok: false, error: zone.error };

  const weekly = weeklyPeriodos(schedule.intervals, middayMinutes);
  if (!weekly.ok) return weekly;
  const holidayDays = holidayRanges(holidays);
  if (!holidayDays.ok) return holidayDays;

  const calendar: BusinessCalendar = {
    timeZone: zone.ianaName,
    zendeskTimeZone: schedule.time_zone,
    weekly: weekly.value,
    holidays: holidayDays.value,
    middayMinutes,
    searchHorizonDays,
  };
  return { ok: true, calendar };
}

/** Per weekday, the sorted períodos in local minutes; or the first problem found. */
function weeklyPeriodos(
  intervals: ZendeskSchedule['intervals'],
  middayMinutes: number,
): Checked<LocalPeriodo[][]> {
  if (intervals.length === 0) return fail('no_intervals', 'The schedule has no business hours');
  const sorted = [...intervals].sort((a, b) => a.start_time - b.start_time);
  const days: LocalPeriodo[][] = [[], [], [], [], [], [], []];
  let previousEnd = -1;
  for (const { start_time: start, end_time: end } of sorted) {
    const label = `[${start}, ${end})`;
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      return fail('invalid_interval', `Interval ${label} is not in whole minutes`);
    }
    if (end <= start) return fail('inverted_interval', `Interval ${label} ends before it starts`);
    if (start < 0 || end > MINUTES_PER_WEEK) {
      return fail('interval_beyond_week', `Interval ${label} is outside Sunday 00:00 … Saturday 24:00`);
    }
    const weekday = Math.floor(start / MINUTES_PER_DAY);
    const dayStart = weekday * MINUTES_PER_DAY;
    if (end - dayStart > MINUTES_PER_DAY) {
      return fail('interval_spans_days', `Interval ${label} crosses midnight`);
    }
    if (start < previousEnd) return fail('overlapping_intervals', `Interval ${label} overlaps the previous one`);
    previousEnd = end;
    days[weekday]?.push({ startMinute: start - dayStart, endMinute: end - dayStart });
  }
  return { ok: true, value: days.map((day) => splitAtMidday(day, middayMinutes)) };
}

/** A day with a single interval holds a morning and an afternoon: split it where midday falls inside. */
function splitAtMidday(day: LocalPeriodo[], middayMinutes: number): LocalPeriodo[] {
  const only = day.length === 1 ? day[0] : undefined;
  if (!only || middayMinutes <= only.startMinute || middayMinutes >= only.endMinute) return day;
  return [
    { startMinute: only.startMinute, endMinute: middayMinutes },
    { startMinute: middayMinutes, endMinute: only.endMinute },
  ];
}

function holidayRanges(holidays: readonly ZendeskHoliday[]): Checked<HolidayDays[]> {
  const ranges: HolidayDays[] = [];
  for (const holiday of holidays) {
    const firstDay = parseIsoDate(holiday.start_date);
    const lastDay = parseIsoDate(holiday.end_date);
    const label = holiday.name ?? String(holiday.id ?? '?');
    if (firstDay === null || lastDay === null) {
      return fail('invalid_holiday', `Holiday "${label}" has a date that is not YYYY-MM-DD`);
    }
    if (lastDay < firstDay) return fail('invalid_holiday', `Holiday "${label}" ends before it starts`);
    ranges.push({ firstDay, lastDay });
  }
  ranges.sort((a, b) => a.firstDay - b.firstDay);
  const merged: HolidayDays[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.firstDay <= last.lastDay + 1) merged[merged.length - 1] = { firstDay: last.firstDay, lastDay: Math.max(last.lastDay, range.lastDay) };
    else merged.push(range);
  }
  return { ok: true, value: merged };
}

/**
 * The períodos that end after `instant`, in order, in absolute time (holidays skipped, DST honoured).
 * The first one may contain `instant`. Endless: stop iterating when you have enough. Throws
 * `NoBusinessTimeError` when `searchHorizonDays` days in a row have no período.
 */
export function* periodosAfter(calendar: BusinessCalendar, instant: number): Generator<Periodo, never, undefined> {
  const cursor = new PeriodoCursor(calendar, instant);
  for (;;) yield cursor.next();
}
