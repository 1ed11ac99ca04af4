import type { Apontamento } from '../../../../src/procedure/apontamento-types';
import type { DashboardRow, ListedTicket, RequesterInfo, RowContext } from '../../../../src/procedure/dashboard/rows';
import { monthStartOf } from '../../../../src/procedure/dashboard/rows';
import type { CellText } from '../../../../src/procedure/dashboard/table';
import { deadlineClock } from '../../../../src/procedure/periods';
import { parseSettings, type Settings } from '../../../../src/procedure/settings';
import type { DeadlineView } from '../../../../src/procedure/steps';
import type { TicketSnapshot } from '../../../../src/procedure/ticket';
import { sandboxSettings } from '../../../support/fake-zendesk';
import { domainCalendar } from '../../periods/fixtures';

/** The sandbox settings, with the procedure index field set here (the tests do not depend on the sandbox having one). */
export const INDEX_FIELD = 9000005;
export const settings: Settings = parseSettings({ ...sandboxSettings, indice_field_id: String(INDEX_FIELD) }).settings;

export const LEAD = 2101;
export const ANALYST = 2001;
export const REQUESTER = 1001;
/** Monday 2026-11-23, 10:00 in Brasília. */
export const MONDAY_10 = Date.parse('2026-11-23T10:00:00-03:00');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const brt = (local: string) => Date.parse(`${local}-03:00`);

/** Monday–Friday 08–12 and 13–18, "Brasilia" (DOMAIN.md's schedule). */
export const calendar = domainCalendar();
export const clock = deadlineClock(calendar);

/** A consulting ticket of the Faturamento module, opened in the portal, nothing done yet. */
export function listed(overrides: Partial<ListedTicket> = {}, fields: Record<number, string | null> = {}): ListedTicket {
  return {
    id: 101,
    subject: 'Nota gravada com valor negativo',
    status: 'open',
    tags: ['tipo_consultoria_tecnica'],
    requesterId: REQUESTER,
    assigneeId: null,
    groupId: 5001,
    createdAt: MONDAY_10 - 24 * HOUR,
    updatedAt: MONDAY_10,
    viaChannel: 'web',
    fields: { 9000001: 'tipo_consultoria_tecnica', 9000002: null, 9000003: 'modulo_faturamento', 9000004: null, [INDEX_FIELD]: null, ...fields },
    ...overrides,
  };
}

/** The same ticket as the sidebar sees it. */
export function snapshotOf(ticket: ListedTicket, mayContract = 'sim'): TicketSnapshot {
  return {
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    tags: ticket.tags,
    viaChannel: ticket.viaChannel,
    requester: { id: REQUESTER, name: 'Maria Souza', email: null, locale: null },
    assignee: { userId: ticket.assigneeId, groupId: ticket.groupId },
    formId: null,
    fields: ticket.fields,
    requesterMayContract: mayContract,
    updatedAt: null,
  };
}

export const requesters = (mayContract: string | null = 'sim'): Map<number, RequesterInfo> => new Map([[REQUESTER, { name: 'Maria Souza', email: 'maria@example.com', mayContract }]]);

export function context(overrides: Partial<RowContext> = {}): RowContext {
  const now = overrides.now ?? MONDAY_10 + HOUR;
  return {
    settings,
    clock,
    now,
    requesters: requesters(),
    recordsByTicket: new Map(),
    closing: null,
    monthStart: monthStartOf(calendar, now),
    billing: { minimumMinutes: 10 },
    ...overrides,
  };
}

let key = 0;
export function record(start: number, minutes: number, overrides: Partial<Apontamento> = {}): Apontamento {
  key += 1;
  return {
    key: `k${key}`,
    recordId: null,
    ticketId: 101,
    analystId: ANALYST,
    start,
    minutes,
    channel: 'phone',
    description: 'Análise',
    outcome: 'ok',
    billable: true,
    accepted: true,
    notAcceptedReason: null,
    invoicedAt: null,
    createdAt: start,
    updatedAt: start,
    ...overrides,
  };
}

/** A dashboard row with plain defaults (an open ticket at the Aceite step), for the table's filters and sorts. */
export function row(id: number, overrides: Partial<DashboardRow> = {}): DashboardRow {
  return {
    id,
    subject: `Ticket ${id}`,
    status: 'open',
    requesterId: 1001,
    requesterName: 'Maria Souza',
    module: 'modulo_faturamento',
    assigneeId: 2001,
    groupId: 5001,
    profile: 'tecnica',
    dataControle: null,
    currentStep: 'aceite',
    currentStatus: 'next',
    currentReason: null,
    aceiteAt: null,
    availability: null,
    start: null,
    paused: false,
    overdue: false,
    dueNextPeriodo: false,
    waitingAceite: false,
    waitingUnitApproval: false,
    indexState: 'ok',
    loggedMinutes: 0,
    billableMinutes: 0,
    monthLoggedMinutes: 0,
    monthBillableMinutes: 0,
    closingMinutes: 0,
    closingAmountCents: null,
    ...overrides,
  };
}

const USERS = new Map([
  [2001, 'Ana Pereira'],
  [2002, 'Élio Souza'],
  [2101, 'Bruno Lima'],
]);
const MODULES: Record<string, string> = { modulo_orcamento: 'Orçamento', modulo_faturamento: 'Faturamento' };
/** The cell texts the UI would give (names, module names, ISO instants), for the table's filters and sorts. */
export const text: CellText = {
  user: (id) => (id === null ? '' : (USERS.get(id) ?? `#${id}`)),
  module: (value) => (value === null ? '' : (MODULES[value] ?? value)),
  status: (status) => ({ open: 'Aberto', solved: 'Resolvido' })[status] ?? status,
  step: (step) => step,
  instant: (ms) => (ms === null ? '' : new Date(ms).toISOString()),
  minutes: (m) => `${m} min`,
};

/** A running deadline due at `due`, with `more` changed. */
export const deadline = (due: number, more: Partial<DeadlineView> = {}): DeadlineView => ({ periodos: 1, start: 0, due, paused: false, overdue: false, businessMsLeft: 0, metAt: null, breached: false, ...more });
