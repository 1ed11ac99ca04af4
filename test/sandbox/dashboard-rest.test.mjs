/**
 * The REST calls the leads' dashboard makes, against the big fixture: the export search with its query,
 * cursor pages, the rate limit, a failed page, the Apontamento records, requesters, module names, groups.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, makeEmulator } from './helpers.mjs';

const DASHBOARD_QUERY = 'group:5001 group:5002 custom_field_9000001:tipo_consultoria_tecnica custom_field_9000001:tipo_consultoria_modulo status<solved';
const exportUrl = (query, size = 1000) => `/api/v2/search/export?query=${encodeURIComponent(query)}&filter[type]=ticket&page[size]=${size}`;
const ACCOUNT = 'https://sandbox.zendesk.com';

describe('the leads\' dashboard against --fixtures big', () => {
  const now = fakeClock(Date.parse('2026-03-02T16:00:00Z'));
  /** @type {ReturnType<typeof makeEmulator>} */
  let sandbox;
  /** Every ticket, from the plain ticket list (not the search): the expectation for the search. */
  let allTickets;
  const lead = () => sandbox.as(2101);

  /** Follows links.next from `url`; on an error answer, `onError(res)` decides: 'retry' the same page or 'stop'. */
  async function walk(url, key, onError = () => 'stop') {
    const pages = [];
    for (let next = url; next; ) {
      const res = await lead()('GET', next);
      if (res.status !== 200) {
        if ((await onError(res)) === 'retry') continue;
        break;
      }
      pages.push(res.body);
      next = res.body.meta.has_more ? res.body.links.next : null;
    }
    return { pages, items: pages.flatMap((p) => p[key]) };
  }

  beforeAll(async () => {
    sandbox = makeEmulator({ fixtures: 'big', now });
    allTickets = (await walk('/api/v2/tickets?page[size]=100', 'tickets')).items;
  });
  beforeEach(async () => {
    await sandbox.admin('DELETE', '/__sandbox/faults');
    await sandbox.admin('PUT', '/__sandbox/limits', { exportSearchPerMinute: 100 }); // also restarts the window
  });

  it('the export search returns exactly the open consulting tickets of groups 5001 and 5002, 1 000 a page', async () => {
    const tipo = (t) => t.custom_fields.find((f) => f.id === 9000001).value;
    const expected = allTickets
      .filter((t) => [5001, 5002].includes(t.group_id) && ['tipo_consultoria_tecnica', 'tipo_consultoria_modulo'].includes(tipo(t)) && ['new', 'open', 'pending', 'hold'].includes(t.status))
      .map((t) => t.id);
    const { pages, items } = await walk(exportUrl(DASHBOARD_QUERY), 'results');
    expect(items.map((t) => t.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(3000);
    expect(pages.map((p) => p.results.length)).toEqual([...Array(pages.length - 1).fill(1000), expected.length % 1000 || 1000]);
    for (const [i, page] of pages.entries()) {
      const last = i === pages.length - 1;
      expect(page.meta.has_more).toBe(!last);
      expect(page.meta.after_cursor).toEqual(expect.any(String));
      if (last) expect(page.links.next).toBeNull();
      else expect(page.links.next).toMatch(new RegExp(`^${ACCOUNT}/api/v2/search/export\\.json\\?.*page%5Bafter%5D=`));
    }
    const t = items[0];
    for (const key of ['custom_fields', 'tags', 'requester_id', 'assignee_id', 'group_id', 'status', 'subject', 'created_at', 'updated_at', 'via']) expect(t).toHaveProperty(key);
    expect(t.custom_fields.map((f) => f.id)).toContain(9000005);
    expect(t.result_type).toBe('ticket');
  });

  it('without status<solved it returns the solved and closed ones too', async () => {
    const open = (await walk(exportUrl(DASHBOARD_QUERY), 'results')).items;
    const any = (await walk(exportUrl(DASHBOARD_QUERY.replace(' status<solved', '')), 'results')).items;
    expect(any.length).toBeGreaterThan(open.length);
    const openIds = new Set(open.map((t) => t.id));
    expect(new Set(any.filter((t) => !openIds.has(t.id)).map((t) => t.status))).toEqual(new Set(['solved', 'closed']));
  });

  it('is limited to 100 export requests per rolling minute for the account (429 + Retry-After); waiting resumes the walk', async () => {
    expect(makeEmulator({ fixtures: 'demo' }).emulator.limits.exportSearchPerMinute).toBe(100); // on unless switched off
    let limited = 0;
    const { items } = await walk(exportUrl(DASHBOARD_QUERY, 25), 'results', (res) => {
      expect(res.status).toBe(429);
      expect(res.body.error).toBe('APIRateLimitExceeded');
      limited += 1;
      now.advance(Number(res.headers['retry-after']) * 1000);
      return 'retry';
    });
    await sandbox.admin('PUT', '/__sandbox/limits', { exportSearchPerMinute: null });
    const expected = (await walk(exportUrl(DASHBOARD_QUERY), 'results')).items;
    expect(limited).toBeGreaterThan(0);
    expect(items.map((t) => t.id)).toEqual(expected.map((t) => t.id));
  });

  it('a fault on the 3rd export request: a 500 once, the pages before it kept, a retry of that page continues', async () => {
    const added = await sandbox.admin('POST', '/__sandbox/faults', { method: 'GET', path: '^/api/v2/search/export', status: 500, skip: 2 });
    expect(added.status).toBe(201);
    await sandbox.admin('DELETE', '/__sandbox/requests');
    const failures = [];
    const { pages, items } = await walk(exportUrl(DASHBOARD_QUERY), 'results', (res) => {
      failures.push(res.status);
      return 'retry';
    });
    expect(failures).toEqual([500]);
    const log = (await sandbox.admin('GET', '/__sandbox/requests')).body.requests.filter((r) => r.path === '/api/v2/search/export');
    expect(log.map((r) => r.status)).toEqual([200, 200, 500, ...Array(pages.length - 2).fill(200)]);
    expect(log[3].query).toBe(log[2].query); // the retry asked for the very page that failed
    expect(new Set(items.map((t) => t.id)).size).toBe(items.length);
    expect(items.length).toBe((await walk(exportUrl(DASHBOARD_QUERY), 'results')).items.length);
  });

  it('a skipping fault counts only the calls it matches', async () => {
    expect((await sandbox.admin('POST', '/__sandbox/faults', { path: '^/api/v2/search/export', status: 500, skip: -1 })).status).toBe(400);
    await sandbox.admin('POST', '/__sandbox/faults', { path: '^/api/v2/search/export', status: 503, skip: 1, times: 2 });
    const call = () => lead()('GET', exportUrl(DASHBOARD_QUERY, 10));
    expect((await call()).status).toBe(200);
    expect((await lead()('GET', '/api/v2/groups')).status).toBe(200); // not counted
    expect([(await call()).status, (await call()).status, (await call()).status]).toEqual([503, 503, 200]);
    expect((await sandbox.admin('GET', '/__sandbox/faults')).body.faults).toEqual([]);
  });

  it('walks every Apontamento record, 100 a page (Zendesk\'s limit for this list)', async () => {
    const url = '/api/v2/custom_objects/consultoria_apontamento/records?page[size]=100';
    const { pages, items } = await walk(url, 'custom_object_records');
    const { count } = (await lead()('GET', '/api/v2/custom_objects/consultoria_apontamento/records/count')).body;
    expect(items).toHaveLength(count.value);
    expect(new Set(items.map((r) => r.id)).size).toBe(items.length);
    expect(items.map((r) => r.id)).toEqual(items.map((r) => r.id).sort());
    expect(pages.slice(0, -1).every((p) => p.custom_object_records.length === 100)).toBe(true);
    expect(pages[1].links.prev).toMatch(/page%5Bbefore%5D=/);
    const tooBig = await lead()('GET', url.replace('100', '101'));
    expect([tooBig.status, tooBig.body.error]).toEqual([400, 'InvalidPaginationParameter']);
  });

  it('stays fast: the whole export and 10 000 records in well under a second of server time each', async () => {
    const records = sandbox.emulator.state.customObjectRecords.consultoria_apontamento;
    const original = records.length;
    // Double the records (copies with later ids) to reach ~10 000, as a busy account would have.
    const last = records.at(-1).id;
    for (let i = 0; i < original; i += 1) records.push({ ...records[i], id: `${last}${String(i).padStart(5, '0')}`, external_id: `copy-${i}` });
    try {
      let started = performance.now();
      const search = await walk(exportUrl(DASHBOARD_QUERY.replace(' status<solved', '')), 'results');
      const searchMs = performance.now() - started;
      started = performance.now();
      const list = await walk('/api/v2/custom_objects/consultoria_apontamento/records?page[size]=100', 'custom_object_records');
      const recordsMs = performance.now() - started;
      console.log(`[bench] export search: ${search.items.length} tickets in ${search.pages.length} pages, ${searchMs.toFixed(0)} ms; records: ${list.items.length} in ${list.pages.length} pages, ${recordsMs.toFixed(0)} ms`);
      expect(list.items).toHaveLength(2 * original);
      expect(searchMs).toBeLessThan(2000);
      expect(recordsMs).toBeLessThan(2000);
    } finally {
      records.length = original;
    }
  });

  it('requesters by 100 (show_many, with user_fields), module names, group names', async () => {
    const requesterIds = [...new Set(allTickets.map((t) => t.requester_id))];
    expect(requesterIds.length).toBeGreaterThanOrEqual(44);
    const { users } = (await lead()('GET', `/api/v2/users/show_many.json?ids=${requesterIds.slice(0, 100).join(',')}`)).body;
    expect(users).toHaveLength(requesterIds.length);
    for (const u of users) expect(['sim', 'nao']).toContain(u.user_fields.permite_consultoria);
    expect(users.every((u) => u.role === 'end-user' && u.name.trim().includes(' '))).toBe(true);
    const tooMany = await lead()('GET', `/api/v2/users/show_many?ids=${Array.from({ length: 101 }, (_, i) => 1101 + i).join(',')}`);
    expect(tooMany.status).toBe(400);

    const modulo = (await lead()('GET', '/api/v2/ticket_fields/9000003')).body.ticket_field;
    expect(modulo.custom_field_options.map((o) => [o.name, o.value])).toEqual([['Faturamento', 'modulo_faturamento'], ['Financeiro', 'modulo_financeiro'], ['Estoque', 'modulo_estoque'], ['Fiscal', 'modulo_fiscal']]);
    const groups = (await lead()('GET', '/api/v2/groups')).body.groups;
    expect(groups.filter((g) => [5001, 5002].includes(g.id)).map((g) => g.name)).toEqual(['Suporte Faturamento', 'Suporte Financeiro']);
  });
});
