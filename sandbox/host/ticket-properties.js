// The left panel of the ticket: requester, assignment, type/priority, tags and the form fields.
import { h } from './dom.js';
import { markDirty, selectControl, textControl } from './controls.js';
import { customFieldValue, normalizeTag } from './ticket-model.js';

const TYPES = ['problem', 'incident', 'question', 'task'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

export function createTicketProperties({ session, catalog }) {
  const requesterName = h('span', { 'data-testid': 'requester-name', class: 'requester__name' });
  const requesterEmail = h('span', { 'data-testid': 'requester-email', class: 'requester__email' });
  const requester = h('div', { class: 'field requester' }, h('span', { class: 'field__label', text: 'Requester' }), requesterName, requesterEmail);

  const group = selectControl({
    label: 'Group', testid: 'group', emptyLabel: '- (no group)',
    options: catalog.groups.map((g) => ({ value: g.id, label: g.name })),
    onChange: (v) => session.setProp('group_id', v === null ? null : Number(v)),
  });
  const assignee = selectControl({
    label: 'Assignee', testid: 'assignee', emptyLabel: '- (unassigned)', options: [],
    onChange: (v) => session.setProp('assignee_id', v === null ? null : Number(v)),
  });
  const type = selectControl({ label: 'Type', testid: 'type', options: TYPES.map((t) => ({ value: t, label: t })), onChange: (v) => session.setProp('type', v) });
  const priority = selectControl({ label: 'Priority', testid: 'priority', options: PRIORITIES.map((p) => ({ value: p, label: p })), onChange: (v) => session.setProp('priority', v) });

  const tagList = h('ul', { class: 'tags__list', 'data-testid': 'tags', 'aria-label': 'Tags' });
  const tagInput = h('input', { type: 'text', id: `tag-input-${session.id}`, 'data-testid': 'tag-input', placeholder: 'add a tag' });
  const addTag = () => {
    const tags = tagInput.value.split(/[\s,]+/).map(normalizeTag).filter(Boolean);
    if (tags.length) session.addTags(tags);
    tagInput.value = '';
  };
  tagInput.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); addTag(); } });
  const tagsBox = h('div', { class: 'field tags' },
    h('label', { for: tagInput.id, text: 'Tags' }), tagList,
    h('div', { class: 'tags__add' }, tagInput, h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'tag-add', text: 'Add', onClick: addTag })));

  const formName = h('p', { class: 'form-name', 'data-testid': 'form' });
  const fieldControls = new Map();
  const fieldsBox = h('div', { class: 'form-fields' });

  function fieldControl(field) {
    const testid = `field-${field.id}`;
    const set = (v) => session.setCustomField(field.id, v);
    if (field.type === 'tagger') {
      return selectControl({ label: field.title, testid, options: (field.custom_field_options ?? []).map((o) => ({ value: o.value, label: o.name })), onChange: set });
    }
    if (field.type === 'checkbox') {
      const box = h('input', { type: 'checkbox', id: `cf-${field.id}`, 'data-testid': testid, onChange: () => set(box.checked) });
      const el = h('div', { class: 'field field--checkbox' }, box, h('label', { for: box.id, text: field.title }));
      return { el, update(value, dirty) { box.checked = Boolean(value); markDirty(el, dirty); } };
    }
    const inputType = { date: 'date', integer: 'number', decimal: 'number' }[field.type] ?? 'text';
    const parse = (v) => (v === '' ? null : field.type === 'integer' ? Number.parseInt(v, 10) : field.type === 'decimal' ? Number(v) : v);
    return textControl({ label: field.title, testid, type: inputType, multiline: field.type === 'textarea', onInput: (v) => set(parse(v)), event: field.type === 'date' ? 'change' : 'input' });
  }

  function formFields(ticket) {
    const form = catalog.form(ticket.ticket_form_id);
    const ids = form?.ticket_field_ids ?? catalog.customFields().map((f) => f.id);
    return ids.map((id) => catalog.field(id)).filter((f) => f && f.active !== false && catalog.customFields().includes(f));
  }

  const el = h('aside', { class: 'properties', 'aria-label': 'Ticket properties' },
    requester, group.el, assignee.el, type.el, priority.el, tagsBox, h('h2', { class: 'section-title', text: 'Form' }), formName, fieldsBox);

  function update() {
    const ticket = session.effective();
    const dirty = new Set(session.dirtyKeys());
    const user = catalog.user(ticket.requester_id);
    requesterName.textContent = user?.name ?? `User #${ticket.requester_id}`;
    requesterEmail.textContent = user?.email ?? '';

    group.update(ticket.group_id, dirty.has('group_id'));
    const agents = catalog.config.users.filter((u) => u.role !== 'end-user');
    const members = ticket.group_id ? catalog.groupMembers(ticket.group_id) : agents;
    const current = agents.find((u) => u.id === ticket.assignee_id);
    if (current && !members.includes(current)) members.push(current);
    assignee.update(ticket.assignee_id, dirty.has('assignee_id'), members.map((u) => ({ value: u.id, label: u.name })));
    type.update(ticket.type, dirty.has('type'));
    priority.update(ticket.priority, dirty.has('priority'));

    tagList.replaceChildren(...(ticket.tags ?? []).map((tag) => h('li', { class: 'tag', 'data-testid': 'tag', 'data-tag': tag },
      h('span', { text: tag }),
      h('button', { type: 'button', class: 'tag__remove', 'aria-label': `Remove tag ${tag}`, 'data-testid': `tag-remove-${tag}`, text: '×', onClick: () => session.removeTags([tag]) }))));
    markDirty(tagsBox, dirty.has('tags'));

    const form = catalog.form(ticket.ticket_form_id);
    formName.textContent = form?.name ?? '';
    const fields = formFields(ticket);
    for (const field of fields) {
      if (!fieldControls.has(field.id)) fieldControls.set(field.id, fieldControl(field));
    }
    const layout = fields.map((f) => f.id).join(',');
    if (fieldsBox.dataset.layout !== layout) { // re-insert only when the form changes: keeps focus
      fieldsBox.dataset.layout = layout;
      fieldsBox.replaceChildren(...fields.map((f) => fieldControls.get(f.id).el));
    }
    for (const field of fields) {
      fieldControls.get(field.id).update(customFieldValue(ticket, field.id), dirty.has(`custom_field_${field.id}`));
    }
  }

  update();
  return { el, update };
}
