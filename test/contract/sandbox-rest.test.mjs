/**
 * The sandbox's REST emulation against the contract (contract/zendesk-rest.mjs): every route the
 * sandbox serves is a contract endpoint, and answers the contract's requests as the contract says
 * (status, top-level keys, pagination kind), including the errors it lists for requests out of
 * contract. One describe per endpoint, so a failure names it.
 */
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, endpointId } from '../../contract/zendesk-rest.mjs';
import { createEmulator } from '../../sandbox/rest/index.mjs';
import { listEndpoints } from '../../sandbox/rest/routes.mjs';
import { answerProblems, errorProblems, paginationOf, routeShape, templateShape } from './contract-check.mjs';

const ADMIN = 2201;
const APPROVALS = 'consultoria_aprovacao_unidade';
const RECORD = { name: '#103 · Unidade Sul', external_id: 'unidade-103', custom_object_fields: { ticket: '103', payload: '{}' } };

/** A fresh demo account, with one record of the Unit approval object (the demo has none). */
async function account() {
  const emulator = createEmulator({ fixtures: 'demo', now: () => Date.parse('2026-03-02T13:00:00Z') });
  const send = async (method, url, body) => {
    const answer = await emulator.handle({ method, url, headers: { 'X-Sandbox-User-Id': String(ADMIN) }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: answer.status, body: answer.body };
  };
  const created = await send('POST', `/api/v2/custom_objects/${APPROVALS}/records`, { custom_object_record: RECORD });
  if (created.status !== 201) throw new Error(`setup: ${JSON.stringify(created.body)}`);
  return { emulator, send, recordId: created.body.custom_object_record.id };
}

const MACRO_WITH_COMMENT = 7002;
const VIEW = { title: 'Contract view', all: [{ field: 'status', operator: 'less_than', value: 'solved' }, { field: 'group_id', operator: 'is', value: '5001' }], any: [] };

/**
 * The concrete request for each endpoint: path parameters from the demo fixtures (`params`, or
 * `setup` for what must exist first), the base query and body. `missing` = params of a thing that
 * does not exist, for the 404.
 */
const EXAMPLES = {
  'GET /api/v2/tickets': {},
  'GET /api/v2/tickets/show_many': { query: { ids: '101,102,103' } },
  'GET /api/v2/tickets/{ticket_id}': { params: { ticket_id: 101 }, missing: { ticket_id: 999999 } },
  'PUT /api/v2/tickets/{ticket_id}': {
    params: { ticket_id: 101 },
    missing: { ticket_id: 999999 },
    body: () => ({ ticket: { comment: { body: 'Contract note', public: false } } }),
    errors: { 409: { body: () => ({ ticket: { tags: ['x'], safe_update: true, updated_stamp: '2001-01-01T00:00:00Z' } }) } },
  },
  'GET /api/v2/tickets/{ticket_id}/audits': {
    params: { ticket_id: 101 },
    missing: { ticket_id: 999999 },
    variants: { 'the ticket is archived': { ticket_id: 106 } }, // demo ticket 106: closed 200 days ago, archived
  },
  'GET /api/v2/tickets/{ticket_id}/audits/{ticket_audit_id}': {
    setup: async ({ send }) => ({ ticket_id: 101, ticket_audit_id: (await send('GET', '/api/v2/tickets/101/audits')).body.audits[0].id }),
    missing: { ticket_id: 101, ticket_audit_id: 999999 },
  },
  'GET /api/v2/tickets/{ticket_id}/comments': { params: { ticket_id: 101 }, missing: { ticket_id: 999999 } },
  'GET /api/v2/tickets/{ticket_id}/macros/{macro_id}/apply': {
    params: { ticket_id: 101, macro_id: MACRO_WITH_COMMENT },
    missing: { ticket_id: 101, macro_id: 999999 },
    // The macro adds a comment: the documented place for it is result.ticket.comment, with the fields.
    nested: { 'result.ticket': { keys: ['comment', 'fields'] } },
  },
  'GET /api/v2/macros': {},
  'GET /api/v2/macros/active': {},
  'GET /api/v2/macros/search': { query: { query: 'CONSULTORIA' } },
  'GET /api/v2/macros/{macro_id}': { params: { macro_id: 7001 }, missing: { macro_id: 999999 } },
  'GET /api/v2/macros/{macro_id}/apply': { params: { macro_id: MACRO_WITH_COMMENT }, missing: { macro_id: 999999 } },
  'GET /api/v2/ticket_fields': {},
  'GET /api/v2/ticket_fields/{ticket_field_id}': { params: { ticket_field_id: 9000003 }, missing: { ticket_field_id: 999999 } },
  'GET /api/v2/ticket_forms': {},
  'GET /api/v2/ticket_forms/{ticket_form_id}': { params: { ticket_form_id: 8000001 }, missing: { ticket_form_id: 999999 } },
  'GET /api/v2/users': {},
  'GET /api/v2/users/me': {},
  'GET /api/v2/users/show_many': { query: { ids: '1001,2001' } },
  'GET /api/v2/users/search': { query: { query: 'ana' } },
  'GET /api/v2/users/{user_id}': { params: { user_id: 2001 }, missing: { user_id: 999999 } },
  'GET /api/v2/users/{user_id}/groups': { params: { user_id: 2001 }, missing: { user_id: 999999 } },
  'GET /api/v2/users/{user_id}/group_memberships': { params: { user_id: 2001 } },
  'GET /api/v2/user_fields': {},
  'GET /api/v2/groups': {},
  'GET /api/v2/groups/assignable': {},
  'GET /api/v2/groups/{group_id}': { params: { group_id: 5001 }, missing: { group_id: 999999 } },
  'GET /api/v2/groups/{group_id}/users': { params: { group_id: 5001 }, missing: { group_id: 999999 } },
  'GET /api/v2/groups/{group_id}/memberships': { params: { group_id: 5001 } },
  'GET /api/v2/group_memberships': {},
  'GET /api/v2/search': { query: { query: 'type:ticket status<solved' } },
  'GET /api/v2/search/export': { query: { query: 'status<solved', 'filter[type]': 'ticket' } },
  'GET /api/v2/views': { setup: createView },
  'GET /api/v2/views/active': { setup: createView },
  'POST /api/v2/views': {
    body: () => ({ view: { ...VIEW, output: { columns: ['description', 'requester', 'assignee', 'status', 9000002, 'updated'], sort_by: 9000002, sort_order: 'asc' } } }),
    errors: {
      'a column that is not in the View columns table (e.g. "subject")': { body: () => ({ view: { ...VIEW, output: { columns: ['subject', 'status'] } } }) },
      'no ALL condition on status, type, group_id, assignee_id or requester_id': { body: () => ({ view: { ...VIEW, all: [{ field: 'current_tags', operator: 'includes', value: 'x' }] } }) },
      'an agent creates a shared or group view': { userId: 2001, body: () => ({ view: VIEW }) },
    },
  },
  'GET /api/v2/views/{view_id}': { setup: createView, missing: { view_id: 999999 } },
  'GET /api/v2/views/{view_id}/tickets': { setup: createView, missing: { view_id: 999999 } },
  'GET /api/v2/views/{view_id}/count': { setup: createView, missing: { view_id: 999999 } },
  'GET /api/v2/business_hours/schedules': {},
  'GET /api/v2/business_hours/schedules/{schedule_id}': { params: { schedule_id: 6001 }, missing: { schedule_id: 999999 } },
  'GET /api/v2/business_hours/schedules/{schedule_id}/holidays': { params: { schedule_id: 6001 }, missing: { schedule_id: 999999 } },
  'GET /api/v2/business_hours/schedules/{schedule_id}/holidays/{holiday_id}': { params: { schedule_id: 6001, holiday_id: 6100001 }, missing: { schedule_id: 6001, holiday_id: 999999 } },
  'GET /api/v2/custom_objects': {},
  'POST /api/v2/custom_objects': { body: () => ({ custom_object: { key: 'contract_object', title: 'Contract', title_pluralized: 'Contracts' } }) },
  'GET /api/v2/custom_objects/{custom_object_key}': { params: { custom_object_key: APPROVALS }, missing: { custom_object_key: 'no_such_object' } },
  'DELETE /api/v2/custom_objects/{custom_object_key}': { params: { custom_object_key: APPROVALS }, missing: { custom_object_key: 'no_such_object' } },
  'GET /api/v2/custom_objects/{custom_object_key}/fields': { params: { custom_object_key: APPROVALS }, missing: { custom_object_key: 'no_such_object' } },
  'POST /api/v2/custom_objects/{custom_object_key}/fields': {
    params: { custom_object_key: APPROVALS },
    missing: { custom_object_key: 'no_such_object' },
    body: () => ({ custom_object_field: { key: 'contract_note', title: 'Note', type: 'text' } }),
  },
  'GET /api/v2/custom_objects/{custom_object_key}/fields/{custom_object_field_key_or_id}': { params: { custom_object_key: APPROVALS, custom_object_field_key_or_id: 'payload' }, missing: { custom_object_key: APPROVALS, custom_object_field_key_or_id: 'no_such_field' } },
  'DELETE /api/v2/custom_objects/{custom_object_key}/fields/{custom_object_field_key_or_id}': { params: { custom_object_key: APPROVALS, custom_object_field_key_or_id: 'payload' }, missing: { custom_object_key: APPROVALS, custom_object_field_key_or_id: 'no_such_field' } },
  'GET /api/v2/custom_objects/{custom_object_key}/records': { params: { custom_object_key: APPROVALS }, missing: { custom_object_key: 'no_such_object' }, extraRecord: true },
  'POST /api/v2/custom_objects/{custom_object_key}/records': {
    params: { custom_object_key: APPROVALS },
    missing: { custom_object_key: 'no_such_object' },
    body: () => ({ custom_object_record: { name: '#104', external_id: 'unidade-104', custom_object_fields: { ticket: '104', payload: '{}' } } }),
  },
  'PATCH /api/v2/custom_objects/{custom_object_key}/records': {
    params: { custom_object_key: APPROVALS },
    query: { external_id: 'unidade-103' },
    body: () => ({ custom_object_record: { name: '#103 · renamed' } }),
  },
  'DELETE /api/v2/custom_objects/{custom_object_key}/records': { params: { custom_object_key: APPROVALS }, query: { external_id: 'unidade-103' } },
  'GET /api/v2/custom_objects/{custom_object_key}/records/search': { params: { custom_object_key: APPROVALS }, query: { query: 'Unidade' }, missing: { custom_object_key: 'no_such_object' }, extraRecord: true },
  'POST /api/v2/custom_objects/{custom_object_key}/records/search': {
    params: { custom_object_key: APPROVALS },
    missing: { custom_object_key: 'no_such_object' },
    body: () => ({ filter: { 'custom_object_fields.ticket': { $eq: '103' } } }),
  },
  'GET /api/v2/custom_objects/{custom_object_key}/records/count': { params: { custom_object_key: APPROVALS }, missing: { custom_object_key: 'no_such_object' } },
  'GET /api/v2/custom_objects/{custom_object_key}/records/{custom_object_record_id}': { setup: recordParams, missing: { custom_object_key: APPROVALS, custom_object_record_id: 'no-such-record' } },
  'PATCH /api/v2/custom_objects/{custom_object_key}/records/{custom_object_record_id}': { setup: recordParams, missing: { custom_object_key: APPROVALS, custom_object_record_id: 'no-such-record' }, body: () => ({ custom_object_record: { name: '#103 · edited' } }) },
  'DELETE /api/v2/custom_objects/{custom_object_key}/records/{custom_object_record_id}': { setup: recordParams, missing: { custom_object_key: APPROVALS, custom_object_record_id: 'no-such-record' } },
};

async function createView({ send }) {
  const answer = await send('POST', '/api/v2/views', { view: VIEW });
  if (answer.status >= 300) throw new Error(`setup: view not created: ${JSON.stringify(answer.body)}`);
  return { view_id: answer.body.view.id };
}

function recordParams({ recordId }) {
  return { custom_object_key: APPROVALS, custom_object_record_id: recordId };
}

function urlOf(endpoint, params, query) {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name) => {
    if (params[name] === undefined) throw new Error(`${endpointId(endpoint)}: no example value for ${name}`);
    return encodeURIComponent(String(params[name]));
  });
  const search = new URLSearchParams(Object.entries(query ?? {}).map(([k, v]) => [k, String(v)])).toString();
  return search ? `${path}?${search}` : path;
}

/** The base request of an endpoint in a fresh account; `query` adds to (or, with null values, removes from) the example's. */
async function prepare(endpoint, example) {
  const acc = await account();
  if (example.extraRecord) {
    await acc.send('POST', `/api/v2/custom_objects/${APPROVALS}/records`, { custom_object_record: { ...RECORD, name: '#105 · Unidade Norte', external_id: 'unidade-105', custom_object_fields: { ticket: '105', payload: '{}' } } });
  }
  const params = example.setup ? await example.setup(acc) : (example.params ?? {});
  const request = (query = {}, { body = example.body?.(), userId, pathParams = params } = {}) => {
    const merged = { ...example.query, ...query };
    for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
    const url = urlOf(endpoint, pathParams, merged);
    if (userId === undefined) return acc.send(endpoint.method, url, body);
    return acc.emulator
      .handle({ method: endpoint.method, url, headers: { 'X-Sandbox-User-Id': String(userId) }, body: body === undefined ? undefined : JSON.stringify(body) })
      .then((a) => ({ status: a.status, body: a.body }));
  };
  return { ...acc, params, request };
}

/** The pagination the base request (no paging parameter) gets: offset where offered, else the only one. */
const baseKind = (endpoint) => (endpoint.pagination.includes('offset') ? 'offset' : endpoint.pagination.includes('none') ? 'none' : endpoint.pagination[0]);

const SANDBOX_ROUTES = listEndpoints().map((line) => {
  const [method, pattern] = line.split(' ');
  return { method, pattern, endpoint: ENDPOINTS.find((e) => e.method === method && templateShape(e.path) === routeShape(pattern)) ?? null };
});

describe('the sandbox serves contract endpoints only', () => {
  it('every sandbox route is an endpoint of the contract', () => {
    expect(SANDBOX_ROUTES.filter((r) => r.endpoint === null).map((r) => `${r.method} ${r.pattern}`)).toEqual([]);
  });

  it('every contract endpoint has an example request here', () => {
    expect(ENDPOINTS.map(endpointId).filter((id) => !EXAMPLES[id])).toEqual([]);
  });
});

for (const { endpoint } of SANDBOX_ROUTES.filter((r) => r.endpoint !== null)) {
  const id = endpointId(endpoint);
  const example = EXAMPLES[id] ?? {};
  const readsList = endpoint.method === 'GET' && !endpoint.pagination.includes('none');

  describe(id, () => {
    it(`answers the documented request as documented (${endpoint.response.status}, ${endpoint.response.keys.join(', ') || 'no body'})`, async () => {
      const { request } = await prepare(endpoint, example);
      const answer = await request();
      const nested = { ...endpoint.response.nested, ...example.nested };
      expect(answerProblems(endpoint, answer, { kinds: [baseKind(endpoint)], nested })).toEqual([]);
    });

    if (endpoint.pagination.includes('cursor')) {
      it('pages by cursor with page[size] (meta.has_more, meta.after_cursor, links.next), and its next link works', async () => {
        const { request } = await prepare(endpoint, example);
        const answer = await request({ 'page[size]': 1 });
        expect(answerProblems(endpoint, answer, { kinds: ['cursor'] })).toEqual([]);
        if (answer.body?.meta?.has_more) {
          const next = new URL(answer.body.links.next);
          const after = next.searchParams.get('page[after]');
          expect(after, 'links.next carries page[after]').toBeTruthy();
          const second = await request({ 'page[size]': 1, 'page[after]': after });
          expect(answerProblems(endpoint, second, { kinds: ['cursor'] })).toEqual([]);
        }
      });
    }

    if (endpoint.pagination.includes('offset')) {
      it('pages by offset with per_page (next_page, previous_page, count)', async () => {
        const { request } = await prepare(endpoint, example);
        expect(answerProblems(endpoint, await request({ page: 1, per_page: 1 }), { kinds: ['offset'] })).toEqual([]);
      });
    }

    if (readsList && !endpoint.pagination.includes('cursor')) {
      it(`never answers with cursor pagination, even to page[size] (${endpoint.pagination.join('/')} only)`, async () => {
        const { request } = await prepare(endpoint, example);
        const answer = await request({ 'page[size]': 1 });
        if (answer.status < 300) expect(paginationOf(answer.body), `${id}: page[size] must not turn this endpoint into cursor pagination`).not.toBe('cursor');
        else expect(errorProblems(endpoint, { status: '4xx', when: 'page[size] on an endpoint without cursor pagination' }, answer)).toEqual([]);
      });
    }

    for (const variant of endpoint.variants ?? []) {
      it(`answers as documented when ${variant.when} (${variant.pagination.join('/')}), also to page parameters`, async () => {
        const pathParams = example.variants?.[variant.when];
        expect(pathParams, `an example request for "${variant.when}" in EXAMPLES`).toBeTruthy();
        const { request } = await prepare(endpoint, example);
        for (const paging of [{}, { 'page[size]': 1 }, { page: 1, per_page: 1 }]) {
          const answer = await request(paging, { pathParams });
          expect(answerProblems(endpoint, answer, { kinds: variant.pagination, keys: variant.keys })).toEqual([]);
        }
      });
    }

    for (const error of endpoint.errors) {
      const own = example.errors?.[error.when] ?? example.errors?.[error.status];
      const isNotFound = error.status === 404 && example.missing;
      if (!error.query && !own && !isNotFound) continue;
      it(`${error.status} when ${error.when}${error.documented ? ' (documented)' : ' (unverified answer)'}`, async () => {
        const { request } = await prepare(endpoint, example);
        const query = { ...error.query, ...Object.fromEntries((error.without ?? []).map((k) => [k, null])) };
        const answer = isNotFound
          ? await request({}, { pathParams: example.missing })
          : await request(query, { ...(own?.body ? { body: own.body() } : {}), ...(own?.userId ? { userId: own.userId } : {}) });
        expect(errorProblems(endpoint, error, answer)).toEqual([]);
      });
    }
  });
}
