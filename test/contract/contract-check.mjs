/**
 * Reading the contract (contract/zendesk-rest.mjs): which endpoint a request is, whether a request
 * stays inside it, and whether an answer has its documented shape. Every check returns a list of
 * problems (empty = conforms), each naming the endpoint, so a failing test says what broke.
 */
import { ENDPOINTS, ERROR_BODY, PAGINATION, endpointId } from '../../contract/zendesk-rest.mjs';

const literalSegments = (path) => path.split('/').filter((s) => s && !s.startsWith('{')).length;

/** Most literal templates first: /users/show_many wins over /users/{user_id}. */
const BY_SPECIFICITY = ENDPOINTS.map((endpoint) => ({
  endpoint,
  regex: new RegExp(`^${endpoint.path.replace(/\{\w+\}/g, '[^/]+')}$`),
  literals: literalSegments(endpoint.path),
})).sort((a, b) => b.literals - a.literals);

/** "/api/v2/tickets/101.json?x=1" or an absolute url → {path: "/api/v2/tickets/101", query} */
export function splitUrl(url) {
  const parsed = new URL(url, 'https://account.invalid');
  return { path: parsed.pathname.replace(/\/+$/, '').replace(/\.json$/, ''), query: parsed.searchParams };
}

/** The contract endpoint of `method url`, or null. */
export function findEndpoint(method, url) {
  const { path } = splitUrl(url);
  return BY_SPECIFICITY.find(({ endpoint, regex }) => endpoint.method === method.toUpperCase() && regex.test(path))?.endpoint ?? null;
}

/** A sandbox route pattern ("/api/v2/tickets/:id") as a contract template's shape, to pair them. */
export const routeShape = (pattern) => pattern.replace(/:\w+/g, '{}');
export const templateShape = (path) => path.replace(/\{\w+\}/g, '{}');

function checkParam(name, value, spec) {
  const problems = [];
  const values = spec.type === 'ids' || spec.maxItems ? value.split(',').filter((s) => s.trim() !== '') : [value];
  if (spec.maxItems !== undefined && values.length > spec.maxItems) problems.push(`${name}: ${values.length} items, at most ${spec.maxItems}`);
  if (spec.type === 'ids' && !values.every((id) => /^\d+$/.test(id.trim()))) problems.push(`${name}: not a list of ids: ${value.slice(0, 60)}`);
  if (spec.type === 'integer') {
    const n = Number(value);
    if (!Number.isInteger(n)) problems.push(`${name}: not an integer: ${value}`);
    else {
      if (spec.min !== undefined && n < spec.min) problems.push(`${name}=${n}: below ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) problems.push(`${name}=${n}: above the documented maximum ${spec.max}`);
    }
  }
  if (spec.type === 'boolean' && !['true', 'false'].includes(value)) problems.push(`${name}: not a boolean: ${value}`);
  if (spec.enum && !spec.enum.includes(value)) problems.push(`${name}=${value}: not one of ${spec.enum.join(', ')}`);
  for (const rule of spec.forbid ?? []) if (new RegExp(rule.pattern).test(value)) problems.push(`${name}="${value.slice(0, 80)}": ${rule.why}`);
  return problems;
}

/** Columns and sort of a view: a documented column value, or a custom field's id. */
function viewValueProblems(what, value, allowed) {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return [];
  if (typeof value === 'string' && /^\d+$/.test(value)) return [];
  if (typeof value === 'string' && allowed.includes(value)) return [];
  return [`${what} ${JSON.stringify(value)}: not a View column value (${allowed.length} documented) nor a custom field id`];
}

function bodyProblems(endpoint, body) {
  const rules = endpoint.body;
  if (!rules) return body === undefined ? [] : ['a body, where the endpoint takes none'];
  if (!body || typeof body !== 'object' || !(rules.root in body)) return [`the body has no \`${rules.root}\``];
  const root = body[rules.root];
  const problems = [];
  for (const key of rules.required ?? []) if (root?.[key] === undefined) problems.push(`${rules.root}.${key} is required`);
  if (rules.allMustTestOneOf && !(root.all ?? root.conditions?.all ?? []).some((c) => rules.allMustTestOneOf.includes(c?.field))) {
    problems.push(`${rules.root}.all must test one of ${rules.allMustTestOneOf.join(', ')}`);
  }
  const output = root.output ?? {};
  if (rules.columns && output.columns !== undefined) {
    if (output.columns.length > rules.columns.max) problems.push(`output.columns: ${output.columns.length} columns, at most ${rules.columns.max}`);
    for (const c of output.columns) problems.push(...viewValueProblems('output.columns', c, rules.columns.values));
  }
  if (rules.sortBy) {
    for (const key of ['sort_by', 'group_by']) if (output[key] !== undefined) problems.push(...viewValueProblems(`output.${key}`, output[key], rules.sortBy.values));
    for (const key of ['sort_order', 'group_order']) if (output[key] !== undefined && !rules.order.includes(output[key])) problems.push(`output.${key}=${output[key]}: not asc/desc`);
  }
  if (rules.restrictionTypes && root.restriction && !rules.restrictionTypes.includes(root.restriction.type)) problems.push(`restriction.type ${root.restriction.type}: not Group/User`);
  if (rules.safeUpdate && (root.safe_update === true || root.safe_update === 'true') && !root.updated_stamp) problems.push('safe_update without updated_stamp');
  return problems;
}

/**
 * What is wrong with a request the app sends, per the contract (an empty list: nothing).
 * @param {{method?: string, url: string, body?: unknown}} request
 */
export function requestProblems(request) {
  const method = (request.method ?? 'GET').toUpperCase();
  const endpoint = findEndpoint(method, request.url);
  if (!endpoint) return [`${method} ${splitUrl(request.url).path}: not an endpoint of the contract`];
  const { query } = splitUrl(request.url);
  const problems = [];
  for (const name of new Set(query.keys())) {
    const spec = endpoint.query[name];
    if (!spec) {
      problems.push(`${name}: not a parameter of this endpoint (accepted: ${Object.keys(endpoint.query).join(', ') || 'none'})`);
      continue;
    }
    for (const value of query.getAll(name)) problems.push(...checkParam(name, value, spec));
  }
  for (const [name, spec] of Object.entries(endpoint.query)) if (spec.required && !query.get(name)) problems.push(`${name} is required`);
  if (endpoint.exactlyOneOf && endpoint.exactlyOneOf.filter((n) => query.has(n)).length !== 1) problems.push(`exactly one of ${endpoint.exactlyOneOf.join(', ')}`);
  problems.push(...bodyProblems(endpoint, request.body));
  return problems.map((p) => `${endpointId(endpoint)}: ${p}`);
}

const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The pagination an answer shows: meta/links → cursor, next_page/previous_page → offset, else none. */
export function paginationOf(body) {
  if (!isObject(body)) return 'none';
  if ('meta' in body || 'links' in body) return 'cursor';
  if ('next_page' in body || 'previous_page' in body) return 'offset';
  return 'none';
}

function shapeOfKind(kind, body) {
  if (kind === 'cursor') {
    const missing = [...PAGINATION.cursor.answer.meta.filter((k) => !(k in (body.meta ?? {}))).map((k) => `meta.${k}`), ...(isObject(body.links) && 'next' in body.links ? [] : ['links.next'])];
    return missing.filter((k) => k !== 'meta.before_cursor');
  }
  if (kind === 'offset') return PAGINATION.offset.answer.filter((k) => !(k in body));
  return [];
}

const at = (body, dotted) => dotted.split('.').reduce((node, key) => (isObject(node) ? node[key] : undefined), body);

/**
 * What is wrong with an answer, per the contract: status, top-level and nested keys, and the
 * pagination kind (`kinds`: the ones this request may get; default: the endpoint's).
 */
export function answerProblems(endpoint, answer, { kinds = endpoint.pagination, keys = endpoint.response.keys, nested = endpoint.response.nested ?? {} } = {}) {
  const id = endpointId(endpoint);
  const statuses = [endpoint.response.status].flat();
  if (!statuses.includes(answer.status)) return [`${id}: status ${answer.status}, documented ${statuses.join('/')} (${JSON.stringify(answer.body).slice(0, 160)})`];
  if (answer.status === 204) return [];
  const body = answer.body;
  if (!isObject(body)) return [`${id}: the answer is not a JSON object`];
  const problems = keys.filter((k) => !(k in body)).map((k) => `${id}: no \`${k}\` in the answer (keys: ${Object.keys(body).join(', ')})`);
  for (const [path, spec] of Object.entries(nested)) {
    const node = at(body, path);
    if (!isObject(node)) {
      problems.push(`${id}: \`${path}\` is not an object`);
      continue;
    }
    for (const k of spec.keys) if (!(k in node)) problems.push(`${id}: no \`${path}.${k}\` in the answer (keys of ${path}: ${Object.keys(node).join(', ')})`);
    if (spec.only) for (const k of Object.keys(node)) if (!spec.keys.includes(k)) problems.push(`${id}: \`${path}.${k}\` is not in the documented answer (${path} holds ${spec.keys.join(', ')} only)`);
  }
  let kind = paginationOf(body);
  // A list in one answer may still say so with null offset links: nothing to follow is "none".
  if (kind === 'offset' && kinds.includes('none') && !kinds.includes('offset') && body.next_page == null && body.previous_page == null) kind = 'none';
  if (!kinds.includes(kind)) problems.push(`${id}: answered with ${kind} pagination, the contract allows ${kinds.join('/')} here`);
  else problems.push(...shapeOfKind(kind, body).map((k) => `${id}: a ${kind} answer without \`${k}\``));
  return problems;
}

/** What is wrong with an error answer: its status (a number or '4xx') and Zendesk's error body. */
export function errorProblems(endpoint, error, answer) {
  const id = `${endpointId(endpoint)} (${error.when})`;
  const statusOk = error.status === '4xx' ? answer.status >= 400 && answer.status < 500 : answer.status === error.status;
  if (!statusOk) return [`${id}: status ${answer.status}, the contract says ${error.status}${error.documented ? ' (documented)' : ''}`];
  const missing = (error.body ?? ERROR_BODY).filter((k) => !(isObject(answer.body) && k in answer.body));
  return missing.map((k) => `${id}: the error body has no \`${k}\` (${JSON.stringify(answer.body).slice(0, 120)})`);
}
