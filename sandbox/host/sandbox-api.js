// window.sandbox: the hooks tests and the bench use to observe and disturb the workspace.
//   ready                         Promise, resolves once the first view is on screen
//   ticket(id?)                   { id, saved, draft, effective, dirty, comments } of the open ticket (or id)
//   zafLog() / clearZafLog()      every ZAF message in/out: { at, t, dir, guid, location, ticketId, message }
//   setZafFault(f) / clearZafFaults() / zafFaults()   see zaf-faults.js
//   otherAgentUpdate(changes, userId?, ticketId?)     PUT the ticket as another agent (REST shape)
//   openTicket(id) / openDashboard() / submit()       drive the workspace
//   instances()                   the app instances: { guid, location, ticketId, registered, active, subscriptions }

export function createSandboxApi({ ws, workspace, ready }) {
  const { host, faults, rest, config } = ws;
  const clone = (value) => (value === undefined ? undefined : structuredClone(value));
  const tabOf = (id) => (id === undefined ? workspace.activeTab() : workspace.tabs.get(Number(id)));

  return {
    ready,
    ticket(id) {
      const tab = tabOf(id);
      if (!tab?.session.saved) return null;
      const { session } = tab;
      return {
        id: session.id,
        saved: clone(session.saved),
        draft: clone(session.draft),
        effective: session.effective(),
        dirty: session.dirtyKeys(),
        comments: clone(session.comments),
      };
    },
    zafLog: () => host.log.map((entry) => clone(entry)),
    clearZafLog() { host.log.length = 0; },
    setZafFault(fault) { faults.set(fault); },
    clearZafFaults() { faults.clear(); },
    zafFaults: () => faults.list(),
    async otherAgentUpdate(changes, userId, ticketId) {
      const id = Number(ticketId ?? workspace.activeTab()?.id);
      const agent = Number(userId ?? config.users.find((u) => u.role !== 'end-user' && u.id !== ws.me.id)?.id);
      if (!id || !agent) throw new Error('otherAgentUpdate needs an open ticket and another agent');
      return rest.updateTicket(id, changes, agent);
    },
    openTicket(id) {
      location.hash = `#/tickets/${Number(id)}`;
      return workspace.route();
    },
    openDashboard() {
      location.hash = '#/dashboard';
      return workspace.route();
    },
    submit(id) {
      const tab = tabOf(id);
      if (!tab) throw new Error('no ticket open');
      return tab.submit();
    },
    instances: () => [...host.instances.values()].map((i) => ({
      guid: i.guid, location: i.location, ticketId: i.ticketId, registered: i.registered, active: i.active,
      subscriptions: Object.fromEntries(i.subs),
    })),
  };
}
