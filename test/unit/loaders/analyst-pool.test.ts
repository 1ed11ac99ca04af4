import { rankAnalysts } from '../../../src/procedure/analysts';
import { countOpenConsultingTickets, loadAnalystPool } from '../../../src/zendesk/analyst-pool';
import { createPacer } from '../../../src/zendesk/request-pacer';
import { emulatorZendesk } from '../../support/emulator-transport';

type Setup = ReturnType<typeof emulatorZendesk>;
const FATURAMENTO = 5001;
const TAG = 'tipo_consultoria_tecnica';
const keys = { seniorityFieldKey: 'consultoria_senioridade', modulesFieldKey: 'consultoria_modulos' };

async function update(setup: Setup, ticketId: number, ticket: Record<string, unknown>) {
  const res = await setup.emulator.handle({ method: 'PUT', url: `/api/v2/tickets/${ticketId}`, headers: { 'X-Sandbox-User-Id': '2201' }, body: { ticket } });
  expect(res.status).toBe(200);
}

/** Demo account with open consulting tickets in Faturamento: 102 → Ana (2001), 101 → Bruno (2002). */
async function faturamentoTickets() {
  const setup = emulatorZendesk();
  await update(setup, 102, { additional_tags: [TAG] });
  await update(setup, 101, { assignee_id: 2002 }); // moves to Bruno's default group, Faturamento
  await update(setup, 103, { assignee_id: 2003, status: 'solved' }); // solved: not open
  await update(setup, 104, { group_id: FATURAMENTO, additional_tags: [TAG] }); // nobody assigned
  await update(setup, 105, { assignee_id: 2001 }); // Consultoria do Módulo: another tag
  return setup;
}

const searchCalls = (setup: Setup) => setup.transport.calls.filter((c) => c.includes('/search'));

describe('loadAnalystPool', () => {
  it('reads the Faturamento group with seniority and modules from the agents user fields', async () => {
    const setup = emulatorZendesk();
    const pool = await loadAnalystPool(setup.zendesk, { groupId: FATURAMENTO, ...keys });
    expect(setup.transport.calls).toEqual(['GET /api/v2/groups/5001/users.json?page[size]=100']);
    expect(pool).toEqual([
      { id: 2001, name: 'Ana Pereira', seniority: 9, modules: ['modulo_faturamento', 'modulo_fiscal'], role: 'agent' },
      { id: 2002, name: 'Bruno Costa', seniority: 7, modules: ['modulo_faturamento'], role: 'agent' },
      { id: 2003, name: 'Carlos Mendes', seniority: 7, modules: ['modulo_faturamento'], role: 'agent' },
      { id: 2101, name: 'Luiza Martins', seniority: null, modules: [], role: 'agent' },
      { id: 2201, name: 'Admin Sandbox', seniority: null, modules: [], role: 'admin' },
    ]);
  });

  it('tolerates modules typed as text, a numeric text seniority, and leaves suspended agents out', async () => {
    const setup = emulatorZendesk();
    const users = setup.emulator.state.users;
    users[2002].user_fields = { consultoria_senioridade: '8', consultoria_modulos: 'modulo_faturamento,modulo_fiscal' };
    users[2003].user_fields = { consultoria_modulos: 'modulo_estoque modulo_fiscal' };
    users[2101].suspended = true;
    const pool = await loadAnalystPool(setup.zendesk, { groupId: FATURAMENTO, ...keys });
    expect(pool.map((a) => a.id)).toEqual([2001, 2002, 2003, 2201]);
    expect(pool[1]).toMatchObject({ seniority: 8, modules: ['modulo_faturamento', 'modulo_fiscal'] });
    expect(pool[2]).toMatchObject({ seniority: null, modules: ['modulo_estoque', 'modulo_fiscal'] });
  });

  it('fails with ZendeskError "malformed" for a member of the wrong shape', async () => {
    const setup = emulatorZendesk();
    setup.emulator.state.users[2003].name = 42;
    await expect(loadAnalystPool(setup.zendesk, { groupId: FATURAMENTO, ...keys })).rejects.toMatchObject({ kind: 'malformed', detail: expect.stringContaining('users.2.name') });
  });
});

describe('countOpenConsultingTickets', () => {
  it('counts open tagged tickets per assignee of the group with ONE search', async () => {
    const setup = await faturamentoTickets();
    const counts = await countOpenConsultingTickets(setup.zendesk, { groupId: FATURAMENTO, tag: TAG });
    expect(counts).toEqual(new Map([[2001, 1], [2002, 1]]));
    expect(searchCalls(setup)).toEqual([`GET /api/v2/search.json?query=${encodeURIComponent('type:ticket status<solved group:5001 tags:tipo_consultoria_tecnica')}&per_page=100`]);
  });

  it('gives the ranking its data: seniority first, then fewer open tickets, lead excluded', async () => {
    const setup = await faturamentoTickets();
    const [pool, openTickets] = await Promise.all([
      loadAnalystPool(setup.zendesk, { groupId: FATURAMENTO, ...keys }),
      countOpenConsultingTickets(setup.zendesk, { groupId: FATURAMENTO, tag: TAG }),
    ]);
    const ranking = rankAnalysts(pool, { module: 'modulo_faturamento', leadId: 2101, openTickets });
    expect(ranking.map((a) => [a.id, a.openTickets])).toEqual([[2001, 1], [2003, 0], [2002, 1]]);
  });

  /** What the counts must be, straight from the emulator's state. */
  function expectedCounts(setup: Setup, tag: string) {
    const counts = new Map<number, number>();
    for (const t of Object.values(setup.emulator.state.tickets) as Array<{ group_id: number; status: string; tags: string[]; assignee_id: number | null }>) {
      if (t.group_id === FATURAMENTO && ['new', 'open', 'pending', 'hold'].includes(t.status) && t.tags.includes(tag) && t.assignee_id !== null) {
        counts.set(t.assignee_id, (counts.get(t.assignee_id) ?? 0) + 1);
      }
    }
    return counts;
  }

  it('follows next_page while the results fit the 1 000 cap', async () => {
    const setup = emulatorZendesk({ fixtures: 'big' });
    const counts = await countOpenConsultingTickets(setup.zendesk, { groupId: FATURAMENTO, tag: 'consultoria_unidade' });
    const calls = searchCalls(setup);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every((c) => c.startsWith('GET /api/v2/search.json?'))).toBe(true);
    expect(counts).toEqual(expectedCounts(setup, 'consultoria_unidade'));
  });

  it('switches to the export search beyond 1 000 results, waiting out its rate limit on the account pacer', async () => {
    const setup = emulatorZendesk({ fixtures: 'big' });
    setup.emulator.faults.add({ path: '/search/export', status: 429, retryAfter: 2, times: 1 });
    let clock = 0;
    const sleeps: number[] = [];
    const pacer = createPacer({ limit: 90, windowMs: 60_000, now: () => clock, sleep: async (ms) => void (sleeps.push(ms), (clock += ms)) });
    const busy: number[] = [];
    const counts = await countOpenConsultingTickets(setup.zendesk, { groupId: FATURAMENTO, tag: TAG }, { pacer, onAccountBusy: (s) => busy.push(s) });
    const expected = expectedCounts(setup, TAG);
    expect([...expected.values()].reduce((a, b) => a + b)).toBeGreaterThan(1000);
    expect(counts).toEqual(expected);
    const calls = searchCalls(setup);
    expect(calls[0]).toMatch(/^GET \/api\/v2\/search\.json\?/);
    expect(calls[1]).toContain('/api/v2/search/export.json?query=');
    expect(calls.slice(1).every((c) => /^GET \/api\/v2\/search\/export\.json\?.*filter(\[|%5B)type(\]|%5D)=ticket/.test(c))).toBe(true);
    // The plain search takes `type:ticket` in its query; the export search only in filter[type].
    expect(new URLSearchParams(calls[0]!.split('?')[1]).get('query')).toMatch(/^type:ticket /);
    for (const c of calls.slice(1)) expect(new URLSearchParams(c.split('?')[1]).get('query')).not.toMatch(/(^|\s)-?type:/);
    expect(calls.length).toBeLessThan(6); // 1 search + the 429 + 2 pages of 1 000
    // The export search's 429 is the pacer's to wait out (the account's budget), not rest.ts's.
    expect(sleeps).toEqual([2000]);
    expect(busy).toEqual([2]);
    expect(setup.policy.waits).toEqual([]);
  });
});
