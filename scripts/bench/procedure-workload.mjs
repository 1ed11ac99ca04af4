// Entry bundled by throughput.mjs (Vite build API → .tmp/bench/): the procedure core exactly as
// the app ships it, timed on generated tickets. Not run directly: plain node cannot import .ts.
import { buildCalendar, deadlineStatus } from '../../src/procedure/periods/index.ts';
import { pausesOf } from '../../src/procedure/history.ts';
import { parseSettings } from '../../src/procedure/settings.ts';
import { deriveProcedure } from '../../src/procedure/steps.ts';
import { INSTALLATION_SETTINGS } from '../../sandbox/fixtures/app-settings.mjs';
import { buildSchedules } from '../../sandbox/fixtures/schedules.mjs';
import { generateTickets, OPENING_MACRO_ID } from './generated-tickets.mjs';

const NOW = Date.parse('2026-11-25T14:30:00-03:00'); // a Wednesday afternoon in Brasília
const TICKETS = 2_000;

function sandboxCalendar() {
  const { schedules, holidays } = buildSchedules(NOW);
  const schedule = schedules.find((s) => String(s.id) === INSTALLATION_SETTINGS.schedule_id);
  const built = buildCalendar(schedule, holidays[schedule.id]);
  if (!built.ok) throw new Error(`sandbox schedule: ${built.error.code}`);
  return built.calendar;
}

/**
 * Calls `work(item)` over `items` in a loop for `rounds` slices of `roundMs` each; ops/s per
 * slice. A first untimed pass lets the JIT settle, so slices time steady-state code.
 */
function timeSlices(items, work, { rounds, roundMs }) {
  let sink = 0;
  for (const item of items) sink += work(item);
  const rates = [];
  let index = 0;
  for (let round = 0; round < rounds; round += 1) {
    let ops = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < roundMs) {
      for (let batch = 0; batch < 50; batch += 1) {
        sink += work(items[index]);
        index = (index + 1) % items.length;
      }
      ops += 50;
      elapsed = performance.now() - start;
    }
    rates.push((ops * 1000) / elapsed);
  }
  return { rates, sink };
}

/**
 * @param {{ rounds?: number, roundMs?: number }} options
 * @returns {{ derivations: number[], deadlines: number[], coverage: Record<string, number>, tickets: number }}
 *   ops/s per slice; `coverage` counts which step is "next" across the tickets (a workload that
 *   only exercises one state would time nothing useful).
 */
export function runWorkload({ rounds = 5, roundMs = 600 } = {}) {
  const { settings, problems } = parseSettings(INSTALLATION_SETTINGS);
  if (problems.length > 0) throw new Error(`sandbox settings do not parse: ${JSON.stringify(problems)}`);
  const calendar = sandboxCalendar();
  const tickets = generateTickets(TICKETS, { now: NOW });
  const inputs = tickets.map(({ ticket, audits }) => ({ ticket, settings, audits, calendar, openingMacroIds: [OPENING_MACRO_ID], now: NOW }));

  const coverage = {};
  for (const input of inputs) {
    const view = deriveProcedure(input);
    const key = view.steps.find((s) => s.status === 'next')?.id ?? 'none';
    coverage[key] = (coverage[key] ?? 0) + 1;
  }

  const derivations = timeSlices(inputs, (input) => deriveProcedure(input).steps.length, { rounds, roundMs });

  // The dashboard's load: the two deadlines (1 and 3 períodos) of every ticket whose clock started.
  const clocks = inputs.flatMap((input) => {
    const view = deriveProcedure(input);
    if (view.clockStartAt === null) return [];
    const pauses = pausesOf(input.audits, settings.tag_sem_disponibilidade);
    return [{ start: view.clockStartAt, periodos: 1, pauses }, { start: view.clockStartAt, periodos: 3, pauses }];
  });
  if (clocks.length === 0) throw new Error('no generated ticket has a running clock');
  const deadlines = timeSlices(clocks, (c) => deadlineStatus(calendar, c.start, c.periodos, NOW, c.pauses).deadline, { rounds, roundMs });

  return { derivations: derivations.rates, deadlines: deadlines.rates, coverage, tickets: inputs.length, clocks: clocks.length, checksum: derivations.sink + deadlines.sink };
}
