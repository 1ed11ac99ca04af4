import { STEP_ORDER } from '../steps';
import { hasUnknownDeadlines, type CurrentStep, type DashboardRow } from './rows';

export interface DashboardSummary {
  tickets: number;
  perStep: Record<CurrentStep, number>;
  overdue: number;
  dueNextPeriodo: number;
  waitingAceite: number;
  waitingUnitApproval: number;
  paused: number;
  /** Rows whose deadlines are unknown (index missing or unreadable). */
  withoutIndex: number;
  monthLoggedMinutes: number;
  monthBillableMinutes: number;
  closingMinutes: number;
  closingTickets: number;
  /** null when no row has an amount (no price configured). */
  closingAmountCents: number | null;
}

export const CURRENT_STEPS: readonly CurrentStep[] = [...STEP_ORDER, 'done'];

/** The figures at the top of the dashboard: plain sums over the rows shown, so the two always agree. */
export function summarize(rows: readonly DashboardRow[]): DashboardSummary {
  const perStep = Object.fromEntries(CURRENT_STEPS.map((s) => [s, 0])) as Record<CurrentStep, number>;
  const summary: DashboardSummary = {
    tickets: rows.length,
    perStep,
    overdue: 0,
    dueNextPeriodo: 0,
    waitingAceite: 0,
    waitingUnitApproval: 0,
    paused: 0,
    withoutIndex: 0,
    monthLoggedMinutes: 0,
    monthBillableMinutes: 0,
    closingMinutes: 0,
    closingTickets: 0,
    closingAmountCents: null,
  };
  for (const row of rows) {
    perStep[row.currentStep] += 1;
    if (row.overdue) summary.overdue += 1;
    if (row.dueNextPeriodo) summary.dueNextPeriodo += 1;
    if (row.waitingAceite) summary.waitingAceite += 1;
    if (row.waitingUnitApproval) summary.waitingUnitApproval += 1;
    if (row.paused) summary.paused += 1;
    if (hasUnknownDeadlines(row)) summary.withoutIndex += 1;
    summary.monthLoggedMinutes += row.monthLoggedMinutes;
    summary.monthBillableMinutes += row.monthBillableMinutes;
    if (row.closingMinutes > 0) summary.closingTickets += 1;
    summary.closingMinutes += row.closingMinutes;
    if (row.closingAmountCents !== null) summary.closingAmountCents = (summary.closingAmountCents ?? 0) + row.closingAmountCents;
  }
  return summary;
}
