import { addPeriodos, deadlineStatus, type DeadlineStatus } from './deadline';
import type { BusinessCalendar, Pause } from './types';

/**
 * Deadline arithmetic bound to one team's calendar. The checklist receives it once the schedule
 * has loaded, so the first paint carries no calendar code at all.
 */
export interface DeadlineClock {
  status(start: number, periodos: number, now: number, pauses: readonly Pause[]): DeadlineStatus;
  add(start: number, periodos: number, pauses: readonly Pause[]): number;
}

export function deadlineClock(calendar: BusinessCalendar): DeadlineClock {
  return {
    status: (start, periodos, now, pauses) => deadlineStatus(calendar, start, periodos, now, pauses),
    add: (start, periodos, pauses) => addPeriodos(calendar, start, periodos, pauses),
  };
}
