// One open ticket tab: its session (saved + draft), its sidebar app instance (kept alive while
// other tabs are shown, as Zendesk keeps it), its poller, and the view while it is on screen.
import { h } from './dom.js';
import { TicketSession } from './ticket-session.js';
import { createTicketProperties } from './ticket-properties.js';
import { createConversation } from './conversation.js';
import { submitTicket } from './submit-flow.js';
import { createUpdatePoller } from './update-poller.js';
import { emitTicketChanges } from './zaf-events.js';
import { mountAppInstance, showSlot } from './app-instances.js';

export function createTicketTab(ws, id) {
  const session = new TicketSession({ id, rest: ws.rest, catalog: ws.catalog, userId: ws.me.id });
  let app = null;
  let view = null;
  let submitting = false;
  let loaded = null;

  const poller = createUpdatePoller({
    session,
    rest: ws.rest,
    catalog: ws.catalog,
    currentUserId: ws.me.id,
    isBusy: () => submitting,
    onExternalUpdate(updatedBy) {
      ws.toasts.show(`${updatedBy.name} updated this ticket`, 'notice');
      if (app) ws.host.emit(app.instance, 'ticket.updated', { updatedBy });
    },
  });

  session.onChange(({ diffs }) => {
    view?.properties.update();
    view?.conversation.update();
    ws.onTabStateChange(id);
    emitTicketChanges({ host: ws.host, session, catalog: ws.catalog, diffs });
  });

  async function submit() {
    if (submitting) return { ok: false, reason: 'busy' };
    submitting = true;
    view?.conversation.setSubmitting(true);
    try {
      return await submitTicket({ session, rest: ws.rest, catalog: ws.catalog, host: ws.host, toasts: ws.toasts });
    } finally {
      submitting = false;
      view?.conversation.setSubmitting(false);
    }
  }

  return {
    id,
    session,
    get app() { return app; },
    load() {
      loaded ??= session.load().then(() => {
        app = mountAppInstance({ ws, locationName: 'ticket_sidebar', session, container: ws.appsColumn, testid: 'app-sidebar' });
      });
      return loaded;
    },
    isDirty: () => session.saved !== null && session.dirtyKeys().length > 0,
    title: () => session.effective()?.subject ?? `Ticket #${id}`,
    submit,
    /** Render into `container` and wake the app (app.activated) and the poller. */
    activate(container) {
      const properties = createTicketProperties({ session, catalog: ws.catalog });
      const conversation = createConversation({ session, catalog: ws.catalog, onSubmit: submit });
      view = { properties, conversation };
      container.replaceChildren(h('div', { class: 'ticket-layout' }, properties.el, conversation.el));
      showSlot(app, true, 'app-sidebar');
      if (app) ws.host.setActive(app.instance, true);
      poller.start();
    },
    deactivate() {
      view = null;
      poller.stop();
      showSlot(app, false, 'app-sidebar');
      if (app) ws.host.setActive(app.instance, false);
    },
  };
}
