/** Macros: list, active, search, show, and the two "apply" previews. */
import { ACCOUNT_ORIGIN } from '../context.mjs';
import { offsetPage, paginate } from '../pagination.mjs';
import { requireAgent } from '../permissions.mjs';
import { fail, json, notFound } from '../responses.mjs';
import { findTicket } from '../tickets/routes.mjs';
import { applyMacro } from './apply.mjs';

const macroJson = (m) => ({ url: `${ACCOUNT_ORIGIN}/api/v2/macros/${m.id}.json`, ...structuredClone(m) });

function findMacro(ctx, id) {
  const macro = ctx.state.macros.find((m) => m.id === Number(id));
  if (!macro) throw fail(notFound());
  return macro;
}

/** Filters Zendesk documents for list/search: `active`, `category` (the part of the title before "::"). */
function filtered(ctx, macros) {
  let list = [...macros].sort((a, b) => a.position - b.position || a.id - b.id);
  const active = ctx.query.get('active');
  if (active !== null) list = list.filter((m) => m.active === (active === 'true'));
  const category = ctx.query.get('category');
  if (category) list = list.filter((m) => m.title.split('::')[0].trim().toLowerCase() === category.toLowerCase());
  return list;
}

/** List Macros pages either way; List Active Macros documents no cursor pagination, so it answers by offset only. */
function list(ctx, onlyActive = false) {
  requireAgent(ctx);
  const macros = filtered(ctx, ctx.state.macros).filter((m) => !onlyActive || m.active);
  const options = { resource: 'macros', map: macroJson, key: (m) => m.position * 1e9 + m.id };
  return json(onlyActive ? offsetPage(ctx, macros, options) : paginate(ctx, macros, options));
}

/** Zendesk documents Search Macros as "Offset pagination only": `page[...]` parameters are not read. */
function search(ctx) {
  requireAgent(ctx);
  const query = (ctx.query.get('query') ?? '').trim().toLowerCase();
  const macros = filtered(ctx, ctx.state.macros).filter((m) => m.title.toLowerCase().includes(query));
  return json(offsetPage(ctx, macros, { resource: 'macros', map: macroJson }));
}

function applyPreview(ctx, ticket) {
  requireAgent(ctx);
  const macro = findMacro(ctx, ctx.params.id);
  return json({ result: applyMacro(ctx.state, macro, ticket, ctx.user) });
}

export const macroRoutes = [
  ['GET', '/api/v2/macros', (ctx) => list(ctx)],
  ['GET', '/api/v2/macros/active', (ctx) => list(ctx, true)],
  ['GET', '/api/v2/macros/search', search],
  ['GET', '/api/v2/macros/:id', (ctx) => (requireAgent(ctx), json({ macro: macroJson(findMacro(ctx, ctx.params.id)) }))],
  ['GET', '/api/v2/macros/:id/apply', (ctx) => applyPreview(ctx, null)],
  ['GET', '/api/v2/tickets/:ticketId/macros/:id/apply', (ctx) => applyPreview(ctx, findTicket(ctx, ctx.params.ticketId))],
];
