/** The team view the dashboard offers to create: conditions, custom-field columns and sort, listing. */
import { describe, expect, it } from 'vitest';
import { makeEmulator } from './helpers.mjs';

const teamView = (output, restriction = { type: 'Group', id: 5002 }) => ({
  view: {
    title: 'Consultoria — Suporte Financeiro',
    conditions: {
      all: [
        { field: 'status', operator: 'less_than', value: 'solved' },
        { field: 'group_id', operator: 'is', value: 5002 },
      ],
      any: [
        { field: 'current_tags', operator: 'includes', value: 'tipo_consultoria_tecnica' },
        { field: 'current_tags', operator: 'includes', value: 'tipo_consultoria_modulo' },
      ],
    },
    output,
    restriction,
  },
});

describe('views for the leads', () => {
  it('a team view is an admin\'s to create: a lead (agent) gets 403 and Zendesk\'s error body', async () => {
    const { as, admin } = makeEmulator({ fixtures: 'demo' });
    const refused = await as(2102)('POST', '/api/v2/views', teamView({ columns: ['status', 'description'] }));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('Forbidden');
    expect((await admin('POST', '/api/v2/views', teamView({ columns: ['status', 'description'] }))).status).toBe(201);
  });

  it('takes conditions.all/any, shows custom field columns (by id) with their type, and sorts by a custom field id (empty last)', async () => {
    const { admin, as } = makeEmulator({ fixtures: 'demo' });
    // The group's open consulting tickets are 103 and 105: give one of them a "Data controle".
    expect((await admin('PUT', '/api/v2/tickets/103', { ticket: { custom_fields: [{ id: 9000002, value: '2026-05-20' }] } })).status).toBe(200);
    const created = await admin('POST', '/api/v2/views', teamView({ columns: ['status', 'description', 9000002, '9000005'], sort_by: '9000002', sort_order: 'asc' }));
    expect(created.status).toBe(201);
    const { view } = created.body;
    expect(view.conditions.any).toHaveLength(2);
    expect(view.execution.sort_by).toBe('9000002');
    expect(view.execution.columns.map((c) => c.id)).toEqual(['status', 'description', 9000002, 9000005]);
    expect(view.execution.columns[1]).toEqual({ id: 'description', title: 'Subject' });
    expect(view.execution.custom_fields).toEqual([
      { id: 9000002, title: 'Data controle', type: 'date', url: 'https://sandbox.zendesk.com/api/v2/ticket_fields/9000002.json' },
      { id: 9000005, title: 'Consultoria – índice do procedimento (app)', type: 'text', url: 'https://sandbox.zendesk.com/api/v2/ticket_fields/9000005.json' },
    ]);
    expect(view.execution.fields.map((c) => c.id)).toEqual(['status', 'description']);
    const lead = as(2102);
    const ticketsIn = async () => (await lead('GET', `/api/v2/views/${view.id}/tickets`)).body.tickets.map((t) => t.id);
    expect(await ticketsIn()).toEqual([103, 105]); // 105 has no date: last
    await admin('PUT', '/api/v2/tickets/105', { ticket: { custom_fields: [{ id: 9000002, value: '2026-04-02' }] } });
    expect(await ticketsIn()).toEqual([105, 103]);
  });

  it('refuses a column that is not in the View columns table (e.g. "subject": the Subject column is "description") with 422', async () => {
    const { admin } = makeEmulator({ fixtures: 'demo' });
    for (const column of ['subject', 'custom_fields_9000002', 'no_such_column', 9999999]) {
      const refused = await admin('POST', '/api/v2/views', teamView({ columns: ['status', column] }));
      expect([column, refused.status, refused.body.error]).toEqual([column, 422, 'RecordInvalid']);
      expect(refused.body.details.output).toEqual([{ description: expect.stringContaining(String(column)), error: 'InvalidValue' }]);
    }
    expect((await admin('GET', '/api/v2/views')).body.views).toEqual([]);
  });

  it('refuses more than 10 columns, and a sort or group on a column that cannot sort (description, submitter, custom_status_id)', async () => {
    const { admin } = makeEmulator({ fixtures: 'demo' });
    const eleven = ['status', 'description', 'requester', 'assignee', 'group', 'nice_id', 'updated', 'created', 'priority', 'type', 'brand'];
    expect((await admin('POST', '/api/v2/views', teamView({ columns: eleven }))).status).toBe(422);
    expect((await admin('POST', '/api/v2/views', teamView({ columns: eleven.slice(0, 10) }))).status).toBe(201);
    for (const output of [{ sort_by: 'description' }, { group_by: 'submitter' }, { sort_by: 'subject' }, { sort_by: 'custom_fields_9000002' }]) {
      const refused = await admin('POST', '/api/v2/views', teamView(output));
      expect([output, refused.status]).toEqual([output, 422]);
    }
  });

  it('refuses a sort or condition on a ticket field that does not exist (422)', async () => {
    const { admin } = makeEmulator({ fixtures: 'demo' });
    const badSort = await admin('POST', '/api/v2/views', teamView({ sort_by: '9999999' }));
    expect([badSort.status, badSort.body.details.output?.length]).toEqual([422, 1]);
    const view = teamView({});
    view.view.conditions.all.push({ field: 'custom_fields_9999999', operator: 'present' });
    expect((await admin('POST', '/api/v2/views', view)).status).toBe(422);
  });

  it('lists views with offset or cursor pagination, as Zendesk does', async () => {
    const { admin, as } = makeEmulator({ fixtures: 'demo' });
    for (const id of [5001, 5002]) await admin('POST', '/api/v2/views', teamView({}, { type: 'Group', id }));
    const offset = (await admin('GET', '/api/v2/views?per_page=1')).body;
    expect([offset.views.length, offset.count, offset.next_page]).toEqual([1, 2, expect.stringContaining('page=2')]);
    const cursor = (await admin('GET', '/api/v2/views?page[size]=1')).body;
    expect(cursor.meta.has_more).toBe(true);
    const second = (await admin('GET', cursor.links.next)).body;
    expect([second.views.length, second.meta.has_more]).toEqual([1, false]);
    // An agent sees the views of her groups only.
    expect((await as(2102)('GET', '/api/v2/views')).body.views.map((v) => v.restriction.id)).toEqual([5002]);
  });
});
