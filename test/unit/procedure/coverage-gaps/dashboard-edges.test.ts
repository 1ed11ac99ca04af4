import type { DashboardRow } from '../../../../src/procedure/dashboard/rows';
import { dashboardRow } from '../../../../src/procedure/dashboard/rows';
import { applyQuery, DEFAULT_QUERY, type DashboardQuery } from '../../../../src/procedure/dashboard/table';
import { deadlineClock } from '../../../../src/procedure/periods';
import { EMPTY_INDEX, encodeIndex } from '../../../../src/procedure/procedure-index';
import { brt, context, deadline, INDEX_FIELD, listed, MONDAY_10, row, settings, text } from '../dashboard/fixtures';
import { domainCalendar } from '../../periods/fixtures';

const select = (rows: DashboardRow[], q: Partial<DashboardQuery>) => applyQuery(rows, { ...DEFAULT_QUERY, ...q }, text).map((r) => r.id);

describe('dashboard table: sorting by the words the lead sees', () => {
  it('module sorts by its display name, a ticket without module last in both directions', () => {
    const rows = [row(1, { module: null }), row(2, { module: 'modulo_orcamento' }), row(3, { module: 'modulo_faturamento' })];
    expect(select(rows, { sort: 'module' })).toEqual([3, 2, 1]);
    expect(select(rows, { sort: 'module', descending: true })).toEqual([2, 3, 1]);
  });

  it('status sorts by its label, not by Zendesk\'s value', () => {
    // Raw values would give hold < open < solved; the labels give Aberto < hold < Resolvido.
    const rows = [row(1, { status: 'solved' }), row(2, { status: 'hold' }), row(3, { status: 'open' })];
    expect(select(rows, { sort: 'status' })).toEqual([3, 2, 1]);
  });
});

describe('dashboard table: the text filter on one column', () => {
  it('an unknown requester is an empty cell, not the word "null"', () => {
    const rows = [row(1, { requesterName: null, requesterId: null }), row(2)];
    expect(select(rows, { textColumn: 'requester', text: 'null', sort: 'id' })).toEqual([]);
    expect(select(rows, { textColumn: 'requester', text: 'maria', sort: 'id' })).toEqual([2]);
  });

  it('a deadline cell shows when it was met, or else when it is due', () => {
    const at = Date.parse('2026-11-23T18:30:00Z');
    const other = Date.parse('2026-11-24T12:00:00Z');
    const rows = [
      row(1, { availability: deadline(at) }), // due then
      row(2, { availability: deadline(other, { metAt: at }) }), // met then
      row(3, { availability: deadline(at, { metAt: other }) }), // was due then, but met at another time
      row(4, { start: deadline(at) }),
      row(5, { start: deadline(other, { metAt: at }) }),
      row(6, { start: deadline(at, { metAt: other }) }),
    ];
    expect(select(rows, { textColumn: 'availability', text: '2026-11-23T18:30', sort: 'id' })).toEqual([1, 2]);
    expect(select(rows, { textColumn: 'start', text: '2026-11-23T18:30', sort: 'id' })).toEqual([4, 5]);
  });
});

describe('dashboard rows: edge cases of the listed ticket', () => {
  it('a ticket without requester: no name, and the requester step is the blocked one', () => {
    const r = dashboardRow(listed({ requesterId: null }), context());
    expect(r).toMatchObject({ requesterId: null, requesterName: null, currentStep: 'requester', currentStatus: 'blocked', currentReason: 'requester_not_allowed' });
  });

  it('without the date field configured, "Data controle" is empty even if the ticket has a value there', () => {
    const unset = { ...settings, data_controle_field_id: null };
    expect(dashboardRow(listed({}, { 9000002: '2026-12-01' }), context({ settings: unset })).dataControle).toBeNull();
    expect(dashboardRow(listed({}, { 9000002: '2026-12-01' }), context()).dataControle).toBe('2026-12-01');
  });

  it('when the schedule runs out of business time, a pending deadline still shows, just not as "due soon"', () => {
    // Everything after Monday is a holiday for three years: no full período exists after 15:00.
    const calendar = domainCalendar([{ start_date: '2026-11-24', end_date: '2029-12-31' }]);
    const index = encodeIndex({ ...EMPTY_INDEX, aceiteAt: MONDAY_10, clockStartAt: MONDAY_10 });
    const ticket = listed({ tags: ['tipo_consultoria_tecnica', 'consultoria_aceite'] }, { [INDEX_FIELD]: index });
    const r = dashboardRow(ticket, context({ clock: deadlineClock(calendar), now: brt('2026-11-23T15:00:00') }));
    expect(r.availability).toMatchObject({ due: brt('2026-11-23T15:30:00'), overdue: false, metAt: null });
    expect(r.overdue).toBe(false);
    expect(r.dueNextPeriodo).toBe(false);
  });
});
