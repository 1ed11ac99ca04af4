/** Does a ticket (or user) match one search term? Unknown keywords match nothing. */
import { STATUSES } from '../tickets/model.mjs';
import { compare, compareDate } from './query.mjs';

const lower = (v) => String(v ?? '').toLowerCase();
const none = (v) => lower(v) === 'none';

/** An id-valued property searched by id, "none", "me", or a name/email. */
function matchesPerson(ctx, userId, value) {
  if (none(value)) return userId === null;
  if (lower(value) === 'me') return userId === ctx.userId;
  if (/^\d+$/.test(value)) return userId === Number(value);
  const user = ctx.state.users[userId];
  return !!user && (lower(user.name) === lower(value) || lower(user.email) === lower(value));
}

function matchesGroup(ctx, groupId, value) {
  if (none(value)) return groupId === null;
  if (/^\d+$/.test(value)) return groupId === Number(value);
  return lower(ctx.state.groups[groupId]?.name) === lower(value);
}

function matchesCustomField(ticket, fieldId, op, value) {
  const field = ticket.custom_fields.find((f) => f.id === fieldId);
  if (!field) return false;
  const current = field.value;
  if (none(value)) return current === null || current === '' || (Array.isArray(current) && current.length === 0);
  if (Array.isArray(current)) return current.map(lower).includes(lower(value));
  if (current === null) return false;
  if (op === ':') return lower(current) === lower(value);
  return compare(String(current), op, value);
}

/** @param {any} ctx @param {any} t @param {import('./query.mjs').Term} term */
export function ticketMatches(ctx, t, term) {
  const { key, op, value } = term;
  const now = ctx.now();
  if (key === null) return lower(t.subject).includes(lower(value)) || lower(t.description).includes(lower(value));
  if (key.startsWith('custom_field_')) return matchesCustomField(t, Number(key.slice('custom_field_'.length)), op, value);
  switch (key) {
    case 'type': return lower(value) === 'ticket';
    case 'status': {
      const rank = STATUSES.indexOf(lower(value));
      return rank !== -1 && compare(STATUSES.indexOf(t.status), op, rank);
    }
    case 'tags':
    case 'tag': return t.tags.includes(lower(value));
    case 'group':
    case 'group_id': return matchesGroup(ctx, t.group_id, value);
    case 'assignee':
    case 'assignee_id': return matchesPerson(ctx, t.assignee_id, value);
    case 'requester':
    case 'requester_id': return matchesPerson(ctx, t.requester_id, value);
    case 'submitter': return matchesPerson(ctx, t.submitter_id, value);
    case 'cc': return t.collaborator_ids.some((id) => matchesPerson(ctx, id, value));
    case 'ticket_form_id': return none(value) ? t.ticket_form_id === null : t.ticket_form_id === Number(value);
    case 'form': return lower(ctx.state.ticketForms.find((f) => f.id === t.ticket_form_id)?.name) === lower(value);
    case 'via': return lower(t.via.channel) === lower(value);
    case 'priority': return none(value) ? t.priority === null : lower(t.priority) === lower(value);
    case 'ticket_type': return none(value) ? t.type === null : lower(t.type) === lower(value);
    case 'subject': return lower(t.subject).includes(lower(value));
    case 'description': return lower(t.description).includes(lower(value));
    case 'created': return compareDate(t.created_at, op, value, now);
    case 'updated': return compareDate(t.updated_at, op, value, now);
    default: return false;
  }
}

/** @param {any} ctx @param {any} u @param {import('./query.mjs').Term} term */
export function userMatches(ctx, u, term) {
  const { key, value } = term;
  if (key === null) return lower(u.name).includes(lower(value)) || lower(u.email).includes(lower(value));
  switch (key) {
    case 'type': return lower(value) === 'user';
    case 'role': return lower(u.role) === lower(value);
    case 'email': return lower(u.email) === lower(value);
    case 'name': return lower(u.name).includes(lower(value));
    case 'tags':
    case 'tag': return u.tags.includes(lower(value));
    case 'group': return ctx.state.groupMemberships.some((m) => m.user_id === u.id && matchesGroup(ctx, m.group_id, value));
    default: return false;
  }
}
