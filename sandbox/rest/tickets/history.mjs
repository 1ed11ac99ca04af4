/**
 * Deferred ticket histories. A generated ticket may carry its history as the saves that made it —
 * its creation spec and each update's body — rather than as audits: the audits are written from
 * them the first time anything reads or extends them, with ids reserved when the history was
 * deferred, so they are the same audits, with the same ids, before or after a restart. 5 000
 * generated tickets then cost 5 000 tickets at start, not 100 000 audit events.
 * Whatever reads `state.audits` of a ticket goes through `auditsOf`.
 */
import { customFields, appendAudit, via } from './model.mjs';
import { idsPerSave, saveWriter } from './saves.mjs';
import { newTicket, writeCreateAudit } from './seed.mjs';
import { iso } from '../time.mjs';

/** @typedef {{at: number, by: number, input: Record<string, any>}} Save an update (PUT body's `ticket`) by `by` at `at` */

/**
 * Creates the ticket `spec` describes and applies `saves` to it (in time order); their audits are written later.
 * @param {any} state @param {Parameters<typeof newTicket>[1]} spec @param {Save[]} saves
 */
export function seedTicketWithHistory(state, spec, saves) {
  const ticket = newTicket(state, spec);
  state.tickets[ticket.id] = ticket;
  const write = saveWriter(state);
  for (const save of saves) write(ticket, save.input, { record: false });
  if (saves.length) ticket.updated_at = iso(saves[saves.length - 1].at);
  // The Create audit: itself, its comment, 9 properties and the custom fields; then each save's most.
  const fieldCount = customFields(state).length;
  const idCount = 11 + fieldCount + saves.reduce((sum, save) => sum + idsPerSave(fieldCount, save.input), 0);
  const firstId = state.seq + 1;
  state.seq += idCount;
  (state.deferredHistories ??= {})[ticket.id] = { spec, saves, firstId, idCount };
  return ticket;
}

/** The ticket's audits, oldest first (writing a deferred history first). @param {any} state @param {number} ticketId */
export function auditsOf(state, ticketId) {
  const deferred = state.deferredHistories?.[ticketId];
  if (deferred) writeDeferred(state, ticketId, deferred);
  return state.audits[ticketId] ?? [];
}

/** Replays the history on a copy of the ticket as it was created, numbering from its reserved ids. */
function writeDeferred(state, ticketId, { spec, saves, firstId, idCount }) {
  delete state.deferredHistories[ticketId];
  if (state.audits[ticketId]?.length) throw new Error(`ticket ${ticketId} has audits before its deferred history`);
  const seq = state.seq;
  state.seq = firstId - 1;
  try {
    const ticket = newTicket(state, spec);
    writeCreateAudit(state, ticket, spec);
    const write = saveWriter(state);
    for (const save of saves) {
      const events = write(ticket, save.input, { record: true });
      if (events.length) appendAudit(state, ticketId, { authorId: save.by, nowMs: save.at, via: via('web'), client: 'Zendesk Agent Workspace', build: () => events });
    }
    if (state.seq >= firstId + idCount) throw new Error(`ticket ${ticketId}: its history used more ids than it reserved`);
  } finally {
    state.seq = seq;
  }
}
