// The centre of the ticket: subject, the conversation and the comment editor with Submit.
import { formatTime, h } from './dom.js';
import { selectControl, textControl } from './controls.js';

const STATUS_LABELS = { new: 'New', open: 'Open', pending: 'Pending', hold: 'On-hold', solved: 'Solved' };

export function createConversation({ session, catalog, onSubmit }) {
  const subject = textControl({ label: 'Subject', testid: 'ticket-subject', extraClass: 'subject', onInput: (v) => session.setProp('subject', v) });
  const via = h('span', { class: 'badge badge--via', 'data-testid': 'ticket-via' });
  const header = h('header', { class: 'ticket-header' }, h('span', { class: 'ticket-id', text: `#${session.id}` }), via, subject.el);

  const list = h('ol', { class: 'comments', 'data-testid': 'comments', 'aria-label': 'Conversation' });

  const toggle = h('button', { type: 'button', role: 'switch', class: 'editor__toggle', 'data-testid': 'public-toggle' });
  toggle.addEventListener('click', () => session.setComment({ type: session.draft.comment.type === 'publicReply' ? 'internalNote' : 'publicReply' }));
  const editor = textControl({ label: 'Comment', testid: 'editor', multiline: true, extraClass: 'editor__text', onInput: (text) => session.setComment({ text }) });
  const status = selectControl({
    label: 'Status', testid: 'status', emptyLabel: '-',
    options: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
    onChange: (v) => session.setProp('status', v),
  });
  const submit = h('button', { type: 'button', class: 'btn btn--primary', 'data-testid': 'submit', onClick: () => onSubmit() });
  const editorBox = h('section', { class: 'editor', 'aria-label': 'Comment editor' },
    h('div', { class: 'editor__bar' }, toggle), editor.el,
    h('div', { class: 'editor__footer' }, status.el, submit));

  const el = h('section', { class: 'conversation' }, header, list, editorBox);
  let submitting = false;
  let renderedComments = '';

  function commentItem(comment) {
    const author = catalog.user(comment.author_id);
    const isPublic = comment.public !== false;
    return h('li', {
      class: `comment ${isPublic ? '' : 'comment--internal'}`.trim(),
      'data-testid': 'comment', 'data-comment-id': comment.id, 'data-public': String(isPublic),
      'data-html-body': comment.html_body ?? '',
    },
    h('div', { class: 'comment__meta' },
      h('strong', { class: 'comment__author', 'data-testid': 'comment-author', text: author?.name ?? `User #${comment.author_id}` }),
      h('time', { datetime: comment.created_at ?? '', text: formatTime(comment.created_at) }),
      h('span', { class: `badge ${isPublic ? 'badge--public' : 'badge--internal'}`, 'data-testid': 'comment-visibility', text: isPublic ? 'Public' : 'Internal' })),
    h('div', { class: 'comment__body', 'data-testid': 'comment-body', text: comment.body ?? '' }));
  }

  function update() {
    const ticket = session.effective();
    const dirty = new Set(session.dirtyKeys());
    subject.update(ticket.subject, dirty.has('subject'));
    via.textContent = `via ${ticket.via?.channel ?? 'web'}`;

    const key = session.comments.map((c) => c.id).join(',');
    if (key !== renderedComments) {
      renderedComments = key;
      list.replaceChildren(...session.comments.map(commentItem));
    }

    const { text, type } = session.draft.comment;
    const isPublic = type === 'publicReply';
    toggle.setAttribute('aria-checked', String(isPublic));
    toggle.textContent = isPublic ? 'Public reply' : 'Internal note';
    editorBox.classList.toggle('editor--internal', !isPublic);
    editor.update(text, dirty.has('comment'));
    status.update(ticket.status, dirty.has('status'));
    submit.dataset.dirty = String(dirty.size > 0);
    submit.disabled = submitting;
    submit.textContent = submitting ? 'Submitting…' : `Submit as ${STATUS_LABELS[ticket.status] ?? ticket.status}`;
  }

  update();
  return {
    el,
    update,
    setSubmitting(value) { submitting = value; update(); },
  };
}
