import fc from 'fast-check';
import type { TicketAudit } from '../../../src/procedure/audit';
import { deadlineClock } from '../../../src/procedure/periods';
import { EMPTY_INDEX, encodeIndex, indexAfterSave, indexFromAudits, indexUpdate, parseIndex, savedFieldText, type ProcedureIndex } from '../../../src/procedure/procedure-index';
import { parseSettings } from '../../../src/procedure/settings';
import { deriveProcedure } from '../../../src/procedure/steps';
import type { TicketSnapshot } from '../../../src/procedure/ticket';
import { sandboxSettings } from '../../support/fake-zendesk';
import { domainCalendar } from '../periods/fixtures';

const { settings } = parseSettings(sandboxSettings);
const LEAD = 2101;
const ANALYST = 2001;
const MACRO = 7001;
const T0 = Date.parse('2026-11-23T10:00:00-03:00');
const MINUTE = 60_000;

const clock = deadlineClock(domainCalendar([{ start_date: '2026-12-25', end_date: '2026-12-25' }]));

describe('procedure index: the text field', () => {
  it('writes the documented format', () => {
    const index: ProcedureIndex = {
      aceiteAt: Date.parse('2026-11-23T13:00:00Z'),
      clockStartAt: Date.parse('2026-11-24T12:00:00Z'),
      pauses: [{ from: Date.parse('2026-11-24T15:00:00Z'), to: Date.parse('2026-11-25T11:00:00Z') }, { from: Date.parse('2026-11-26T12:00:00Z'), to: null }],
      availabilityAt: Date.parse('2026-11-24T13:30:00Z'),
      startAt: null,
      withLead: true,
    };
    expect(encodeIndex(index)).toBe(
      'v1;aceite=2026-11-23T13:00:00Z;relogio=2026-11-24T12:00:00Z;pausas=2026-11-24T15:00:00Z/2026-11-25T11:00:00Z,2026-11-26T12:00:00Z/;horarios=2026-11-24T13:30:00Z;lider=1',
    );
    expect(encodeIndex(EMPTY_INDEX)).toBe('');
  });

  it('reads back what it writes (to the second)', () => {
    const instant = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z') / 1000, max: Date.parse('2035-01-01T00:00:00Z') / 1000 }).map((s) => s * 1000);
    const pause = fc.tuple(instant, fc.option(fc.integer({ min: 0, max: 10 * 86_400 }).map((s) => s * 1000))).map(([from, d]) => ({ from, to: d === null ? null : from + d }));
    const index = fc.record({
      aceiteAt: fc.option(instant),
      clockStartAt: fc.option(instant),
      pauses: fc.array(pause, { maxLength: 5 }),
      availabilityAt: fc.option(instant),
      startAt: fc.option(instant),
      withLead: fc.boolean(),
    });
    fc.assert(
      fc.property(index, (i) => {
        const text = encodeIndex(i);
        if (text === '') expect(i).toEqual(EMPTY_INDEX);
        else expect(parseIndex(text)).toEqual(i);
      }),
    );
  });

  it.each([
    ['v2;aceite=2026-11-23T13:00:00Z', 'another version'],
    ['v1;aceite=2026-11-23 13:00', 'a date that is not ISO to the second'],
    ['v1;aceite', 'a key without value'],
    ['v1;pausas=2026-11-24T15:00:00Z', 'a pause without its end slot'],
    ['v1;pausas=2026-11-25T15:00:00Z/2026-11-24T15:00:00Z', 'a pause ending before it starts'],
    ['v1;pausas=2026-11-24T15:00:00Z/x', 'a pause with a broken end'],
    ['v1;relogio=2026-13-45T99:00:00Z', 'an impossible date'],
    ['{"aceite": 1}', 'something else'],
  ])('refuses %s (%s)', (text) => {
    expect(parseIndex(text)).toBeNull();
  });

  it('ignores keys it does not know (a newer app may add some, an older one wrote macro=1) and surrounding spaces', () => {
    expect(parseIndex(' v1;aceite=2026-11-23T13:00:00Z;futuro=xyz;macro=1 ')).toEqual({ ...EMPTY_INDEX, aceiteAt: Date.parse('2026-11-23T13:00:00Z') });
    expect(parseIndex('')).toBeNull();
    expect(parseIndex(null)).toBeNull();
  });

  it('asks for a write only when the saved field says something else (instants within 5 minutes agree)', () => {
    const index = { ...EMPTY_INDEX, aceiteAt: T0, clockStartAt: T0 };
    expect(indexUpdate(null, EMPTY_INDEX)).toBeNull();
    expect(indexUpdate('', EMPTY_INDEX)).toBeNull();
    expect(indexUpdate(null, index)).toBe(encodeIndex(index));
    expect(indexUpdate(encodeIndex(index), index)).toBeNull();
    expect(indexUpdate(encodeIndex({ ...index, aceiteAt: T0 + 4 * MINUTE, clockStartAt: T0 + 4 * MINUTE }), index)).toBeNull();
    expect(indexUpdate(encodeIndex({ ...index, aceiteAt: T0 + 6 * MINUTE }), index)).toBe(encodeIndex(index));
    expect(indexUpdate(encodeIndex({ ...index, withLead: true }), index)).toBe(encodeIndex(index));
    expect(indexUpdate(encodeIndex({ ...index, pauses: [{ from: T0, to: null }] }), index)).toBe(encodeIndex(index));
    expect(indexUpdate('v1;lider=1', EMPTY_INDEX)).toBe('');
    expect(indexUpdate('v1;aceite=ontem', EMPTY_INDEX)).toBe('');
    expect(indexUpdate('v1;aceite=ontem', index)).toBe(encodeIndex(index));
  });

  it('predicts the index a save will produce: the saved audits plus the pending tags and assignee at "now"', () => {
    const lead = { settings, leadId: LEAD };
    const saved: TicketAudit[] = [
      { id: 1, createdAt: T0, authorId: 1001, events: [{ type: 'Create', field: 'tags', value: ['a'], previousValue: null }, { type: 'Create', field: 'assignee_id', value: null, previousValue: null }] },
    ];
    const at = T0 + 60 * MINUTE;
    const aceite = indexAfterSave(saved, { at, authorId: 2001, tags: ['a', 'consultoria_aceite'], assigneeId: LEAD }, lead);
    expect(aceite).toEqual({ ...EMPTY_INDEX, aceiteAt: at, clockStartAt: at, withLead: true });
    // What Zendesk then records (stamped a little later) reads as the same index.
    const recorded = [...saved, { id: 2, createdAt: at + 3000, authorId: 2001, events: [{ type: 'Change' as const, field: 'tags', value: ['a', 'consultoria_aceite'], previousValue: ['a'] }, { type: 'Change' as const, field: 'assignee_id', value: String(LEAD), previousValue: null }] }];
    expect(indexUpdate(encodeIndex(aceite), indexFromAudits(recorded, lead))).toBeNull();
    // Nothing pending: the saved history's own index.
    expect(indexAfterSave(saved, { at, authorId: 2001, tags: ['a'], assigneeId: null }, lead)).toEqual(indexFromAudits(saved, lead));
  });

  it('finds the saved text of the field in the audits (last change wins)', () => {
    const audits: TicketAudit[] = [
      { id: 1, createdAt: T0, authorId: 1, events: [{ type: 'Create', field: '9000005', value: null, previousValue: null }] },
      { id: 2, createdAt: T0 + MINUTE, authorId: 1, events: [{ type: 'Change', field: '9000005', value: 'v1;lider=1', previousValue: null }] },
      { id: 3, createdAt: T0 + 2 * MINUTE, authorId: 1, events: [{ type: 'Change', field: 'tags', value: ['x'], previousValue: [] }] },
    ];
    expect(savedFieldText(audits, 9000005)).toBe('v1;lider=1');
    expect(savedFieldText(audits.slice(0, 1), 9000005)).toBeNull();
  });
});

/**
 * The point of the index: the dashboard, reading only the index, must show the same step states and
 * deadlines as the sidebar reading the audits. Generated histories of tag and assignee changes.
 */
describe('procedure index: the dashboard sees what the sidebar sees', () => {
  const TAGS = [settings.tag_aceite, settings.tag_retorno, settings.tag_horarios, settings.tag_atendimento, settings.tag_sem_disponibilidade, settings.tag_unidade, settings.tag_unidade_aprovada, settings.tag_demanda].filter(
    (t): t is string => t !== null,
  );
  type Action = { kind: 'add' | 'remove'; tag: string } | { kind: 'assign'; to: number | null } | { kind: 'macro' };
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ kind: fc.constantFrom('add' as const, 'remove' as const), tag: fc.constantFrom(...TAGS) }),
    fc.record({ kind: fc.constant('assign' as const), to: fc.constantFrom(LEAD, ANALYST, 2002, null) }),
    fc.record({ kind: fc.constant('macro' as const) }),
  );
  const history = fc.array(fc.tuple(action, fc.integer({ min: 1, max: 3 * 24 * 60 })), { maxLength: 25 });

  it('generates every procedure tag of the settings', () => {
    expect(TAGS).toHaveLength(8);
  });

  it('same step statuses and deadlines from the audits and from the index', () => {
    fc.assert(
      // The dashboard lists only tickets whose Tipo is a consulting one: that is the premise here.
      fc.property(history, fc.integer({ min: 0, max: 10 * 24 * 60 }), (actions, nowAfter) => {
        let tags: string[] = [];
        let assignee: number | null = null;
        let at = T0;
        const audits: TicketAudit[] = [{ id: 1, createdAt: at, authorId: 1001, events: [{ type: 'Create', field: 'tags', value: [], previousValue: null }] }];
        for (const [step, minutes] of actions) {
          at += minutes * MINUTE;
          const events: TicketAudit['events'] = [];
          if (step.kind === 'add' && !tags.includes(step.tag)) {
            events.push({ type: 'Change', field: 'tags', value: [...tags, step.tag], previousValue: tags });
            tags = [...tags, step.tag];
          } else if (step.kind === 'remove' && tags.includes(step.tag)) {
            events.push({ type: 'Change', field: 'tags', value: tags.filter((t) => t !== step.tag), previousValue: tags });
            tags = tags.filter((t) => t !== step.tag);
          } else if (step.kind === 'assign') {
            events.push({ type: 'Change', field: 'assignee_id', value: step.to === null ? null : String(step.to), previousValue: assignee === null ? null : String(assignee) });
            assignee = step.to;
          } else if (step.kind === 'macro') {
            events.push({ type: 'AgentMacroReference', macroId: MACRO, macroTitle: 'CONSULTORIA :: Abertura' });
          }
          if (events.length > 0) audits.push({ id: audits.length + 1, createdAt: at, authorId: 2001, events });
        }
        const ticket: TicketSnapshot = {
          id: 101,
          subject: '[CONSULT TÉCNICA] Nota',
          status: 'open',
          tags,
          viaChannel: 'web',
          requester: null,
          assignee: { userId: assignee, groupId: 5001 },
          formId: null,
          fields: { 9000001: 'tipo_consultoria_tecnica', 9000002: '2026-12-01', 9000003: 'modulo_faturamento' },
          requesterMayContract: 'sim',
          updatedAt: null,
        };
        const now = at + nowAfter * MINUTE;
        const base = { ticket, settings, clock, openingMacroIds: [MACRO], now };
        const lead = settings.module_leads?.modulo_faturamento?.lead_id ?? null;
        const index = parseIndex(encodeIndex(indexFromAudits(audits, { settings, leadId: lead })));
        const fromAudits = deriveProcedure({ ...base, audits });
        const fromIndex = deriveProcedure({ ...base, audits: null, index });
        const essentials = (view: typeof fromAudits) => ({
          steps: view.steps.map((s) => ({ id: s.id, status: s.status, reason: s.reason, deadline: s.deadline })),
          clockStartAt: view.clockStartAt,
          aceiteAt: view.aceiteAt,
          paused: view.paused,
        });
        expect(essentials(fromIndex)).toEqual(essentials(fromAudits));
      }),
      { numRuns: 400 },
    );
  });
});
