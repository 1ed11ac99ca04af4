import type { Apontamento } from '../apontamento-types';
import { ticketTotals, toBeInvoiced, type BillingOptions, type Closing } from '../billing';
import { civilDateOf, dayNumberOf, instantAt, localDayOf } from '../periods/civil-day';
import type { DeadlineClock } from '../periods/clock';
import { NoBusinessTimeError, type BusinessCalendar } from '../periods/types';
import { parseIndex } from '../procedure-index';
import type { Settings } from '../settings';
import { deriveProcedure, STEP_ORDER, type BlockReason, type DeadlineView, type StepId, type StepStatus } from '../steps';
import type { TicketSnapshot } from '../ticket';

/** A ticket as Zendesk's search returns it (zendesk/consulting-search.ts parses it). */
export interface ListedTicket {
  id: number;
  subject: string;
  status: string;
  tags: string[];
  requesterId: number | null;
  assigneeId: number | null;
  groupId: number | null;
  createdAt: number;
  updatedAt: number;
  viaChannel: string;
  /** Custom field values by id, as strings (dates "YYYY-MM-DD"), like TicketSnapshot.fields. */
  fields: Record<number, string | null>;
}

export interface RequesterInfo {
  name: string;
  email: string | null;
  /** The "Permite Consultoria" user field value (the option's tag). */
  mayContract: string | null;
}

/**
 * Whether the row's history facts (Aceite time, pauses, lead assignment) are known: from the index
 * field ('ok'), or not — the field is not configured, empty on a ticket that needs it (a ticket last
 * saved before the app kept the index), or unreadable. Step states then read tags and fields only.
 */
export type IndexState = 'ok' | 'not_needed' | 'unconfigured' | 'missing' | 'malformed';

/** The step a ticket is at: the first one not done, or 'done' when the service has started. */
export type CurrentStep = StepId | 'done';

export interface DashboardRow {
  id: number;
  subject: string;
  status: string;
  requesterId: number | null;
  requesterName: string | null;
  /** The module's value (the field option's tag). */
  module: string | null;
  assigneeId: number | null;
  groupId: number | null;
  profile: 'tecnica' | 'modulo';
  dataControle: string | null;
  currentStep: CurrentStep;
  currentStatus: StepStatus | 'done';
  currentReason: BlockReason | null;
  aceiteAt: number | null;
  /** The 1-período (slots reply) and 3-período (service start) deadlines; null before the Aceite or when unknown. */
  availability: DeadlineView | null;
  start: DeadlineView | null;
  paused: boolean;
  /** A deadline passed and its step is not done. */
  overdue: boolean;
  /** Not overdue, but a deadline falls before the end of the next período from now. */
  dueNextPeriodo: boolean;
  waitingAceite: boolean;
  waitingUnitApproval: boolean;
  indexState: IndexState;
  loggedMinutes: number;
  /** Billable and accepted minutes, before the per-ticket minimum. */
  billableMinutes: number;
  /** Of those, the ones of sessions started this month (from `monthStart`). */
  monthLoggedMinutes: number;
  monthBillableMinutes: number;
  /** What the next closing will bill for this ticket (0 unless it is solved/closed now and has records due). */
  closingMinutes: number;
  closingAmountCents: number | null;
}

export interface RowContext {
  settings: Settings;
  /** null while the schedule loads or when it is broken: no deadlines then. */
  clock: DeadlineClock | null;
  now: number;
  requesters: ReadonlyMap<number, RequesterInfo>;
  recordsByTicket: ReadonlyMap<number, readonly Apontamento[]>;
  /** The next monthly closing (null without a schedule). */
  closing: Pick<Closing, 'coversUntil'> | null;
  /** Start of the current month in the schedule's time zone. */
  monthStart: number;
  billing: BillingOptions;
}

/** Local midnight of the 1st of `now`'s month in the schedule's zone. */
export function monthStartOf(calendar: Pick<BusinessCalendar, 'timeZone'>, now: number): number {
  const today = civilDateOf(localDayOf(now, calendar.timeZone));
  return instantAt(dayNumberOf({ year: today.year, month: today.month, day: 1 }), 0, calendar.timeZone);
}

function snapshotOf(ticket: ListedTicket, requester: RequesterInfo | undefined): TicketSnapshot {
  return {
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    tags: ticket.tags,
    viaChannel: ticket.viaChannel,
    requester: ticket.requesterId === null ? null : { id: ticket.requesterId, name: requester?.name ?? '', email: requester?.email ?? null, locale: null },
    assignee: { userId: ticket.assigneeId, groupId: ticket.groupId },
    formId: null,
    fields: ticket.fields,
    requesterMayContract: requester?.mayContract ?? null,
    updatedAt: new Date(ticket.updatedAt).toISOString(),
  };
}

function indexOf(ticket: ListedTicket, settings: Settings) {
  const fieldId = settings.indice_field_id;
  if (fieldId === null) return { state: 'unconfigured' as const, index: null };
  const text = ticket.fields[fieldId] ?? null;
  const index = parseIndex(text);
  if (index) return { state: 'ok' as const, index };
  if (text) return { state: 'malformed' as const, index: null };
  const clockTags = [settings.tag_aceite, settings.tag_retorno];
  return { state: clockTags.some((t) => t !== null && ticket.tags.includes(t)) ? ('missing' as const) : ('not_needed' as const), index: null };
}

/** Late now: a running clock past its deadline. A paused one counts as paused (the exception is on record). */
const isLate = (d: DeadlineView | null) => d !== null && d.metAt === null && !d.paused && d.overdue;

/** One período of business time from now; null when the schedule has none (no "due soon" then, rather than no dashboard). */
function nextPeriodoEnd(clock: DeadlineClock, now: number): number | null {
  try {
    return clock.add(now, 1, []);
  } catch (error) {
    if (error instanceof NoBusinessTimeError) return null;
    throw error;
  }
}

export function dashboardRow(ticket: ListedTicket, ctx: RowContext): DashboardRow {
  const { settings } = ctx;
  const requester = ticket.requesterId === null ? undefined : ctx.requesters.get(ticket.requesterId);
  const { state, index } = indexOf(ticket, settings);
  // Without the index there are no facts from the history: no clock rather than a wrong one.
  const view = deriveProcedure({ ticket: snapshotOf(ticket, requester), settings, audits: null, index, clock: index ? ctx.clock : null, openingMacroIds: [], now: ctx.now });
  const step = (id: StepId) => view.steps.find((s) => s.id === id);
  const current = STEP_ORDER.map(step).find((s) => s !== undefined && s.status !== 'done' && s.status !== 'not_applicable');
  const availability = step('availability')?.deadline ?? null;
  const start = step('start')?.deadline ?? null;
  const overdue = isLate(availability) || isLate(start);
  const pending = [availability, start].filter((d): d is DeadlineView => d !== null && d.metAt === null && !d.paused && !d.overdue);
  // Only rows with a running deadline need the horizon (one calendar walk each, 5 000 rows).
  const horizon = ctx.clock && !overdue && pending.length > 0 ? nextPeriodoEnd(ctx.clock, ctx.now) : null;
  const dueNextPeriodo = horizon !== null && pending.some((d) => d.due <= horizon);
  const aceite = step('aceite');
  const unit = step('unit_approval');

  const records = ctx.recordsByTicket.get(ticket.id) ?? [];
  const totals = ticketTotals(records, ctx.billing);
  const month = ticketTotals(
    records.filter((r) => r.start >= ctx.monthStart),
    { ...ctx.billing, minimumMinutes: 0 },
  );
  const closingLine = ctx.closing ? toBeInvoiced(new Map([[ticket.id, records]]), new Map([[ticket.id, ticket.status]]), ctx.closing, ctx.billing)[0] : undefined;

  return {
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    requesterId: ticket.requesterId,
    requesterName: requester?.name ?? null,
    module: view.module,
    assigneeId: ticket.assigneeId,
    groupId: ticket.groupId,
    profile: view.profile.id,
    dataControle: view.profile.dateFieldId ? (ticket.fields[view.profile.dateFieldId] ?? null) : null,
    currentStep: current?.id ?? 'done',
    currentStatus: current?.status ?? 'done',
    currentReason: current?.reason ?? null,
    aceiteAt: view.aceiteAt,
    availability,
    start,
    paused: view.paused,
    overdue,
    dueNextPeriodo,
    waitingAceite: aceite !== undefined && (aceite.status === 'next' || aceite.status === 'open'),
    waitingUnitApproval: unit !== undefined && unit.status !== 'done' && unit.status !== 'not_applicable' && unit.status !== 'unavailable',
    indexState: state,
    loggedMinutes: totals.loggedMinutes,
    billableMinutes: totals.billableMinutes,
    monthLoggedMinutes: month.loggedMinutes,
    monthBillableMinutes: month.billableMinutes,
    closingMinutes: closingLine?.billedMinutes ?? 0,
    closingAmountCents: closingLine?.amountCents ?? null,
  };
}

/** Groups records by ticket (the records list comes for the whole account, in pages). */
/** Deadlines the list cannot know: the index is missing or unreadable ("Prazos desconhecidos"). */
export function hasUnknownDeadlines<R extends Pick<DashboardRow, 'indexState'>>(row: R): row is R & { indexState: 'missing' | 'malformed' } {
  return row.indexState === 'missing' || row.indexState === 'malformed';
}

export function recordsByTicket(records: Iterable<Apontamento>): Map<number, Apontamento[]> {
  const byTicket = new Map<number, Apontamento[]>();
  for (const record of records) {
    const list = byTicket.get(record.ticketId);
    if (list) list.push(record);
    else byTicket.set(record.ticketId, [record]);
  }
  return byTicket;
}
