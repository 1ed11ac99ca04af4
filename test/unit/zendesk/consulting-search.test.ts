import * as v from 'valibot';
import { consultingSearchQuery, firstConsultingPage, loadConsultingPage, loadTicketsByIds, type ConsultingQuery, type SearchedTicket } from '../../../src/zendesk/consulting-search';
import { ZendeskError } from '../../../src/zendesk/errors';
import { requestExportPage } from '../../../src/zendesk/export-search';
import { createPacer, type HoldingPacer } from '../../../src/zendesk/request-pacer';
import { emulatorZendesk } from '../../support/emulator-transport';

type Setup = ReturnType<typeof emulatorZendesk>;
const TIPO = 9000001;
const CONSULTING: ConsultingQuery = { groupIds: [5001, 5002], tipoFieldId: TIPO, tipoValues: ['tipo_consultoria_tecnica', 'tipo_consultoria_modulo'], includeSolved: false };
/** Tests that are not about pacing must not wait on the module's shared budget. */
const unpaced: HoldingPacer = { wait: async () => {}, holdFor: () => {} };

interface StoredTicket {
  id: number;
  status: string;
  group_id: number | null;
  created_at: string;
  custom_fields: Array<{ id: number; value: unknown }>;
}
const stored = (setup: Setup) => Object.values(setup.emulator.state.tickets) as StoredTicket[];

/** The ids the query must find, straight from the emulator's state. */
function expectedIds(setup: Setup, q: ConsultingQuery): number[] {
  const open = ['new', 'open', 'pending', 'hold'];
  return stored(setup)
    .filter((t) => t.group_id !== null && q.groupIds.includes(t.group_id))
    .filter((t) => q.tipoValues.includes(String(t.custom_fields.find((f) => f.id === q.tipoFieldId)?.value)))
    .filter((t) => q.includeSolved || open.includes(t.status))
    .map((t) => t.id)
    .sort((a, b) => a - b);
}

/** Walks the pages as the dashboard does (with the module's own pacer unless told otherwise). */
async function loadAll(setup: Setup, q: ConsultingQuery, pacer?: HoldingPacer) {
  const tickets: SearchedTicket[] = [];
  let url: string | null = firstConsultingPage(q);
  while (url !== null) {
    const page = await loadConsultingPage(setup.zendesk, url, pacer ? { pacer } : {});
    tickets.push(...page.tickets);
    url = page.next;
  }
  return tickets;
}

const exportCalls = (setup: Setup) => setup.transport.calls.filter((c) => c.includes('/search/export'));

describe('consultingSearchQuery', () => {
  it('asks for the groups and Tipo values as alternatives, open tickets only', () => {
    expect(consultingSearchQuery(CONSULTING)).toBe(
      'group:5001 group:5002 custom_field_9000001:tipo_consultoria_tecnica custom_field_9000001:tipo_consultoria_modulo status<solved',
    );
  });

  it('drops the status term to include solved and closed tickets, quotes values with spaces, and asks each term once', () => {
    const q = consultingSearchQuery({ groupIds: [7, 7], tipoFieldId: 12, tipoValues: ['Consultoria Técnica', 'x'], includeSolved: true });
    expect(q).toBe('group:7 custom_field_12:"Consultoria Técnica" custom_field_12:x');
  });

  it('by module: the module values take the place of the groups (Zendesk ANDs different keys)', () => {
    const q = { ...CONSULTING, modules: { fieldId: 9000003, values: ['modulo_faturamento', 'modulo_fiscal'] } };
    expect(consultingSearchQuery(q)).toBe(
      'custom_field_9000003:modulo_faturamento custom_field_9000003:modulo_fiscal custom_field_9000001:tipo_consultoria_tecnica custom_field_9000001:tipo_consultoria_modulo status<solved',
    );
    expect(() => consultingSearchQuery({ ...q, modules: { fieldId: 9000003, values: [] } })).toThrow(ZendeskError);
  });

  it('a refresh asks for what changed since, in every status (a ticket solved meanwhile leaves the open list)', () => {
    const since = Date.parse('2026-11-28T10:15:30.750Z');
    expect(consultingSearchQuery(CONSULTING, since)).toBe(
      'group:5001 group:5002 custom_field_9000001:tipo_consultoria_tecnica custom_field_9000001:tipo_consultoria_modulo updated>2026-11-28T10:15:30Z',
    );
    expect(new URLSearchParams(firstConsultingPage(CONSULTING, since).split('?')[1]).get('query')).toContain('updated>2026-11-28T10:15:30Z');
  });

  it.each([
    ['no group (it would search the whole account)', { groupIds: [] }, 'groupIds'],
    ['no Tipo value', { tipoValues: [] }, 'tipoValues'],
    ['a value with a quote', { tipoValues: ['a"b'] }, 'tipoValues'],
    ['a field id that is not one', { tipoFieldId: 0 }, 'tipoFieldId'],
  ])('refuses %s', (_, change, detail) => {
    const error = (() => {
      try {
        consultingSearchQuery({ ...CONSULTING, ...change });
      } catch (e) {
        return e;
      }
    })() as ZendeskError;
    expect(error).toBeInstanceOf(ZendeskError);
    expect(error).toMatchObject({ kind: 'invalid', detail });
  });

  it('is the export search of 1 000 tickets a page, which Zendesk reads as written', async () => {
    const url = firstConsultingPage(CONSULTING);
    expect(url).toMatch(/^\/api\/v2\/search\/export\.json\?query=[^&]+&filter\[type\]=ticket&page\[size\]=1000$/);
    expect(new URLSearchParams(url.split('?')[1]).get('query')).toBe(consultingSearchQuery(CONSULTING));
    // The export search takes the type only in filter[type]: "Searches with type in the query string will result in an error".
    for (const since of [null, Date.parse('2026-11-28T10:15:30Z')]) {
      for (const q of [CONSULTING, { ...CONSULTING, includeSolved: true }, { ...CONSULTING, modules: { fieldId: 9000003, values: ['modulo_fiscal'] } }]) {
        expect(new URLSearchParams(firstConsultingPage(q, since).split('?')[1]).get('query')).not.toMatch(/(^|\s)-?type:/);
      }
    }
    const setup = emulatorZendesk();
    for (const includeSolved of [false, true]) {
      const q = { ...CONSULTING, groupIds: [5001, 5002, 5003, 5004], includeSolved };
      expect((await loadAll(setup, q, unpaced)).map((t) => t.id)).toEqual(expectedIds(setup, q));
    }
  });
});

describe('loadConsultingPage', () => {
  it('walks every page of the big account to the end: each consulting ticket of the groups once', async () => {
    const setup = emulatorZendesk({ fixtures: 'big' });
    const q = { ...CONSULTING, includeSolved: true };
    const tickets = await loadAll(setup, q);
    const ids = tickets.map((t) => t.id);
    const expected = expectedIds(setup, q);
    expect(expected.length).toBeGreaterThan(2000);
    expect(ids).toEqual(expected);
    expect(exportCalls(setup)).toHaveLength(Math.ceil(expected.length / 1000));
    expect(exportCalls(setup).slice(1).every((c) => c.includes('page%5Bafter%5D') || c.includes('page[after]'))).toBe(true);
  });

  it('reads a ticket as the procedure needs it: ids, ms timestamps, channel, fields as text', async () => {
    const setup = emulatorZendesk();
    const [raw] = stored(setup).filter((t) => expectedIds(setup, CONSULTING).includes(t.id));
    const [ticket] = (await loadConsultingPage(setup.zendesk, firstConsultingPage(CONSULTING), { pacer: unpaced })).tickets;
    const t = setup.emulator.state.tickets[raw!.id];
    expect(ticket).toEqual({
      id: t.id,
      subject: t.subject,
      status: t.status,
      tags: t.tags,
      requesterId: t.requester_id,
      assigneeId: t.assignee_id,
      groupId: t.group_id,
      createdAt: Date.parse(t.created_at),
      updatedAt: Date.parse(t.updated_at),
      viaChannel: t.via.channel,
      fields: Object.fromEntries(t.custom_fields.map((f: { id: number; value: unknown }) => [f.id, f.value === '' || f.value === null ? null : String(f.value)])),
    });
  });

  it('turns numbers, checkboxes, multiselects and empty texts into the strings the sidebar uses', async () => {
    const setup = emulatorZendesk();
    const [first] = expectedIds(setup, CONSULTING);
    setup.emulator.state.tickets[first!].custom_fields.push({ id: 1, value: 42 }, { id: 2, value: true }, { id: 3, value: ['a', 'b'] }, { id: 4, value: '' }, { id: 5, value: [] });
    const { tickets } = await loadConsultingPage(setup.zendesk, firstConsultingPage(CONSULTING), { pacer: unpaced });
    expect(tickets.find((t) => t.id === first)!.fields).toMatchObject({ 1: '42', 2: 'true', 3: 'a b', 4: null, 5: null });
  });

  it('a page that fails throws a ZendeskError; its url, kept by the caller, continues the walk', async () => {
    const setup = emulatorZendesk({ fixtures: 'big' });
    const q = { ...CONSULTING, includeSolved: true };
    const first = await loadConsultingPage(setup.zendesk, firstConsultingPage(q), { pacer: unpaced });
    expect(first.next).not.toBeNull();
    // 503 on every attempt rest.ts makes for the second page.
    setup.emulator.faults.add({ path: 'search/export.*page(%5B|\\[)after', status: 503, times: 4 });
    const error = (await loadConsultingPage(setup.zendesk, first.next!, { pacer: unpaced }).catch((e: unknown) => e)) as ZendeskError;
    expect(error).toBeInstanceOf(ZendeskError);
    expect(error.kind).toBe('server');

    const tickets = [...first.tickets];
    let url: string | null = first.next;
    while (url !== null) {
      const page = await loadConsultingPage(setup.zendesk, url, { pacer: unpaced });
      tickets.push(...page.tickets);
      url = page.next;
    }
    expect(tickets.map((t) => t.id)).toEqual(expectedIds(setup, q));
  });

  it.each([
    ['a timestamp that is not one', (t: StoredTicket) => void (t.created_at = 'yesterday'), 'created_at'],
    ['a field value of an unknown kind', (t: StoredTicket) => void t.custom_fields.push({ id: 1, value: { nested: true } }), 'custom_fields'],
    ['a ticket without status', (t: StoredTicket) => void Reflect.deleteProperty(t, 'status'), 'status'],
  ])('refuses %s with ZendeskError "malformed" naming the ticket and field', async (_, breakIt, field) => {
    const setup = emulatorZendesk();
    const [, second] = expectedIds(setup, CONSULTING);
    breakIt(setup.emulator.state.tickets[second!]);
    const error = (await loadConsultingPage(setup.zendesk, firstConsultingPage(CONSULTING), { pacer: unpaced }).catch((e: unknown) => e)) as ZendeskError;
    expect(error).toBeInstanceOf(ZendeskError);
    expect(error.kind).toBe('malformed');
    expect(error.detail).toContain(`results.1.${field}`);
  });

  it('refuses a next link that leaves the export search', async () => {
    const setup = emulatorZendesk();
    const body = { results: [], meta: { has_more: true, after_cursor: 'x' }, links: { next: 'https://sandbox.zendesk.com/api/v2/users.json?page[after]=x' } };
    setup.emulator.faults.add({ path: 'search/export', status: 200, body });
    await expect(loadConsultingPage(setup.zendesk, firstConsultingPage(CONSULTING), { pacer: unpaced })).rejects.toMatchObject({ name: 'ZendeskError', kind: 'malformed' });
  });
});

describe('refresh and tickets by id', () => {
  it('the `since` search finds exactly the consulting tickets updated after it, solved ones included', async () => {
    let clock = Date.parse('2026-11-28T12:00:00Z');
    const setup = emulatorZendesk({ now: () => clock });
    const [a, b] = expectedIds(setup, { ...CONSULTING, includeSolved: true });
    clock += 3_600_000;
    const since = clock - 60_000;
    for (const [id, status] of [[a, 'solved'], [b, 'pending']] as const) {
      const res = await setup.emulator.handle({ method: 'PUT', url: `/api/v2/tickets/${id}`, headers: { 'X-Sandbox-User-Id': '2201' }, body: { ticket: { status } } });
      expect(res.status).toBe(200);
    }
    const { tickets, next } = await loadConsultingPage(setup.zendesk, firstConsultingPage(CONSULTING, since), { pacer: unpaced });
    expect(tickets.map((t) => [t.id, t.status])).toEqual([[a, 'solved'], [b, 'pending']]);
    expect(next).toBeNull();
  });

  it('loadTicketsByIds reads tickets like the search, 100 a request, without the missing ones', async () => {
    const setup = emulatorZendesk({ fixtures: 'big' });
    const wanted = expectedIds(setup, { ...CONSULTING, includeSolved: true }).slice(0, 150);
    const byId = await loadTicketsByIds(setup.zendesk, [...wanted, 999_999_999, wanted[0]!]);
    const searched = (await loadConsultingPage(setup.zendesk, firstConsultingPage({ ...CONSULTING, includeSolved: true }), { pacer: unpaced })).tickets.slice(0, 150);
    expect(byId).toEqual(searched);
    const calls = setup.transport.calls.filter((c) => c.includes('/tickets/show_many'));
    expect(calls.map((c) => c.split('ids=')[1]!.split(',').length)).toEqual([100, 51]);
  });

  it('loadTicketsByIds refuses a ticket of the wrong shape as "malformed"', async () => {
    const setup = emulatorZendesk();
    const [id] = expectedIds(setup, CONSULTING);
    setup.emulator.state.tickets[id!].updated_at = null;
    await expect(loadTicketsByIds(setup.zendesk, [id!])).rejects.toMatchObject({ kind: 'malformed', detail: expect.stringContaining('tickets.0.updated_at') });
  });
});

describe('export search pacing', () => {
  it('the 91st call within a minute waits for the window instead of meeting Zendesk’s limit', async () => {
    let clock = Date.parse('2026-11-28T12:00:00Z');
    const sleeps: number[] = [];
    const pacer = createPacer({ limit: 90, windowMs: 60_000, now: () => clock, sleep: async (ms) => void (sleeps.push(ms), (clock += ms)) });
    const setup = emulatorZendesk({ now: () => clock });
    setup.emulator.limits.exportSearchPerMinute = 90; // stricter than Zendesk: one call too many is a 429
    const url = firstConsultingPage(CONSULTING);
    const started = clock;
    for (let n = 0; n < 90; n += 1) {
      await loadConsultingPage(setup.zendesk, url, { pacer });
      clock += 100;
    }
    expect(sleeps).toEqual([]);
    await loadConsultingPage(setup.zendesk, url, { pacer });
    expect(sleeps).toEqual([started + 60_000 - (started + 9000)]);
    expect(setup.policy.waits).toEqual([]); // no 429 was ever answered
    expect(exportCalls(setup)).toHaveLength(91);
  });

  it('without the pacer the same burst does meet the limit (the test above can fail)', async () => {
    const clock = Date.parse('2026-11-28T12:00:00Z');
    const setup = emulatorZendesk({ now: () => clock });
    setup.emulator.limits.exportSearchPerMinute = 90;
    const url = firstConsultingPage(CONSULTING);
    for (let n = 0; n < 90; n += 1) await loadConsultingPage(setup.zendesk, url, { pacer: unpaced });
    const error = (await loadConsultingPage(setup.zendesk, url, { pacer: unpaced }).catch((e: unknown) => e)) as ZendeskError;
    expect(error.kind).toBe('rate_limited'); // a pacer that never holds asks again at once, and is refused every time
  });
});

describe('the account\'s budget (100 export requests a minute for ALL its users)', () => {
  /** A tab's pacer on a fake clock that only moves when it sleeps or the test says so. */
  function fakeTab(start: number) {
    let clock = start;
    const sleeps: number[] = [];
    const pacer = createPacer({ limit: 90, windowMs: 60_000, now: () => clock, sleep: async (ms) => void (sleeps.push(ms), (clock += ms)) });
    return { now: () => clock, advance: (ms: number) => void (clock += ms), sleeps, pacer };
  }

  it('another user took the budget: the page waits Retry-After, says so, and arrives (no failed page)', async () => {
    const tab = fakeTab(Date.parse('2026-11-28T12:00:00Z'));
    const setup = emulatorZendesk({ now: tab.now });
    const url = firstConsultingPage(CONSULTING);
    // Another lead's refresh: 100 export calls in 10 s, as user 2002.
    for (let n = 0; n < 100; n += 1) {
      const res = await setup.emulator.handle({ method: 'GET', url, headers: { 'X-Sandbox-User-Id': '2002' } });
      expect(res.status).toBe(200);
      tab.advance(100);
    }
    const busy: number[] = [];
    const page = await loadConsultingPage(setup.zendesk, url, { pacer: tab.pacer, onAccountBusy: (s) => busy.push(s) });
    expect(busy).toEqual([50]); // the other user's first call leaves the window 50 s later
    expect(tab.sleeps).toEqual([50_000]);
    expect(page.tickets.map((t) => t.id)).toEqual(expectedIds(setup, CONSULTING));
    expect(setup.policy.waits).toEqual([]); // rest.ts did not sit through the 429 silently
    expect(exportCalls(setup)).toHaveLength(2);
  });

  it('a budget never freed: after 5 waits the page fails as rate_limited (a failed page, Refresh goes on from it)', async () => {
    const tab = fakeTab(0);
    const setup = emulatorZendesk({ now: tab.now });
    setup.emulator.faults.add({ path: 'search/export', status: 429, retryAfter: 30, times: 100 });
    const busy: number[] = [];
    const error = (await loadConsultingPage(setup.zendesk, firstConsultingPage(CONSULTING), { pacer: tab.pacer, onAccountBusy: (s) => busy.push(s) }).catch((e: unknown) => e)) as ZendeskError;
    expect(error).toBeInstanceOf(ZendeskError);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 });
    expect(busy).toEqual([30, 30, 30, 30, 30]);
    expect(tab.sleeps).toEqual([30_000, 30_000, 30_000, 30_000, 30_000]);
    expect(exportCalls(setup)).toHaveLength(6);
  });

  it('a 429 without Retry-After backs off 5 s, 10 s, 20 s…; other failures are not retried here', async () => {
    const tab = fakeTab(0);
    const answers: unknown[] = [new ZendeskError('rate_limited', '429', { status: 429 }), new ZendeskError('rate_limited', '429', { status: 429 }), { ok: true }];
    const zendesk = { request: async () => { const next = answers.shift(); if (next instanceof Error) throw next; return next; } } as unknown as Setup['zendesk'];
    const busy: number[] = [];
    await expect(requestExportPage(zendesk, '/api/v2/search/export.json?query=x', v.unknown(), { pacer: tab.pacer, onAccountBusy: (s) => busy.push(s) })).resolves.toEqual({ ok: true });
    expect(busy).toEqual([5, 10]);
    expect(tab.sleeps).toEqual([5000, 10_000]);
    const broken = { request: async () => { throw new ZendeskError('server', '500', { status: 500 }); } } as unknown as Setup['zendesk'];
    await expect(requestExportPage(broken, '/x', v.unknown(), { pacer: tab.pacer, onAccountBusy: (s) => busy.push(s) })).rejects.toMatchObject({ kind: 'server' });
    expect(busy).toEqual([5, 10]);
  });
});
