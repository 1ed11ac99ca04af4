// Pure rules of the unsaved ticket, over a "working copy" of its editable properties:
// w = { subject, status, priority, type, tags: [], group_id, assignee_id, cf: { [fieldId]: value } }.
// Tagger fields and tags move together, as in Zendesk: a dropdown value is also a tag, removing
// that tag clears the dropdown, and adding an option's tag selects that option.

export const SCALAR_PROPS = ['subject', 'status', 'priority', 'type', 'group_id', 'assignee_id'];

export function normalizeTag(tag) {
  return String(tag).trim().toLowerCase().replace(/\s+/g, '_');
}

export function customFieldValue(ticket, fieldId) {
  const entry = (ticket.custom_fields ?? ticket.fields ?? []).find((f) => Number(f.id) === Number(fieldId));
  return entry ? entry.value ?? null : null;
}

export function workingCopy(ticket, fields) {
  const cf = {};
  for (const field of fields) cf[field.id] = customFieldValue(ticket, field.id);
  const w = { tags: [...(ticket.tags ?? [])], cf };
  for (const prop of SCALAR_PROPS) w[prop] = ticket[prop] ?? null;
  return w;
}

export function setTags(w, nextTags, taggerFields) {
  const next = [...new Set(nextTags.map(normalizeTag).filter(Boolean))];
  const removed = w.tags.filter((t) => !next.includes(t));
  const added = next.filter((t) => !w.tags.includes(t));
  w.tags = next;
  for (const field of taggerFields) {
    if (removed.includes(w.cf[field.id])) w.cf[field.id] = null;
    const option = (field.custom_field_options ?? []).find((o) => added.includes(o.value));
    if (option && w.cf[field.id] !== option.value) {
      if (w.cf[field.id]) w.tags = w.tags.filter((t) => t !== w.cf[field.id]);
      w.cf[field.id] = option.value;
    }
  }
}

export function setCustomField(w, field, value) {
  const next = value === '' || value === undefined ? null : value;
  if (field.type === 'tagger') {
    const previous = w.cf[field.id];
    if (previous) w.tags = w.tags.filter((t) => t !== previous);
    if (next && !w.tags.includes(next)) w.tags = [...w.tags, next];
  }
  w.cf[field.id] = next;
}

/** The changes a working copy holds over the saved ticket (REST names; custom_fields by id). */
export function changesFrom(saved, w, fields) {
  const changes = {};
  for (const prop of SCALAR_PROPS) if ((saved[prop] ?? null) !== (w[prop] ?? null)) changes[prop] = w[prop];
  if (!sameSet(saved.tags ?? [], w.tags)) changes.tags = [...w.tags];
  const cf = {};
  for (const field of fields) {
    if (!sameValue(customFieldValue(saved, field.id), w.cf[field.id])) cf[field.id] = w.cf[field.id];
  }
  if (Object.keys(cf).length) changes.custom_fields = cf;
  return changes;
}

/** The saved ticket with the draft's changes applied, in the REST shape. */
export function applyChanges(saved, changes) {
  const ticket = structuredClone(saved);
  for (const prop of [...SCALAR_PROPS, 'tags']) if (prop in changes) ticket[prop] = structuredClone(changes[prop]);
  for (const [id, value] of Object.entries(changes.custom_fields ?? {})) {
    for (const list of [ticket.custom_fields, ticket.fields]) {
      if (!Array.isArray(list)) continue;
      const entry = list.find((f) => Number(f.id) === Number(id));
      if (entry) entry.value = value;
      else list.push({ id: Number(id), value });
    }
    if (!Array.isArray(ticket.custom_fields)) ticket.custom_fields = [{ id: Number(id), value }];
  }
  return ticket;
}

/** Flat view of everything the app can watch, for `*.changed` events. */
export function snapshot(ticket, comment, fields) {
  const snap = { 'comment.text': comment.text, 'comment.type': comment.type, tags: JSON.stringify(ticket.tags ?? []) };
  for (const prop of SCALAR_PROPS) snap[prop] = ticket[prop] ?? null;
  for (const field of fields) snap[`custom_field_${field.id}`] = JSON.stringify(customFieldValue(ticket, field.id));
  return snap;
}

export function diffSnapshots(before, after) {
  return Object.keys(after)
    .filter((key) => before[key] !== after[key])
    .map((key) => ({ prop: key, oldValue: before[key], newValue: after[key] }));
}

function sameSet(a, b) {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function sameValue(a, b) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Keep the agent's draft on top of a newer saved ticket: the draft's own edits win, everything
 * it did not touch follows the server. Tags merge three-way (ours added/removed vs theirs).
 */
export function rebaseChanges(oldSaved, newSaved, changes, fields) {
  const w = workingCopy(newSaved, fields);
  for (const prop of SCALAR_PROPS) if (prop in changes) w[prop] = changes[prop];
  if (changes.tags) {
    const before = oldSaved.tags ?? [];
    const ours = changes.tags;
    const added = ours.filter((t) => !before.includes(t));
    const removed = before.filter((t) => !ours.includes(t));
    w.tags = [...new Set([...w.tags, ...added])].filter((t) => !removed.includes(t));
  }
  for (const [id, value] of Object.entries(changes.custom_fields ?? {})) w.cf[id] = value;
  return changesFrom(newSaved, w, fields);
}
