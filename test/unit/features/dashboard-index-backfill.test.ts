import { backfillIndexes, type BackfillProgress } from '../../../src/features/dashboard/index-backfill';
import { indexFromAudits, parseIndex } from '../../../src/procedure/procedure-index';
import { parseSettings } from '../../../src/procedure/settings';
import { loadAudits } from '../../../src/zendesk/audits';
import type { Pacer } from '../../../src/zendesk/request-pacer';
import { emulatorZendesk } from '../../support/emulator-transport';
import { sandboxSettings } from '../../support/fake-zendesk';

const INDEX_FIELD = 9000005;
const { settings } = parseSettings({ ...sandboxSettings, indice_field_id: String(INDEX_FIELD) });
const ANALYST = 2001;
const LEAD = 2101;

/** Demo ticket #101 as the procedure leaves it when saved without the app: with the lead, Aceite tagged, no index. */
async function savedWithoutTheApp() {
  const env = emulatorZendesk({ userId: LEAD });
  const put = (userId: number, ticket: Record<string, unknown>) =>
    env.emulator.handle({ method: 'PUT', url: '/api/v2/tickets/101.json', headers: { 'X-Sandbox-User-Id': String(userId) }, body: { ticket } });
  expect((await put(ANALYST, { group_id: 5001, assignee_id: LEAD })).status).toBe(200);
  expect((await put(LEAD, { additional_tags: ['consultoria_aceite'] })).status).toBe(200);
  return env;
}

async function indexField(env: Awaited<ReturnType<typeof savedWithoutTheApp>>, ticketId: number): Promise<string | null> {
  const answer = await env.emulator.handle({ method: 'GET', url: `/api/v2/tickets/${ticketId}.json`, headers: { 'X-Sandbox-User-Id': String(LEAD) } });
  const field = (answer.body as { ticket: { custom_fields: Array<{ id: number; value: unknown }> } }).ticket.custom_fields.find((f) => f.id === INDEX_FIELD);
  return typeof field?.value === 'string' && field.value !== '' ? field.value : null;
}

const noWait: Pacer = { wait: async () => {} };
const module = 'modulo_faturamento';

describe('backfillIndexes', () => {
  it('writes the index the audits give, the one the sidebar would write, and reports each ticket', async () => {
    const env = await savedWithoutTheApp();
    expect(await indexField(env, 101)).toBeNull();
    const seen: BackfillProgress[] = [];
    const result = await backfillIndexes({ zendesk: env.zendesk, settings, tickets: [{ id: 101, module }], onProgress: (p) => seen.push(p), signal: new AbortController().signal, pacer: noWait });
    expect(result).toEqual({ done: 1, total: 1, written: 1, failed: 0 });
    expect(seen).toEqual([{ done: 1, total: 1, written: 1, failed: 0 }]);
    const { audits } = await loadAudits(env.zendesk, 101);
    const written = parseIndex(await indexField(env, 101));
    const leadId = settings.module_leads?.[module]?.lead_id ?? null;
    expect(written).toEqual(indexFromAudits(audits, { settings, leadId }));
    expect(written?.aceiteAt).not.toBeNull();
  });

  it('leaves a ticket whose index is already right alone (no write), and counts a ticket it cannot read without stopping', async () => {
    const env = await savedWithoutTheApp();
    await backfillIndexes({ zendesk: env.zendesk, settings, tickets: [{ id: 101, module }], onProgress: () => {}, signal: new AbortController().signal, pacer: noWait });
    const puts = () => env.transport.calls.filter((c) => c.startsWith('PUT')).length;
    const before = puts();
    const result = await backfillIndexes({ zendesk: env.zendesk, settings, tickets: [{ id: 999_999, module: null }, { id: 101, module }], onProgress: () => {}, signal: new AbortController().signal, pacer: noWait });
    expect(result).toEqual({ done: 2, total: 2, written: 0, failed: 1 });
    expect(puts()).toBe(before);
  });

  it('stops when aborted, and waits on its pacer before each ticket', async () => {
    const env = await savedWithoutTheApp();
    const controller = new AbortController();
    let waits = 0;
    const pacer: Pacer = {
      wait: async () => {
        waits += 1;
        if (waits === 2) controller.abort();
      },
    };
    const result = await backfillIndexes({ zendesk: env.zendesk, settings, tickets: [{ id: 101, module }, { id: 102, module }, { id: 103, module }], onProgress: () => {}, signal: controller.signal, pacer });
    expect(waits).toBe(2);
    expect(result.done).toBe(1);
  });
});
