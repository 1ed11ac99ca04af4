/**
 * Views: list, active, show, create, tickets, count.
 * Creating: agents may create personal views (restriction {type: "User", id: themselves}); shared or
 * group views need an admin — Zendesk's rule. End users get 403.
 */
import { ACCOUNT_ORIGIN } from '../context.mjs';
import { nextId } from '../ids.mjs';
import { offsetPage, paginate } from '../pagination.mjs';
import { requireAgent } from '../permissions.mjs';
import { created, fail, forbidden, json, notFound, recordInvalid } from '../responses.mjs';
import { ticketJson } from '../tickets/serialize.mjs';
import { iso } from '../time.mjs';
import { REQUIRED_ANY_OF, conditionError, viewMatches } from './conditions.mjs';

/**
 * Zendesk's "View columns" table (views reference): the value sent in `output.columns` → the
 * column's title in the agent UI. The Subject column is `description`; custom fields are given by
 * their id. At most 10 columns.
 */
const VIEW_COLUMNS = {
  assigned: 'Assigned', assignee: 'Assignee', due_date: 'Due Date', group: 'Group', nice_id: 'ID',
  updated: 'Updated', updated_assignee: 'Assignee updated', updated_requester: 'Requester updated',
  updated_by_type: 'Updater', organization: 'Organization', priority: 'Priority', created: 'Requested',
  requester: 'Requester', locale_id: 'Requester language', satisfaction_score: 'Satisfaction',
  solved: 'Solved', status: 'Status category', description: 'Subject', submitter: 'Submitter',
  ticket_form: 'Ticket form', type: 'Type', brand: 'Brand', custom_status_id: 'Ticket status',
};
const MAX_COLUMNS = 10;
/** Columns the reference says `group_by` and `sort_by` do not support. */
const UNSORTABLE = ['description', 'submitter', 'custom_status_id'];

const viewJson = (v) => ({ url: `${ACCOUNT_ORIGIN}/api/v2/views/${v.id}.json`, ...structuredClone(v) });

/** Agents see shared views, their groups' views and their own. */
function visibleTo(ctx, view) {
  const r = view.restriction;
  if (!r || ctx.user.role === 'admin') return true;
  if (r.type === 'User') return r.id === ctx.user.id;
  const ids = r.ids ?? [r.id];
  return ctx.state.groupMemberships.some((m) => m.user_id === ctx.user.id && ids.includes(m.group_id));
}

function findView(ctx) {
  const view = ctx.state.views.find((v) => v.id === Number(ctx.params.id));
  if (!view || !visibleTo(ctx, view)) throw fail(notFound());
  return view;
}

/** A custom field's id as a column or sort gives it (9000002 or "9000002"); else null. */
function customFieldId(value) {
  const m = /^(\d+)$/.exec(String(value ?? ''));
  return m ? Number(m[1]) : null;
}

/** The id in a condition's field (`custom_fields_9000002`), else null. */
const conditionFieldId = (field) => {
  const m = /^custom_fields_(\d+)$/.exec(String(field ?? ''));
  return m ? Number(m[1]) : null;
};

/**
 * Zendesk's execution columns: system columns `{id, title}`; custom field columns also carry their
 * `type` and `url`, and are listed again under `custom_fields` (system ones under `fields`).
 */
function columns(ctx, output) {
  const all = (output?.columns ?? ['status', 'description', 'requester', 'updated']).map((id) => {
    const fieldId = customFieldId(id);
    const field = fieldId === null ? null : ctx.state.ticketFields.find((f) => f.id === fieldId);
    if (!field) return { id, title: VIEW_COLUMNS[id] };
    return { id: field.id, title: field.title, type: field.type, url: `${ACCOUNT_ORIGIN}/api/v2/ticket_fields/${field.id}.json` };
  });
  return { columns: all, fields: all.filter((c) => !('type' in c)), custom_fields: all.filter((c) => 'type' in c) };
}

/** What is wrong with `output` (columns, sort_by, group_by), as 422 descriptions; [] when nothing. */
function outputProblems(ctx, output) {
  const fieldExists = (id) => ctx.state.ticketFields.some((f) => f.id === id);
  const known = (column) => Object.hasOwn(VIEW_COLUMNS, String(column)) || (customFieldId(column) !== null && fieldExists(customFieldId(column)));
  const problems = [];
  const shown = output.columns ?? [];
  if (!Array.isArray(shown)) problems.push('Columns: must be a list');
  else {
    if (shown.length > MAX_COLUMNS) problems.push(`Columns: at most ${MAX_COLUMNS} columns`);
    for (const column of shown.filter((c) => !known(c))) problems.push(`Columns: ${column} is not a valid column`);
  }
  for (const key of ['sort_by', 'group_by']) {
    const value = output[key];
    if (value === undefined || value === null) continue;
    const fieldId = customFieldId(value);
    if (fieldId !== null && !fieldExists(fieldId)) problems.push(`Sort: ticket field ${fieldId} does not exist`);
    else if (!known(value) || UNSORTABLE.includes(value)) problems.push(`${key}: ${value} is not a valid column to sort or group by`);
  }
  return problems;
}

function createView(ctx) {
  requireAgent(ctx);
  const input = ctx.body?.view ?? {};
  const restriction = input.restriction ?? null;
  const personal = restriction?.type === 'User' && Number(restriction.id) === ctx.user.id;
  if (ctx.user.role !== 'admin' && !personal) throw fail(forbidden());
  const all = input.all ?? input.conditions?.all ?? [];
  const any = input.any ?? input.conditions?.any ?? [];
  const details = {};
  if (typeof input.title !== 'string' || !input.title.trim()) details.title = [{ description: 'Title: cannot be blank', error: 'BlankValue' }];
  const problems = [...all, ...any].map(conditionError).filter(Boolean);
  if (problems.length) details.conditions = problems.map((description) => ({ description, error: 'InvalidValue' }));
  if (!all.some((c) => REQUIRED_ANY_OF.includes(c?.field))) {
    (details.conditions ??= []).push({ description: 'View must test for at least one of the following ticket properties in the ALL conditions section: Status, Type, Group, Assignee, Requester', error: 'InvalidValue' });
  }
  const output = input.output ?? {};
  const fieldExists = (id) => ctx.state.ticketFields.some((f) => f.id === id);
  const unknownFields = [...all, ...any].map((c) => conditionFieldId(c?.field)).filter((id) => id !== null && !fieldExists(id));
  for (const id of unknownFields) (details.conditions ??= []).push({ description: `Ticket field ${id} does not exist`, error: 'InvalidValue' });
  const badOutput = outputProblems(ctx, output);
  if (badOutput.length) details.output = badOutput.map((description) => ({ description, error: 'InvalidValue' }));
  if (Object.keys(details).length) throw fail(recordInvalid(details));
  const stamp = iso(ctx.now());
  const shown = columns(ctx, output);
  const view = {
    id: nextId(ctx.state),
    title: input.title,
    raw_title: input.title,
    description: input.description ?? null,
    active: input.active !== false,
    position: input.position ?? ctx.state.views.length,
    default: false,
    restriction: restriction ? { ...restriction, id: restriction.id === undefined ? undefined : Number(restriction.id) } : null,
    conditions: { all: structuredClone(all), any: structuredClone(any) },
    execution: {
      group_by: output.group_by ?? null,
      group_order: output.group_order ?? 'asc',
      sort_by: output.sort_by ?? 'nice_id',
      sort_order: output.sort_order ?? 'asc',
      ...shown,
    },
    created_at: stamp,
    updated_at: stamp,
  };
  ctx.state.views.push(view);
  ctx.touch();
  return created({ view: viewJson(view) });
}

const SORT_PROPERTIES = { nice_id: 'id', created: 'created_at', created_at: 'created_at', updated: 'updated_at', updated_at: 'updated_at', status: 'status' };

/** The value a view sorts on: a ticket property, or a custom field's value (by the field's id; empty ones last). */
function sortValue(view) {
  const fieldId = customFieldId(view.execution.sort_by);
  if (fieldId !== null) {
    return (t) => {
      const value = t.custom_fields.find((f) => f.id === fieldId)?.value;
      return value === null || value === undefined || value === '' ? null : String(value);
    };
  }
  const property = SORT_PROPERTIES[view.execution.sort_by] ?? 'id';
  return (t) => t[property];
}

function matchingTickets(ctx, view) {
  const value = sortValue(view);
  const desc = view.execution.sort_order === 'desc' ? -1 : 1;
  const order = (a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === y) return a.id - b.id;
    if (x === null) return 1; // empty values sort last either way
    if (y === null) return -1;
    return (x < y ? -1 : 1) * desc;
  };
  return Object.values(ctx.state.tickets)
    .filter((t) => viewMatches(t, view.conditions, ctx.user.id))
    .sort(order);
}

/** List Views pages either way; List Active Views is documented with offset pagination only. */
function listViews(ctx, onlyActive) {
  requireAgent(ctx);
  const views = ctx.state.views.filter((v) => visibleTo(ctx, v) && (!onlyActive || v.active));
  const options = { resource: 'views', map: viewJson };
  return json(onlyActive ? offsetPage(ctx, views, options) : paginate(ctx, views, options));
}

export const viewRoutes = [
  ['GET', '/api/v2/views', (ctx) => listViews(ctx, false)],
  ['GET', '/api/v2/views/active', (ctx) => listViews(ctx, true)],
  ['POST', '/api/v2/views', createView],
  ['GET', '/api/v2/views/:id', (ctx) => (requireAgent(ctx), json({ view: viewJson(findView(ctx)) }))],
  [
    'GET',
    '/api/v2/views/:id/tickets',
    (ctx) => {
      requireAgent(ctx);
      // Cursors follow the view's own order: the position in it is the key.
      const rows = matchingTickets(ctx, findView(ctx)).map((ticket, position) => ({ ticket, position }));
      return json(paginate(ctx, rows, { resource: 'tickets', map: (r) => ticketJson(r.ticket), key: (r) => r.position }));
    },
  ],
  [
    'GET',
    '/api/v2/views/:id/count',
    (ctx) => {
      requireAgent(ctx);
      const view = findView(ctx);
      const value = matchingTickets(ctx, view).length;
      return json({ view_count: { view_id: view.id, url: `${ACCOUNT_ORIGIN}/api/v2/views/${view.id}/count.json`, value, pretty: String(value), fresh: true } });
    },
  ],
];
