import { parseSettings } from '../../../src/procedure/settings';
import { consultingQueryFor, ListLoader, type ListState } from '../../../src/features/dashboard/list-loader';
import { createPacer } from '../../../src/zendesk/request-pacer';
import { emulatorZendesk } from '../../support/emulator-transport';
import { sandboxSettings } from '../../support/fake-zendesk';
import { domainCalendar } from '../periods/fixtures';

const { settings } = parseSettings({ ...sandboxSettings, indice_field_id: '9000005' });
const LEAD = 2101;
const calendar = domainCalendar();

function setup(scope: 'open' | 'all' = 'open') {
  const env = emulatorZendesk({ fixtures: 'big', userId: LEAD });
  const query = consultingQueryFor(settings, [5001], scope === 'all');
  if (!query) throw new Error('query');
  const loader = new ListLoader({ zendesk: env.zendesk, settings, query, scope, calendar });
  const states: ListState[] = [];
  loader.subscribe(() => states.push(loader.getSnapshot()));
  return { ...env, loader, states };
}

interface Stored {
  id: number;
  status: string;
  group_id: number | null;
  custom_fields: Array<{ id: number; value: unknown }>;
}

const requestsOf = (calls: string[], fragment: string) => calls.filter((c) => c.includes(fragment)).length;

describe('ListLoader (the dashboard list, over the emulator with the big fixture)', () => {
  it('loads every open consulting ticket of the group in a few requests, then people and records', async () => {
    const { loader, emulator, transport, states } = setup();
    await loader.load();
    const state = loader.getSnapshot();
    // The team's tickets: of its group, or of its modules (Faturamento, Fiscal) still waiting in another group.
    const moduleOf = (t: Stored) => String(t.custom_fields.find((f) => f.id === 9000003)?.value);
    const expected = (Object.values(emulator.state.tickets) as Stored[])
      .filter((t) => (t.group_id === 5001 || ['modulo_faturamento', 'modulo_fiscal'].includes(moduleOf(t))) && !['solved', 'closed'].includes(t.status))
      .filter((t) => ['tipo_consultoria_tecnica', 'tipo_consultoria_modulo'].includes(String(t.custom_fields.find((f) => f.id === 9000001)?.value)))
      .map((t) => t.id);
    const listed = new Set(state.tickets.map((t) => t.id));
    for (const id of expected) expect(listed.has(id)).toBe(true);
    // The rest are solved/closed tickets the closing invoices.
    for (const t of state.tickets.filter((x) => !expected.includes(x.id))) expect(['solved', 'closed']).toContain(t.status);
    expect(state.phase).toBe('ready');
    expect(state.gaps).toEqual([]);
    expect(state.records.length).toBeGreaterThan(0);
    for (const t of state.tickets) if (t.requesterId !== null) expect(state.people.has(t.requesterId)).toBe(true);
    expect(requestsOf(transport.calls, '/audits')).toBe(0);
    expect(transport.calls.length).toBeLessThan(100);
    // Rows show while loading: the tickets arrived before the records.
    const firstWithTickets = states.findIndex((s) => s.tickets.length > 0);
    const firstWithRecords = states.findIndex((s) => s.records.length > 0);
    expect(firstWithTickets).toBeLessThan(firstWithRecords);
  });

  it('a failed search page keeps the tickets loaded; load() continues from that page', async () => {
    const { loader, emulator, transport } = setup('all');
    emulator.faults.add({ path: 'search/export.*page(%5B|\\[)after', status: 500, times: 4 });
    await loader.load();
    const stopped = loader.getSnapshot();
    expect(stopped.gaps.map((g) => [g.what, g.page])).toEqual([['page', 2]]);
    expect(stopped.tickets).toHaveLength(1000);
    const before = transport.calls.length;
    await loader.load();
    const done = loader.getSnapshot();
    expect(done.gaps).toEqual([]);
    expect(done.tickets.length).toBeGreaterThan(1000);
    // It asked for page 2 again, not page 1.
    const again = transport.calls.slice(before).filter((c) => c.includes('search/export'));
    expect(again[0]).toMatch(/page(%5B|\[)after/);
  });

  it('another lead\'s refresh took the account\'s export budget: a notice while it waits, rows kept, no failed page', async () => {
    let now = Date.parse('2026-11-28T12:00:00Z');
    const sleeps: number[] = [];
    const pacer = createPacer({ limit: 90, windowMs: 60_000, now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) });
    const env = emulatorZendesk({ fixtures: 'big', userId: LEAD, now: () => now });
    let exports = 0;
    /** Just before this tab asks for page 2, another lead (2102) refreshes: the rest of the account's 100 calls, in 10 s. */
    const zendesk: typeof env.zendesk = {
      request: async (req, schema) => {
        if (req.url.includes('search/export') && ++exports === 2) {
          for (let n = 0; n < 99; n += 1) {
            expect((await env.emulator.handle({ method: 'GET', url: req.url, headers: { 'X-Sandbox-User-Id': '2102' } })).status).toBe(200);
            now += 100;
          }
        }
        return env.zendesk.request(req, schema);
      },
    };
    const query = consultingQueryFor(settings, [5001], true)!;
    const loader = new ListLoader({ zendesk, settings, query, scope: 'all', calendar, now: () => now, pacer });
    const states: ListState[] = [];
    loader.subscribe(() => states.push(loader.getSnapshot()));
    await loader.load();

    const waiting = states.filter((s) => s.accountBusy !== null);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]!.accountBusy).toEqual({ seconds: 51 }); // this tab's page 1, 9.9 s ago, leaves the window first
    expect(waiting.every((s) => s.tickets.length === 1000 && s.pagesLoaded === 1 && s.gaps.length === 0)).toBe(true);
    expect(sleeps).toEqual([51_000]);
    const done = loader.getSnapshot();
    expect(done.accountBusy).toBeNull();
    expect(done.gaps).toEqual([]);
    expect(env.policy.waits).toEqual([]);
    // Every page, none twice and none skipped: the same list as a pass nobody disturbed.
    const pages = states.map((s) => s.pagesLoaded).filter((p, i, all) => p !== all[i - 1]);
    expect(pages).toEqual([...Array(pages.length).keys()].map((i) => i));
    const field = (t: Stored, id: number) => String(t.custom_fields.find((f) => f.id === id)?.value);
    const expected = (Object.values(env.emulator.state.tickets) as Stored[])
      .filter((t) => t.group_id === 5001 || ['modulo_faturamento', 'modulo_fiscal'].includes(field(t, 9000003)))
      .filter((t) => ['tipo_consultoria_tecnica', 'tipo_consultoria_modulo'].includes(field(t, 9000001)))
      .map((t) => t.id);
    expect(expected.length).toBeGreaterThan(1000);
    expect(done.tickets.map((t) => t.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  }, 20_000); // walks the big fixture's pages

  it('a refresh asks only for what changed, and a ticket solved meanwhile leaves the open list', async () => {
    let now = Date.now();
    const env = emulatorZendesk({ fixtures: 'big', userId: LEAD, now: () => now });
    const query = consultingQueryFor(settings, [5001], false)!;
    const loader = new ListLoader({ zendesk: env.zendesk, settings, query, scope: 'open', calendar, now: () => now });
    await loader.load();
    const first = loader.getSnapshot();
    const withRecords = new Set(first.records.map((r) => r.ticketId));
    const victim = first.tickets.find((t) => !['solved', 'closed'].includes(t.status) && !withRecords.has(t.id))!;
    now += 10 * 60_000;
    const answer = await env.emulator.handle({ method: 'PUT', url: `/api/v2/tickets/${victim.id}.json`, headers: { 'X-Sandbox-User-Id': '2001' }, body: { ticket: { status: 'solved' } } });
    expect(answer.status).toBe(200);
    const before = env.transport.calls.length;
    await loader.load();
    const calls = env.transport.calls.slice(before);
    // One page per search (by group, by module), each only for what changed.
    const searches = calls.filter((c) => c.includes('search/export'));
    expect(searches).toHaveLength(2);
    for (const search of searches) expect(decodeURIComponent(search)).toMatch(/updated>\d{4}-\d\d-\d\dT/);
    expect(calls.some((c) => c.startsWith('GET') && /\/records\?/.test(c))).toBe(false);
    expect(calls.some((c) => c.includes('/records/search'))).toBe(true);
    expect(calls.filter((c) => c.includes('/records/count'))).toHaveLength(1);
    expect(loader.getSnapshot().tickets.some((t) => t.id === victim.id)).toBe(false);
    expect(loader.getSnapshot().tickets.length).toBe(first.tickets.length - 1);
  });

  it('a refresh notices a record deleted meanwhile by the account\'s count, and reads the records again', async () => {
    let now = Date.now();
    const env = emulatorZendesk({ fixtures: 'big', userId: LEAD, now: () => now });
    const query = consultingQueryFor(settings, [5001], false)!;
    const loader = new ListLoader({ zendesk: env.zendesk, settings, query, scope: 'all', calendar, now: () => now });
    await loader.load();
    const first = loader.getSnapshot().records;
    const gone = first[0]!;
    now += 10 * 60_000;
    const answer = await env.emulator.handle({ method: 'DELETE', url: `/api/v2/custom_objects/consultoria_apontamento/records/${gone.recordId}`, headers: { 'X-Sandbox-User-Id': '2001' } });
    expect(answer.status).toBeLessThan(300);
    const before = env.transport.calls.length;
    await loader.load();
    const calls = env.transport.calls.slice(before);
    expect(calls.some((c) => c.includes('/records/count'))).toBe(true);
    expect(calls.some((c) => c.startsWith('GET') && /\/records\?/.test(c))).toBe(true);
    const after = loader.getSnapshot().records;
    expect(after).toHaveLength(first.length - 1);
    expect(after.some((r) => r.key === gone.key)).toBe(false);
  });

  it('records that fail are a gap; the next load reads them all again', async () => {
    const { loader, emulator, transport } = setup();
    emulator.faults.add({ path: 'custom_objects/consultoria_apontamento/records', status: 500, times: 4 });
    await loader.load();
    expect(loader.getSnapshot().gaps.map((g) => g.what)).toEqual(['records']);
    expect(loader.getSnapshot().tickets.length).toBeGreaterThan(0);
    const before = transport.calls.length;
    await loader.load();
    expect(loader.getSnapshot().gaps).toEqual([]);
    expect(transport.calls.slice(before).some((c) => c.startsWith('GET') && /\/records\?/.test(c))).toBe(true);
  });

  it('no query without the Tipo field, the consulting values or a group', () => {
    expect(consultingQueryFor({ ...settings, tipo_solicitacao_field_id: null }, [5001], false)).toBeNull();
    expect(consultingQueryFor({ ...settings, tipo_consultoria_value: null, tipo_modulo_value: null }, [5001], false)).toBeNull();
    expect(consultingQueryFor(settings, [], false)).toBeNull();
  });
});
