// The workspace's own calls to the REST emulation and the sandbox controls (host origin).
// Every call carries X-Sandbox-User-Id, the agent using the workspace, as the contract asks;
// X-Sandbox-Via: web marks saves made in the agent UI (their audits say via web, not api), and
// X-Sandbox-Origin: host lets a request log tell workspace traffic from the app's.

export class RestError extends Error {
  constructor(status, body, url) {
    const description = body?.description ?? body?.error?.message ?? body?.error ?? `HTTP ${status}`;
    super(typeof description === 'string' ? description : JSON.stringify(description));
    this.status = status;
    this.body = body;
    this.url = url;
  }
}

export function createRestClient({ userId }) {
  async function call(method, url, body, headers = {}) {
    const response = await fetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        'X-Sandbox-User-Id': String(headers.userId ?? userId),
        'X-Sandbox-Origin': 'host',
        'X-Sandbox-Via': 'web',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    if (!response.ok) throw new RestError(response.status, json ?? text, url);
    return json;
  }

  /** Follows Zendesk's offset (`next_page`) or cursor (`links.next` + `meta.has_more`) pagination. */
  async function all(url, key, maxPages = 20) {
    const items = [];
    let next = url;
    for (let page = 0; next && page < maxPages; page += 1) {
      const body = await call('GET', next);
      items.push(...(body?.[key] ?? []));
      next = body?.meta ? (body.meta.has_more ? body.links?.next : null) : body?.next_page;
      if (next) next = sameOriginPath(next);
    }
    return items;
  }

  return {
    get userId() { return userId; },
    call,
    config: () => call('GET', '/__sandbox/config'),
    switchUser: (id) => call('POST', '/__sandbox/current-user', { id }),
    reset: () => call('POST', '/__sandbox/reset', {}),
    me: () => call('GET', '/api/v2/users/me.json').then((b) => b.user),
    ticket: (id) => call('GET', `/api/v2/tickets/${id}.json`).then((b) => b.ticket),
    comments: (id) => all(`/api/v2/tickets/${id}/comments.json`, 'comments'),
    audits: (id) => all(`/api/v2/tickets/${id}/audits.json`, 'audits'),
    updateTicket: (id, ticket, asUserId) => call('PUT', `/api/v2/tickets/${id}.json`, { ticket }, asUserId ? { userId: asUserId } : {}),
    ticketFields: () => all('/api/v2/ticket_fields.json', 'ticket_fields'),
    ticketForms: () => all('/api/v2/ticket_forms.json', 'ticket_forms'),
    groups: () => all('/api/v2/groups.json', 'groups'),
    groupMemberships: () => all('/api/v2/group_memberships.json', 'group_memberships'),
    usersByIds: (ids) => call('GET', `/api/v2/users/show_many.json?ids=${ids.join(',')}`).then((b) => b.users ?? []),
  };
}

/** Absolute links from the emulator (`https://sandbox.zendesk.com/api/v2/...`) → host-relative paths. */
export function sameOriginPath(link) {
  const url = new URL(link, location.origin);
  return `${url.pathname}${url.search}`;
}
