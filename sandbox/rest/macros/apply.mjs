/**
 * What applying a macro does, without saving anything (Zendesk: "Returns the changes the macro would
 * make to a ticket. It doesn't actually change a ticket."). Result: `{ticket}` (MacroApplyTicketResponse),
 * the macro's comment, when it has one, at `ticket.comment` as `{body, public, scoped_body}`: the body is
 * the comment's text (an HTML comment as text). Without a ticket, `ticket` holds only the changed
 * properties; with one, it is the full ticket after the changes (placeholders rendered).
 */
import { htmlToText, sanitizeHtml } from '../html.mjs';
import { customFields } from '../tickets/model.mjs';
import { ticketJson } from '../tickets/serialize.mjs';
import { parseTags, setTaggerValue, syncTaggersWithTags, uniqueTags } from '../tickets/tags.mjs';
import { renderPlaceholders } from './placeholders.mjs';

const SCALAR_ACTIONS = new Set(['status', 'priority', 'type', 'subject']);
const ID_ACTIONS = new Set(['group_id', 'assignee_id']);

/** @param {any} state @param {any} macro @param {any|null} ticket @param {any} currentUser */
export function applyMacro(state, macro, ticket, currentUser) {
  const changes = {};
  const fieldChanges = new Map();
  let tagsSet = null;
  const tagsAdded = [];
  const tagsRemoved = [];
  let comment = null;
  let isPublic = true;
  for (const { field, value } of macro.actions) {
    if (SCALAR_ACTIONS.has(field)) changes[field] = value;
    else if (ID_ACTIONS.has(field)) changes[field] = value === 'current_user' ? currentUser.id : value === '' || value === null ? null : Number(value);
    else if (field === 'set_tags') tagsSet = parseTags(value);
    else if (field === 'current_tags') tagsAdded.push(...parseTags(value));
    else if (field === 'remove_tags') tagsRemoved.push(...parseTags(value));
    else if (field.startsWith('custom_fields_')) fieldChanges.set(Number(field.slice('custom_fields_'.length)), value);
    else if (field === 'comment_value') comment = { kind: 'text', text: Array.isArray(value) ? value[value.length - 1] : value };
    else if (field === 'comment_value_html') comment = { kind: 'html', text: value };
    else if (field === 'comment_mode_is_public') isPublic = value === true || value === 'true';
  }
  const after = ticket ? afterChanges(state, ticket, { changes, fieldChanges, tagsSet, tagsAdded, tagsRemoved }) : changesOnly({ changes, fieldChanges, tagsSet, tagsAdded });
  if (comment) after.comment = renderComment(state, comment, isPublic, ticket, currentUser);
  return { ticket: after };
}

function changesOnly({ changes, fieldChanges, tagsSet, tagsAdded }) {
  const out = { ...changes };
  if (tagsSet || tagsAdded.length) out.tags = uniqueTags([...(tagsSet ?? []), ...tagsAdded]);
  if (fieldChanges.size) {
    out.custom_fields = [...fieldChanges].map(([id, value]) => ({ id, value }));
    out.fields = out.custom_fields.map((f) => ({ ...f }));
  }
  return out;
}

function afterChanges(state, ticket, { changes, fieldChanges, tagsSet, tagsAdded, tagsRemoved }) {
  const out = ticketJson(ticket);
  Object.assign(out, changes);
  const taggers = customFields(state).filter((f) => f.type === 'tagger');
  const values = new Map(out.custom_fields.map((f) => [f.id, f.value]));
  let tags = tagsSet ? [...tagsSet] : [...out.tags];
  tags = uniqueTags([...tags, ...tagsAdded]).filter((t) => !tagsRemoved.includes(t));
  syncTaggersWithTags(values, out.tags, tags, taggers);
  for (const [id, value] of fieldChanges) {
    const tagger = taggers.find((f) => f.id === id);
    if (tagger) setTaggerValue(tags, tagger, value);
    values.set(id, value === '' ? null : value);
  }
  out.tags = tags;
  out.custom_fields = out.custom_fields.map((f) => ({ id: f.id, value: values.get(f.id) ?? null }));
  out.fields = out.custom_fields.map((f) => ({ ...f }));
  return out;
}

function renderComment(state, comment, isPublic, ticket, currentUser) {
  const render = (text, html) => (ticket ? renderPlaceholders(text, { state, ticket, currentUser, html }) : text);
  const body = comment.kind === 'html' ? htmlToText(sanitizeHtml(render(comment.text, true))) : render(comment.text, false);
  return { body, public: isPublic, scoped_body: [['channel:all', body]] };
}
