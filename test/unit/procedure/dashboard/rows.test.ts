import type { TicketAudit } from '../../../../src/procedure/audit';
import { nextClosing } from '../../../../src/procedure/billing';
import { dashboardRow, monthStartOf, recordsByTicket, type ListedTicket } from '../../../../src/procedure/dashboard/rows';
import { deadlineClock } from '../../../../src/procedure/periods';
import { encodeIndex, indexFromAudits } from '../../../../src/procedure/procedure-index';
import { parseSettings } from '../../../../src/procedure/settings';
import { deriveProcedure } from '../../../../src/procedure/steps';
import { sandboxSettings } from '../../../support/fake-zendesk';
import { ANALYST, brt, calendar, clock, context, HOUR, INDEX_FIELD, LEAD, listed, MINUTE, MONDAY_10, record, requesters, settings, snapshotOf } from './fixtures';
import { domainCalendar } from '../../periods/fixtures';

const TIPO = 'tipo_consultoria_tecnica';
const DONE_BEFORE_ACEITE = [TIPO, 'consultoria_demanda_registrada'];
const TITLED = { subject: '[CONSULT TÉCNICA] Nota gravada com valor negativo' };
const DATED = { 9000002: '2026-12-01' };

/** A ticket whose history is a list of timed actions, as audits (the sidebar's truth). */
function history(actions: Array<[number, { add?: string; remove?: string; assign?: number }]>) {
  let tags = [...DONE_BEFORE_ACEITE];
  let assignee: number | null = null;
  const audits: TicketAudit[] = [{ id: 1, createdAt: MONDAY_10 - 48 * HOUR, authorId: 1001, events: [{ type: 'Create', field: 'tags', value: tags, previousValue: null }] }];
  for (const [at, action] of actions) {
    const events: TicketAudit['events'] = [];
    if (action.add) {
      events.push({ type: 'Change', field: 'tags', value: [...tags, action.add], previousValue: tags });
      tags = [...tags, action.add];
    }
    if (action.remove) {
      const next = tags.filter((t) => t !== action.remove);
      events.push({ type: 'Change', field: 'tags', value: next, previousValue: tags });
      tags = next;
    }
    if (action.assign !== undefined) {
      events.push({ type: 'Change', field: 'assignee_id', value: String(action.assign), previousValue: assignee === null ? null : String(assignee) });
      assignee = action.assign;
    }
    audits.push({ id: audits.length + 1, createdAt: at, authorId: ANALYST, events });
  }
  return { audits, tags, assignee };
}

/** The dashboard's row for that history: the index as the sidebar would have saved it. */
function rowAndSidebar(h: ReturnType<typeof history>, now: number) {
  const index = encodeIndex(indexFromAudits(h.audits, { settings, leadId: LEAD }));
  const ticket = listed({ ...TITLED, tags: h.tags, assigneeId: h.assignee }, { ...DATED, [INDEX_FIELD]: index });
  const row = dashboardRow(ticket, context({ now }));
  const sidebar = deriveProcedure({ ticket: snapshotOf(ticket), settings, audits: h.audits, clock, openingMacroIds: [], now });
  return { row, sidebar, index };
}

describe('dashboardRow: deadlines from the index are the sidebar’s', () => {
  const T = MONDAY_10;
  const scenarios: Array<[string, Parameters<typeof history>[0], number]> = [
    ['Aceite only', [[T - 2 * HOUR, { assign: LEAD }], [T, { add: 'consultoria_aceite' }]], T + HOUR],
    ['analyst designated, slots sent in time', [[T - 2 * HOUR, { assign: LEAD }], [T, { add: 'consultoria_aceite' }], [T + 30 * MINUTE, { assign: ANALYST }], [T + 2 * HOUR, { add: 'consultoria_horarios_enviados' }]], T + 26 * HOUR],
    ['slots sent late', [[T, { add: 'consultoria_aceite' }], [brt('2026-11-24T09:00:00'), { add: 'consultoria_horarios_enviados' }]], brt('2026-11-24T10:00:00')],
    ['a closed pause', [[T, { add: 'consultoria_aceite' }], [T + HOUR, { add: 'consultoria_sem_disponibilidade' }], [T + 20 * HOUR, { remove: 'consultoria_sem_disponibilidade' }]], T + 30 * HOUR],
    ['an open pause', [[T, { add: 'consultoria_aceite' }], [T + HOUR, { add: 'consultoria_sem_disponibilidade' }]], T + 50 * HOUR],
    ['a client return after a pause', [[T, { add: 'consultoria_aceite' }], [T + HOUR, { add: 'consultoria_sem_disponibilidade' }], [T + 48 * HOUR, { add: 'consultoria_retorno', remove: 'consultoria_sem_disponibilidade' }]], T + 49 * HOUR],
    ['service started', [[T - 2 * HOUR, { assign: LEAD }], [T, { add: 'consultoria_aceite' }], [T + HOUR, { assign: ANALYST }], [T + 2 * HOUR, { add: 'consultoria_horarios_enviados' }], [T + 24 * HOUR, { add: 'consultoria_atendimento_iniciado' }]], T + 72 * HOUR],
  ];

  it.each(scenarios)('%s', (_name, actions, now) => {
    const { row, sidebar, index } = rowAndSidebar(history(actions), now);
    expect(index).not.toBe('');
    expect(row.indexState).toBe('ok');
    const deadlineOf = (id: 'availability' | 'start') => sidebar.steps.find((s) => s.id === id)?.deadline;
    expect(row.availability).not.toBeNull();
    expect(row.availability).toEqual(deadlineOf('availability'));
    expect(row.start).toEqual(deadlineOf('start'));
    expect(row.aceiteAt).toBe(sidebar.aceiteAt);
    expect(row.paused).toBe(sidebar.paused);
    const firstOpen = sidebar.steps.find((s) => s.status !== 'done' && s.status !== 'not_applicable');
    expect(row.currentStep).toBe(firstOpen?.id ?? 'done');
  });

  it('the worked example: Aceite Monday 10:00 → slots by 15:30, service by Tuesday 15:30', () => {
    const { row } = rowAndSidebar(history(scenarios[0]![1]), MONDAY_10 + HOUR);
    expect(row.availability?.due).toBe(brt('2026-11-23T15:30:00'));
    expect(row.start?.due).toBe(brt('2026-11-24T15:30:00'));
    expect(row.aceiteAt).toBe(MONDAY_10);
  });
});

/** An index saying: Aceite (and clock start) Monday 10:00, with the lead before. */
const indexAt = (extra = '') => `v1;aceite=2026-11-23T13:00:00Z;relogio=2026-11-23T13:00:00Z${extra};lider=1`;
/** A ticket with every step before the Aceite done. */
const ready = (tags: string[], assigneeId: number | null, index: string | null, extra: Partial<ListedTicket> = {}) =>
  listed({ ...TITLED, tags: [...DONE_BEFORE_ACEITE, ...tags], assigneeId, ...extra }, { ...DATED, [INDEX_FIELD]: index });

describe('dashboardRow: the step a ticket is at', () => {
  it('a fresh portal ticket is at the demand reply, and already waits for the Aceite', () => {
    const row = dashboardRow(listed(), context());
    expect(row.currentStep).toBe('demand_reply');
    expect(row.currentStatus).toBe('next');
    expect(row.waitingAceite).toBe(true);
    expect(row.indexState).toBe('not_needed');
    expect(row.availability).toBeNull();
  });

  it('everything before the Aceite done, ticket with the lead: at the Aceite', () => {
    const row = dashboardRow(ready([], LEAD, null), context());
    expect(row).toMatchObject({ currentStep: 'aceite', currentStatus: 'next', waitingAceite: true, waitingUnitApproval: false, indexState: 'not_needed' });
  });

  it('analyst designated and slots sent: at the service start', () => {
    const row = dashboardRow(ready(['consultoria_aceite', 'consultoria_horarios_enviados'], ANALYST, indexAt(';horarios=2026-11-23T14:00:00Z')), context());
    expect(row).toMatchObject({ currentStep: 'start', currentStatus: 'next', currentReason: null, waitingAceite: false });
    expect(row.availability).toMatchObject({ metAt: brt('2026-11-23T11:00:00'), breached: false });
  });

  it('without the lead in the index, an analyst holding the ticket is not a designation', () => {
    const row = dashboardRow(ready(['consultoria_aceite'], ANALYST, 'v1;aceite=2026-11-23T13:00:00Z;relogio=2026-11-23T13:00:00Z'), context());
    expect(row.currentStep).toBe('assign_lead');
  });

  it('service started: done', () => {
    const row = dashboardRow(ready(['consultoria_aceite', 'consultoria_horarios_enviados', 'consultoria_atendimento_iniciado'], ANALYST, indexAt(';horarios=2026-11-23T14:00:00Z;inicio=2026-11-24T14:00:00Z')), context({ now: MONDAY_10 + 72 * HOUR }));
    expect(row).toMatchObject({ currentStep: 'done', currentStatus: 'done', currentReason: null, overdue: false, dueNextPeriodo: false });
  });

  it('a requester who may not contract: blocked at the requester step', () => {
    const row = dashboardRow(ready([], LEAD, null), context({ requesters: requesters('nao') }));
    expect(row).toMatchObject({ currentStep: 'requester', currentStatus: 'blocked', currentReason: 'requester_not_allowed', waitingAceite: false });
    // An unknown requester is not allowed either: the dashboard never assumes SIM.
    expect(dashboardRow(ready([], LEAD, null), context({ requesters: new Map() })).currentStep).toBe('requester');
  });

  it('a Unit-paid ticket waits for the Unit approval before the service', () => {
    const tags = ['consultoria_aceite', 'consultoria_horarios_enviados', 'consultoria_unidade'];
    const row = dashboardRow(ready(tags, ANALYST, indexAt(';horarios=2026-11-23T14:00:00Z')), context());
    expect(row).toMatchObject({ currentStep: 'unit_approval', waitingUnitApproval: true });
    const approved = dashboardRow(ready([...tags, 'consultoria_unidade_aprovada'], ANALYST, indexAt(';horarios=2026-11-23T14:00:00Z')), context());
    expect(approved).toMatchObject({ currentStep: 'start', waitingUnitApproval: false });
  });

  it('shows the Módulo profile and its "Data" field', () => {
    const row = dashboardRow(listed({}, { 9000001: 'tipo_consultoria_modulo', 9000002: '2026-12-01', 9000004: '2026-12-09' }), context());
    expect(row).toMatchObject({ profile: 'modulo', dataControle: '2026-12-09', module: 'modulo_faturamento', requesterName: 'Maria Souza' });
  });
});

describe('dashboardRow: overdue and due within the next período', () => {
  const aceiteOnly = ready(['consultoria_aceite'], ANALYST, indexAt());

  it('Monday 15:00: the 15:30 deadline is due within the next período', () => {
    const row = dashboardRow(aceiteOnly, context({ now: brt('2026-11-23T15:00:00') }));
    expect(row.availability?.due).toBe(brt('2026-11-23T15:30:00'));
    expect(row).toMatchObject({ overdue: false, dueNextPeriodo: true });
  });

  it('Monday 16:00: overdue, and then not also "due soon"', () => {
    const row = dashboardRow(aceiteOnly, context({ now: brt('2026-11-23T16:00:00') }));
    expect(row).toMatchObject({ overdue: true, dueNextPeriodo: false });
    expect(row.availability).toMatchObject({ overdue: true, metAt: null });
  });

  it('slots sent in time: only the 3-período deadline counts, due soon only on the day it falls', () => {
    const ticket = ready(['consultoria_aceite', 'consultoria_horarios_enviados'], ANALYST, indexAt(';horarios=2026-11-23T14:00:00Z'));
    expect(dashboardRow(ticket, context({ now: brt('2026-11-23T11:30:00') }))).toMatchObject({ overdue: false, dueNextPeriodo: false });
    // Tuesday 11:00 + one período = Tuesday 16:45, after the 15:30 deadline.
    expect(dashboardRow(ticket, context({ now: brt('2026-11-24T11:00:00') }))).toMatchObject({ overdue: false, dueNextPeriodo: true });
    expect(dashboardRow(ticket, context({ now: brt('2026-11-24T15:31:00') }))).toMatchObject({ overdue: true, dueNextPeriodo: false });
  });

  it('a paused row is neither overdue nor due soon, however late it is', () => {
    const paused = ready(['consultoria_aceite', 'consultoria_sem_disponibilidade'], ANALYST, indexAt(';pausas=2026-11-23T14:00:00Z/'));
    for (const now of [brt('2026-11-23T15:00:00'), brt('2026-11-23T16:00:00'), brt('2026-11-30T16:00:00')]) {
      const row = dashboardRow(paused, context({ now }));
      expect(row).toMatchObject({ paused: true, overdue: false, dueNextPeriodo: false });
      expect(row.availability?.paused).toBe(true);
    }
  });

  it('no clock (schedule not loaded): no deadlines, nothing overdue', () => {
    const row = dashboardRow(aceiteOnly, context({ clock: null, now: brt('2026-11-23T16:00:00') }));
    expect(row).toMatchObject({ availability: null, start: null, overdue: false, dueNextPeriodo: false, indexState: 'ok' });
  });

  it('a schedule without business time gives no deadlines, and does not break the row', () => {
    const noBusiness = deadlineClock(domainCalendar([{ start_date: '2026-01-01', end_date: '2030-12-31' }]));
    const row = dashboardRow(aceiteOnly, context({ clock: noBusiness }));
    expect(row).toMatchObject({ availability: null, start: null, overdue: false, dueNextPeriodo: false, currentStep: 'availability' });
  });
});

describe('dashboardRow: the index field', () => {
  it('ok when it reads', () => {
    expect(dashboardRow(ready(['consultoria_aceite'], ANALYST, indexAt()), context()).indexState).toBe('ok');
  });

  it('not needed while the clock never started', () => {
    expect(dashboardRow(ready([], LEAD, null), context()).indexState).toBe('not_needed');
    expect(dashboardRow(ready([], LEAD, ''), context()).indexState).toBe('not_needed');
  });

  it('missing on a ticket with the Aceite or a return but an empty field: no deadlines rather than wrong ones', () => {
    for (const tag of ['consultoria_aceite', 'consultoria_retorno']) {
      const row = dashboardRow(ready([tag], ANALYST, null), context({ now: brt('2026-11-30T16:00:00') }));
      expect(row).toMatchObject({ indexState: 'missing', availability: null, start: null, overdue: false });
    }
  });

  it.each([['v1;aceite=ontem'], ['v2;aceite=2026-11-23T13:00:00Z'], ['v1;aceite=2026-02-30T13:00:00Z'], ['v1;relogio=2026-11-23T24:00:00Z'], ['lixo']])('malformed: %s', (text) => {
    const row = dashboardRow(ready(['consultoria_aceite'], ANALYST, text), context());
    expect(row).toMatchObject({ indexState: 'malformed', availability: null, start: null });
  });

  it('unconfigured when the settings have no index field, whatever the ticket holds', () => {
    const without = parseSettings({ ...sandboxSettings, indice_field_id: '' }).settings;
    expect(without.indice_field_id).toBeNull();
    const row = dashboardRow(ready(['consultoria_aceite'], ANALYST, indexAt()), context({ settings: without }));
    expect(row).toMatchObject({ indexState: 'unconfigured', availability: null });
  });
});

describe('dashboardRow: hours', () => {
  const now = brt('2026-11-23T11:00:00');
  const rowWith = (records: ReturnType<typeof record>[]) => dashboardRow(listed(), context({ now, recordsByTicket: recordsByTicket(records) }));

  it('monthStartOf is local midnight of the 1st in the schedule’s zone', () => {
    expect(monthStartOf(calendar, now)).toBe(brt('2026-11-01T00:00:00'));
    // 01:00 UTC on Nov 1st is still October 31st in Brasília.
    expect(monthStartOf(calendar, Date.parse('2026-11-01T01:00:00Z'))).toBe(brt('2026-10-01T00:00:00'));
  });

  it('logged counts every record, billable only the billable and accepted ones', () => {
    const row = rowWith([
      record(brt('2026-11-10T09:00:00'), 30),
      record(brt('2026-11-11T09:00:00'), 20, { billable: false, accepted: false, notAcceptedReason: 'REPASSE' }),
      record(brt('2026-11-12T09:00:00'), 7, { accepted: false, notAcceptedReason: 'GESTÃO' }),
      record(brt('2026-11-12T09:00:00'), 5, { ticketId: 999 }),
    ]);
    expect(row).toMatchObject({ loggedMinutes: 57, billableMinutes: 30 });
  });

  it('"this month" starts at local midnight: 23:30 on Oct 31st in Brasília (already Nov 1st in UTC) is last month', () => {
    const lateOctober = brt('2026-10-31T23:30:00');
    expect(new Date(lateOctober).toISOString().slice(0, 10)).toBe('2026-11-01');
    const row = rowWith([record(lateOctober, 15), record(brt('2026-11-01T00:10:00'), 4), record(brt('2026-11-20T14:00:00'), 6, { billable: false, accepted: false, notAcceptedReason: 'REPASSE' })]);
    expect(row).toMatchObject({ loggedMinutes: 25, billableMinutes: 19, monthLoggedMinutes: 10, monthBillableMinutes: 4 });
  });

  describe('the next closing', () => {
    // Tuesday Dec 1st: the closing is Wednesday Dec 2nd and covers records started before Dec 1st, 00:00.
    const dec1 = brt('2026-12-01T10:00:00');
    const closing = nextClosing(calendar, dec1);
    const atClosing = (records: ReturnType<typeof record>[], status: string) =>
      dashboardRow(listed({ status }), context({ now: dec1, closing, recordsByTicket: recordsByTicket(records), billing: { minimumMinutes: 10, pricePerMinuteCents: 150 } }));

    it('is the one expected', () => {
      expect(closing.coversUntil).toBe(brt('2026-12-01T00:00:00'));
      expect(closing.closingDate).toBe('2026-12-02');
    });

    it('bills a solved or closed ticket, with the per-ticket minimum', () => {
      for (const status of ['solved', 'closed']) {
        expect(atClosing([record(brt('2026-11-10T09:00:00'), 4)], status)).toMatchObject({ closingMinutes: 10, closingAmountCents: 1500 });
      }
      expect(atClosing([record(brt('2026-11-10T09:00:00'), 4), record(brt('2026-11-11T09:00:00'), 9)], 'solved')).toMatchObject({ closingMinutes: 13, closingAmountCents: 1950 });
    });

    it('bills nothing for a ticket still open, pending or on hold', () => {
      for (const status of ['new', 'open', 'pending', 'hold']) {
        expect(atClosing([record(brt('2026-11-10T09:00:00'), 40)], status)).toMatchObject({ closingMinutes: 0, closingAmountCents: null });
      }
    });

    it('leaves records of the closing’s own month, and invoiced ones, out', () => {
      const row = atClosing([record(brt('2026-11-30T17:00:00'), 12), record(brt('2026-12-01T09:00:00'), 30), record(brt('2026-10-05T09:00:00'), 50, { invoicedAt: brt('2026-11-03T00:00:00') })], 'solved');
      expect(row.closingMinutes).toBe(12);
    });

    it('does not charge the minimum twice: a ticket reopened after a 7-minute invoice, now 2 more', () => {
      const row = atClosing([record(brt('2026-10-05T09:00:00'), 7, { invoicedAt: brt('2026-11-03T00:00:00') }), record(brt('2026-11-20T09:00:00'), 2)], 'solved');
      expect(row.closingMinutes).toBe(0);
      const more = atClosing([record(brt('2026-10-05T09:00:00'), 7, { invoicedAt: brt('2026-11-03T00:00:00') }), record(brt('2026-11-20T09:00:00'), 8)], 'solved');
      expect(more.closingMinutes).toBe(5);
    });

    it('without a closing (no schedule) nothing is due', () => {
      expect(dashboardRow(listed({ status: 'solved' }), context({ now: dec1, recordsByTicket: recordsByTicket([record(brt('2026-11-10T09:00:00'), 4)]) }))).toMatchObject({
        closingMinutes: 0,
        closingAmountCents: null,
        billableMinutes: 4,
      });
    });
  });
});

describe('recordsByTicket', () => {
  it('groups in order, by ticket', () => {
    const a = record(1, 1, { ticketId: 1 });
    const b = record(2, 1, { ticketId: 2 });
    const c = record(3, 1, { ticketId: 1 });
    expect([...recordsByTicket([a, b, c])]).toEqual([
      [1, [a, c]],
      [2, [b]],
    ]);
  });
});
