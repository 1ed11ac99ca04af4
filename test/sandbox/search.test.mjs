import { describe, expect, it } from 'vitest';
import { fakeClock, makeEmulator } from './helpers.mjs';

const ids = (res) => res.body.results.map((r) => r.id);
const q = (query) => `/api/v2/search.json?query=${encodeURIComponent(query)}`;

describe('GET /api/v2/search', () => {
  const { agent, emulator } = makeEmulator();

  it.each([
    ['type:ticket status<solved', [101, 102, 103, 104, 105]],
    ['type:ticket status:new', [101]],
    ['type:ticket status:open status:new', [101, 102, 103, 104, 105]],
    ['type:ticket tags:consultoria_unidade', [103]],
    ['type:ticket -tags:tipo_consultoria_tecnica', [102, 104, 105, 106]], // 106: archived, still found by search
    ['type:ticket group:5002', [103, 105]],
    ['type:ticket group_id:5004 status<solved', [101, 104]],
    ['type:ticket custom_field_9000003:modulo_financeiro', [103, 105]],
    ['type:ticket custom_field_9000001:none', [102]],
    ['type:ticket ticket_form_id:8000002', [104]],
    ['type:ticket assignee:2001', [102]],
    ['type:ticket assignee:none group:5002', [103, 105]],
    ['type:ticket via:voice', [102]],
    ['type:ticket "bancária"', [103]],
  ])('%s', async (query, expected) => {
    const res = await agent('GET', q(query));
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(expected);
    expect(res.body.count).toBe(expected.length);
    expect(res.body.results.every((r) => r.result_type === 'ticket')).toBe(true);
  });

  it('updated>… compares days, instants and relative times', async () => {
    const now = Date.now();
    emulator.state.tickets[104].updated_at = new Date(now - 3 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect(ids(await agent('GET', q('type:ticket updated>2days')))).not.toContain(104);
    const older = ids(await agent('GET', q('type:ticket updated<2days')));
    expect(older).toContain(104);
    expect(older).not.toContain(101);
    const day = emulator.state.tickets[104].updated_at.slice(0, 10);
    expect(ids(await agent('GET', q(`type:ticket updated:${day}`)))).toContain(104);
    expect(ids(await agent('GET', q(`type:ticket updated>${emulator.state.tickets[104].updated_at}`)))).not.toContain(104);
  });

  it('finds users with type:user', async () => {
    const res = await agent('GET', q('type:user role:agent Rocha'));
    expect(res.body.results).toEqual([expect.objectContaining({ id: 2004, result_type: 'user' })]);
  });

  it('pages with next_page and refuses more than 1 000 results', async () => {
    const page1 = (await agent('GET', `${q('type:ticket')}&per_page=2`)).body;
    expect(ids({ body: page1 })).toEqual([101, 102]);
    expect(page1.next_page).toContain('page=2');
    expect((await agent('GET', `${q('type:ticket')}&per_page=100&page=11`)).status).toBe(422);
  });
});

/** A query every ticket matches, without `type:` (the export search takes the type in filter[type] only). */
const EVERY_TICKET = 'created>2000-01-01';
const exportOf = (query, rest = '&filter[type]=ticket') => `/api/v2/search/export?query=${encodeURIComponent(query)}${rest}`;

describe('GET /api/v2/search/export', () => {
  it('walks every page with the cursor (big fixtures)', async () => {
    const { agent } = makeEmulator({ fixtures: 'big', limits: { exportSearchPerMinute: null } });
    const seen = [];
    let url = `/api/v2/search/export.json?query=${encodeURIComponent(EVERY_TICKET)}&filter[type]=ticket&page[size]=1000`;
    let pages = 0;
    while (url) {
      const res = await agent('GET', url);
      expect(res.status).toBe(200);
      seen.push(...ids(res));
      pages += 1;
      url = res.body.meta.has_more ? res.body.links.next : null;
    }
    expect(pages).toBe(6);
    expect(seen.length).toBe(5006);
    expect(new Set(seen).size).toBe(5006);
  });

  it('filters the big set consistently with the plain search syntax', async () => {
    const { agent, emulator } = makeEmulator({ fixtures: 'big', limits: { exportSearchPerMinute: null } });
    const query = 'status<solved tags:consultoria_aceite -tags:consultoria_unidade custom_field_9000003:modulo_estoque';
    const res = await agent('GET', `/api/v2/search/export?query=${encodeURIComponent(query)}&filter[type]=ticket&page[size]=1000`);
    const expected = Object.values(emulator.state.tickets)
      .filter((t) => ['new', 'open', 'pending', 'hold'].includes(t.status) && t.tags.includes('consultoria_aceite') && !t.tags.includes('consultoria_unidade') && t.tags.includes('modulo_estoque'))
      .map((t) => t.id);
    expect(expected.length).toBeGreaterThan(50);
    expect(ids(res)).toEqual(expected);
  });

  it('requires filter[type], caps page[size] at 1000', async () => {
    const { agent } = makeEmulator();
    expect((await agent('GET', exportOf('status:open', ''))).status).toBe(400);
    const tooBig = await agent('GET', exportOf('status:open', '&filter[type]=ticket&page[size]=1001'));
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error).toBe('InvalidPaginationParameter');
  });

  it.each([
    ['type:ticket status:open'],
    ['status:open type:ticket'],
    ['-type:user status:open'],
    ['type:user role:agent'],
    ['TYPE:ticket'],
  ])('refuses a type in the query (%s): Zendesk takes it only in filter[type]', async (query) => {
    const { agent } = makeEmulator();
    const res = await agent('GET', exportOf(query));
    expect(res.status).toBe(422); // unverified: the reference says only "will result in an error"
    expect(res.body).toEqual({ error: 'invalid', description: expect.stringMatching(/^Invalid search: .*filter\[type\]/) });
    // The plain search documents `type:` in its query and still takes it.
    expect((await agent('GET', q(query))).status).toBe(200);
    // A word that merely contains "type" is no type term.
    expect((await agent('GET', exportOf('subtype:x status:open'))).status).toBe(200);
  });

  it('links.prev is always null: the export search does not page backwards', async () => {
    const { agent } = makeEmulator({ fixtures: 'big', limits: { exportSearchPerMinute: null } });
    const first = await agent('GET', exportOf(EVERY_TICKET, '&filter[type]=ticket&page[size]=1000'));
    const second = await agent('GET', first.body.links.next.replace('https://sandbox.zendesk.com', ''));
    expect(second.status).toBe(200);
    expect([first.body.links.prev, second.body.links.prev]).toEqual([null, null]);
  });

  it('allows 100 requests per rolling minute per ACCOUNT (all users together), then 429 with Retry-After', async () => {
    const now = fakeClock();
    const { agent, as, emulator } = makeEmulator({ now });
    const url = exportOf('status:open');
    const other = as(2002);
    for (let i = 0; i < 100; i += 1) {
      // 60 calls of one agent, 40 of another: Zendesk counts them together.
      expect((await (i < 60 ? agent : other)('GET', url)).status).toBe(200);
      now.advance(100);
    }
    for (const who of [agent, other, as(2201)]) {
      const limited = await who('GET', url);
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('50'); // the oldest of the 100 calls leaves the window in 50 s
      expect(limited.body).toEqual({ error: 'APIRateLimitExceeded', description: expect.any(String) });
    }
    now.advance(50_000);
    expect((await other('GET', url)).status).toBe(200); // the first call left the window: one slot, for whoever comes
    expect((await agent('GET', url)).status).toBe(429);
    now.advance(1_000);
    expect((await agent('GET', url)).status).toBe(200);
    emulator.limits.exportSearchPerMinute = null;
    for (let i = 0; i < 150; i += 1) expect((await agent('GET', url)).status).toBe(200);
  });
});
