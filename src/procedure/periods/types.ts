/** Shapes shared by the períodos modules. Instants are always ms since the epoch. */

/** GET /api/v2/business_hours/schedules/{id} → `schedule`. Minutes count from Sunday 00:00 local. */
export interface ZendeskSchedule {
  id?: number;
  name?: string;
  time_zone: string;
  intervals: readonly { start_time: number; end_time: number }[];
}

/** GET /api/v2/business_hours/schedules/{id}/holidays → `holidays[]`. Dates inclusive, local to the schedule. */
export interface ZendeskHoliday {
  id?: number;
  name?: string;
  start_date: string;
  end_date: string;
}

/** One período of a weekday, in minutes from the local midnight (end ≤ 1440). */
export interface LocalPeriodo {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** Holiday range in civil day numbers (days since 1970-01-01 on the calendar, not instants). */
export interface HolidayDays {
  readonly firstDay: number;
  readonly lastDay: number;
}

/** A validated schedule, ready for counting. Plain data: build it with `buildCalendar`. */
export interface BusinessCalendar {
  readonly timeZone: string;
  readonly zendeskTimeZone: string;
  /** Index 0 = Sunday … 6 = Saturday, already split at midday where the day has one interval. */
  readonly weekly: readonly (readonly LocalPeriodo[])[];
  /** Sorted, merged, non-overlapping. */
  readonly holidays: readonly HolidayDays[];
  readonly middayMinutes: number;
  /** How many consecutive days without any período the search tolerates before giving up. */
  readonly searchHorizonDays: number;
}

/** One período in absolute time: [start, end). */
export interface Periodo {
  readonly start: number;
  readonly end: number;
}

/** "Client has no availability": the clock is stopped over [from, to); `to: null` = still stopped. */
export interface Pause {
  readonly from: number;
  readonly to: number | null;
}

export type CalendarErrorCode =
  | 'unknown_time_zone'
  | 'no_intervals'
  | 'invalid_interval'
  | 'inverted_interval'
  | 'interval_beyond_week'
  | 'interval_spans_days'
  | 'overlapping_intervals'
  | 'invalid_holiday'
  | 'invalid_option';

export interface CalendarError {
  readonly code: CalendarErrorCode;
  readonly detail: string;
}

export type BuildCalendarResult = { ok: true; calendar: BusinessCalendar } | { ok: false; error: CalendarError };

/** Thrown when the schedule has no período at all for `searchHorizonDays` days (e.g. holidays everywhere). */
export class NoBusinessTimeError extends Error {
  readonly code = 'no_business_time';
  constructor(readonly searchedFrom: number, readonly horizonDays: number) {
    super(`No business period within ${horizonDays} days after ${new Date(searchedFrom).toISOString()}`);
    this.name = 'NoBusinessTimeError';
  }
}
