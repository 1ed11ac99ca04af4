// Unsaved ticket changes and the editor text, per agent and ticket, in localStorage: a reload
// (or a crash of the app iframe) must never lose what the agent typed.

const PREFIX = 'sandbox.draft.';

export function emptyDraft() {
  return { changes: {}, comment: { text: '', type: 'publicReply' } };
}

function key(userId, ticketId) {
  return `${PREFIX}${userId}.${ticketId}`;
}

export function loadDraft(userId, ticketId) {
  try {
    const raw = localStorage.getItem(key(userId, ticketId));
    if (!raw) return emptyDraft();
    const parsed = JSON.parse(raw);
    return {
      changes: parsed.changes && typeof parsed.changes === 'object' ? parsed.changes : {},
      comment: {
        text: typeof parsed.comment?.text === 'string' ? parsed.comment.text : '',
        type: parsed.comment?.type === 'internalNote' ? 'internalNote' : 'publicReply',
      },
    };
  } catch {
    return emptyDraft();
  }
}

export function saveDraft(userId, ticketId, draft) {
  const isEmpty = Object.keys(draft.changes).length === 0 && draft.comment.text === ''
    && draft.comment.type === 'publicReply';
  if (isEmpty) localStorage.removeItem(key(userId, ticketId));
  else localStorage.setItem(key(userId, ticketId), JSON.stringify(draft));
}

/** Reset restores the fixtures, so every agent's drafts go too. */
export function clearAllDrafts() {
  for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX)) localStorage.removeItem(k);
}
