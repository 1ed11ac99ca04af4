import type { TicketAudit } from '../../../../src/procedure/audit';
import { calendarDateToLocal, isCalendarDate, localToCalendarDate } from '../../../../src/procedure/calendar-date';
import { tagOnSince, tagSpans } from '../../../../src/procedure/history';
import { profileOf } from '../../../../src/procedure/profile';
import { parseSettings } from '../../../../src/procedure/settings';
import type { TicketSnapshot } from '../../../../src/procedure/ticket';
import { sandboxSettings } from '../../../support/fake-zendesk';

const { settings } = parseSettings(sandboxSettings);
let auditId = 1;
const tagsAudit = (at: number, value: unknown, previousValue: unknown = null): TicketAudit => ({ id: auditId++, createdAt: at, authorId: 2001, events: [{ type: 'Change', field: 'tags', value, previousValue }] });

describe('history: the tags value of an audit', () => {
  // Zendesk's audits API gives `tags` as an array, but older audits (and some integrations) give
  // the space-separated string of the ticket's tags.
  it('reads a space-separated string of tags as the tag list', () => {
    const audits = [tagsAudit(1000, 'vip  consultoria_aceite\tother'), tagsAudit(2000, 'vip other')];
    expect(tagSpans(audits, 'consultoria_aceite')).toEqual([{ since: { at: 1000, by: 2001 }, until: { at: 2000, by: 2001 } }]);
  });

  it('a tags value that is neither (null: every tag removed) removes the tag', () => {
    const audits = [tagsAudit(1000, ['consultoria_aceite']), tagsAudit(2000, null)];
    expect(tagOnSince(audits, 'consultoria_aceite')).toBeNull();
    expect(tagSpans(audits, 'consultoria_aceite')[0]?.until).toEqual({ at: 2000, by: 2001 });
  });
});

describe('profileOf without the "Tipo da Solicitação" field configured', () => {
  const ticket = { fields: { 9000001: 'tipo_consultoria_modulo' } } as unknown as TicketSnapshot;

  it('is the Técnica profile, even if the field (unread) says Módulo', () => {
    const unset = { ...settings, tipo_solicitacao_field_id: null };
    expect(profileOf(ticket, unset).id).toBe('tecnica');
    // and with the field configured, the same ticket is a Módulo one: the setting is what decides.
    expect(profileOf(ticket, settings).id).toBe('modulo');
  });
});

describe('calendar dates of Zendesk date fields', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false); // not a leap year: would roll over to March 1st
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('28/11/2026')).toBe(false);
    expect(isCalendarDate('2026-11-28T00:00:00Z')).toBe(false);
  });

  it('turns a date into the local midnight a picker shows, and back', () => {
    const local = calendarDateToLocal('2026-03-05');
    expect(local).toEqual(new Date(2026, 2, 5));
    expect(localToCalendarDate(local!)).toBe('2026-03-05');
    expect(localToCalendarDate(new Date(2026, 10, 28, 23, 59))).toBe('2026-11-28');
  });

  it('gives no Date for an empty or invalid value', () => {
    expect(calendarDateToLocal(null)).toBeUndefined();
    expect(calendarDateToLocal('')).toBeUndefined();
    expect(calendarDateToLocal('2026-02-30')).toBeUndefined();
  });
});
