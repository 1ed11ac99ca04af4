import { loadAudits } from '../../../src/zendesk/audits';
import { ZendeskError } from '../../../src/zendesk/errors';
import type { RestClient } from '../../../src/zendesk/pages';
import { emulatorZendesk } from '../../support/emulator-transport';

type Setup = ReturnType<typeof emulatorZendesk>;

/** A ticket update through the emulator, as the agent workspace's Submit sends it. */
async function update(setup: Setup, ticketId: number, ticket: Record<string, unknown>) {
  const res = await setup.emulator.handle({ method: 'PUT', url: `/api/v2/tickets/${ticketId}.json`, headers: { 'X-Sandbox-User-Id': '2001', 'X-Sandbox-Via': 'web' }, body: { ticket } });
  expect(res.status).toBe(200);
}

/** Ticket 102 with its Create audit plus `n` tag changes: 1 + n audits. */
async function ticketWithAudits(n: number) {
  const setup = emulatorZendesk();
  for (let i = 1; i <= n; i += 1) await update(setup, 102, { additional_tags: [`etapa_${i}`] });
  return setup;
}

const auditCalls = (setup: Setup) => setup.transport.calls.filter((c) => c.includes('/audits'));

describe('loadAudits', () => {
  it('follows the cursor to the last page and returns the history oldest first, in app shape', async () => {
    const setup = await ticketWithAudits(6);
    const { audits, truncated } = await loadAudits(setup.zendesk, 102, { pageSize: 2 });
    expect(truncated).toBe(false);
    expect(auditCalls(setup)).toHaveLength(4);
    expect(auditCalls(setup)[1]).toMatch(/^GET \/api\/v2\/tickets\/102\/audits\.json\?page%5Bsize%5D=2&page%5Bafter%5D=/);
    expect(audits).toHaveLength(7);
    expect(audits.map((a) => a.createdAt)).toEqual([...audits.map((a) => a.createdAt)].sort((a, b) => a - b));
    const [created, ...changes] = audits;
    expect(created!.events).toEqual(
      expect.arrayContaining([
        { type: 'Comment', commentId: expect.any(Number), public: true, authorId: 2001, body: expect.stringContaining('rejeição 539') },
        { type: 'Create', field: 'status', value: 'open', previousValue: null },
      ]),
    );
    expect(changes.map((a) => a.authorId)).toEqual(Array(6).fill(2001));
    const lastTags = changes[5]!.events.find((e) => e.type === 'Change' && e.field === 'tags');
    expect(lastTags).toMatchObject({ value: expect.arrayContaining(['etapa_6', 'etapa_5']) });
    expect((lastTags as { previousValue: string[] }).previousValue).not.toContain('etapa_6');
  });

  it('reads an archived ticket\'s audits, which Zendesk answers unpaginated (all at once, next_page null)', async () => {
    const setup = emulatorZendesk();
    const archived = 106; // the demo account's ticket closed more than 120 days ago
    const { audits, truncated } = await loadAudits(setup.zendesk, archived, { pageSize: 2 });
    expect(truncated).toBe(false);
    expect(auditCalls(setup)).toHaveLength(1);
    expect(audits.map((a) => a.id)).toEqual(setup.emulator.state.audits[archived].map((a: { id: number }) => a.id));
    expect(audits.length).toBeGreaterThan(2);
    expect(audits.map((a) => a.createdAt)).toEqual([...audits.map((a) => a.createdAt)].sort((a, b) => a - b));
  });

  it('follows next_page when an answer comes in the offset shape and has one', async () => {
    const setup = await ticketWithAudits(4);
    // The first request asks for cursor pages; this client has it answered in offset pages of 2.
    const offsetFirst: RestClient = {
      request: (options, schema) => setup.zendesk.request({ ...options, url: options.url.replace(/page%5Bsize%5D=2|page\[size\]=2/, 'per_page=2') }, schema),
    };
    const { audits } = await loadAudits(offsetFirst, 102, { pageSize: 2 });
    expect(audits).toHaveLength(5);
    expect(auditCalls(setup).map((c) => c.replace(/^GET \/api\/v2\/tickets\/102\/audits\.json\?/, ''))).toEqual(['per_page=2', expect.stringMatching(/page=2/), expect.stringMatching(/page=3/)]);
  });

  it('waits for Retry-After when Zendesk answers 429 in the middle of the pages, then finishes', async () => {
    const setup = await ticketWithAudits(5);
    setup.emulator.faults.add({ method: 'GET', path: 'audits\\?.*page%5Bafter%5D', status: 429, retryAfter: 3, times: 1 });
    const { audits } = await loadAudits(setup.zendesk, 102, { pageSize: 2 });
    expect(audits).toHaveLength(6);
    expect(setup.policy.waits).toEqual([3000]);
    expect(auditCalls(setup)).toHaveLength(4); // 3 pages + the refused one
  });

  it('stops at the page cap and says the history is truncated', async () => {
    const setup = await ticketWithAudits(6);
    const { audits, truncated } = await loadAudits(setup.zendesk, 102, { pageSize: 2, maxPages: 2 });
    expect(truncated).toBe(true);
    expect(audits).toHaveLength(4);
    expect(auditCalls(setup)).toHaveLength(2);
  });

  it('records the macros the agent applied (macro_ids) as AgentMacroReference events', async () => {
    const setup = emulatorZendesk();
    await update(setup, 101, { comment: { body: 'Termo enviado.' }, macro_ids: [7001] });
    const { audits } = await loadAudits(setup.zendesk, 101);
    expect(audits.at(-1)!.events).toContainEqual({ type: 'AgentMacroReference', macroId: 7001, macroTitle: 'CONSULTORIA :: Abertura de ticket Consultoria Técnica' });
  });

  it('turns undocumented or odd events into Other instead of failing the whole load', async () => {
    const setup = emulatorZendesk();
    const audits102 = setup.emulator.state.audits[102];
    audits102[0].events.push({ id: 1, type: 'SatisfactionRating', score: 'good' }, { id: 2, type: 'Comment', body: 'no author' }, 'not an object');
    const { audits } = await loadAudits(setup.zendesk, 102);
    expect(audits[0]!.events.slice(-3)).toEqual([
      { type: 'Other', rawType: 'SatisfactionRating' },
      { type: 'Other', rawType: 'Comment' },
      { type: 'Other', rawType: 'unknown' },
    ]);
  });

  it('reads tags sent as one space-separated string as a list', async () => {
    const setup = emulatorZendesk();
    setup.emulator.state.audits[102][0].events.push({ id: 3, type: 'Change', field_name: 'tags', value: 'a  b', previous_value: 'a' });
    const { audits } = await loadAudits(setup.zendesk, 102);
    expect(audits[0]!.events.at(-1)).toEqual({ type: 'Change', field: 'tags', value: ['a', 'b'], previousValue: ['a'] });
  });

  it('fails with ZendeskError "malformed" on a body that is not JSON or an audit of the wrong shape', async () => {
    const setup = emulatorZendesk();
    setup.emulator.faults.add({ path: '/tickets/102/audits', malformed: true });
    await expect(loadAudits(setup.zendesk, 102)).rejects.toMatchObject({ name: 'ZendeskError', kind: 'malformed' });

    setup.emulator.state.audits[102][0].created_at = 'yesterday';
    const error = await loadAudits(setup.zendesk, 102).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZendeskError);
    expect(error).toMatchObject({ kind: 'malformed', detail: expect.stringContaining('created_at') });
  });

  it('fails with ZendeskError "not_found" for a ticket that does not exist', async () => {
    const setup = emulatorZendesk();
    await expect(loadAudits(setup.zendesk, 999)).rejects.toMatchObject({ kind: 'not_found', status: 404 });
  });
});
