import { TZDate } from '@date-fns/tz';

/**
 * Civil days as integers (days since 1970-01-01 on the calendar). They name a date, not an instant,
 * so Date.UTC is only used as a proleptic-Gregorian day counter here — no offsets involved.
 */

const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

export function dayNumberOf(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}

export function civilDateOf(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-12-25" → its day number; null for anything that is not a real calendar date. */
export function parseIsoDate(text: string): number | null {
  const match = isoDate.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const dayNumber = dayNumberOf(date);
  const back = civilDateOf(dayNumber);
  return back.year === date.year && back.month === date.month && back.day === date.day ? dayNumber : null;
}

/** The civil day an instant falls on, in the given IANA zone. */
export function localDayOf(instant: number, timeZone: string): number {
  const local = new TZDate(instant, timeZone);
  return dayNumberOf({ year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() });
}

/** The instant of a local wall-clock time `minutes` after the local midnight of a civil day. */
export function instantAt(dayNumber: number, minutes: number, timeZone: string): number {
  const { year, month, day } = civilDateOf(dayNumber);
  // TZDate normalises minute overflow (1440 → next midnight) and resolves DST gaps forward.
  return new TZDate(year, month - 1, day, 0, minutes, timeZone).getTime();
}
