// While a ticket is open, poll it (~1.5 s) to notice other agents' updates, as Zendesk's
// real-time channel would: refresh the saved ticket under the draft and, when the last audit is
// someone else's, fire `ticket.updated` { updatedBy: { id, name } } to the ticket's apps.
import { involvedUsers } from './ticket-session.js';

export function createUpdatePoller({ session, rest, catalog, currentUserId, isBusy, onExternalUpdate, intervalMs = 1500 }) {
  let timer = null;

  async function tick() {
    timer = null;
    try {
      if (!isBusy()) await check();
    } catch {
      // a failed poll is retried on the next tick
    }
    if (running) timer = setTimeout(tick, intervalMs);
  }

  async function check() {
    const ticket = await rest.ticket(session.id);
    if (JSON.stringify(ticket) === JSON.stringify(session.saved)) return;
    const [comments, audits] = await Promise.all([rest.comments(session.id), rest.audits(session.id)]);
    if (isBusy()) return; // our own submit started meanwhile: it reloads the ticket itself
    await catalog.ensureUsers(involvedUsers(ticket, comments));
    session.replaceSaved(ticket, comments);
    const last = audits.reduce((a, b) => ((b.id ?? 0) > (a?.id ?? 0) ? b : a), null);
    if (last && Number(last.author_id) !== Number(currentUserId)) {
      await catalog.ensureUsers([last.author_id]);
      const author = catalog.user(last.author_id);
      onExternalUpdate({ id: Number(last.author_id), name: author?.name ?? `User #${last.author_id}` });
    }
  }

  let running = false;
  return {
    start() {
      if (running) return;
      running = true;
      timer = setTimeout(tick, intervalMs);
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
