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

function columns(output) {
  return (output?.columns ?? ['status', 'subject', 'requester', 'updated']).map((id) => ({ id, title: COLUMN_TITLES[id] ?? String(id) }));
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
  if (Object.keys(details).length) throw fail(recordInvalid(details));
  const stamp = iso(ctx.now());
  const output = input.output ?? {};
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
      columns: columns(output),
      fields: columns(output),
      custom_fields: [],
    },
    created_at: stamp,
    updated_at: stamp,
  };
  ctx.state.views.push(view);
  ctx.touch();
  return created({ view: viewJson(view) });
}

function matchingTickets(ctx, view) {
  const sortBy = { nice_id: 'id', created: 'created_at', created_at: 'created_at', updated: 'updated_at', updated_at: 'updated_at', status: 'status' }[view.execution.sort_by] ?? 'id';
  const desc = view.execution.sort_order === 'desc';
  return Object.values(ctx.state.tickets)
    .filter((t) => viewMatches(t, view.conditions, ctx.user.id))
    .sort((a, b) => (a[sortBy] < b[sortBy] ? -1 : a[sortBy] > b[sortBy] ? 1 : a.id - b.id) * (desc ? -1 : 1));
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
