import { bench, describe } from 'vitest';
import { addPeriodos, deadlineStatus, type Pause } from '../../../src/procedure/periods';
import { at, domainCalendar, holiday } from './fixtures';

/**
 * Throughput measurement, not a test: `npx vitest bench --run test/unit/periods/`.
 * The leads' dashboard computes two deadline statuses (1 and 3 períodos) per ticket for 5 000 tickets.
 */

const holidays = [holiday('Carnaval', '2026-02-16', '2026-02-17'), holiday('Tiradentes', '2026-04-21')];
const calendar = domainCalendar(holidays);
const zone = calendar.timeZone;
const HOUR = 3_600_000;

// Deterministic pseudo-random tickets spread over ten weeks, one in four with a pause.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const windowStart = at(zone, 'Mon 2026-02-02 00:00');
const tickets = Array.from({ length: 5_000 }, () => {
  const start = windowStart + Math.floor(random() * 70 * 24 * HOUR);
  const pauses: Pause[] = random() < 0.25 ? [{ from: start + HOUR, to: random() < 0.5 ? start + 30 * HOUR : null }] : [];
  return { start, pauses };
});
const now = at(zone, 'Wed 2026-04-15 10:00');

describe('períodos throughput', () => {
  bench('dashboard: 5 000 tickets × deadlineStatus(N=1) + deadlineStatus(N=3)', () => {
    for (const ticket of tickets) {
      deadlineStatus(calendar, ticket.start, 1, now, ticket.pauses);
      deadlineStatus(calendar, ticket.start, 3, now, ticket.pauses);
    }
  });

  bench('one addPeriodos(N=3) on a fresh calendar (cold day cache)', () => {
    addPeriodos(domainCalendar(holidays), windowStart + Math.floor(random() * 70 * 24 * HOUR), 3);
  });
});
