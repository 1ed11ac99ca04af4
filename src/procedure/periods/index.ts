/** Períodos: business-hours intervals of a Zendesk schedule, and deadlines counted in them. */
export { buildCalendar, periodosAfter, DEFAULT_MIDDAY_MINUTES, DEFAULT_SEARCH_HORIZON_DAYS } from './calendar';
export type { CalendarOptions } from './calendar';
export { addPeriodos, periodosElapsed, deadlineStatus } from './deadline';
export type { DeadlineStatus } from './deadline';
export { businessMsBetween } from './business-time';
export { deadlineClock } from './clock';
export type { DeadlineClock } from './clock';
export { resolveZendeskTimeZone, ACTIVE_SUPPORT_TIME_ZONES } from './zendesk-time-zones';
export type { TimeZoneResolution } from './zendesk-time-zones';
export { NoBusinessTimeError } from './types';
export type {
  BuildCalendarResult,
  BusinessCalendar,
  CalendarError,
  CalendarErrorCode,
  HolidayDays,
  LocalPeriodo,
  Pause,
  Periodo,
  ZendeskHoliday,
  ZendeskSchedule,
} from './types';
