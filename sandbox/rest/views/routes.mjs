/**
 * Views: list, active, show, create, tickets, count.
 * Creating: agents may create personal views (restriction {type: "User", id: themselves}); shared or
 * group views need an admin — Zendesk's rule. End users get 403.
 */
import { ACCOUNT_ORIGIN } from '../context.mjs';
import { nextId } from '../ids.mjs';
import { paginate } from '../pagination.mjs';
import { requireAgent } from '../permissions.mjs';
import { created, fail, forbidden, json, notFound, recordInvalid } from '../responses.mjs';
import { ticketJson } from '../tickets/serialize.mjs';
import { iso } from '../time.mjs';
import { REQUIRED_ANY_OF, conditionError, viewMatches } from './conditions.mjs';

const COLUMN_TITLES = { status: 'Status', subject: 'Subject', requester: 'Requester', assignee: 'Assignee', group: 'Group', created: 'Requested', updated: 'Updated', nice_id: 'ID', priority: 'Priority', type: 'Type' };

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

/** A custom field's id in a column or sort: 9000002, "9000002" or "custom_fields_9000002"; else null. */
function customFieldId(value) {
  const m = /^(?:custom_fields_)?(\d+)$/.exec(String(value ?? ''));
  return m ? Number(m[1]) : null;
}

/**
 * Zendesk's execution columns: system columns `{id, title}`; custom field columns also carry their
 * `type` and `url`, and are listed again under `custom_fields` (system ones under `fields`).
 */
function columns(ctx, output) {
  const all = (output?.columns ?? ['status', 'subject', 'requester', 'updated']).map((id) => {
    const fieldId = customFieldId(id);
    const field = fieldId === null ? null : ctx.state.ticketFields.find((f) => f.id === fieldId);
    if (!field) return { id, title: COLUMN_TITLES[id] ?? String(id) };
    return { id: field.id, title: field.title, type: field.type, url: `${ACCOUNT_ORIGIN}/api/v2/ticket_fields/${field.id}.json` };
  });
  return { columns: all, fields: all.filter((c) => !('type' in c)), custom_fields: all.filter((c) => 'type' in c) };
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
  const unknownFields = [...all, ...any].map((c) => (/^custom_fields_\d+$/.test(c?.field ?? '') ? customFieldId(c.field) : null)).filter((id) => id !== null && !fieldExists(id));
  for (const id of unknownFields) (details.conditions ??= []).push({ description: `Ticket field ${id} does not exist`, error: 'InvalidValue' });
  const sortField = customFieldId(output.sort_by);
  if (sortField !== null && !fieldExists(sortField)) details.output = [{ description: `Sort: ticket field ${sortField} does not exist`, error: 'InvalidValue' }];
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

/** The value a view sorts on: a ticket property, or a custom field's value (`custom_fields_<id>`; empty ones last). */
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

function listViews(ctx, onlyActive) {
  requireAgent(ctx);
  const views = ctx.state.views.filter((v) => visibleTo(ctx, v) && (!onlyActive || v.active));
  return json(paginate(ctx, views, { resource: 'views', map: viewJson }));
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
