/**
 * PUT /api/v2/tickets/{id}: validate, apply, and describe the changes as audit events
 * (one `Change` per changed property, one `Comment`, one `AgentMacroReference` per macro in
 * `macro_ids` — what the agent workspace sends for the macros applied before Submit), as Zendesk
 * records them.
 */
import { isAgent } from '../permissions.mjs';
import { fail, recordInvalid } from '../responses.mjs';
import { CUSTOM_STATUS_IDS, PRIORITIES, STATUSES, TICKET_TYPES, commentEvent, customFields, via } from './model.mjs';
import { applyTagInput, setTaggerValue, syncTaggersWithTags } from './tags.mjs';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const idString = (v) => (v === null || v === undefined ? null : String(v));

function validate(state, ticket, input) {
  /** @type {Record<string, Array<{description: string, error: string}>>} */
  const details = {};
  const add = (field, description, error = 'InvalidValue') => (details[field] ??= []).push({ description, error });
  if (ticket.status === 'closed') add('status', 'Status: closed prevents ticket update', 'ClosedPreventsUpdate');
  if (input.status !== undefined && !STATUSES.includes(input.status)) add('status', `Status: is invalid (${input.status})`);
  if (input.subject !== undefined && typeof input.subject !== 'string') add('subject', 'Subject: is invalid');
  if (input.priority !== undefined && input.priority !== null && !PRIORITIES.includes(input.priority)) add('priority', 'Priority: is invalid');
  if (input.type !== undefined && input.type !== null && !TICKET_TYPES.includes(input.type)) add('type', 'Type: is invalid');
  if (input.assignee_id !== undefined && input.assignee_id !== null && !isAgent(state.users[input.assignee_id])) {
    add('assignee_id', 'Assignee: is not an agent');
  }
  if (input.group_id !== undefined && input.group_id !== null && !state.groups[input.group_id]) add('group_id', 'Group: is invalid');
  if (input.ticket_form_id !== undefined && input.ticket_form_id !== null && !state.ticketForms.some((f) => f.id === Number(input.ticket_form_id))) {
    add('ticket_form_id', 'Ticket form: is invalid');
  }
  if (input.custom_fields !== undefined) {
    if (!Array.isArray(input.custom_fields)) add('custom_fields', 'Custom fields: must be an array of {id, value}');
    else for (const entry of input.custom_fields) validateField(state, entry, add);
  }
  if (input.comment !== undefined) {
    const c = input.comment ?? {};
    if (!(typeof c.body === 'string' && c.body.trim()) && !(typeof c.html_body === 'string' && c.html_body.trim())) {
      add('comment', 'Comment: body can\u2019t be blank', 'BlankValue');
    }
    if (c.author_id !== undefined && !state.users[c.author_id]) add('comment', 'Comment: author is invalid');
  }
  if (input.macro_ids !== undefined) {
    if (!Array.isArray(input.macro_ids)) add('macro_ids', 'Macro ids: must be an array of macro ids');
    else for (const id of input.macro_ids) if (!findMacro(state, id)) add('macro_ids', `Macro ${id}: does not exist`);
  }
  if (Object.keys(details).length) throw fail(recordInvalid(details));
}

function validateField(state, entry, add) {
  const field = customFields(state).find((f) => f.id === Number(entry?.id));
  if (!field) return add('custom_fields', `Custom field ${entry?.id}: does not exist`);
  const v = entry.value;
  if (v === null || v === '') return;
  if (field.type === 'tagger' && !field.custom_field_options.some((o) => o.value === v)) {
    add(String(field.id), `${field.title}: ${v} is not a valid option`);
  }
  if (field.type === 'date' && !(typeof v === 'string' && DATE_RE.test(v) && !Number.isNaN(Date.parse(v)))) {
    add(String(field.id), `${field.title}: ${v} is not a date (YYYY-MM-DD)`);
  }
  if (field.type === 'integer' && !Number.isInteger(Number(v))) add(String(field.id), `${field.title}: is not a number`);
}

const findMacro = (state, id) => state.macros.find((m) => m.id === Number(id));

/** Ticket Audit events reference, "Macro reference event" (macro_id is a string there). */
function macroReferences(state, macroIds = []) {
  return [...new Set(macroIds.map(Number))].map((id) => {
    const macro = findMacro(state, id);
    return { type: 'AgentMacroReference', macro_id: String(macro.id), macro_title: macro.title, macro_deleted: false, via: via('web') };
  });
}

function defaultGroupOf(state, userId) {
  const memberships = state.groupMemberships.filter((m) => m.user_id === userId);
  return (memberships.find((m) => m.default) ?? memberships[0])?.group_id ?? null;
}

/**
 * Applies `input` to `ticket` in place and returns the audit events (without ids) describing it.
 * @returns {(auditId: number) => object[]} builder for appendAudit, or null when nothing changed
 */
export function applyTicketUpdate(state, ticket, input, { actorId }) {
  validate(state, ticket, input);
  const before = { ...ticket, tags: [...ticket.tags], custom_fields: ticket.custom_fields.map((f) => ({ ...f })) };
  const taggers = customFields(state).filter((f) => f.type === 'tagger');

  for (const key of ['subject', 'priority', 'type']) if (input[key] !== undefined) ticket[key] = input[key];
  if (input.subject !== undefined) ticket.raw_subject = input.subject;
  if (input.group_id !== undefined) ticket.group_id = input.group_id === null ? null : Number(input.group_id);
  if (input.ticket_form_id !== undefined) ticket.ticket_form_id = input.ticket_form_id === null ? null : Number(input.ticket_form_id);
  if (input.assignee_id !== undefined) {
    ticket.assignee_id = input.assignee_id === null ? null : Number(input.assignee_id);
    const inGroup = state.groupMemberships.some((m) => m.user_id === ticket.assignee_id && m.group_id === ticket.group_id);
    // Zendesk puts a ticket in the assignee's default group when the assignee is outside the current one.
    if (ticket.assignee_id !== null && input.group_id === undefined && !inGroup) ticket.group_id = defaultGroupOf(state, ticket.assignee_id);
  }

  const values = new Map(ticket.custom_fields.map((f) => [f.id, f.value]));
  const tags = applyTagInput(ticket.tags, input);
  syncTaggersWithTags(values, ticket.tags, tags, taggers);
  for (const entry of input.custom_fields ?? []) {
    const id = Number(entry.id);
    const value = entry.value === '' ? null : entry.value;
    const tagger = taggers.find((f) => f.id === id);
    if (tagger) setTaggerValue(tags, tagger, value);
    values.set(id, value);
  }
  ticket.tags = tags;
  ticket.custom_fields = ticket.custom_fields.map((f) => ({ id: f.id, value: values.get(f.id) ?? null }));

  const agentComment = input.comment !== undefined && isAgent(state.users[input.comment?.author_id ?? actorId]);
  if (input.status !== undefined) ticket.status = input.status;
  else if (ticket.status === 'new' && (ticket.assignee_id !== null || agentComment)) ticket.status = 'open';
  ticket.custom_status_id = CUSTOM_STATUS_IDS[ticket.status];

  const changes = [];
  const change = (field_name, value, previous_value) => changes.push({ type: 'Change', field_name, value, previous_value });
  for (const key of ['subject', 'status', 'priority', 'type']) if (ticket[key] !== before[key]) change(key, ticket[key], before[key]);
  for (const key of ['assignee_id', 'group_id', 'ticket_form_id']) {
    if (ticket[key] !== before[key]) change(key, idString(ticket[key]), idString(before[key]));
  }
  if (!sameSet(ticket.tags, before.tags)) change('tags', [...ticket.tags], [...before.tags]);
  for (const f of ticket.custom_fields) {
    const previous = before.custom_fields.find((b) => b.id === f.id)?.value ?? null;
    if (JSON.stringify(f.value) !== JSON.stringify(previous)) change(String(f.id), f.value, previous);
  }
  const macroEvents = macroReferences(state, input.macro_ids);
  if (changes.length === 0 && input.comment === undefined && macroEvents.length === 0) return null;
  return (auditId) => {
    const events = [];
    if (input.comment !== undefined) {
      const c = input.comment;
      events.push(commentEvent(state, { author_id: Number(c.author_id ?? actorId), body: c.body, html_body: c.html_body, public: c.public }, auditId));
    }
    return [...events, ...changes, ...macroEvents];
  };
}

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
