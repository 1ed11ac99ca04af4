import type { Apontamento, NotAcceptedReason } from './apontamento-types';
import { NOT_ACCEPTED_REASONS } from './apontamento-types';
import { periodosAfter, type BusinessCalendar } from './periods';
import { civilDateOf, dayNumberOf, instantAt, localDayOf } from './periods/civil-day';
import type { Profile } from './profile';

/**
 * DOMAIN.md "Billing facts": per minute, a minimum per ticket, a lead's "Consultoria Aceita"
 * SIM → NÃO, the Unit-pays and waiver rules, the monthly closing.
 *
 * How a record is classified (every record falls in exactly one class):
 *   billable && accepted   → billed to the client ("faturável = sim", "Aceita = SIM");
 *   !billable              → not billed: Unit pays (reason REPASSE) or waived (ISSUE / DOCUMENTAÇÃO);
 *   billable && !accepted  → a lead turned "Aceita" to NÃO.
 * `notAcceptedReason` holds the reason of either "no": on a non-billable record it says why it is
 * not billed to the client (REPASSE = the Unit pays), on a not-accepted one why the lead refused it.
 */

export interface BillingOptions {
  /** Per-ticket minimum, in minutes ("mínimo de 10 minutos"); a setting. Non-negative integer. */
  minimumMinutes: number;
  /** Price per minute before taxes, in cents; a setting. Omitted/null: no amount is computed. */
  pricePerMinuteCents?: number | null;
}

export const DEFAULT_MINIMUM_MINUTES = 10;
const MS_PER_MINUTE = 60_000;

/**
 * Whole minutes of a timed session: every started minute counts (billing is per minute, and the
 * client was on the line for it). Apply it to the session's total worked time — the sum of the
 * timer's segments — never segment by segment, so pauses add nothing.
 * Splitting bound: roundMinutes(a) + roundMinutes(b) ≤ roundMinutes(a + b) + 1 (and ≥ it), so a
 * session logged in k pieces bills at most k − 1 minutes more than logged whole, never less.
 */
export function roundMinutes(ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0) return 0;
  return Math.ceil(ms / MS_PER_MINUTE);
}

/** A stored record's minutes as a count: whole, never negative (a corrupted value counts 0). */
function minutesOf(record: Apontamento): number {
  return Number.isFinite(record.minutes) && record.minutes > 0 ? Math.floor(record.minutes) : 0;
}

export const isBilledToClient = (record: Apontamento): boolean => record.billable && record.accepted;

function checkedMinimum(minimumMinutes: number): number {
  if (!Number.isInteger(minimumMinutes) || minimumMinutes < 0) {
    throw new RangeError(`minimumMinutes must be a non-negative integer, got ${minimumMinutes}`);
  }
  return minimumMinutes;
}

/** Billable minutes by ticket id, so that the minimum is applied once per ticket. */
function billableByTicket(records: readonly Apontamento[]): Map<number, number> {
  const byTicket = new Map<number, number>();
  for (const record of records) {
    if (isBilledToClient(record)) byTicket.set(record.ticketId, (byTicket.get(record.ticketId) ?? 0) + minutesOf(record));
  }
  return byTicket;
}

/** A ticket's billable minutes with the minimum applied: 0 stays 0, 1..min−1 become min. */
const withMinimum = (minutes: number, minimumMinutes: number): number => (minutes > 0 ? Math.max(minutes, minimumMinutes) : 0);

/**
 * Minutes billed to the client: the billable & accepted minutes of each ticket, raised to the
 * minimum once per ticket when above zero. Records of several tickets are grouped by ticket.
 */
export function billedMinutes(records: readonly Apontamento[], { minimumMinutes }: Pick<BillingOptions, 'minimumMinutes'>): number {
  const minimum = checkedMinimum(minimumMinutes);
  let total = 0;
  for (const minutes of billableByTicket(records).values()) total += withMinimum(minutes, minimum);
  return total;
}

/** Whole cents for `minutes` at the price, or null without a valid price. */
export function amountCents(minutes: number, pricePerMinuteCents: number | null | undefined): number | null {
  if (pricePerMinuteCents === null || pricePerMinuteCents === undefined) return null;
  if (!Number.isFinite(pricePerMinuteCents) || pricePerMinuteCents < 0) {
    throw new RangeError(`pricePerMinuteCents must be a non-negative number, got ${pricePerMinuteCents}`);
  }
  return Math.round(minutes * pricePerMinuteCents);
}

export interface TicketTotals {
  /** Every record's minutes. = billableMinutes + nonBillableMinutes + notAcceptedMinutes. */
  loggedMinutes: number;
  /** Billable and accepted, before the minimum. */
  billableMinutes: number;
  /** What the client pays for: billableMinutes with the per-ticket minimum. */
  billedMinutes: number;
  /** "faturável = não" (Unit pays, waived), whatever the acceptance. */
  nonBillableMinutes: number;
  /** Billable, but a lead turned "Aceita" to NÃO. */
  notAcceptedMinutes: number;
  /** billedMinutes × price, in whole cents, before taxes; null without a price. */
  amountCents: number | null;
}

export function ticketTotals(records: readonly Apontamento[], options: BillingOptions): TicketTotals {
  let billable = 0;
  let nonBillable = 0;
  let notAccepted = 0;
  for (const record of records) {
    const minutes = minutesOf(record);
    if (!record.billable) nonBillable += minutes;
    else if (!record.accepted) notAccepted += minutes;
    else billable += minutes;
  }
  const billed = billedMinutes(records, options);
  return {
    loggedMinutes: billable + nonBillable + notAccepted,
    billableMinutes: billable,
    billedMinutes: billed,
    nonBillableMinutes: nonBillable,
    notAcceptedMinutes: notAccepted,
    amountCents: amountCents(billed, options.pricePerMinuteCents),
  };
}

/**
 * Step 10, the Unit (or franchise) pays: the client-side record becomes "faturável = não" with
 * reason REPASSE. A reason always means "Consultoria Aceita = NÃO": the billing team reads the two
 * as one (and the store keeps them in one dropdown), so `accepted` turns false with it. A record
 * a lead already refused keeps the lead's reason (the stronger "no"). An invoiced record is
 * returned unchanged: the closing has fixed it. `updatedAt` is the store's to stamp.
 */
export function applyUnitPays(record: Apontamento): Apontamento {
  if (record.invoicedAt !== null) return record;
  const notAcceptedReason = record.accepted ? 'REPASSE' : (record.notAcceptedReason ?? 'REPASSE');
  return { ...record, billable: false, accepted: false, notAcceptedReason };
}

/** Defects that waive ("abonam") the cost of a Consultoria do Módulo. */
export const WAIVER_REASONS = ['ISSUE', 'DOCUMENTAÇÃO'] as const satisfies readonly NotAcceptedReason[];
export type WaiverReason = (typeof WAIVER_REASONS)[number];

/** Only the Módulo modality has a waiver; Consultoria Técnica bills whatever the cause. */
export const waiverAllowed = (profileId: Profile['id']): boolean => profileId === 'modulo';

/**
 * Consultoria do Módulo: the analysis found a product (ISSUE) or documentation defect, so the
 * record is not billed. Same mapping as `applyUnitPays`; an invoiced record is returned unchanged.
 */
export function applyWaiver(record: Apontamento, reason: WaiverReason): Apontamento {
  if (record.invoicedAt !== null) return record;
  return { ...record, billable: false, accepted: false, notAcceptedReason: reason };
}

/** "gestao ", "Gestão" → "GESTÃO"; null when it is none of the six reasons. */
export function parseNotAcceptedReason(text: string): NotAcceptedReason | null {
  const fold = (s: string): string =>
    s.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toUpperCase();
  const wanted = fold(text);
  return NOT_ACCEPTED_REASONS.find((reason) => fold(reason) === wanted) ?? null;
}

export type TurnNotAcceptedResult =
  | { ok: true; record: Apontamento }
  | { ok: false; error: 'not_lead' | 'invoiced' | 'invalid_reason' };

/**
 * A lead turns "Consultoria Aceita" from SIM to NÃO, with one of the six reasons (a lead may also
 * correct the reason of a record already at NÃO). Only leads, only before the closing invoiced it.
 */
export function turnNotAccepted(
  record: Apontamento,
  reason: string,
  { actorIsLead, now }: { actorIsLead: boolean; now: number },
): TurnNotAcceptedResult {
  if (!actorIsLead) return { ok: false, error: 'not_lead' };
  if (record.invoicedAt !== null) return { ok: false, error: 'invoiced' };
  const parsed = parseNotAcceptedReason(reason);
  if (parsed === null) return { ok: false, error: 'invalid_reason' };
  return { ok: true, record: { ...record, accepted: false, notAcceptedReason: parsed, updatedAt: now } };
}

// ---- monthly closing ----------------------------------------------------------------------

export interface Closing {
  /** Local midnight (schedule's zone) starting the closing day: the month's 2nd business day. */
  closesAt: number;
  /** Exclusive bound: local midnight starting the closing's month. Records starting earlier are covered. */
  coversUntil: number;
  /** The closing day, "YYYY-MM-DD", for display without time-zone arithmetic. */
  closingDate: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The 2nd business day on or after civil day `firstDay` (the 1st of a month), a business day being
 * a non-holiday day with at least one período. (A month with fewer than two business days thus
 * closes on the second one after its 1st, whatever month that falls in.)
 */
function secondBusinessDay(calendar: BusinessCalendar, firstDay: number): number {
  let firstBusinessDay: number | null = null;
  for (const periodo of periodosAfter(calendar, instantAt(firstDay, 0, calendar.timeZone))) {
    const day = localDayOf(periodo.start, calendar.timeZone);
    if (day < firstDay || day === firstBusinessDay) continue;
    if (firstBusinessDay !== null) return day;
    firstBusinessDay = day;
  }
  throw new Error('unreachable: periodosAfter is endless or throws');
}

function closingOf(calendar: BusinessCalendar, firstDay: number, closingDay: number): Closing {
  const { year, month, day } = civilDateOf(closingDay);
  return {
    closesAt: instantAt(closingDay, 0, calendar.timeZone),
    coversUntil: instantAt(firstDay, 0, calendar.timeZone),
    closingDate: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
  };
}

/**
 * The next monthly closing: this month's 2nd business day, until that day is over (on the closing
 * day itself it is still "the next closing": it happens today); then next month's. Days are the
 * schedule's (its time zone, its holidays). Throws `NoBusinessTimeError` for a schedule without
 * business days within its search horizon.
 */
export function nextClosing(calendar: BusinessCalendar, now: number): Closing {
  const today = civilDateOf(localDayOf(now, calendar.timeZone));
  const firstOfThisMonth = dayNumberOf({ year: today.year, month: today.month, day: 1 });
  const closingDay = secondBusinessDay(calendar, firstOfThisMonth);
  if (now < instantAt(closingDay + 1, 0, calendar.timeZone)) return closingOf(calendar, firstOfThisMonth, closingDay);
  const next = today.month === 12 ? { year: today.year + 1, month: 1 } : { year: today.year, month: today.month + 1 };
  const firstOfNextMonth = dayNumberOf({ ...next, day: 1 });
  return closingOf(calendar, firstOfNextMonth, secondBusinessDay(calendar, firstOfNextMonth));
}

/** Zendesk statuses of the tickets a closing invoices ("Resolvido", "Fechado"). */
export const INVOICED_TICKET_STATUSES: readonly string[] = ['solved', 'closed'];

export interface InvoiceLine {
  ticketId: number;
  /** The records this closing invoices (it stamps their `invoicedAt`), in start order. */
  records: Apontamento[];
  /**
   * Minutes this closing bills for the ticket. The minimum applies once per ticket across
   * closings: a ticket reopened after an earlier invoice is billed only what raises its total.
   */
  billedMinutes: number;
  amountCents: number | null;
}

/**
 * What a closing invoices: only tickets whose status at the closing is solved or closed, only
 * their records that started before `coversUntil` and are not invoiced yet. Non-billable records
 * are listed too (Unit-paid ones go to the PMO) but add no minutes. Tickets with nothing to
 * invoice are left out; lines in ticket id order.
 */
export function toBeInvoiced(
  recordsByTicket: ReadonlyMap<number, readonly Apontamento[]>,
  ticketStatusAtClosing: ReadonlyMap<number, string>,
  closing: Pick<Closing, 'coversUntil'>,
  options: BillingOptions,
): InvoiceLine[] {
  const minimum = checkedMinimum(options.minimumMinutes);
  const lines: InvoiceLine[] = [];
  for (const [ticketId, records] of [...recordsByTicket].sort(([a], [b]) => a - b)) {
    const status = ticketStatusAtClosing.get(ticketId)?.trim().toLowerCase();
    if (status === undefined || !INVOICED_TICKET_STATUSES.includes(status)) continue;
    const due = records.filter((r) => r.invoicedAt === null && r.start < closing.coversUntil).sort((a, b) => a.start - b.start);
    if (due.length === 0) continue;
    const alreadyInvoiced = records.filter((r) => r.invoicedAt !== null);
    const billedBefore = withMinimum(sumBillable(alreadyInvoiced), minimum);
    const billedAfter = withMinimum(sumBillable([...alreadyInvoiced, ...due]), minimum);
    const billed = billedAfter - billedBefore;
    lines.push({ ticketId, records: due, billedMinutes: billed, amountCents: amountCents(billed, options.pricePerMinuteCents) });
  }
  return lines;
}

function sumBillable(records: readonly Apontamento[]): number {
  return records.reduce((total, r) => total + (isBilledToClient(r) ? minutesOf(r) : 0), 0);
}
