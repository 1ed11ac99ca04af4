// The agent workspace shell: top bar (tabs, agent switch, Reset), hash routing between ticket
// tabs and the Dashboard (the nav_bar location, full width).
import { h, replaceChildren } from './dom.js';
import { clearAllDrafts } from './draft-store.js';
import { createTicketTab } from './ticket-tab.js';
import { mountAppInstance, showSlot } from './app-instances.js';

const DEFAULT_TICKETS = [101, 102, 103, 104, 105];

export function createWorkspace(ws) {
  const $ = (id) => document.getElementById(id);
  const tabsNav = $('tabs');
  const ticketArea = $('ticket-area');
  const dashboard = $('dashboard');
  ws.appsColumn = $('apps');

  const order = ticketIdsFromUrl();
  const tabs = new Map();
  let active = null; // a ticket tab, 'dashboard', or null
  let navApp = null;

  ws.onTabStateChange = () => renderTabs();
  ws.routeTo = (where, id) => {
    if (where === 'ticket' && Number.isInteger(Number(id))) location.hash = `#/tickets/${Number(id)}`;
    else if (where === 'nav_bar' || where === 'dashboard') location.hash = '#/dashboard';
    else throw new Error(`routeTo "${where}" is not supported by the sandbox`);
    return null;
  };

  function tabFor(id) {
    if (!tabs.has(id)) tabs.set(id, createTicketTab(ws, id));
    if (!order.includes(id)) order.push(id);
    return tabs.get(id);
  }

  function renderTabs() {
    const current = active === 'dashboard' ? 'dashboard' : active?.id;
    replaceChildren(tabsNav,
      ...order.map((id) => {
        const tab = tabs.get(id);
        const dirty = tab?.isDirty();
        return h('a', {
          href: `#/tickets/${id}`, class: `tab${dirty ? ' tab--dirty' : ''}`, 'data-testid': `tab-${id}`,
          'aria-current': current === id ? 'page' : null, 'data-dirty': dirty ? 'true' : null,
          title: tab?.session.saved ? tab.title() : `Ticket #${id}`,
        }, h('span', { class: 'tab__id', text: `#${id}` }), h('span', { class: 'tab__title', text: tab?.session.saved ? tab.title() : '' }),
        dirty ? h('span', { class: 'tab__dot', 'aria-label': 'unsaved changes', text: '●' }) : null);
      }),
      h('a', { href: '#/dashboard', class: 'tab tab--dashboard', 'data-testid': 'tab-dashboard', 'aria-current': current === 'dashboard' ? 'page' : null, text: 'Dashboard' }));
  }

  function leaveCurrent() {
    if (active && active !== 'dashboard') active.deactivate();
    if (active === 'dashboard' && navApp) {
      ws.host.setActive(navApp.instance, false);
      showSlot(navApp, false, 'app-navbar');
    }
  }

  async function openTicket(id) {
    const tab = tabFor(id);
    renderTabs();
    try {
      await tab.load();
    } catch (error) {
      leaveCurrent();
      active = null;
      ticketArea.replaceChildren(h('p', { class: 'empty', role: 'alert', text: `Ticket #${id} could not be loaded: ${error.message}` }));
      return;
    }
    if (wantedRoute().ticketId !== id) return; // the agent moved on while it loaded
    if (active === tab) return;
    leaveCurrent();
    active = tab;
    document.body.dataset.view = 'ticket';
    dashboard.hidden = true;
    ticketArea.hidden = false;
    ws.appsColumn.hidden = false;
    tab.activate(ticketArea);
    renderTabs();
  }

  function openDashboard() {
    if (active === 'dashboard') return;
    leaveCurrent();
    active = 'dashboard';
    document.body.dataset.view = 'dashboard';
    ticketArea.hidden = true;
    ws.appsColumn.hidden = true;
    dashboard.hidden = false;
    if (!navApp) {
      const frameBox = h('div', { class: 'dashboard__app' });
      navApp = mountAppInstance({ ws, locationName: 'nav_bar', container: frameBox, testid: 'app-navbar' });
      dashboard.replaceChildren(
        h('h1', { class: 'dashboard__title', text: ws.manifest?.name ?? 'Dashboard' }),
        navApp ? frameBox : h('p', { class: 'empty', text: ws.manifest ? 'This app has no nav_bar location.' : 'The app could not be loaded.' }));
    }
    if (navApp) {
      showSlot(navApp, true, 'app-navbar');
      ws.host.setActive(navApp.instance, true);
    }
    renderTabs();
  }

  function wantedRoute() {
    const match = /^#\/tickets\/(\d+)/.exec(location.hash);
    if (match) return { ticketId: Number(match[1]) };
    if (location.hash.startsWith('#/dashboard')) return { dashboard: true };
    return { ticketId: order[0] };
  }

  function route() {
    const wanted = wantedRoute();
    if (wanted.dashboard) openDashboard();
    else if (wanted.ticketId) return openTicket(wanted.ticketId);
    return Promise.resolve();
  }

  const userSwitch = $('user-switch');
  userSwitch.replaceChildren(...ws.config.users.filter((u) => u.role !== 'end-user').map((u) => h('option', {
    value: u.id, text: `${u.name} (${u.role})`, selected: u.id === ws.me.id,
  })));
  userSwitch.addEventListener('change', async () => {
    await ws.rest.switchUser(Number(userSwitch.value));
    location.reload();
  });
  $('reset').addEventListener('click', async () => {
    await ws.rest.reset();
    clearAllDrafts();
    location.reload();
  });
  $('open-ticket').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = Number($('open-ticket-id').value);
    if (Number.isInteger(id) && id > 0) location.hash = `#/tickets/${id}`;
  });
  window.addEventListener('hashchange', route);
  renderTabs();

  return {
    route,
    tabs,
    activeTab: () => (active && active !== 'dashboard' ? active : null),
    navApp: () => navApp,
    tabFor,
  };
}

function ticketIdsFromUrl() {
  const param = new URLSearchParams(location.search).get('tickets');
  const ids = param ? param.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) : DEFAULT_TICKETS;
  return [...ids];
}
