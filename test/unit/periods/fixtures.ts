import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { buildCalendar, type BusinessCalendar, type ZendeskHoliday, type ZendeskSchedule } from '../../../src/procedure/periods';
import type { CalendarOptions } from '../../../src/procedure/periods';

/** Test helpers: write instants as local wall-clock text so expectations read like the spec. */

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const localText = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** "Mon 2026-01-05 10:00" in an IANA zone → ms. The weekday is checked, to catch typos in tests. */
export function at(timeZone: string, text: string): number {
  const match = localText.exec(text);
  if (!match) throw new Error(`bad local time "${text}"`);
  const [, weekday, y, m, d, hh, mm] = match;
  const date = new TZDate(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm), timeZone);
  if (WEEKDAYS[date.getDay()] !== weekday) throw new Error(`${text}: that date is a ${WEEKDAYS[date.getDay()]}`);
  return date.getTime();
}

/** ms → "Mon 2026-01-05 15:30" in the zone (seconds shown only when not zero). */
export function show(timeZone: string, instant: number): string {
  const date = new TZDate(instant, timeZone);
  return format(date, date.getSeconds() || date.getMilliseconds() ? 'EEE yyyy-MM-dd HH:mm:ss.SSS' : 'EEE yyyy-MM-dd HH:mm');
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Zendesk intervals for the given weekdays (0 = Sunday), from ranges like "08:00-12:00". */
export function intervalsOn(weekdays: readonly number[], ...ranges: string[]): ZendeskSchedule['intervals'] {
  return weekdays.flatMap((weekday) =>
    ranges.map((range) => ({
      start_time: weekday * 1440 + minutesOf(range.slice(0, 5)),
      end_time: weekday * 1440 + minutesOf(range.slice(6, 11)),
    })),
  );
}

export const MON_TO_FRI = [1, 2, 3, 4, 5] as const;

export function holiday(name: string, start_date: string, end_date = start_date): ZendeskHoliday {
  return { id: 1, name, start_date, end_date };
}

export function calendarOf(
  time_zone: string,
  intervals: ZendeskSchedule['intervals'],
  holidays: readonly ZendeskHoliday[] = [],
  options?: CalendarOptions,
): BusinessCalendar {
  const result = buildCalendar({ id: 1, name: 'Suporte', time_zone, intervals }, holidays, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
  return result.calendar;
}

/** The DOMAIN.md schedule: Monday–Friday 08:00–12:00 and 13:00–18:00, Brasília. */
export function domainCalendar(holidays: readonly ZendeskHoliday[] = []): BusinessCalendar {
  return calendarOf('Brasilia', intervalsOn(MON_TO_FRI, '08:00-12:00', '13:00-18:00'), holidays);
}
