/**
 * The app's request builders (src/zendesk) against the contract (contract/zendesk-rest.mjs),
 * directly, not through the sandbox: each loader runs over a fake proxy that records what it
 * sends and answers with the contract's documented shape. Every recorded request must be a
 * contract endpoint, with only its parameters, within their limits; where the contract documents
 * another answer shape (archived audits, the macro preview) the loader must read it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENDPOINTS, endpointId } from '../../contract/zendesk-rest.mjs';
import { teamViewSpec } from '../../src/procedure/dashboard/team-view';
import { parseSettings } from '../../src/procedure/settings';
import { loadFieldOptions, loadGroups } from '../../src/zendesk/account-lookups';
import { changedApontamentosPage, countApontamentos, firstApontamentosPage, loadApontamentosPage } from '../../src/zendesk/all-apontamentos';
import { countOpenConsultingTickets, loadAnalystPool } from '../../src/zendesk/analyst-pool';
import { deleteApontamento, listApontamentos, saveApontamento } from '../../src/zendesk/apontamentos';
import { loadAudits } from '../../src/zendesk/audits';
import { firstConsultingPage, loadConsultingPage, loadTicketsByIds } from '../../src/zendesk/consulting-search';
import { findMacro, previewMacro } from '../../src/zendesk/macros';
import type { RestClient } from '../../src/zendesk/pages';
import { restRequest, type RequestTransport } from '../../src/zendesk/rest';
import { loadSchedule } from '../../src/zendesk/schedule';
import { createView, findViewByTitle } from '../../src/zendesk/team-views';
import { loadTicketComments } from '../../src/zendesk/ticket-comments';
import { writeInternalNote, writeProcedureIndex } from '../../src/zendesk/ticket-writes';
import { loadUnitApproval, saveUnitApproval } from '../../src/zendesk/unit-approvals';
import { loadUserNames, loadUserProfiles } from '../../src/zendesk/users';
import { sandboxSettings } from '../support/fake-zendesk';
import { apontamento } from '../unit/storage/fakes';
import { findEndpoint, requestProblems, splitUrl } from './contract-check.mjs';

interface Sent {
  method: string;
  url: string;
  body: unknown;
}
type Endpoint = (typeof ENDPOINTS)[number];
/** An answer for one endpoint: the body Zendesk would send to this request. */
type Answer = (sent: Sent, endpoint: Endpoint) => unknown;

const STAMP = '2026-03-02T13:00:00Z';

/**
 * The documented answer to `sent`: the list under the endpoint's first key (empty, one page) in
 * the pagination the request asked for, or `single` for a one-object endpoint.
 */
function documentedAnswer(sent: Sent, endpoint: Endpoint): Record<string, unknown> {
  const { query } = splitUrl(sent.url);
  const kinds: string[] = endpoint.pagination;
  const keys: string[] = endpoint.response.keys;
  const [itemsKey] = keys;
  const cursor = kinds.includes('cursor') && (query.has('page[size]') || !kinds.includes('offset'));
  const base: Record<string, unknown> = itemsKey ? { [itemsKey]: [] } : {};
  if (keys.includes('facets')) base.facets = null;
  if (cursor) return { ...base, ...(keys.includes('count') ? { count: 0 } : {}), meta: { has_more: false, after_cursor: null, before_cursor: null }, links: { next: null, prev: null } };
  if (kinds.includes('offset')) return { ...base, next_page: null, previous_page: null, count: 0 };
  return base;
}

/** A RestClient whose proxy records every request and answers per the contract (`answers` by endpoint id). */
function contractZendesk(answers: Record<string, Answer> = {}) {
  const sent: Sent[] = [];
  const transport: RequestTransport = {
    async request(options) {
      const request: Sent = { method: String(options.type ?? 'GET'), url: String(options.url), body: options.data === undefined ? undefined : JSON.parse(String(options.data)) };
      sent.push(request);
      const endpoint = findEndpoint(request.method, request.url);
      if (!endpoint) throw { status: 404, responseJSON: { error: 'InvalidEndpoint', description: 'Not found' }, responseText: '', headers: {} };
      const body = (answers[endpointId(endpoint)] ?? documentedAnswer)(request, endpoint);
      return { status: [endpoint.response.status].flat()[0], responseJSON: body, responseText: JSON.stringify(body), headers: {} };
    },
  };
  const policy = { attempts: 1, timeoutMs: 1000, maxWaitMs: 0, sleep: async () => {} };
  const zendesk: RestClient = { request: (req, schema) => restRequest(transport, req, schema, policy) };
  return { zendesk, sent };
}

/** Every contract problem of the recorded requests (none = the builders stay inside the contract). */
function problemsOf(sent: Sent[]): string[] {
  expect(sent.length, 'the loader sent no request').toBeGreaterThan(0);
  return sent.flatMap((request) => requestProblems(request));
}

const settings = parseSettings(sandboxSettings).settings;

/** The loader's failure, or null: a request out of contract is reported as such even when its answer then breaks the loader. */
async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
    return null;
  } catch (error) {
    return error;
  }
}

/** A stored record as Zendesk answers an upsert: what was sent, with the ids and stamps Zendesk adds. */
const echoRecord: Answer = (sent) => {
  const record = (sent.body as { custom_object_record: Record<string, unknown> }).custom_object_record;
  return { custom_object_record: { id: '01HZCONTRACT', external_id: splitUrl(sent.url).query.get('external_id'), created_at: STAMP, updated_at: STAMP, ...record } };
};

describe('the app builds only contract requests', () => {
  it('every src/zendesk module that names an /api/v2 path is exercised here', () => {
    const dir = join(__dirname, '../../src/zendesk');
    const callers = readdirSync(dir).filter((f) => f.endsWith('.ts') && /\/api\/v2\//.test(readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    // pages.ts follows the next links Zendesk gives (and refuses one leaving /api/v2/): it builds none.
    // export-search.ts holds the export path and its pacing: the consulting search and analyst pool cases go through it.
    const exercised = ['pages.ts', 'export-search.ts', 'account-lookups.ts', 'all-apontamentos.ts', 'analyst-pool.ts', 'apontamentos.ts', 'audits.ts', 'consulting-search.ts', 'macros.ts', 'schedule.ts', 'show-many.ts', 'team-views.ts', 'ticket-comments.ts', 'ticket-writes.ts', 'unit-approvals.ts'];
    expect(callers.filter((f) => !exercised.includes(f))).toEqual([]);
  });

  it('GET /api/v2/search/export: the dashboard\'s consulting search (firstConsultingPage, loadConsultingPage)', async () => {
    const { zendesk, sent } = contractZendesk();
    const q = { groupIds: [5001, 5002], tipoFieldId: 9000001, tipoValues: ['tipo_consultoria_tecnica', 'tipo_consultoria_modulo'], includeSolved: false };
    const unpaced = { pacer: { wait: async () => {}, holdFor: () => {} } };
    await loadConsultingPage(zendesk, firstConsultingPage(q), unpaced);
    await loadConsultingPage(zendesk, firstConsultingPage(q, Date.parse(STAMP)), unpaced);
    expect(problemsOf(sent)).toEqual([]);
  });

  it('GET /api/v2/tickets/show_many: tickets by id, 100 ids a request (loadTicketsByIds)', async () => {
    const { zendesk, sent } = contractZendesk();
    await loadTicketsByIds(zendesk, Array.from({ length: 250 }, (_, i) => 101 + i));
    expect(sent).toHaveLength(3);
    expect(problemsOf(sent)).toEqual([]);
  });

  it('GET /api/v2/groups/{group_id}/users: the analyst pool (loadAnalystPool)', async () => {
    const { zendesk, sent } = contractZendesk();
    await loadAnalystPool(zendesk, { groupId: 5001, seniorityFieldKey: 'senioridade', modulesFieldKey: 'modulos' });
    expect(problemsOf(sent)).toEqual([]);
  });

  it('GET /api/v2/search and, past 1 000 results, GET /api/v2/search/export: open tickets per analyst (countOpenConsultingTickets)', async () => {
    const { zendesk, sent } = contractZendesk({ 'GET /api/v2/search': () => ({ results: [], facets: null, next_page: null, previous_page: null, count: 1500 }) });
    await countOpenConsultingTickets(zendesk, { groupId: 5001, tag: 'tipo_consultoria_tecnica' });
    expect(sent.map((s) => splitUrl(s.url).path)).toEqual(['/api/v2/search', '/api/v2/search/export']);
    expect(problemsOf(sent)).toEqual([]);
  });

  it('GET /api/v2/macros/{macro_id} and GET /api/v2/macros/search: the macro by id, then by title (findMacro)', async () => {
    const { zendesk, sent } = contractZendesk({ 'GET /api/v2/macros/{macro_id}': () => ({ macro: { id: 7001, title: 'Old', active: false } }) });
    const failure = await failureOf(() => findMacro(zendesk, { id: 7001, title: 'CONSULTORIA :: Abertura de ticket Consultoria Técnica', alternativeTitles: ['CONSULTORIA :: Abertura de ticket Consult Técnica'] }));
    expect(problemsOf(sent)).toEqual([]);
    expect(failure).toBeNull();
    expect(sent.map((s) => splitUrl(s.url).path)).toEqual(['/api/v2/macros/7001', '/api/v2/macros/search', '/api/v2/macros/search']);
  });

  it('GET /api/v2/macros/search: reads the documented offset answer (findMacro by title)', async () => {
    const { zendesk } = contractZendesk({
      'GET /api/v2/macros/search': () => ({ macros: [{ id: 7001, title: 'CONSULTORIA :: Abertura', active: true }], next_page: null, previous_page: null, count: 1 }),
    });
    expect(await findMacro(zendesk, { title: 'CONSULTORIA :: Abertura' })).toEqual({ id: 7001, title: 'CONSULTORIA :: Abertura' });
  });

  it('GET /api/v2/tickets/{ticket_id}/macros/{macro_id}/apply: the request, and the comment read from result.ticket.comment (previewMacro)', async () => {
    const documented = { result: { ticket: { id: 101, url: 'https://x.zendesk.com/api/v2/tickets/101.json', group_id: 5001, comment: { body: 'Abertura da consultoria', public: false }, fields: [{ id: 9000001, value: 'tipo_consultoria_tecnica' }] } } };
    const { zendesk, sent } = contractZendesk({ 'GET /api/v2/tickets/{ticket_id}/macros/{macro_id}/apply': () => documented });
    const preview = await previewMacro(zendesk, 101, 7001);
    expect(problemsOf(sent)).toEqual([]);
    expect(preview.comment, 'the macro\'s comment is documented under result.ticket.comment').toMatchObject({ body: 'Abertura da consultoria', public: false });
  });

  it('GET /api/v2/tickets/{ticket_id}/audits: the history (loadAudits)', async () => {
    const { zendesk, sent } = contractZendesk();
    await loadAudits(zendesk, 101);
    expect(problemsOf(sent)).toEqual([]);
  });

  it('GET /api/v2/tickets/{ticket_id}/audits: reads an archived ticket\'s unpaginated answer (loadAudits)', async () => {
    const audit = { id: 1, ticket_id: 101, created_at: STAMP, author_id: 2001, events: [{ type: 'Comment', id: 11, public: true, author_id: 2001, body: 'Oi' }] };
    const { zendesk } = contractZendesk({ 'GET /api/v2/tickets/{ticket_id}/audits': () => ({ audits: [audit], next_page: null, previous_page: null, count: 1 }) });
    const loaded = await loadAudits(zendesk, 101);
    expect(loaded.audits.map((a) => a.id)).toEqual([1]);
  });

  it('GET /api/v2/users/show_many: names and profiles, 100 ids a request (loadUserNames, loadUserProfiles)', async () => {
    const { zendesk, sent } = contractZendesk();
    const ids = Array.from({ length: 201 }, (_, i) => 1001 + i);
    await loadUserNames(zendesk, ids);
    await loadUserProfiles(zendesk, ids);
    expect(sent).toHaveLength(6);
    expect(problemsOf(sent)).toEqual([]);
  });

  it('GET /api/v2/views: the team view by title (findViewByTitle)', async () => {
    const { zendesk, sent } = contractZendesk();
    await findViewByTitle(zendesk, 'Consultoria Técnica — Suporte Faturamento');
    expect(problemsOf(sent)).toEqual([]);
  });

  it('POST /api/v2/views: the team view as the dashboard creates it (teamViewSpec + createView): View columns, sort by field id', async () => {
    const { zendesk, sent } = contractZendesk({ 'POST /api/v2/views': () => ({ view: { id: 1, title: 'x' } }) });
    const spec = teamViewSpec(settings, { id: 5001, name: 'Suporte Faturamento' });
    expect(spec).not.toBeNull();
    await createView(zendesk, { ...spec!, restriction: { type: 'Group', ids: [5001] } });
    expect(problemsOf(sent)).toEqual([]);
  });

  it('the Apontamento records: find by key, upsert by external_id, search by ticket, delete by id (saveApontamento, listApontamentos, deleteApontamento)', async () => {
    const stored = { id: '01HZCONTRACT', external_id: '102-ana-1', created_at: STAMP, updated_at: STAMP, custom_object_fields: { ticket: '102', analyst: '2001', start: '2026-03-02T13:00:00.000Z', minutes: 45, channel: 'remote' } };
    const { zendesk, sent } = contractZendesk({
      'PATCH /api/v2/custom_objects/{custom_object_key}/records': echoRecord,
      'GET /api/v2/custom_objects/{custom_object_key}/records': () => ({ custom_object_records: [stored], count: 1, meta: { has_more: false, after_cursor: null, before_cursor: null }, links: { next: null, prev: null } }),
    });
    await saveApontamento(zendesk, apontamento());
    await listApontamentos(zendesk, 102);
    await deleteApontamento(zendesk, '102-ana-1');
    expect(sent.map((s) => `${s.method} ${splitUrl(s.url).path}`)).toContain('DELETE /api/v2/custom_objects/consultoria_apontamento/records/01HZCONTRACT');
    expect(problemsOf(sent)).toEqual([]);
  });

  it('the account\'s Apontamentos for the dashboard: all, changed since, count (loadApontamentosPage, countApontamentos)', async () => {
    const { zendesk, sent } = contractZendesk({ 'GET /api/v2/custom_objects/{custom_object_key}/records/count': () => ({ count: { refreshed_at: STAMP, value: 0 } }) });
    await loadApontamentosPage(zendesk, firstApontamentosPage());
    await loadApontamentosPage(zendesk, changedApontamentosPage(Date.parse(STAMP)));
    await countApontamentos(zendesk);
    expect(problemsOf(sent)).toEqual([]);
  });

  it('the Unit approval record: by external id, upsert (loadUnitApproval, saveUnitApproval)', async () => {
    const { zendesk, sent } = contractZendesk({ 'PATCH /api/v2/custom_objects/{custom_object_key}/records': echoRecord });
    const approval = { unit: { name: 'Unidade Sul', code: 'US01' }, responsible: { name: 'Renata Franco', email: 'renata@unidade-sul.com.br' }, alternative: { kind: 'repasse' as const, centroCusto: '10201', classeValor: 'CV001', itemContabil: 'IC.2026-01' } };
    await loadUnitApproval(zendesk, 103);
    await saveUnitApproval(zendesk, { ticketId: 103, approval, commentId: 42 });
    expect(problemsOf(sent)).toEqual([]);
  });

  it('GET /api/v2/business_hours/schedules/{schedule_id} and …/holidays: the team calendar (loadSchedule)', async () => {
    const { zendesk, sent } = contractZendesk({
      'GET /api/v2/business_hours/schedules/{schedule_id}': () => ({ schedule: { id: 6001, name: 'SP', time_zone: 'America/Sao_Paulo', intervals: [{ start_time: 1980, end_time: 2520 }] } }),
      'GET /api/v2/business_hours/schedules/{schedule_id}/holidays': () => ({ holidays: [] }),
    });
    await loadSchedule(zendesk, 6001);
    expect(problemsOf(sent)).toEqual([]);
  });

  it('GET /api/v2/ticket_fields/{ticket_field_id} and GET /api/v2/groups: the dashboard\'s names (loadFieldOptions, loadGroups)', async () => {
    const { zendesk, sent } = contractZendesk({ 'GET /api/v2/ticket_fields/{ticket_field_id}': () => ({ ticket_field: { custom_field_options: [] } }) });
    await loadFieldOptions(zendesk, 9000003);
    await loadGroups(zendesk);
    expect(problemsOf(sent)).toEqual([]);
  });

  it('GET and PUT /api/v2/tickets/{ticket_id}: the internal note and the procedure index, by safe update (writeInternalNote, writeProcedureIndex)', async () => {
    const { zendesk, sent } = contractZendesk({
      'GET /api/v2/tickets/{ticket_id}': () => ({ ticket: { id: 101, updated_at: STAMP, tags: [], custom_fields: [{ id: 9000005, value: null }] } }),
      'PUT /api/v2/tickets/{ticket_id}': (s) => ({ ticket: { id: 101, updated_at: STAMP }, audit: { id: 1, events: [] }, echo: s.body }),
    });
    await writeInternalNote(zendesk, { ticketId: 101, note: 'Consultoria aberta', addTags: ['consultoria_aberta'], removeTags: [], customFields: [{ id: 9000002, value: '2026-03-02' }] });
    await writeProcedureIndex(zendesk, { ticketId: 101, fieldId: 9000005, text: 'v1;a=1' });
    expect(sent.map((s) => s.method)).toEqual(['GET', 'PUT', 'GET', 'PUT']);
    expect(problemsOf(sent)).toEqual([]);
  });

  it('GET /api/v2/tickets/{ticket_id}/comments and GET /api/v2/users/show_many: the comments with their authors (loadTicketComments)', async () => {
    const { zendesk, sent } = contractZendesk({
      'GET /api/v2/tickets/{ticket_id}/comments': () => ({ comments: [{ id: 11, author_id: 2001, body: 'Oi', plain_body: 'Oi', public: true, created_at: STAMP }], meta: { has_more: false, after_cursor: null, before_cursor: null }, links: { next: null, prev: null } }),
    });
    await loadTicketComments(zendesk, 101);
    expect(problemsOf(sent)).toEqual([]);
  });
});

describe('the request checks can fail', () => {
  it.each([
    ['an endpoint outside the contract', { url: '/api/v2/tickets/101/tags.json' }, 'not an endpoint of the contract'],
    ['a parameter the endpoint does not take', { url: '/api/v2/macros/search.json?query=x&page[size]=100' }, 'page[size]: not a parameter'],
    ['a page larger than documented', { url: '/api/v2/groups.json?page[size]=101' }, 'above the documented maximum 100'],
    ['more than 100 ids', { url: `/api/v2/users/show_many.json?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}` }, '101 items, at most 100'],
    ['a type in an export query', { url: '/api/v2/search/export.json?query=type%3Aticket%20status%3Aopen&filter[type]=ticket' }, 'filter[type] parameter'],
    ['an export without filter[type]', { url: '/api/v2/search/export.json?query=status%3Aopen' }, 'filter[type] is required'],
    ['a view column outside the table', { method: 'POST', url: '/api/v2/views.json', body: { view: { title: 't', all: [{ field: 'status', operator: 'is', value: 'open' }], output: { columns: ['subject'] } } } }, 'not a View column value'],
    ['a sort on an unsortable column', { method: 'POST', url: '/api/v2/views.json', body: { view: { title: 't', all: [{ field: 'status', operator: 'is', value: 'open' }], output: { sort_by: 'description' } } } }, 'output.sort_by "description"'],
  ])('refuses %s', (_, request, expected) => {
    expect(requestProblems(request).join('\n')).toContain(expected);
  });
});
