import type { TicketAudit } from '../../../../src/procedure/audit';
import { EMPTY_INDEX, indexAfterSave, indexAfterTagChange, indexFromAudits, sameIndex, type ProcedureIndex } from '../../../../src/procedure/procedure-index';
import { parseSettings } from '../../../../src/procedure/settings';
import { sandboxSettings } from '../../../support/fake-zendesk';

const { settings } = parseSettings(sandboxSettings);
const LEAD = 2101;
const context = { settings, leadId: LEAD };
const T0 = Date.parse('2026-11-23T13:00:00Z');
const MINUTE = 60_000;
let id = 1;
const audit = (at: number, ...events: TicketAudit['events']): TicketAudit => ({ id: id++, createdAt: at, authorId: 2001, events });
const change = (field: string, value: unknown, previousValue: unknown) => ({ type: 'Change' as const, field, value, previousValue });

describe('indexAfterTagChange: the app\'s own REST updates of tags', () => {
  const saved = [
    audit(T0 - 60 * MINUTE, { type: 'Create', field: 'tags', value: ['tipo_consultoria_tecnica'], previousValue: null }),
    audit(T0 - 30 * MINUTE, change('assignee_id', String(LEAD), null)),
    audit(T0, change('tags', ['tipo_consultoria_tecnica', 'consultoria_aceite'], ['tipo_consultoria_tecnica'])),
  ];

  it('adds the new tag at the update\'s time and keeps what the audits already say', () => {
    const index = indexAfterTagChange(saved, { at: T0 + 10 * MINUTE, authorId: 2001, add: ['consultoria_horarios_enviados'], remove: [] }, context);
    expect(index).toEqual({ ...EMPTY_INDEX, aceiteAt: T0, clockStartAt: T0, availabilityAt: T0 + 10 * MINUTE, withLead: true });
  });

  it('removing the Aceite takes it off the index; adding a tag already there changes nothing', () => {
    expect(indexAfterTagChange(saved, { at: T0 + MINUTE, authorId: 2001, add: [], remove: ['consultoria_aceite'] }, context).aceiteAt).toBeNull();
    expect(indexAfterTagChange(saved, { at: T0 + MINUTE, authorId: 2001, add: ['consultoria_aceite'], remove: [] }, context)).toEqual(indexFromAudits(saved, context));
  });

  it('reads tags saved as a space-separated string and an assignee cleared to ""', () => {
    const legacy = [
      audit(T0 - 30 * MINUTE, change('assignee_id', String(LEAD), null)),
      audit(T0 - 20 * MINUTE, change('assignee_id', '', String(LEAD))),
      audit(T0, change('tags', 'tipo_consultoria_tecnica consultoria_aceite', 'tipo_consultoria_tecnica')),
    ];
    const index = indexAfterTagChange(legacy, { at: T0 + MINUTE, authorId: 2001, add: ['consultoria_aceite'], remove: [] }, context);
    // The Aceite is already on: its time stays T0 (not T0 + 1 min), and the assignee is not rewritten.
    expect(index).toEqual({ ...EMPTY_INDEX, aceiteAt: T0, clockStartAt: T0, withLead: true });
  });
});

describe('indexAfterSave: the assignee before and after', () => {
  it('a first assignment to the lead (never assigned before) makes the ticket "with the lead"', () => {
    const saved = [audit(T0, { type: 'Create', field: 'tags', value: ['tipo_consultoria_tecnica'], previousValue: null })];
    expect(indexAfterSave(saved, { at: T0 + MINUTE, authorId: 2001, tags: ['tipo_consultoria_tecnica'], assigneeId: LEAD }, context).withLead).toBe(true);
  });

  it('unassigning keeps "was with the lead": the history does not change', () => {
    const saved = [audit(T0, change('assignee_id', String(LEAD), null))];
    expect(indexAfterSave(saved, { at: T0 + MINUTE, authorId: 2001, tags: [], assigneeId: null }, context).withLead).toBe(true);
  });
});

describe('indexFromAudits with tag settings left empty', () => {
  it('no slots tag and no pause tag configured: none is read from the history', () => {
    const audits = [
      audit(T0, change('tags', ['consultoria_aceite'], [])),
      audit(T0 + MINUTE, change('tags', ['consultoria_aceite', 'consultoria_horarios_enviados', 'consultoria_sem_disponibilidade'], ['consultoria_aceite'])),
    ];
    expect(indexFromAudits(audits, context)).toMatchObject({ availabilityAt: T0 + MINUTE, pauses: [{ from: T0 + MINUTE, to: null }] });
    const unset = { ...settings, tag_horarios: null, tag_sem_disponibilidade: null };
    expect(indexFromAudits(audits, { settings: unset, leadId: LEAD })).toEqual({ ...EMPTY_INDEX, aceiteAt: T0, clockStartAt: T0 });
  });
});

describe('sameIndex compares pauses', () => {
  const base: ProcedureIndex = { ...EMPTY_INDEX, clockStartAt: T0, pauses: [{ from: T0 + MINUTE, to: T0 + 10 * MINUTE }] };
  it('within the tolerance, the same; an open versus a closed pause, or another count, differ', () => {
    expect(sameIndex(base, { ...base, pauses: [{ from: T0 + 2 * MINUTE, to: T0 + 11 * MINUTE }] })).toBe(true);
    expect(sameIndex(base, { ...base, pauses: [{ from: T0 + MINUTE, to: null }] })).toBe(false);
    expect(sameIndex(base, { ...base, pauses: [{ from: T0 + 30 * MINUTE, to: T0 + 40 * MINUTE }] })).toBe(false);
    expect(sameIndex(base, { ...base, pauses: [] })).toBe(false);
  });
});
