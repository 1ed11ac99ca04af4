import type { TicketAudit } from '../../../src/procedure/audit';
import { deadlineClock } from '../../../src/procedure/periods';
import { parseSettings } from '../../../src/procedure/settings';
import { deriveProcedure, type ProcedureInput, type StepId } from '../../../src/procedure/steps';
import type { TicketSnapshot } from '../../../src/procedure/ticket';
import { sandboxSettings } from '../../support/fake-zendesk';
import { domainCalendar } from '../periods/fixtures';
import { demoSnapshot as ticket } from './demo-snapshot';

const { settings } = parseSettings(sandboxSettings);
const LEAD = 2101;
const T0 = Date.parse('2026-11-23T10:00:00-03:00'); // Monday 10:00 in Brasília
const HOUR = 3_600_000;

const clock = deadlineClock(domainCalendar());

let auditId = 1;
const audit = (at: number, by: number, ...events: TicketAudit['events']): TicketAudit => ({ id: auditId++, createdAt: at, authorId: by, events });
const tagsChange = (value: string[], previousValue: string[]) => ({ type: 'Change' as const, field: 'tags', value, previousValue });

function derive(t: TicketSnapshot, audits: TicketAudit[] | null = [], now = T0 + HOUR) {
  const input: ProcedureInput = { ticket: t, settings, audits, clock, openingMacroIds: [7001], now };
  return deriveProcedure(input);
}
const statusOf = (view: ReturnType<typeof derive>) => Object.fromEntries(view.steps.map((s) => [s.id, s.status])) as Record<StepId, string>;

describe('deriveProcedure', () => {
  it('a portal-opened ticket: classified, requester ok, the first open step is next', () => {
    const view = derive(ticket());
    expect(statusOf(view)).toEqual({
      classify: 'done',
      requester: 'done',
      demand_reply: 'next',
      assign_lead: 'open',
      title: 'open',
      date: 'open',
      aceite: 'open',
      analyst: 'blocked',
      availability: 'blocked',
      unit_approval: 'not_applicable',
      start: 'blocked',
    });
    expect(view.steps.find((s) => s.id === 'analyst')?.reason).toBe('no_aceite');
    expect(view.phoneOpened).toBe(false);
    expect(view.lead).toEqual({ leadId: LEAD, groupId: 5001 });
  });

  it('a phone-opened ticket without the field needs the macro, and Aceite waits for it', () => {
    const view = derive(ticket({ viaChannel: 'voice' }, { 9000001: null }));
    expect(view.phoneOpened).toBe(true);
    expect(statusOf(view).classify).toBe('next');
    expect(view.steps.find((s) => s.id === 'aceite')).toMatchObject({ status: 'blocked', reason: 'not_classified' });
  });

  it('counts the opening macro once applied, even before the field is saved', () => {
    const audits = [audit(T0, 2001, { type: 'AgentMacroReference', macroId: 7001, macroTitle: 'CONSULTORIA :: Abertura' })];
    expect(statusOf(derive(ticket({ viaChannel: 'voice' }, { 9000001: null }), audits)).classify).toBe('done');
  });

  it('a requester who may not contract blocks every step that commits the client', () => {
    const view = derive(ticket({ requesterMayContract: 'nao', tags: ['consultoria_aceite'] }));
    const byId = Object.fromEntries(view.steps.map((s) => [s.id, s]));
    expect(byId.requester).toMatchObject({ status: 'blocked', reason: 'requester_not_allowed' });
    for (const id of ['analyst', 'availability', 'start'] as const) expect(byId[id]).toMatchObject({ status: 'blocked', reason: 'requester_not_allowed' });
    expect(byId.title?.status).not.toBe('blocked');
  });

  it('the lead step is done once the ticket was with the lead; the analyst step once someone else has it after that', () => {
    const audits = [audit(T0, 2001, { type: 'Change', field: 'assignee_id', value: String(LEAD), previousValue: null })];
    const withLead = derive(ticket({ assignee: { userId: LEAD, groupId: 5001 }, tags: ['consultoria_aceite'] }), audits);
    expect(statusOf(withLead).assign_lead).toBe('done');
    expect(withLead.steps.find((s) => s.id === 'assign_lead')?.done).toEqual({ at: T0, by: 2001 });
    expect(statusOf(withLead).analyst).not.toBe('done');

    const withAnalyst = derive(ticket({ assignee: { userId: 2001, groupId: 5001 }, tags: ['consultoria_aceite'] }), audits);
    expect(statusOf(withAnalyst).analyst).toBe('done');
    expect(withAnalyst.steps.find((s) => s.id === 'analyst')?.unsaved).toBe(true);
  });

  it('an agent who opened the ticket and holds it is not the lead assignment', () => {
    const view = derive(ticket({ assignee: { userId: 2001, groupId: 5001 } }), [audit(T0 - HOUR, 2001, { type: 'Create', field: 'assignee_id', value: '2001', previousValue: null })]);
    expect(statusOf(view).assign_lead).not.toBe('done');
  });

  it('no module means the lead step is blocked; a module without a lead in the settings says so', () => {
    expect(derive(ticket({}, { 9000003: null })).steps.find((s) => s.id === 'assign_lead')?.reason).toBe('no_module');
    expect(derive(ticket({}, { 9000003: 'modulo_rh' })).steps.find((s) => s.id === 'assign_lead')?.reason).toBe('no_lead_for_module');
  });

  it('deadlines count from the saved Aceite: 1 and 3 períodos, overdue after', () => {
    const audits = [audit(T0, 2101, tagsChange(['consultoria_aceite'], []))];
    const t = ticket({ tags: ['consultoria_aceite'], assignee: { userId: LEAD, groupId: 5001 } });
    const view = derive(t, audits, T0 + HOUR);
    const availability = view.steps.find((s) => s.id === 'availability')!;
    expect(availability.deadline?.due).toBe(Date.parse('2026-11-23T15:30:00-03:00'));
    expect(availability.deadline?.overdue).toBe(false);
    expect(view.steps.find((s) => s.id === 'start')?.deadline?.due).toBe(Date.parse('2026-11-24T15:30:00-03:00'));

    const late = derive(t, audits, Date.parse('2026-11-23T16:00:00-03:00')).steps.find((s) => s.id === 'availability')!;
    expect(late.deadline).toMatchObject({ overdue: true, breached: true });
  });

  it('a step done in time keeps its deadline as met; done late is a breach', () => {
    const base = [audit(T0, 2101, tagsChange(['consultoria_aceite'], []))];
    const t = ticket({ tags: ['consultoria_aceite', 'consultoria_horarios_enviados'] });
    const inTime = derive(t, [...base, audit(T0 + HOUR, 2001, tagsChange(['consultoria_aceite', 'consultoria_horarios_enviados'], ['consultoria_aceite']))]);
    expect(inTime.steps.find((s) => s.id === 'availability')?.deadline).toMatchObject({ metAt: T0 + HOUR, breached: false, overdue: false });
    const lateAt = Date.parse('2026-11-24T09:00:00-03:00');
    const late = derive(t, [...base, audit(lateAt, 2001, tagsChange(['consultoria_aceite', 'consultoria_horarios_enviados'], ['consultoria_aceite']))], lateAt + HOUR);
    expect(late.steps.find((s) => s.id === 'availability')?.deadline).toMatchObject({ metAt: lateAt, breached: true });
  });

  it('"client has no availability" stops the clock and a client return restarts it', () => {
    const paused = [
      audit(T0, 2101, tagsChange(['consultoria_aceite'], [])),
      audit(T0 + HOUR, 2001, tagsChange(['consultoria_aceite', 'consultoria_sem_disponibilidade'], ['consultoria_aceite'])),
    ];
    const view = derive(ticket({ tags: ['consultoria_aceite', 'consultoria_sem_disponibilidade'] }), paused, T0 + 30 * HOUR);
    expect(view.paused).toBe(true);
    expect(view.steps.find((s) => s.id === 'start')?.deadline).toMatchObject({ paused: true, overdue: false });

    const returnAt = Date.parse('2026-11-25T09:00:00-03:00');
    const returned = [...paused, audit(returnAt, 2001, tagsChange(['consultoria_aceite', 'consultoria_retorno'], ['consultoria_aceite', 'consultoria_sem_disponibilidade']))];
    const after = derive(ticket({ tags: ['consultoria_aceite', 'consultoria_retorno'] }), returned, returnAt + HOUR);
    expect(after.clockStartAt).toBe(returnAt);
    expect(after.steps.find((s) => s.id === 'availability')?.deadline?.due).toBe(Date.parse('2026-11-25T14:15:00-03:00'));
  });

  it('uses the Módulo profile: its prefix and its "Data" field', () => {
    const view = derive(ticket({ subject: '[CONSULTORIA DO MODULO] Cálculo' }, { 9000001: 'tipo_consultoria_modulo', 9000004: '2026-12-01' }));
    expect(view.profile.id).toBe('modulo');
    expect(statusOf(view).title).toBe('done');
    expect(statusOf(view).date).toBe('done');
  });

  it('marks a step done only in the editor as unsaved, and a saved one with who and when', () => {
    const saved = derive(ticket({ tags: ['consultoria_demanda_registrada'] }), [audit(T0, 2001, tagsChange(['consultoria_demanda_registrada'], []))]);
    expect(saved.steps.find((s) => s.id === 'demand_reply')).toMatchObject({ status: 'done', unsaved: false, done: { at: T0, by: 2001 } });
    const draft = derive(ticket({ tags: ['consultoria_demanda_registrada'] }), []);
    expect(draft.steps.find((s) => s.id === 'demand_reply')).toMatchObject({ status: 'done', unsaved: true, done: null });
    const loading = derive(ticket({ tags: ['consultoria_demanda_registrada'] }), null);
    expect(loading.steps.find((s) => s.id === 'demand_reply')?.unsaved).toBe(false);
  });

  it('a missing setting makes only its steps unavailable', () => {
    const broken = parseSettings({ ...sandboxSettings, tag_aceite: '   ' });
    const view = deriveProcedure({ ticket: ticket(), settings: broken.settings, audits: [], clock, openingMacroIds: [], now: T0 });
    const unavailable = view.steps.filter((s) => s.status === 'unavailable').map((s) => s.id);
    expect(unavailable).toEqual(['aceite', 'availability', 'start']);
  });

  it('a Unit-paid ticket cannot start the service before the Unit approved, in the ticket', () => {
    const audits = [audit(T0, 2001, { type: 'Change', field: 'assignee_id', value: String(LEAD), previousValue: null })];
    const base = { tags: ['consultoria_aceite', 'consultoria_unidade'], assignee: { userId: 2001, groupId: 5001 } };
    const waiting = derive(ticket(base), audits);
    expect(waiting.unitPays).toBe(true);
    expect(['next', 'open']).toContain(waiting.steps.find((s) => s.id === 'unit_approval')?.status);
    expect(waiting.steps.find((s) => s.id === 'start')).toMatchObject({ status: 'blocked', reason: 'no_unit_approval' });
    const approved = derive(ticket({ ...base, tags: [...base.tags, 'consultoria_unidade_aprovada'] }), audits);
    expect(approved.steps.find((s) => s.id === 'unit_approval')?.status).toBe('done');
    expect(['next', 'open']).toContain(approved.steps.find((s) => s.id === 'start')?.status);
  });
});
