import { localDayOf } from './civil-day';
import { PeriodoCursor } from './periodo-cursor';
import type { BusinessCalendar, Pause } from './types';

/** A pause as a closed-open span; `to` is Infinity while the clock is still stopped. */
export interface PauseSpan {
  readonly from: number;
  readonly to: number;
}

function assertInstant(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite instant in ms, got ${value}`);
}

/** Sorted, merged spans; empty or inverted pauses count for nothing. Open pauses end at `openUntil`. */
export function normalizePauses(pauses: readonly Pause[], openUntil = Infinity): PauseSpan[] {
  const spans: PauseSpan[] = [];
  for (const pause of pauses) {
    assertInstant(pause.from, 'pause.from');
    if (pause.to !== null) assertInstant(pause.to, 'pause.to');
    const to = pause.to ?? Math.max(pause.from, openUntil);
    if (to > pause.from) spans.push({ from: pause.from, to });
  }
  spans.sort((a, b) => a.from - b.from);
  const merged: PauseSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, span.to) };
    else merged.push(span);
  }
  return merged;
}

/**
 * Receives one piece of counted business time: [start, end) inside a período of `periodoLength` ms.
 * Return true to stop the walk.
 */
export type SegmentVisitor = (start: number, end: number, periodoLength: number) => boolean;

export type WalkOutcome = 'stopped' | 'suspended' | 'reached_until';

/**
 * Visits, in order, the business time after `from` that no pause covers. Ends when the visitor
 * stops it, when an endless pause begins ('suspended'), or once past `until` if given.
 */
export function walkBusinessTime(
  calendar: BusinessCalendar,
  from: number,
  pauses: readonly PauseSpan[],
  visit: SegmentVisitor,
  until?: number,
): WalkOutcome {
  assertInstant(from, 'start');
  const cursor = new PeriodoCursor(calendar, from);
  const lastDay = until === undefined ? null : localDayOf(until, calendar.timeZone);
  const nextPeriodo = () => (lastDay === null ? cursor.next() : cursor.nextUntilDay(lastDay));
  let periodo = nextPeriodo();
  let t = from;
  let pauseIndex = 0;
  while (periodo) {
    if (t >= periodo.end) {
      periodo = nextPeriodo();
      continue;
    }
    const segmentStart = Math.max(t, periodo.start);
    while ((pauses[pauseIndex]?.to ?? Infinity) <= segmentStart) pauseIndex++;
    const pause = pauses[pauseIndex];
    if (pause && pause.from <= segmentStart) {
      if (pause.to === Infinity) return 'suspended';
      t = pause.to;
      // A pause may last weeks: re-seek instead of walking every período it covers.
      if (t >= periodo.end) {
        cursor.seek(t);
        periodo = nextPeriodo();
      }
      continue;
    }
    const segmentEnd = pause ? Math.min(periodo.end, pause.from) : periodo.end;
    if (visit(segmentStart, segmentEnd, periodo.end - periodo.start)) return 'stopped';
    t = segmentEnd;
  }
  return 'reached_until';
}

/** Business milliseconds in [from, to) not covered by any pause (open pauses never end). */
export function businessMsBetween(
  calendar: BusinessCalendar,
  from: number,
  to: number,
  pauses: readonly Pause[] = [],
): number {
  assertInstant(to, 'end');
  if (to <= from) return 0;
  let total = 0;
  walkBusinessTime(
    calendar,
    from,
    normalizePauses(pauses),
    (start, end) => {
      if (start >= to) return true;
      total += Math.min(end, to) - start;
      return end >= to;
    },
    to,
  );
  return total;
}
