import type { TicketAudit } from '../../../../src/procedure/audit';
import { deadlineClock } from '../../../../src/procedure/periods';
import { parseSettings, type Settings } from '../../../../src/procedure/settings';
import { deriveProcedure, type StepId } from '../../../../src/procedure/steps';
import type { TicketSnapshot } from '../../../../src/procedure/ticket';
import { sandboxSettings } from '../../../support/fake-zendesk';
import { domainCalendar } from '../../periods/fixtures';
import { demoSnapshot as ticket } from '../demo-snapshot';

/** Steps with settings an admin left empty, and the history cases the main steps tests do not reach. */

const { settings } = parseSettings(sandboxSettings);
const without = (...names: (keyof Settings)[]): Settings => ({ ...settings, ...Object.fromEntries(names.map((n) => [n, null])) });
const T0 = Date.parse('2026-11-23T10:00:00-03:00'); // Monday 10:00 in Brasília
const HOUR = 3_600_000;

const clock = deadlineClock(domainCalendar());

let auditId = 1;
const audit = (at: number, ...events: TicketAudit['events']): TicketAudit => ({ id: auditId++, createdAt: at, authorId: 2001, events });
const change = (field: string, value: unknown, previousValue: unknown) => ({ type: 'Change' as const, field, value, previousValue });

function derive(t: TicketSnapshot, s: Settings = settings, audits: TicketAudit[] = [], now = T0 + HOUR) {
  return deriveProcedure({ ticket: t, settings: s, audits, clock, openingMacroIds: [], now });
}
const step = (view: ReturnType<typeof derive>, id: StepId) => view.steps.find((s) => s.id === id)!;

describe('deriveProcedure with settings left empty', () => {
  it('no "Tipo da Solicitação" field: classification cannot be checked and the ticket is not read as consulting', () => {
    const view = derive(ticket(), without('tipo_solicitacao_field_id'));
    expect(step(view, 'classify')).toMatchObject({ status: 'unavailable', needsSettings: ['tipo_solicitacao_field_id'] });
    expect(view.consulting).toBe(false);
    expect(step(view, 'aceite')).toMatchObject({ status: 'blocked', reason: 'not_classified' });
  });

  it('no module field: no module, no lead, and both lead steps name the missing setting', () => {
    const view = derive(ticket(), without('modulo_field_id'));
    expect(view.module).toBeNull();
    expect(view.lead).toBeNull();
    expect(step(view, 'assign_lead')).toMatchObject({ status: 'unavailable', needsSettings: ['modulo_field_id'] });
    expect(step(view, 'analyst')).toMatchObject({ status: 'unavailable', needsSettings: ['modulo_field_id'] });
  });

  it('no "Permite Consultoria" yes-value: nobody is confirmed, so the steps that commit the client stay blocked', () => {
    const view = derive(ticket({ tags: ['consultoria_aceite'] }), without('permite_consultoria_yes_value'));
    expect(step(view, 'requester')).toMatchObject({ status: 'unavailable', needsSettings: ['permite_consultoria_yes_value'] });
    expect(step(view, 'availability')).toMatchObject({ status: 'blocked', reason: 'requester_not_allowed' });
    expect(step(view, 'start')).toMatchObject({ status: 'blocked', reason: 'requester_not_allowed' });
  });

  it('no "Permite Consultoria" yes-value: an empty user field does not pass for "SIM" either', () => {
    const view = derive(ticket({ tags: ['consultoria_aceite'], requesterMayContract: '' }), without('permite_consultoria_yes_value'));
    expect(step(view, 'availability')).toMatchObject({ status: 'blocked', reason: 'requester_not_allowed' });
  });

  it('no "sem disponibilidade" tag configured: that tag in the history does not stop the clock', () => {
    const audits = [
      audit(T0, change('tags', ['consultoria_aceite'], [])),
      audit(T0 + HOUR, change('tags', ['consultoria_aceite', 'consultoria_sem_disponibilidade'], ['consultoria_aceite'])),
    ];
    const t = ticket({ tags: ['consultoria_aceite', 'consultoria_sem_disponibilidade'] });
    const unpausable = derive(t, without('tag_sem_disponibilidade'), audits, T0 + 3 * HOUR);
    // Monday 10:00 + 1 período = Monday 15:30 (DOMAIN.md's worked example), not moved by the tag.
    expect(step(unpausable, 'availability').deadline).toMatchObject({ due: Date.parse('2026-11-23T15:30:00-03:00'), paused: false });
    expect(unpausable.paused).toBe(false);
    // With the setting, the same history pauses it.
    expect(step(derive(t, settings, audits, T0 + 3 * HOUR), 'availability').deadline?.paused).toBe(true);
  });
});

describe('deriveProcedure: history cases', () => {
  it('a "Data controle" cleared and set again counts from the second time it was set', () => {
    const set1 = T0 - 3 * HOUR;
    const cleared = T0 - 2 * HOUR;
    const set2 = T0 - HOUR;
    const audits = [
      audit(set1, change('9000002', '2026-11-30', null)),
      audit(cleared, change('9000002', '', '2026-11-30')),
      audit(set2, change('9000002', '2026-12-01', '')),
    ];
    const view = derive(ticket({}, { 9000002: '2026-12-01' }), settings, audits);
    expect(step(view, 'date')).toMatchObject({ status: 'done', done: { at: set2, by: 2001 }, unsaved: false });
  });

  it('an invalid "now" is a programming error: it is thrown, not reported as a schedule without business time', () => {
    const audits = [audit(T0, change('tags', ['consultoria_aceite'], []))];
    expect(() => derive(ticket({ tags: ['consultoria_aceite'] }), settings, audits, Number.NaN)).toThrow(RangeError);
  });
});
