/** Tickets, ticket audits and ticket comments endpoints. */
import { header } from '../context.mjs';
import { paginate } from '../pagination.mjs';
import { requireAgent } from '../permissions.mjs';
import { badRequest, fail, json, notFound, recordInvalid, updateConflict } from '../responses.mjs';
import { auditsOf } from './history.mjs';
import { appendAudit, touchTicket, via } from './model.mjs';
import { auditJson, commentsOf, ticketJson } from './serialize.mjs';
import { applyTicketUpdate } from './update.mjs';

export function findTicket(ctx, id = ctx.params.id) {
  const ticket = ctx.state.tickets[Number(id)];
  if (!ticket) throw fail(notFound());
  return ticket;
}

/** Comma-separated ids (`ids=1,2,3`), as show_many endpoints take them. */
export function idList(ctx, name = 'ids') {
  return (ctx.query.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(Number);
}

const sortedTickets = (state) => Object.values(state.tickets).sort((a, b) => a.id - b.id);

function listTickets(ctx) {
  requireAgent(ctx);
  return json(paginate(ctx, sortedTickets(ctx.state), { resource: 'tickets', map: ticketJson }));
}

function showTicket(ctx) {
  requireAgent(ctx);
  return json({ ticket: ticketJson(findTicket(ctx)) });
}

function showMany(ctx) {
  requireAgent(ctx);
  const tickets = idList(ctx).map((id) => ctx.state.tickets[id]).filter(Boolean);
  return json({ tickets: tickets.map(ticketJson), next_page: null, previous_page: null, count: tickets.length });
}

/** Who made the change: `X-Sandbox-Via: web` marks agent-workspace saves; REST calls default to `api`. */
function requestVia(ctx) {
  const channel = header(ctx.headers, 'x-sandbox-via');
  return via(channel === 'web' ? 'web' : 'api');
}

function updateTicket(ctx) {
  requireAgent(ctx);
  const ticket = findTicket(ctx);
  const input = ctx.body?.ticket;
  if (!input || typeof input !== 'object') throw fail(badRequest('ParameterMissing', 'param is missing or the value is empty: ticket'));
  if (input.safe_update === true || input.safe_update === 'true') {
    if (!input.updated_stamp) throw fail(recordInvalid({ updated_stamp: [{ description: 'updated_stamp is required for a safe update', error: 'BlankValue' }] }));
    if (Date.parse(input.updated_stamp) !== Date.parse(ticket.updated_at)) throw fail(updateConflict());
  }
  auditsOf(ctx.state, ticket.id); // a generated ticket's history comes before this update
  const build = applyTicketUpdate(ctx.state, ticket, input, { actorId: ctx.userId });
  if (!build) return json({ ticket: ticketJson(ticket) });
  const nowMs = ctx.now();
  touchTicket(ticket, nowMs);
  const audit = appendAudit(ctx.state, ticket.id, {
    authorId: ctx.userId,
    nowMs: Date.parse(ticket.updated_at),
    via: requestVia(ctx),
    client: header(ctx.headers, 'user-agent') ?? 'Zendesk Sandbox',
    build,
  });
  ctx.touch();
  return json({ ticket: ticketJson(ticket), audit: auditJson(audit) });
}

function listAudits(ctx) {
  requireAgent(ctx);
  const ticket = findTicket(ctx, ctx.params.ticketId);
  const audits = auditsOf(ctx.state, ticket.id);
  // "Audits for Archived Tickets do not support pagination" (ListAuditsForTicket): all of them at once,
  // in the documented list shape (TicketAuditsResponseNoneCursor), whatever page parameters came.
  if (ctx.state.archivedTickets?.[ticket.id]) return json({ audits: audits.map(auditJson), next_page: null, previous_page: null, count: audits.length });
  return json(paginate(ctx, audits, { resource: 'audits', map: auditJson }));
}

function showAudit(ctx) {
  requireAgent(ctx);
  const ticket = findTicket(ctx, ctx.params.ticketId);
  const audit = auditsOf(ctx.state, ticket.id).find((a) => a.id === Number(ctx.params.id));
  if (!audit) throw fail(notFound());
  return json({ audit: auditJson(audit) });
}

function listComments(ctx) {
  requireAgent(ctx);
  const ticket = findTicket(ctx, ctx.params.ticketId);
  const comments = commentsOf(auditsOf(ctx.state, ticket.id));
  const desc = ctx.query.get('sort_order') === 'desc';
  if (desc) comments.reverse();
  return json(paginate(ctx, comments, { resource: 'comments', key: desc ? (c) => -c.id : (c) => c.id }));
}

export const ticketRoutes = [
  ['GET', '/api/v2/tickets', listTickets],
  ['GET', '/api/v2/tickets/show_many', showMany],
  ['GET', '/api/v2/tickets/:id', showTicket],
  ['PUT', '/api/v2/tickets/:id', updateTicket],
  ['GET', '/api/v2/tickets/:ticketId/audits', listAudits],
  ['GET', '/api/v2/tickets/:ticketId/audits/:id', showAudit],
  ['GET', '/api/v2/tickets/:ticketId/comments', listComments],
];
