// REST (snake_case) → ZAF (camelCase) objects, following the Apps Support API's documented
// shapes. Objects that accept `name:arg` path segments (ticket.customField:custom_field_1,
// user.customField:key, ticketFields:subject) carry a hidden COLON resolver that JSON skips.
import { customFieldValue } from './ticket-model.js';

export const COLON = Symbol('colon-path');
export const NOT_FOUND = Symbol('not-found');

const IANA = { Brasilia: 'America/Sao_Paulo', UTC: 'Etc/UTC', 'Eastern Time (US & Canada)': 'America/New_York' };

function withColon(obj, resolver) {
  Object.defineProperty(obj, COLON, { value: resolver, enumerable: false });
  return obj;
}

export function zafGroup(group) {
  return group ? { id: group.id, name: group.name } : undefined;
}

export function zafUser(user, catalog) {
  if (!user) return undefined;
  const obj = {
    id: user.id,
    name: user.name,
    email: user.email ?? null,
    role: user.role,
    locale: user.locale ?? 'en-US',
    timeZone: { ianaName: user.iana_time_zone ?? IANA[user.time_zone] ?? user.time_zone ?? null, name: user.time_zone ?? null },
    avatarUrl: user.photo?.content_url ?? null,
    externalId: user.external_id ?? null,
    alias: user.alias ?? null,
    details: user.details ?? null,
    notes: user.notes ?? null,
    signature: user.signature ?? null,
    tags: user.tags ?? [],
    groups: user.role === 'end-user' ? [] : catalog.groupsOfUser(user.id).map(zafGroup),
    organizations: [],
  };
  return withColon(obj, (name, arg) => {
    if (name !== 'customField') return NOT_FOUND;
    const fields = user.user_fields ?? {};
    return arg in fields ? fields[arg] : NOT_FOUND;
  });
}

export function zafComment(comment, catalog) {
  return {
    id: comment.id,
    value: comment.html_body ?? escapeHtml(comment.body ?? ''),
    author: zafUser(catalog.user(comment.author_id), catalog),
    via: comment.via ?? null,
    isPublic: comment.public !== false,
    createdAt: comment.created_at ?? null,
    imageAttachments: [],
    nonImageAttachments: [],
  };
}

/** `ticket` as ZAF returns it, from the effective (saved + draft) REST ticket. */
export function zafTicket(ticket, comments, catalog) {
  const obj = {
    id: ticket.id,
    subject: ticket.subject ?? '',
    description: ticket.description ?? '',
    status: ticket.status,
    priority: ticket.priority ?? null,
    type: ticket.type ?? null,
    tags: [...(ticket.tags ?? [])],
    externalId: ticket.external_id ?? null,
    isNew: false, // true only on the new-ticket page; a sidebar ticket already exists
    createdAt: ticket.created_at,
    updatedAt: ticket.updated_at,
    via: { channel: ticket.via?.channel ?? 'web', source: ticket.via?.source ?? { from: {}, to: {}, rel: null } },
    requester: zafUser(catalog.user(ticket.requester_id), catalog),
    assignee: { user: zafUser(catalog.user(ticket.assignee_id), catalog), group: zafGroup(catalog.group(ticket.group_id)) },
    collaborators: (ticket.collaborator_ids ?? []).map((id) => zafUser(catalog.user(id), catalog)).filter(Boolean),
    brand: ticket.brand_id ? { id: ticket.brand_id } : null,
    form: { id: ticket.ticket_form_id ?? catalog.form(null)?.id ?? null },
    organization: null,
    comments: comments.map((c) => zafComment(c, catalog)),
  };
  return withColon(obj, (name, arg) => {
    if (name !== 'customField') return NOT_FOUND;
    const id = customFieldId(arg);
    return id && catalog.field(id) ? customFieldValue(ticket, id) : NOT_FOUND;
  });
}

/** ZAF field names: custom fields are `custom_field_<id>`, system ones by their ZAF name. */
export function zafFieldName(field) {
  const system = { subject: 'subject', description: 'description', status: 'status', tickettype: 'type', priority: 'priority', group: 'assignee', assignee: 'assignee', brand: 'brand' };
  return system[field.type] ?? `custom_field_${field.id}`;
}

export function zafTicketField(field, hidden = new Set()) {
  const name = zafFieldName(field);
  const obj = {
    name,
    label: field.title,
    type: field.type,
    isRequired: Boolean(field.required),
    isVisible: !hidden.has(name),
    isEnabled: field.active !== false,
  };
  if (field.custom_field_options) obj.optionValues = field.custom_field_options.map((o) => ({ name: o.name, value: o.value }));
  return obj;
}

/** `hidden`: names an app hid with `ticketFields:<name>.hide`. */
export function zafTicketFields(catalog, hidden = new Set()) {
  const seen = new Set();
  const list = catalog.fields.filter((f) => f.active !== false).map((f) => zafTicketField(f, hidden))
    .filter((f) => (seen.has(f.name) ? false : seen.add(f.name)));
  return withColon(list, (name, arg) => (name === 'ticketFields' ? list.find((f) => f.name === arg) ?? NOT_FOUND : NOT_FOUND));
}

export function customFieldId(arg) {
  const match = /^custom_field_(\d+)$/.exec(String(arg));
  return match ? Number(match[1]) : null;
}

function escapeHtml(text) {
  const map = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  return `<p>${String(text).replace(/[&<>"]/g, (c) => map[c]).replace(/\n/g, '<br>')}</p>`;
}
