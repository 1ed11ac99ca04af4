/** Ticket fields and ticket forms (read-only). */
import { ACCOUNT_ORIGIN } from './context.mjs';
import { paginate } from './pagination.mjs';
import { requireAgent } from './permissions.mjs';
import { fail, json, notFound } from './responses.mjs';

const fieldJson = (f) => ({ url: `${ACCOUNT_ORIGIN}/api/v2/ticket_fields/${f.id}.json`, ...structuredClone(f) });
const formJson = (f) => ({ url: `${ACCOUNT_ORIGIN}/api/v2/ticket_forms/${f.id}.json`, ...structuredClone(f) });

function findIn(list, id) {
  const item = list.find((x) => x.id === Number(id));
  if (!item) throw fail(notFound());
  return item;
}

export const ticketFieldRoutes = [
  ['GET', '/api/v2/ticket_fields', (ctx) => (requireAgent(ctx), json(paginate(ctx, ctx.state.ticketFields, { resource: 'ticket_fields', map: fieldJson })))],
  ['GET', '/api/v2/ticket_fields/:id', (ctx) => (requireAgent(ctx), json({ ticket_field: fieldJson(findIn(ctx.state.ticketFields, ctx.params.id)) }))],
  ['GET', '/api/v2/ticket_forms', (ctx) => (requireAgent(ctx), json({ ticket_forms: ctx.state.ticketForms.map(formJson), next_page: null, previous_page: null, count: ctx.state.ticketForms.length }))],
  ['GET', '/api/v2/ticket_forms/:id', (ctx) => (requireAgent(ctx), json({ ticket_form: formJson(findIn(ctx.state.ticketForms, ctx.params.id)) }))],
];
