// Submit, as the agent UI does it: ask the ticket's apps (ticket.save, needs a reply), announce
// ticket.submit.start, PUT with safe_update, then done/fail. A 409 means another agent saved
// first: reload the ticket, keep the draft, tell the agent.
import { involvedUsers } from './ticket-session.js';

export async function submitTicket({ session, rest, catalog, host, toasts }) {
  const instances = host.forTicket(session.id);
  for (const instance of instances) {
    const reply = await host.askForReply(instance, 'ticket.save');
    if (!reply.ok) {
      toasts.show(reply.timedOut
        ? 'An app did not answer in time, so the ticket was not saved.'
        : reply.message || 'An app cancelled the save.', 'error');
      return { ok: false, reason: 'cancelled', message: reply.message };
    }
  }

  instances.forEach((i) => host.emit(i, 'ticket.submit.start', {}));
  try {
    await rest.updateTicket(session.id, session.updatePayload());
    await reload(session, rest, catalog);
    session.clearDraft();
    instances.forEach((i) => host.emit(i, 'ticket.submit.done', {}));
    toasts.show(`Ticket #${session.id} updated`, 'success');
    return { ok: true };
  } catch (error) {
    instances.forEach((i) => host.emit(i, 'ticket.submit.fail', {}));
    if (error.status === 409) {
      await reload(session, rest, catalog).catch(() => {});
      toasts.show('This ticket was changed by another agent. It was reloaded and your unsaved changes were kept: review them and submit again.', 'error');
      return { ok: false, reason: 'conflict' };
    }
    toasts.show(`The ticket was not saved: ${error.message}`, 'error');
    return { ok: false, reason: 'error', message: error.message };
  } finally {
    instances.forEach((i) => host.emit(i, 'ticket.submit.always', {}));
  }
}

export async function reload(session, rest, catalog) {
  const [ticket, comments] = await Promise.all([rest.ticket(session.id), rest.comments(session.id)]);
  await catalog.ensureUsers(involvedUsers(ticket, comments));
  session.replaceSaved(ticket, comments);
  return ticket;
}
