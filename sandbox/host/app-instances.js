// One app instance = one iframe of one location (a ticket's sidebar, the nav_bar page),
// registered with the ZAF host together with its context, metadata and model.
import { h } from './dom.js';
import { createAppFrame } from './app-frames.js';
import { createZafModel } from './zaf-model.js';

const DEFAULT_HEIGHT = 420;

export function mountAppInstance({ ws, locationName, session = null, container, testid }) {
  const { host, manifest, base, config, me, catalog, toasts } = ws;
  if (!manifest) return null;
  const guid = crypto.randomUUID();
  const frame = createAppFrame({ base, manifest, locationName, hostOrigin: location.origin, guid });
  if (!frame) return null;
  frame.dataset.testid = testid;
  if (session) frame.dataset.ticketId = String(session.id);
  if (locationName === 'ticket_sidebar') frame.style.height = `${DEFAULT_HEIGHT}px`;

  const model = createZafModel({
    location: locationName,
    session,
    catalog,
    currentUser: me,
    account: config.account,
    actions: {
      resize: (dims) => resize(frame, locationName, dims),
      notify: (message, kind, options) => toasts.show(message, kind, duration(options)),
      routeTo: (...args) => ws.routeTo(...args),
    },
  });
  const context = { instanceGuid: guid, product: 'support', account: { subdomain: config.account.subdomain }, location: locationName };
  if (session) context.ticketId = session.id;
  const instance = host.register({
    guid,
    frame,
    appOrigin: new URL(base).origin,
    location: locationName,
    ticketId: session?.id ?? null,
    context,
    metadata: {
      appId: config.app.id,
      installationId: config.app.installationId,
      name: config.app.name,
      version: config.app.version,
      settings: { ...config.settings },
      plan: { name: 'default' },
    },
    model,
    requestEnv: { userId: me.id, settings: config.settings, subdomain: config.account.subdomain },
  });
  const slot = h('div', { class: `app-slot app-slot--${locationName}`, hidden: true }, frame);
  container.append(slot);
  return { instance, slot, frame };
}

/** Show one slot and make its iframe the one tests find by data-testid. */
export function showSlot(mounted, visible, testid) {
  if (!mounted) return;
  mounted.slot.hidden = !visible;
  mounted.frame.dataset.testid = visible ? testid : `${testid}-hidden`;
}

function resize(frame, locationName, dims = {}) {
  const height = cssSize(dims.height);
  if (height !== null) frame.style.height = height;
  // A sidebar is as wide as the apps tray (320 px); only full-page locations take a width.
  if (locationName !== 'ticket_sidebar') {
    const width = cssSize(dims.width);
    if (width !== null) frame.style.width = width;
  }
  return null;
}

/** 300, "300", "300px" → "300px"; "100%" stays a percentage. */
function cssSize(value) {
  if (value === undefined || value === null || value === '') return null;
  const match = /^(\d+(?:\.\d+)?)(px|%)?$/.exec(String(value).trim());
  if (!match) throw new Error(`invalid size "${value}"`);
  return match[2] === '%' ? `${match[1]}%` : `${Math.round(Number(match[1]))}px`;
}

function duration(options) {
  if (typeof options === 'number') return options;
  if (options && typeof options === 'object' && options.sticky) return 0;
  return undefined;
}
