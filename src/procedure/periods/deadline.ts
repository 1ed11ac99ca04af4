import { businessMsBetween, normalizePauses, walkBusinessTime } from './business-time';
import type { BusinessCalendar, Pause } from './types';

/**
 * Deadlines counted in períodos (DOMAIN.md, "Counting períodos"). A piece of business time
 * inside a período of length L counts (its length ÷ L) períodos; time inside a pause counts nothing,
 * so a pause stops the clock and the count resumes where it stopped.
 */

// Float sums of fractions drift by ~1e-16; without this slack a deadline that lands exactly on a
// período's end could slide to the next período's start. 1e-9 período is well under a millisecond.
const EPSILON = 1e-9;

function assertCount(n: number): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`n must be a finite number ≥ 0, got ${n}`);
}

/**
 * The instant where the count of períodos from `start` reaches `n` (rounded to the ms): inside a
 * período, or exactly at its end. A `start` outside business hours counts from the next período.
 * Returns Infinity when an open pause (`to: null`) stops the clock before the count completes.
 * Throws NoBusinessTimeError when the calendar has no período for `searchHorizonDays` days.
 */
export function addPeriodos(calendar: BusinessCalendar, start: number, n: number, pauses: readonly Pause[] = []): number {
  assertCount(n);
  if (!Number.isFinite(start)) throw new RangeError(`start must be a finite instant in ms, got ${start}`);
  if (n === 0) return start;
  let remaining = n;
  let deadline = Infinity;
  walkBusinessTime(calendar, start, normalizePauses(pauses), (segmentStart, segmentEnd, periodoLength) => {
    const worth = (segmentEnd - segmentStart) / periodoLength;
    if (remaining <= worth + EPSILON) {
      deadline = Math.round(segmentStart + Math.min(remaining, worth) * periodoLength);
      return true;
    }
    remaining -= worth;
    return false;
  });
  return deadline;
}

/** How many períodos (fractional) the clock has counted from `start` to `now`; an open pause stops it. */
export function periodosElapsed(
  calendar: BusinessCalendar,
  start: number,
  now: number,
  pauses: readonly Pause[] = [],
): number {
  if (!Number.isFinite(now)) throw new RangeError(`now must be a finite instant in ms, got ${now}`);
  if (now <= start) return 0;
  let elapsed = 0;
  walkBusinessTime(
    calendar,
    start,
    normalizePauses(pauses),
    (segmentStart, segmentEnd, periodoLength) => {
      if (segmentStart >= now) return true;
      elapsed += (Math.min(segmentEnd, now) - segmentStart) / periodoLength;
      return segmentEnd >= now;
    },
    now,
  );
  return elapsed;
}

export interface DeadlineStatus {
  /** When the count reaches n. While paused: the deadline if the clock resumed at `now`. */
  deadline: number;
  /** Unpaused business ms from now to the deadline; negative = business ms since it passed. */
  businessMsLeft: number;
  overdue: boolean;
  /** An open or still-running pause covers `now`. */
  paused: boolean;
}

/** The state of one deadline at `now`, for the sidebar and the leads' dashboard. */
export function deadlineStatus(
  calendar: BusinessCalendar,
  start: number,
  n: number,
  now: number,
  pauses: readonly Pause[] = [],
): DeadlineStatus {
  if (!Number.isFinite(now)) throw new RangeError(`now must be a finite instant in ms, got ${now}`);
  const paused = pauses.some((pause) => pause.from <= now && (pause.to === null || pause.to > now));
  // An open pause is projected as ending now: the deadline keeps moving later while it lasts.
  const projected = normalizePauses(pauses, now);
  const deadline = addPeriodos(calendar, start, n, projected);
  const overdue = now > deadline;
  const businessMsLeft = overdue
    ? -businessMsBetween(calendar, deadline, now, projected)
    : businessMsBetween(calendar, Math.max(now, start), deadline, projected);
  return { deadline, businessMsLeft, overdue, paused };
}
