import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../sandbox/fixtures/holidays.mjs';
import { makeEmulator } from './helpers.mjs';

const leadView = (restriction) => ({
  view: {
    title: 'Consultoria Financeiro',
    all: [
      { field: 'status', operator: 'less_than', value: 'solved' },
      { field: 'current_tags', operator: 'includes', value: 'tipo_consultoria_tecnica tipo_consultoria_modulo' },
      { field: 'group_id', operator: 'is', value: '5002' },
    ],
    any: [],
    output: { columns: ['status', 'description', 'requester', 'updated'], sort_by: 'updated', sort_order: 'desc' },
    restriction,
  },
});

describe('views', () => {
  it('end users get 403 creating a view; agents only personal ones; admins any', async () => {
    const { endUser, as, admin } = makeEmulator();
    expect((await endUser('POST', '/api/v2/views', leadView({ type: 'User', id: 1001 }))).status).toBe(403);
    const lead = as(2102);
    expect((await lead('POST', '/api/v2/views', leadView({ type: 'Group', id: 5002 }))).status).toBe(403);
    expect((await lead('POST', '/api/v2/views', leadView({ type: 'User', id: 2102 }))).status).toBe(201);
    const shared = await admin('POST', '/api/v2/views', leadView({ type: 'Group', id: 5002 }));
    expect(shared.status).toBe(201);
    expect(shared.body.view).toMatchObject({ title: 'Consultoria Financeiro', active: true, restriction: { type: 'Group', id: 5002 } });
    expect(shared.body.view.execution.columns.map((c) => c.id)).toEqual(['status', 'description', 'requester', 'updated']);
  });

  it('executes a view: its tickets and its count', async () => {
    const { admin, as } = makeEmulator();
    const view = (await admin('POST', '/api/v2/views', leadView({ type: 'Group', id: 5002 }))).body.view;
    const lead = as(2102);
    const tickets = (await lead('GET', `/api/v2/views/${view.id}/tickets`)).body.tickets.map((t) => t.id).sort();
    expect(tickets).toEqual([103, 105]);
    expect((await lead('GET', `/api/v2/views/${view.id}/count`)).body.view_count.value).toBe(2);
    expect((await as(2001)('GET', `/api/v2/views/${view.id}`)).status).toBe(404);
  });

  it('rejects a view without a status/type/group/assignee/requester condition, or with unknown fields', async () => {
    const { admin } = makeEmulator();
    const res = await admin('POST', '/api/v2/views', { view: { title: 'x', all: [{ field: 'current_tags', operator: 'includes', value: 'a' }, { field: 'planet', operator: 'is', value: 'mars' }] } });
    expect(res.status).toBe(422);
    expect(res.body.details.conditions).toHaveLength(2);
  });
});

describe('business hours', () => {
  it('schedule 6001: Mon–Fri 08–12 and 13–18, minutes from Sunday 00:00', async () => {
    const { agent } = makeEmulator();
    const { schedule } = (await agent('GET', '/api/v2/business_hours/schedules/6001')).body;
    expect(schedule).toMatchObject({ id: 6001, name: 'Suporte Protheus', time_zone: 'Brasilia' });
    expect(schedule.intervals.slice(0, 2)).toEqual([{ start_time: 1920, end_time: 2160 }, { start_time: 2220, end_time: 2520 }]);
    expect(schedule.intervals).toHaveLength(10);
    expect(schedule.intervals.at(-1)).toEqual({ start_time: 5 * 1440 + 780, end_time: 5 * 1440 + 1080 });
    const plantao = (await agent('GET', '/api/v2/business_hours/schedules')).body.schedules.find((s) => s.id === 6002);
    expect(plantao.intervals[0]).toEqual({ start_time: 1920, end_time: 2520 });
  });

  it('holidays: Brazilian national holidays of 2026 and 2027, moving feasts from Easter', async () => {
    const { agent } = makeEmulator();
    const { holidays } = (await agent('GET', '/api/v2/business_hours/schedules/6001/holidays')).body;
    expect(holidays).toHaveLength(24);
    const byName = (name, year) => holidays.find((h) => h.name === name && h.start_date.startsWith(year));
    expect(byName('Carnaval', '2026')).toMatchObject({ start_date: '2026-02-16', end_date: '2026-02-17' });
    expect(byName('Sexta-feira Santa', '2027').start_date).toBe('2027-03-26');
    expect(byName('Corpus Christi', '2026').start_date).toBe('2026-06-04');
    expect(byName('Dia da Consciência Negra', '2027').start_date).toBe('2027-11-20');
    expect(easterSunday(2024).toISOString().slice(0, 10)).toBe('2024-03-31');
  });
});

describe('users, groups, fields, pagination', () => {
  it('users carry role, locale, time zone and user_fields', async () => {
    const { agent } = makeEmulator();
    const users = (await agent('GET', '/api/v2/users/show_many?ids=1003,2005,2001')).body.users;
    expect(users.map((u) => [u.id, u.role, u.locale, u.time_zone])).toEqual([
      [1003, 'end-user', 'pt-BR', 'Brasilia'],
      [2005, 'agent', 'en-US', 'Brasilia'],
      [2001, 'agent', 'pt-BR', 'Brasilia'],
    ]);
    expect(users[0].user_fields.permite_consultoria).toBe('nao');
    expect(users[2].user_fields).toMatchObject({ consultoria_senioridade: 9, consultoria_modulos: ['modulo_faturamento', 'modulo_fiscal'] });
    const found = (await agent('GET', '/api/v2/users/search?query=unidade-sul')).body.users;
    expect(found.map((u) => u.id)).toEqual([3001]);
    const fields = (await agent('GET', '/api/v2/user_fields')).body.user_fields;
    expect(fields.map((f) => [f.key, f.type])).toEqual([['permite_consultoria', 'dropdown'], ['consultoria_senioridade', 'integer'], ['consultoria_modulos', 'multiselect']]);
  });

  it('groups and memberships follow the modules', async () => {
    const { agent } = makeEmulator();
    const members = (await agent('GET', '/api/v2/groups/5002/users')).body.users.map((u) => u.id);
    expect(members).toEqual([2004, 2005, 2102, 2201]);
    const adminGroups = (await agent('GET', '/api/v2/users/2201/groups')).body.groups.map((g) => g.id);
    expect(adminGroups).toEqual([5001, 5002, 5003, 5004]);
  });

  it('ticket fields and forms', async () => {
    const { agent } = makeEmulator();
    const fields = (await agent('GET', '/api/v2/ticket_fields')).body.ticket_fields;
    const tipo = fields.find((f) => f.id === 9000001);
    expect(tipo.type).toBe('tagger');
    expect(tipo.custom_field_options.map((o) => o.value)).toEqual(['tipo_consultoria_tecnica', 'tipo_consultoria_modulo', 'tipo_duvida', 'tipo_erro']);
    const forms = (await agent('GET', '/api/v2/ticket_forms')).body.ticket_forms;
    expect(forms.map((f) => [f.id, f.name, f.default])).toEqual([[8000001, 'Onda 3 Oficial', true], [8000002, 'Suporte Padrão', false]]);
  });

  it('walks the ticket list with offset and with cursor pagination', async () => {
    const { agent } = makeEmulator();
    const offset = [];
    let url = '/api/v2/tickets.json?per_page=2';
    while (url) {
      const page = (await agent('GET', url)).body;
      offset.push(...page.tickets.map((t) => t.id));
      expect(page.count).toBe(6);
      url = page.next_page;
    }
    expect(offset).toEqual([101, 102, 103, 104, 105, 106]);
    const cursor = [];
    url = '/api/v2/tickets.json?page[size]=2';
    while (url) {
      const page = (await agent('GET', url)).body;
      cursor.push(...page.tickets.map((t) => t.id));
      url = page.meta.has_more ? page.links.next : null;
    }
    expect(cursor).toEqual([101, 102, 103, 104, 105, 106]);
    const back = (await agent('GET', `/api/v2/tickets.json?page[size]=2&page[before]=${Buffer.from('{"k":105}').toString('base64url')}`)).body;
    expect(back.tickets.map((t) => t.id)).toEqual([103, 104]);
    expect((await agent('GET', '/api/v2/tickets.json?page[size]=101')).status).toBe(400);
  });
});
