// Turns the model's property diffs into the ZAF change events a ticket_sidebar app can watch:
// ticket.<prop>.changed (with the new value), ticket.custom_field_<id>.changed,
// ticket.assignee.group.id / .user.id.changed, comment.text/type.changed, and `*.changed`.
// Only names of the ticket sidebar's documented change events (zaf-names.js); there is no
// `ticket.assignee.changed` in Zendesk's list.
import { zafTicket } from './zaf-shapes.js';

const SCALARS = { subject: 'subject', status: 'status', priority: 'priority', type: 'type' };

export function emitTicketChanges({ host, session, catalog, diffs }) {
  const instances = host.forTicket(session.id);
  if (!instances.length || !diffs.length) return;
  const zaf = zafTicket(session.effective(), session.comments, catalog);
  const events = [];

  for (const { prop, oldValue, newValue } of diffs) {
    if (SCALARS[prop]) events.push([`ticket.${prop}.changed`, zaf[prop], `ticket.${prop}`, oldValue]);
    else if (prop === 'tags') events.push(['ticket.tags.changed', zaf.tags, 'ticket.tags', parse(oldValue)]);
    else if (prop.startsWith('custom_field_')) events.push([`ticket.${prop}.changed`, parse(newValue), `ticket.customField:${prop}`, parse(oldValue)]);
    else if (prop === 'comment.text' || prop === 'comment.type') events.push([`${prop}.changed`, newValue, prop, oldValue]);
    else if (prop === 'group_id') events.push(['ticket.assignee.group.id.changed', newValue, 'ticket.assignee.group.id', oldValue]);
    else if (prop === 'assignee_id') events.push(['ticket.assignee.user.id.changed', newValue, 'ticket.assignee.user.id', oldValue]);
  }

  for (const instance of instances) {
    for (const [event, message, propertyName, oldValue] of events) {
      host.emit(instance, event, message);
      host.emit(instance, '*.changed', { propertyName, newValue: message, oldValue });
    }
  }
}

function parse(json) {
  try { return JSON.parse(json); } catch { return json; }
}
