/** Creating a ticket with its Create audit and first comment (the description), as Zendesk records it. */
import { iso } from '../time.mjs';
import { BRAND_ID, CUSTOM_STATUS_IDS, appendAudit, commentEvent, customFields } from './model.mjs';
import { uniqueTags } from './tags.mjs';

/**
 * @param {any} state
 * @param {{id: number, subject: string, description: string, descriptionHtml?: string, via: object,
 *   status?: string, requester_id: number, submitter_id?: number, assignee_id?: number|null, group_id?: number|null,
 *   ticket_form_id?: number|null, fields?: Record<number, unknown>, tags?: string[], collaborator_ids?: number[],
 *   priority?: string|null, type?: string|null, createdMs: number, updatedMs?: number}} spec
 */
export function seedTicket(state, spec) {
  const ticket = newTicket(state, spec);
  state.tickets[ticket.id] = ticket;
  writeCreateAudit(state, ticket, spec);
  return ticket;
}

const layouts = new WeakMap();

/** The account's custom fields and tagger field ids (the field list never changes once built; 5 000 tickets share it). */
function fieldLayout(state) {
  let layout = layouts.get(state.ticketFields);
  if (!layout) {
    layout = { custom: customFields(state), taggers: new Set(state.ticketFields.filter((f) => f.type === 'tagger').map((f) => f.id)) };
    layouts.set(state.ticketFields, layout);
  }
  return layout;
}

/**
 * The ticket a spec describes, as it was created (not stored).
 * @param {any} state @param {Parameters<typeof seedTicket>[1]} spec
 */
export function newTicket(state, spec) {
  const { custom, taggers } = fieldLayout(state);
  const fieldValues = spec.fields ?? {};
  const custom_fields = custom.map((f) => ({ id: f.id, value: fieldValues[f.id] ?? null }));
  const taggerTags = custom_fields.filter((f) => taggers.has(f.id) && f.value).map((f) => String(f.value));
  const submitter = spec.submitter_id ?? spec.requester_id;
  const ticket = {
    id: spec.id,
    external_id: null,
    via: spec.via,
    created_at: iso(spec.createdMs),
    updated_at: iso(spec.updatedMs ?? spec.createdMs),
    type: spec.type ?? null,
    subject: spec.subject,
    raw_subject: spec.subject,
    description: spec.description,
    priority: spec.priority ?? null,
    status: spec.status ?? 'open',
    custom_status_id: CUSTOM_STATUS_IDS[spec.status ?? 'open'],
    recipient: null,
    requester_id: spec.requester_id,
    submitter_id: submitter,
    assignee_id: spec.assignee_id ?? null,
    organization_id: null,
    group_id: spec.group_id ?? null,
    collaborator_ids: spec.collaborator_ids ?? [],
    follower_ids: [],
    email_cc_ids: spec.collaborator_ids ?? [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: true,
    due_at: null,
    tags: uniqueTags([...(spec.tags ?? []), ...taggerTags]),
    custom_fields,
    satisfaction_rating: null,
    sharing_agreement_ids: [],
    followup_ids: [],
    ticket_form_id: spec.ticket_form_id ?? null,
    brand_id: BRAND_ID,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
  };
  return ticket;
}

/**
 * The Create audit of a ticket just created: its first comment (the description) and a Create event per property.
 * @param {any} state @param {any} ticket as created @param {Parameters<typeof seedTicket>[1]} spec
 */
export function writeCreateAudit(state, ticket, spec) {
  const submitter = ticket.submitter_id;
  appendAudit(state, ticket.id, {
    authorId: submitter,
    nowMs: spec.createdMs,
    via: spec.via,
    build: (auditId) => [
      commentEvent(state, { author_id: submitter, body: spec.description, html_body: spec.descriptionHtml, public: true }, auditId),
      ...createEvents(ticket),
    ],
  });
}

function createEvents(t) {
  const events = [];
  const add = (field_name, value) => events.push({ type: 'Create', field_name, value });
  add('subject', t.subject);
  add('status', t.status);
  add('priority', t.priority);
  add('type', t.type);
  add('requester_id', String(t.requester_id));
  add('group_id', t.group_id === null ? null : String(t.group_id));
  add('assignee_id', t.assignee_id === null ? null : String(t.assignee_id));
  add('ticket_form_id', t.ticket_form_id === null ? null : String(t.ticket_form_id));
  add('tags', [...t.tags]);
  for (const f of t.custom_fields) if (f.value !== null) add(String(f.id), f.value);
  return events;
}
