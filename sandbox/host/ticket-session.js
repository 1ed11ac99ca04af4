// One open ticket: the saved version (REST), its conversation and the agent's draft. Every
// mutation persists the draft and reports which watched properties changed, so the UI
// re-renders and the ZAF host can emit `ticket.*.changed` / `comment.text.changed`.
import { loadDraft, saveDraft, emptyDraft } from './draft-store.js';
import {
  applyChanges, changesFrom, diffSnapshots, rebaseChanges, setCustomField, setTags, snapshot, workingCopy,
} from './ticket-model.js';

export class TicketSession {
  constructor({ id, rest, catalog, userId }) {
    this.id = Number(id);
    this.rest = rest;
    this.catalog = catalog;
    this.userId = userId;
    this.saved = null;
    this.comments = [];
    this.draft = loadDraft(userId, this.id);
    this.listeners = new Set();
  }

  async load() {
    const [ticket, comments] = await Promise.all([this.rest.ticket(this.id), this.rest.comments(this.id)]);
    await this.catalog.ensureUsers(involvedUsers(ticket, comments));
    this.replaceSaved(ticket, comments);
    return this;
  }

  /** Subscribe to changes: fn({ diffs, source }) where source is 'agent' | 'app' | 'server'. */
  onChange(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  effective() {
    return applyChanges(this.saved, this.draft.changes);
  }

  working() {
    return workingCopy(this.effective(), this.catalog.customFields());
  }

  /** Names of the properties with unsaved changes (custom fields as `custom_field_<id>`). */
  dirtyKeys() {
    const { custom_fields: cf = {}, ...rest } = this.draft.changes;
    const keys = [...Object.keys(rest), ...Object.keys(cf).map((id) => `custom_field_${id}`)];
    if (this.draft.comment.text.trim()) keys.push('comment');
    return keys;
  }

  /** Apply `fn(workingCopy, draftComment)` and record the result as the draft. */
  mutate(fn, source = 'agent') {
    this.#track(source, () => {
      const w = this.working();
      const comment = { ...this.draft.comment };
      fn(w, comment);
      this.draft = { ...this.draft, changes: changesFrom(this.saved, w, this.catalog.customFields()), comment };
    });
  }

  setProp(prop, value, source) {
    this.mutate((w) => {
      w[prop] = value === '' ? null : value;
      if (prop === 'group_id' && w.group_id && w.assignee_id && !this.catalog.groupMembers(w.group_id).some((u) => u.id === w.assignee_id)) {
        w.assignee_id = null; // Zendesk drops an assignee who is not in the new group.
      }
    }, source);
  }

  setAssignee({ groupId, userId }, source) {
    this.mutate((w) => {
      if (groupId !== undefined) w.group_id = groupId === null ? null : Number(groupId);
      if (userId !== undefined) w.assignee_id = userId === null ? null : Number(userId);
    }, source);
  }

  setCustomField(fieldId, value, source) {
    const field = this.catalog.field(fieldId);
    this.mutate((w) => setCustomField(w, field, value), source);
  }

  setTags(tags, source) {
    this.mutate((w) => setTags(w, tags, this.catalog.taggerFields()), source);
  }

  addTags(tags, source) {
    this.mutate((w) => setTags(w, [...w.tags, ...tags], this.catalog.taggerFields()), source);
  }

  removeTags(tags, source) {
    this.mutate((w) => setTags(w, w.tags.filter((t) => !tags.includes(t)), this.catalog.taggerFields()), source);
  }

  setComment(patch, source) {
    this.mutate((w, comment) => Object.assign(comment, patch), source);
  }

  /** New server state (load, poll, after a save); the draft is kept, minus what now matches. */
  replaceSaved(ticket, comments = this.comments) {
    this.#track('server', () => {
      const previous = this.saved ?? ticket;
      this.saved = ticket;
      this.comments = comments;
      const changes = rebaseChanges(previous, ticket, this.draft.changes, this.catalog.customFields());
      this.draft = { ...this.draft, changes };
    });
  }

  clearDraft(source = 'agent') {
    this.#track(source, () => { this.draft = emptyDraft(); });
  }

  /** The PUT body: only what changed, guarded by safe_update against other agents' writes. */
  updatePayload() {
    const { custom_fields: cf, ...changes } = this.draft.changes;
    const payload = { ...changes, safe_update: true, updated_stamp: this.saved.updated_at };
    if (cf) payload.custom_fields = Object.entries(cf).map(([id, value]) => ({ id: Number(id), value }));
    if (this.draft.comment.text.trim()) {
      payload.comment = { body: this.draft.comment.text, public: this.draft.comment.type === 'publicReply' };
    }
    return payload;
  }

  #track(source, change) {
    const fields = this.catalog.customFields();
    const before = this.saved ? snapshot(this.effective(), this.draft.comment, fields) : null;
    change();
    saveDraft(this.userId, this.id, this.draft);
    const after = snapshot(this.effective(), this.draft.comment, fields);
    const diffs = before ? diffSnapshots(before, after) : [];
    for (const fn of this.listeners) fn({ diffs, source });
  }
}

export function involvedUsers(ticket, comments) {
  return [
    ticket.requester_id, ticket.submitter_id, ticket.assignee_id,
    ...(ticket.collaborator_ids ?? []), ...comments.map((c) => c.author_id),
  ].filter((id) => id != null);
}
