/** The few Zendesk placeholders ({{ticket.requester.first_name}}…) that macros of this account use. */
import { escapeHtml } from '../html.mjs';

const firstName = (user) => (user?.name ?? '').split(/\s+/)[0] ?? '';

/** @param {any} state @param {any} ticket @param {any} currentUser */
function values(state, ticket, currentUser) {
  const requester = state.users[ticket.requester_id];
  const assignee = state.users[ticket.assignee_id];
  return {
    'ticket.id': String(ticket.id),
    'ticket.title': ticket.subject,
    'ticket.status': ticket.status,
    'ticket.requester.name': requester?.name ?? '',
    'ticket.requester.first_name': firstName(requester),
    'ticket.requester.email': requester?.email ?? '',
    'ticket.assignee.name': assignee?.name ?? '',
    'ticket.assignee.first_name': firstName(assignee),
    'ticket.group.name': state.groups[ticket.group_id]?.name ?? '',
    'current_user.name': currentUser?.name ?? '',
    'current_user.first_name': firstName(currentUser),
  };
}

/**
 * Renders placeholders; unknown ones become empty, as in Zendesk.
 * @param {string} text @param {{state: any, ticket: any, currentUser: any, html?: boolean}} options
 */
export function renderPlaceholders(text, { state, ticket, currentUser, html = false }) {
  const known = values(state, ticket, currentUser);
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name) => {
    const value = known[name] ?? '';
    return html ? escapeHtml(value) : value;
  });
}
