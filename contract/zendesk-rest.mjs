/**
 * The contract: every Zendesk REST endpoint the app calls or the sandbox serves, as Zendesk's
 * published reference describes it. Facts only, each with its source; the app's request builders
 * (test/contract/app-requests.test.ts) and the sandbox (test/contract/sandbox-rest.test.mjs) are
 * both checked against it. It lives outside src/ and sandbox/ because both are judged by it and
 * sandbox/ must never import src/.
 *
 * Reading an endpoint:
 * - `path`: the template, `{name}` for a path segment (a `.json` suffix is optional, as in Zendesk).
 * - `source`: `openapi` = a file of /work/ref/openapi (Zendesk's OpenAPI, split by tag) + `operationId`;
 *   `docs` = a developer.zendesk.com page.
 * - `pagination`: the kinds the endpoint answers with. 'cursor' (asked for with page[size]; answer
 *   has meta.has_more/after_cursor and links.next), 'offset' (page/per_page; answer has next_page,
 *   previous_page and count), 'none' (a single object, or a list the reference gives unpaginated;
 *   such a list may still carry null next_page/previous_page: one page, nothing to follow).
 * - `query`: every parameter it accepts, with its limits; a parameter not listed is out of contract.
 *   `forbid`: patterns the value must not match. `maxItems`: for comma-separated lists.
 * - `body`: for writes, what the request body must hold (`root` key; rules checked by the tests).
 * - `response`: the success status and the top-level keys it always has; `nested` = keys inside
 *   one of them (`only: true` = the reference documents no other key there).
 * - `errors`: documented (`documented: true`) or observed-but-unverified answers to requests out of
 *   contract: status and body keys; `query` = the parameters that make the request (added to a
 *   valid request), `without` = the ones taken out of it.
 * - `variants`: documented answers of another shape for the same request (e.g. archived tickets).
 * - `unverified`: what the reference leaves open (for the README's "unverified points").
 */

export const DOCS = {
  pagination: 'https://developer.zendesk.com/api-reference/introduction/pagination/',
  offsetLimit: 'https://developer.zendesk.com/documentation/api-basics/pagination/paginating-through-lists',
  requests: 'https://developer.zendesk.com/api-reference/introduction/requests',
  search: 'https://developer.zendesk.com/api-reference/ticketing/ticket-management/search/',
  schedules: 'https://developer.zendesk.com/api-reference/ticketing/ticket-management/schedules/',
  users: 'https://developer.zendesk.com/api-reference/ticketing/users/users/',
  groups: 'https://developer.zendesk.com/api-reference/ticketing/groups/groups/',
  groupMemberships: 'https://developer.zendesk.com/api-reference/ticketing/groups/group_memberships/',
  macros: 'https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/',
  tickets: 'https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/',
};

/** Zendesk's error body: {error, description}; a 422 adds `details` {field: [{description, error}]}. */
export const ERROR_BODY = ['error', 'description'];
export const RECORD_INVALID_BODY = ['error', 'description', 'details'];

/** Pagination facts shared by every list endpoint (DOCS.pagination, DOCS.offsetLimit). */
export const PAGINATION = {
  cursor: {
    request: ['page[size]', 'page[after]', 'page[before]'],
    answer: { meta: ['has_more', 'after_cursor', 'before_cursor'], links: ['next', 'prev'] },
    note: 'page[size] selects cursor pagination; "most endpoints limit this to a maximum of 100". Without page[size] an endpoint that also supports offset answers with offset pagination.',
    source: { docs: DOCS.pagination },
  },
  offset: {
    request: ['page', 'per_page'],
    answer: ['next_page', 'previous_page', 'count'],
    perPageMax: 100,
    maxRecords: 10_000,
    pastMaxRecords: { status: 400, body: ERROR_BODY, documented: true, note: 'offset requests past the first 10 000 records (100 pages of 100) answer 400 Bad Request' },
    note: 'An endpoint whose reference names no pagination method supports offset pagination only.',
    source: { docs: DOCS.offsetLimit },
  },
};

const cursorParams = (max) => ({
  'page[size]': { type: 'integer', min: 1, max },
  'page[after]': { type: 'cursor' },
  'page[before]': { type: 'cursor' },
});
const offsetParams = (perPageMax = PAGINATION.offset.perPageMax) => ({
  page: { type: 'integer', min: 1 },
  per_page: { type: 'integer', min: 1, max: perPageMax },
});
/** Both kinds (the usual "Cursor pagination (recommended) / Offset pagination" section). */
const bothParams = (max = 100) => ({ ...cursorParams(max), ...offsetParams() });

const notFound = { status: 404, when: 'the id does not exist', body: ERROR_BODY, documented: false, observed: 'RecordNotFound' };
const cursorTooBig = (max) => ({
  status: 400,
  when: `page[size] above ${max}`,
  query: { 'page[size]': String(max + 1) },
  body: ERROR_BODY,
  documented: false,
  note: 'the reference gives the maximum, not the answer to a bigger page; the sandbox answers 400 InvalidPaginationParameter',
});

/** View columns (views-openapi-original.yml, CreateView, "View columns"): the values of `output.columns`. */
export const VIEW_COLUMNS = [
  'assigned', 'assignee', 'due_date', 'group', 'nice_id', 'updated', 'updated_assignee', 'updated_requester', 'updated_by_type',
  'organization', 'priority', 'created', 'requester', 'locale_id', 'satisfaction_score', 'solved', 'status', 'description',
  'submitter', 'ticket_form', 'type', 'brand', 'custom_status_id',
];
/** "View sorting": group_by/sort_by take a column of that table, except these. */
export const VIEW_UNSORTABLE = ['description', 'submitter', 'custom_status_id'];
/** CreateView: the ALL conditions must test one of these. */
export const VIEW_REQUIRED_ALL_FIELDS = ['status', 'type', 'group_id', 'assignee_id', 'requester_id'];

/** @typedef {{type?: string, required?: boolean, min?: number, max?: number, maxItems?: number, enum?: string[], forbid?: Array<{pattern: string, why: string}>}} ParamSpec */

export const ENDPOINTS = [
  // ---------------------------------------------------------------- tickets
  {
    method: 'GET', path: '/api/v2/tickets',
    source: { openapi: 'tickets-openapi-original.yml', operationId: 'ListTickets' },
    pagination: ['cursor', 'offset'],
    query: { external_id: { type: 'string' }, ...bothParams(100) },
    response: { status: 200, keys: ['tickets'] },
    errors: [cursorTooBig(100), { ...PAGINATION.offset.pastMaxRecords, query: { page: '101', per_page: '100' }, when: 'offset page past 10 000 records' }],
    unverified: ['ListTickets has no description in the OpenAPI file; both pagination kinds come from the pagination introduction (tickets is its example).'],
  },
  {
    method: 'GET', path: '/api/v2/tickets/show_many',
    source: { openapi: 'tickets-openapi-original.yml', operationId: 'TicketsShowMany' },
    pagination: ['offset'],
    query: { ids: { type: 'ids', required: true, maxItems: 100 } },
    response: { status: 200, keys: ['tickets'] },
    errors: [],
    notes: '"This endpoint will return up to 100 tickets records." No pagination section: offset by the pagination introduction\'s rule.',
    unverified: ['The answer to more than 100 ids (error, or the first 100) is not documented.'],
  },
  {
    method: 'GET', path: '/api/v2/tickets/{ticket_id}',
    source: { openapi: 'tickets-openapi-original.yml', operationId: 'ShowTicket' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['ticket'] },
    errors: [notFound],
  },
  {
    method: 'PUT', path: '/api/v2/tickets/{ticket_id}',
    source: { openapi: 'tickets-openapi-original.yml', operationId: 'UpdateTicket' },
    pagination: ['none'], query: {},
    body: { root: 'ticket', safeUpdate: { fields: ['safe_update', 'updated_stamp'] } },
    response: { status: 200, keys: ['ticket', 'audit'] },
    errors: [
      { status: 409, when: 'safe_update with an updated_stamp that is not the ticket\'s updated_at', body: ERROR_BODY, documented: true, source: { openapi: 'tickets-openapi-original.yml', operationId: 'PutTagsTicket', docs: `${DOCS.tickets}#protecting-against-ticket-update-collisions` } },
      notFound,
    ],
    unverified: ['The 409 body (the sandbox answers {error: "UpdateConflict", description}).', 'Whether an update that changes nothing answers without `audit`.'],
  },
  {
    method: 'GET', path: '/api/v2/tickets/{ticket_id}/audits',
    source: { openapi: 'tickets-openapi-original.yml', operationId: 'ListAuditsForTicket' },
    pagination: ['cursor', 'offset'],
    query: bothParams(100),
    response: { status: 200, keys: ['audits'] },
    variants: [
      {
        when: 'the ticket is archived',
        pagination: ['none'],
        keys: ['audits'],
        note: '"Audits for Archived Tickets do not support pagination for this endpoint": every audit in one answer, no meta/links (schema TicketAuditsResponseNoneCursor: audits, count, next_page, previous_page).',
      },
    ],
    errors: [cursorTooBig(100), notFound],
    unverified: ['What an archived ticket answers to page[size] (ignored, or an error); next_page is then presumably null.', 'How a client can tell an archived ticket before asking (closed for 120 days is Zendesk\'s archiving rule, not part of the answer).'],
  },
  {
    method: 'GET', path: '/api/v2/tickets/{ticket_id}/audits/{ticket_audit_id}',
    source: { openapi: 'tickets-openapi-original.yml', operationId: 'ShowTicketAudit' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['audit'] },
    errors: [notFound],
  },
  {
    method: 'GET', path: '/api/v2/tickets/{ticket_id}/comments',
    source: { openapi: 'tickets-openapi-original.yml', operationId: 'ListTicketComments' },
    pagination: ['cursor', 'offset'],
    query: {
      include_inline_images: { type: 'boolean' },
      include: { type: 'string', enum: ['users'] },
      sort: { type: 'string', enum: ['created_at', '-created_at'], note: 'cursor pagination only' },
      sort_order: { type: 'string', enum: ['asc', 'desc'], note: 'offset pagination only' },
      ...bothParams(100),
    },
    response: { status: 200, keys: ['comments'] },
    errors: [cursorTooBig(100), notFound],
  },
  {
    method: 'GET', path: '/api/v2/tickets/{ticket_id}/macros/{macro_id}/apply',
    source: { openapi: 'macros-openapi-original.yml', operationId: 'ShowTicketAfterChanges' },
    pagination: ['none'], query: {},
    response: {
      status: 200,
      keys: ['result'],
      nested: { result: { keys: ['ticket'], only: true }, 'result.ticket': { keys: [], documented: ['id', 'url', 'assignee_id', 'group_id', 'comment', 'fields'] } },
    },
    notes: 'Schema MacroApplyTicketResponse: result.ticket (the full ticket after the macro) holds the comment the macro would add (result.ticket.comment: body, public, scoped_body) and `fields` ({id, value}). There is no result.comment.',
    errors: [notFound],
    unverified: ['Whether result.ticket also carries custom_fields next to fields (the example is not in the split file).', 'html_body inside result.ticket.comment (the schema lists body, public, scoped_body only).'],
  },
  // ---------------------------------------------------------------- macros
  {
    method: 'GET', path: '/api/v2/macros',
    source: { openapi: 'macros-openapi-original.yml', operationId: 'ListMacros', docs: DOCS.macros },
    pagination: ['cursor', 'offset'],
    query: { access: { type: 'string' }, active: { type: 'boolean' }, category: { type: 'integer' }, group_id: { type: 'integer' }, include: { type: 'string' }, only_viewable: { type: 'boolean' }, sort_by: { type: 'string' }, sort_order: { type: 'string', enum: ['asc', 'desc'] }, ...bothParams(100) },
    response: { status: 200, keys: ['macros'] },
    errors: [cursorTooBig(100)],
    unverified: ['The parameters are $refs the split OpenAPI file does not resolve (MacroAccess, MacroActive, …); names from the docs page.'],
  },
  {
    method: 'GET', path: '/api/v2/macros/active',
    source: { openapi: 'macros-openapi-original.yml', operationId: 'ListActiveMacros' },
    pagination: ['offset'],
    query: { access: { type: 'string' }, category: { type: 'integer' }, group_id: { type: 'integer' }, include: { type: 'string' }, sort_by: { type: 'string' }, sort_order: { type: 'string', enum: ['asc', 'desc'] }, ...offsetParams() },
    response: { status: 200, keys: ['macros'] },
    errors: [],
    notes: 'No pagination section: offset only by the pagination introduction\'s rule.',
  },
  {
    method: 'GET', path: '/api/v2/macros/search',
    source: { openapi: 'macros-openapi-original.yml', operationId: 'SearchMacro' },
    pagination: ['offset'],
    query: { query: { type: 'string', required: true }, access: { type: 'string' }, active: { type: 'boolean' }, category: { type: 'integer' }, group_id: { type: 'integer' }, include: { type: 'string' }, only_viewable: { type: 'boolean' }, sort_by: { type: 'string' }, sort_order: { type: 'string', enum: ['asc', 'desc'] }, ...offsetParams() },
    response: { status: 200, keys: ['macros'] },
    notes: '"Offset pagination only": page[size] is not a parameter of this endpoint; the answer has next_page/previous_page/count, never meta/links.',
    errors: [],
    unverified: ['What Zendesk answers to page[size] here (ignores it and pages by offset, or refuses).'],
  },
  {
    method: 'GET', path: '/api/v2/macros/{macro_id}',
    source: { openapi: 'macros-openapi-original.yml', operationId: 'ShowMacro' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['macro'] },
    errors: [notFound],
  },
  {
    method: 'GET', path: '/api/v2/macros/{macro_id}/apply',
    source: { openapi: 'macros-openapi-original.yml', operationId: 'ShowChangesToTicket' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['result'], nested: { result: { keys: ['ticket'], only: true } } },
    notes: 'Only the ticket fields the macro would change, under result.ticket (the comment included).',
    errors: [notFound],
  },
  // ---------------------------------------------------------------- ticket fields and forms
  {
    method: 'GET', path: '/api/v2/ticket_fields',
    source: { openapi: 'ticket-fields-openapi-original.yml', operationId: 'ListTicketFields' },
    pagination: ['cursor', 'none'],
    query: { locale: { type: 'string' }, creator: { type: 'boolean' }, ...cursorParams(100) },
    response: { status: 200, keys: ['ticket_fields'] },
    notes: '"Cursor pagination (recommended) / No pagination": without page[size] every field comes in one answer.',
    errors: [cursorTooBig(100)],
    unverified: ['Whether the unpaginated answer carries next_page/previous_page/count keys (null) or none.'],
  },
  {
    method: 'GET', path: '/api/v2/ticket_fields/{ticket_field_id}',
    source: { openapi: 'ticket-fields-openapi-original.yml', operationId: 'ShowTicketfield' },
    pagination: ['none'], query: { creator: { type: 'boolean' } },
    response: { status: 200, keys: ['ticket_field'] },
    errors: [notFound],
  },
  {
    method: 'GET', path: '/api/v2/ticket_forms',
    source: { openapi: 'ticket-forms-openapi-original.yml', operationId: 'ListTicketForms' },
    pagination: ['offset'],
    query: { active: { type: 'boolean' }, end_user_visible: { type: 'boolean' }, fallback_to_default: { type: 'boolean' }, associated_to_brand: { type: 'boolean' }, ...offsetParams() },
    response: { status: 200, keys: ['ticket_forms'] },
    errors: [],
    notes: 'No pagination section: offset by the pagination introduction\'s rule.',
  },
  {
    method: 'GET', path: '/api/v2/ticket_forms/{ticket_form_id}',
    source: { openapi: 'ticket-forms-openapi-original.yml', operationId: 'ShowTicketForm' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['ticket_form'] },
    errors: [notFound],
  },
  // ---------------------------------------------------------------- users, groups
  {
    method: 'GET', path: '/api/v2/users',
    source: { openapi: 'users-openapi-original.yml', operationId: 'ListUsers' },
    pagination: ['cursor', 'offset'],
    query: { role: { type: 'string', enum: ['end-user', 'agent', 'admin'] }, 'role[]': { type: 'string', enum: ['end-user', 'agent', 'admin'] }, permission_set: { type: 'integer' }, external_id: { type: 'string' }, ...bothParams(100) },
    response: { status: 200, keys: ['users'] },
    errors: [cursorTooBig(100)],
  },
  {
    method: 'GET', path: '/api/v2/users/me',
    source: { openapi: 'users-openapi-original.yml', operationId: 'ShowCurrentUser' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['user'] },
    errors: [],
  },
  {
    method: 'GET', path: '/api/v2/users/show_many',
    source: { openapi: 'users-openapi-original.yml', operationId: 'ShowManyUsers' },
    pagination: ['offset'],
    query: { ids: { type: 'ids', maxItems: 100 }, external_ids: { type: 'string', maxItems: 100 } },
    response: { status: 200, keys: ['users'] },
    notes: '"Accepts a comma-separated list of up to 100 user ids or external ids."',
    errors: [{ status: 400, when: 'more than 100 ids', query: { ids: Array.from({ length: 101 }, (_, i) => 1001 + i).join(',') }, body: ERROR_BODY, documented: false, note: 'the limit is documented, the answer past it is not; the sandbox answers 400 InvalidParameter' }],
  },
  {
    method: 'GET', path: '/api/v2/users/search',
    source: { openapi: 'users-openapi-original.yml', operationId: 'SearchUsers' },
    pagination: ['offset'],
    query: { query: { type: 'string' }, external_id: { type: 'string' }, ...offsetParams() },
    response: { status: 200, keys: ['users'] },
    notes: '"Offset pagination only"; up to 100 records per page, 10 000 per query.',
    errors: [],
  },
  {
    method: 'GET', path: '/api/v2/users/{user_id}',
    source: { openapi: 'users-openapi-original.yml', operationId: 'ShowUser' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['user'] },
    errors: [notFound],
  },
  {
    method: 'GET', path: '/api/v2/users/{user_id}/groups',
    source: { openapi: 'groups-openapi-original.yml', operationId: 'ListGroups', docs: `${DOCS.groups}#list-groups` },
    pagination: ['cursor', 'offset'],
    query: { exclude_deleted: { type: 'boolean' }, ...bothParams(100) },
    response: { status: 200, keys: ['groups'] },
    notes: 'The user_id variant of List Groups (the OpenAPI folds it into ListGroups as a UserId parameter).',
    errors: [cursorTooBig(100), notFound],
  },
  {
    method: 'GET', path: '/api/v2/users/{user_id}/group_memberships',
    source: { openapi: 'group-memberships-openapi-original.yml', operationId: 'ListGroupMemberships', docs: `${DOCS.groupMemberships}#list-memberships` },
    pagination: ['cursor', 'offset'],
    query: bothParams(100),
    response: { status: 200, keys: ['group_memberships'] },
    notes: 'The user_id variant of List Memberships.',
    errors: [cursorTooBig(100)],
  },
  {
    method: 'GET', path: '/api/v2/user_fields',
    source: { openapi: 'user-fields-openapi-original.yml', operationId: 'ListUserFields' },
    pagination: ['cursor', 'offset'],
    query: bothParams(100),
    response: { status: 200, keys: ['user_fields'] },
    errors: [cursorTooBig(100)],
  },
  {
    method: 'GET', path: '/api/v2/groups',
    source: { openapi: 'groups-openapi-original.yml', operationId: 'ListGroups' },
    pagination: ['cursor', 'offset'],
    query: { exclude_deleted: { type: 'boolean' }, ...bothParams(100) },
    response: { status: 200, keys: ['groups'] },
    errors: [cursorTooBig(100)],
  },
  {
    method: 'GET', path: '/api/v2/groups/assignable',
    source: { openapi: 'groups-openapi-original.yml', operationId: 'ListAssignableGroups' },
    pagination: ['cursor', 'offset'],
    query: bothParams(100),
    response: { status: 200, keys: ['groups'] },
    errors: [cursorTooBig(100)],
  },
  {
    method: 'GET', path: '/api/v2/groups/{group_id}',
    source: { openapi: 'groups-openapi-original.yml', operationId: 'ShowGroupById' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['group'] },
    errors: [notFound],
  },
  {
    method: 'GET', path: '/api/v2/groups/{group_id}/users',
    source: { openapi: 'users-openapi-original.yml', operationId: 'ListUsers', docs: `${DOCS.users}#list-users` },
    pagination: ['cursor', 'offset'],
    query: { role: { type: 'string', enum: ['end-user', 'agent', 'admin'] }, 'role[]': { type: 'string', enum: ['end-user', 'agent', 'admin'] }, permission_set: { type: 'integer' }, ...bothParams(100) },
    response: { status: 200, keys: ['users'] },
    notes: 'The group_id variant of List Users (a path on the docs page, not a separate path of the OpenAPI file).',
    errors: [cursorTooBig(100), notFound],
  },
  {
    method: 'GET', path: '/api/v2/groups/{group_id}/memberships',
    source: { openapi: 'group-memberships-openapi-original.yml', operationId: 'ListGroupMemberships', docs: `${DOCS.groupMemberships}#list-memberships` },
    pagination: ['cursor', 'offset'],
    query: bothParams(100),
    response: { status: 200, keys: ['group_memberships'] },
    notes: 'The group_id variant of List Memberships.',
    errors: [cursorTooBig(100)],
  },
  {
    method: 'GET', path: '/api/v2/group_memberships',
    source: { openapi: 'group-memberships-openapi-original.yml', operationId: 'ListGroupMemberships' },
    pagination: ['cursor', 'offset'],
    query: bothParams(100),
    response: { status: 200, keys: ['group_memberships'] },
    errors: [cursorTooBig(100)],
  },
  // ---------------------------------------------------------------- search
  {
    method: 'GET', path: '/api/v2/search',
    source: { openapi: 'search-openapi-original.yml', operationId: 'ListSearchResults', docs: DOCS.search },
    pagination: ['offset'],
    query: {
      query: { type: 'string', required: true },
      sort_by: { type: 'string', enum: ['updated_at', 'created_at', 'priority', 'status', 'ticket_type'] },
      sort_order: { type: 'string', enum: ['asc', 'desc'] },
      ...offsetParams(),
    },
    response: { status: 200, keys: ['results', 'facets'] },
    notes: '"Offset pagination only". At most 1 000 results per query and 100 per page; `type:` in the query is the documented way to pick a type here.',
    errors: [
      { status: 422, when: 'a page past the 1 000-result limit (page=11 at 100 per page)', query: { query: 'status:open', page: '11', per_page: '100' }, body: ERROR_BODY, documented: true, source: { docs: `${DOCS.search}#results-limit` } },
      { status: 400, when: 'no query', query: { query: '' }, body: ERROR_BODY, documented: false, note: '`query` is required; the answer to its absence is not documented' },
    ],
  },
  {
    method: 'GET', path: '/api/v2/search/export',
    source: { openapi: 'search-openapi-original.yml', operationId: 'ExportSearchResults' },
    pagination: ['cursor'],
    query: {
      query: { type: 'string', required: true, forbid: [{ pattern: '(^|\\s)-?type:', why: '"You must specify the type in the filter[type] parameter. Searches with type in the query string will result in an error."' }] },
      'filter[type]': { type: 'string', required: true, enum: ['ticket', 'organization', 'user', 'group'] },
      'page[size]': { type: 'integer', min: 1, max: 1000 },
      'page[after]': { type: 'cursor' },
    },
    response: { status: 200, keys: ['results', 'facets', 'meta', 'links'], nested: { meta: { keys: ['has_more', 'after_cursor'] }, links: { keys: ['next', 'prev'] } } },
    notes: 'Cursor only, up to 1 000 per page (100 recommended with many archived tickets); links.prev is always null (no backward paging); no `count`; after_cursor expires after an hour. Rate limit: 100 requests per minute per account.',
    errors: [
      { status: '4xx', when: 'a type in the query string', query: { query: 'type:ticket status:open', 'filter[type]': 'ticket' }, body: ERROR_BODY, documented: true, note: 'the reference says "will result in an error" without the status' },
      { status: '4xx', when: 'no filter[type]', query: { query: 'status:open' }, without: ['filter[type]'], body: ERROR_BODY, documented: true, note: '"You must specify the type in the filter[type] parameter"; status not documented (the sandbox answers 400)' },
      { status: 429, when: 'more than 100 export requests in a minute', body: ERROR_BODY, documented: true, headers: ['retry-after'], note: 'the limit is documented; its body is not' },
    ],
    unverified: ['The status and body of the "type in the query" error.', 'The 429 body of the export limit, and whether the minute is rolling or fixed.'],
  },
  // ---------------------------------------------------------------- views
  {
    method: 'GET', path: '/api/v2/views',
    source: { openapi: 'views-openapi-original.yml', operationId: 'ListViews' },
    pagination: ['cursor', 'offset'],
    query: {
      access: { type: 'string', enum: ['personal', 'shared', 'account'] }, active: { type: 'boolean' }, group_id: { type: 'integer' },
      sort: { type: 'string', note: 'cursor pagination; prefix - for descending' },
      sort_by: { type: 'string', enum: ['alphabetical', 'created_at', 'updated_at'], note: 'offset pagination' },
      sort_order: { type: 'string', enum: ['asc', 'desc'], note: 'offset pagination' },
      ...bothParams(100),
    },
    response: { status: 200, keys: ['views'] },
    errors: [cursorTooBig(100)],
  },
  {
    method: 'GET', path: '/api/v2/views/active',
    source: { openapi: 'views-openapi-original.yml', operationId: 'ListActiveViews' },
    pagination: ['offset'],
    query: { access: { type: 'string', enum: ['personal', 'shared', 'account'] }, group_id: { type: 'integer' }, sort_by: { type: 'string', enum: ['alphabetical', 'created_at', 'updated_at'] }, sort_order: { type: 'string', enum: ['asc', 'desc'] }, ...offsetParams() },
    response: { status: 200, keys: ['views'] },
    notes: 'The pagination section names offset pagination only.',
    errors: [],
  },
  {
    method: 'POST', path: '/api/v2/views',
    source: { openapi: 'views-openapi-original.yml', operationId: 'CreateView' },
    pagination: ['none'], query: {},
    body: {
      root: 'view',
      required: ['title', 'all'],
      allMustTestOneOf: VIEW_REQUIRED_ALL_FIELDS,
      columns: { values: VIEW_COLUMNS, customFieldIds: true, max: 10 },
      sortBy: { values: VIEW_COLUMNS.filter((c) => !VIEW_UNSORTABLE.includes(c)), customFieldIds: true },
      order: ['asc', 'desc'],
      restrictionTypes: ['Group', 'User'],
      note: 'Subject is the `description` column; a custom field column, and a sort on it, is the field\'s id. "You can specify a total of 10 columns."',
    },
    response: { status: [200, 201], keys: ['view'] },
    errors: [
      { status: 422, when: 'a column that is not in the View columns table (e.g. "subject")', body: ERROR_BODY, documented: false, note: 'the reference lists the allowed values, not the answer to others' },
      { status: 422, when: 'no ALL condition on status, type, group_id, assignee_id or requester_id', body: ERROR_BODY, documented: false },
      { status: 403, when: 'an agent creates a shared or group view', body: ERROR_BODY, documented: false },
    ],
    unverified: ['Create answers 201 Created by the request-format rule (DOCS.requests) while the OpenAPI lists 200.', 'The 422 body for an unknown column or sort (RecordInvalid with details is presumed).', 'Whether a custom field column may also be written "custom_fields_<id>" (the table and its note give the bare id).', 'Whether sort_by takes the custom field id as a number or a string.'],
  },
  {
    method: 'GET', path: '/api/v2/views/{view_id}',
    source: { openapi: 'views-openapi-original.yml', operationId: 'ShowView' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['view'] },
    errors: [notFound],
  },
  {
    method: 'GET', path: '/api/v2/views/{view_id}/tickets',
    source: { openapi: 'views-openapi-original.yml', operationId: 'ListTicketsFromView' },
    pagination: ['cursor', 'offset'],
    query: { sort_by: { type: 'string' }, sort_order: { type: 'string', enum: ['asc', 'desc'] }, ...bothParams(100) },
    response: { status: 200, keys: ['tickets'] },
    errors: [cursorTooBig(100), notFound],
  },
  {
    method: 'GET', path: '/api/v2/views/{view_id}/count',
    source: { openapi: 'views-openapi-original.yml', operationId: 'GetViewCount' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['view_count'], nested: { view_count: { keys: ['view_id', 'url', 'value', 'pretty', 'fresh'] } } },
    notes: 'Rate limited to 5 requests per minute, per view, per agent.',
    errors: [notFound],
  },
  // ---------------------------------------------------------------- business hours
  {
    method: 'GET', path: '/api/v2/business_hours/schedules',
    source: { docs: `${DOCS.schedules}#list-schedules` },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['schedules'] },
    errors: [],
    unverified: ['Schedules are not in the local OpenAPI files: facts from the docs page only (its example has no pagination keys).'],
  },
  {
    method: 'GET', path: '/api/v2/business_hours/schedules/{schedule_id}',
    source: { docs: `${DOCS.schedules}#show-schedule` },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['schedule'], nested: { schedule: { keys: ['id', 'name', 'time_zone', 'intervals'] } } },
    notes: 'intervals: {start_time, end_time} in minutes since Sunday midnight.',
    errors: [notFound],
  },
  {
    method: 'GET', path: '/api/v2/business_hours/schedules/{schedule_id}/holidays',
    source: { docs: `${DOCS.schedules}#list-holidays-for-a-schedule` },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['holidays'] },
    errors: [notFound],
    unverified: ['Whether a long holiday list is ever paginated (the docs page names no pagination).'],
  },
  {
    method: 'GET', path: '/api/v2/business_hours/schedules/{schedule_id}/holidays/{holiday_id}',
    source: { docs: `${DOCS.schedules}#show-holiday` },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['holiday'] },
    errors: [notFound],
  },
  // ---------------------------------------------------------------- custom objects
  {
    method: 'GET', path: '/api/v2/custom_objects',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'ListCustomObjects' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['custom_objects'] },
    errors: [],
  },
  {
    method: 'POST', path: '/api/v2/custom_objects',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'CreateCustomObject' },
    pagination: ['none'], query: {},
    body: { root: 'custom_object', required: ['key', 'title', 'title_pluralized'] },
    response: { status: 201, keys: ['custom_object'] },
    errors: [],
    unverified: ['title_pluralized is required by Zendesk\'s schema; the sandbox does not insist.'],
  },
  {
    method: 'GET', path: '/api/v2/custom_objects/{custom_object_key}',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'ShowCustomObject' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['custom_object'] },
    errors: [notFound],
  },
  {
    method: 'DELETE', path: '/api/v2/custom_objects/{custom_object_key}',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'DeleteCustomObject' },
    pagination: ['none'], query: {},
    response: { status: 204, keys: [] },
    errors: [notFound],
  },
  {
    method: 'GET', path: '/api/v2/custom_objects/{custom_object_key}/fields',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'ListCustomObjectFields' },
    pagination: ['cursor', 'offset'],
    query: { include_standard_fields: { type: 'boolean' }, ...bothParams(100) },
    response: { status: 200, keys: ['custom_object_fields'] },
    errors: [cursorTooBig(100), notFound],
  },
  {
    method: 'POST', path: '/api/v2/custom_objects/{custom_object_key}/fields',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'CreateCustomObjectField' },
    pagination: ['none'], query: {},
    body: { root: 'custom_object_field', required: ['key', 'title', 'type'] },
    response: { status: 201, keys: ['custom_object_field'] },
    errors: [notFound],
  },
  {
    method: 'GET', path: '/api/v2/custom_objects/{custom_object_key}/fields/{custom_object_field_key_or_id}',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'ShowCustomObjectField' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['custom_object_field'] },
    errors: [notFound],
  },
  {
    method: 'DELETE', path: '/api/v2/custom_objects/{custom_object_key}/fields/{custom_object_field_key_or_id}',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'DeleteCustomObjectField' },
    pagination: ['none'], query: {},
    response: { status: 204, keys: [] },
    errors: [notFound],
  },
  {
    method: 'GET', path: '/api/v2/custom_objects/{custom_object_key}/records',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'ListCustomObjectRecords' },
    pagination: ['cursor'],
    query: {
      'filter[ids]': { type: 'string', note: 'comma-separated record ids' },
      'filter[external_ids]': { type: 'string', note: 'comma-separated external ids' },
      sort: { type: 'string', enum: ['id', 'updated_at', '-id', '-updated_at'] },
      ...cursorParams(100),
    },
    response: { status: 200, keys: ['custom_object_records', 'count', 'meta', 'links'] },
    notes: '"Cursor pagination only"; "up to 100 records per page".',
    errors: [cursorTooBig(100), notFound],
  },
  {
    method: 'POST', path: '/api/v2/custom_objects/{custom_object_key}/records',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'CreateCustomObjectRecord' },
    pagination: ['none'], query: {},
    body: { root: 'custom_object_record' },
    response: { status: 201, keys: ['custom_object_record'] },
    errors: [notFound],
  },
  {
    method: 'PATCH', path: '/api/v2/custom_objects/{custom_object_key}/records',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'UpsertCustomObjectRecordByExternalIdOrName' },
    pagination: ['none'],
    query: { external_id: { type: 'string', oneOf: 'name' }, name: { type: 'string', oneOf: 'external_id' } },
    exactlyOneOf: ['external_id', 'name'],
    body: { root: 'custom_object_record' },
    response: { status: 200, keys: ['custom_object_record'] },
    notes: 'Updates the record with that external id (or name), or creates it.',
    errors: [{ status: 400, when: 'neither external_id nor name', query: {}, without: ['external_id'], body: ERROR_BODY, documented: false }],
  },
  {
    method: 'DELETE', path: '/api/v2/custom_objects/{custom_object_key}/records',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'DeleteCustomObjectRecordByExternalIdOrName' },
    pagination: ['none'],
    query: { external_id: { type: 'string' }, name: { type: 'string' } },
    exactlyOneOf: ['external_id', 'name'],
    response: { status: 204, keys: [] },
    errors: [],
  },
  {
    method: 'GET', path: '/api/v2/custom_objects/{custom_object_key}/records/search',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'SearchCustomObjectRecords' },
    pagination: ['cursor'],
    query: { query: { type: 'string' }, sort: { type: 'string', enum: ['name', 'created_at', 'updated_at', '-name', '-created_at', '-updated_at'] }, ...cursorParams(100) },
    response: { status: 200, keys: ['custom_object_records', 'count', 'meta', 'links'] },
    notes: 'Cursor only; without `sort` only the first 10 000 records are returned.',
    errors: [cursorTooBig(100), notFound],
  },
  {
    method: 'POST', path: '/api/v2/custom_objects/{custom_object_key}/records/search',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'FilteredSearchCustomObjectRecords' },
    pagination: ['cursor'],
    query: { query: { type: 'string' }, sort: { type: 'string', enum: ['name', 'created_at', 'updated_at', '-name', '-created_at', '-updated_at'] }, ...cursorParams(100) },
    body: { root: 'filter' },
    response: { status: 200, keys: ['custom_object_records', 'count', 'meta', 'links'] },
    notes: 'Cursor only; the filter is the body\'s `filter` object.',
    errors: [cursorTooBig(100), notFound],
  },
  {
    method: 'GET', path: '/api/v2/custom_objects/{custom_object_key}/records/count',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'CountCustomObjectRecords' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['count'], nested: { count: { keys: ['refreshed_at', 'value'] } } },
    errors: [notFound],
  },
  {
    method: 'GET', path: '/api/v2/custom_objects/{custom_object_key}/records/{custom_object_record_id}',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'ShowCustomObjectRecord' },
    pagination: ['none'], query: {},
    response: { status: 200, keys: ['custom_object_record'] },
    errors: [notFound],
  },
  {
    method: 'PATCH', path: '/api/v2/custom_objects/{custom_object_key}/records/{custom_object_record_id}',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'UpdateCustomObjectRecord' },
    pagination: ['none'], query: {},
    body: { root: 'custom_object_record' },
    response: { status: 200, keys: ['custom_object_record'] },
    errors: [notFound],
  },
  {
    method: 'DELETE', path: '/api/v2/custom_objects/{custom_object_key}/records/{custom_object_record_id}',
    source: { openapi: 'custom-objects-openapi-original.yml', operationId: 'DeleteCustomObjectRecord' },
    pagination: ['none'], query: {},
    response: { status: 204, keys: [] },
    errors: [notFound],
  },
];

/** "GET /api/v2/tickets/{ticket_id}" */
export const endpointId = (e) => `${e.method} ${e.path}`;
