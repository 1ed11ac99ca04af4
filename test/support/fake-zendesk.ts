import { INSTALLATION_SETTINGS } from '../../sandbox/fixtures/app-settings.mjs';
import type { GetResult, Zendesk } from '../../src/zendesk/zaf-client';

/**
 * An in-memory stand-in for the ZAF client, for unit and component tests: `values` is the open
 * ticket as ZAF paths; `set` writes to it and fires the matching *.changed events, as Zendesk does.
 */
export function fakeZendesk(initial: Record<string, unknown>, options: { errors?: Record<string, string>; request?: Zendesk['request'] } = {}) {
  const values: Record<string, unknown> = { ...initial };
  const handlers = new Map<string, Set<(data: unknown) => void>>();
  const calls: Array<{ op: 'get' | 'set' | 'invoke'; args: unknown }> = [];
  let failNext: unknown = null;

  const fire = (event: string, data?: unknown) => handlers.get(event)?.forEach((h) => h(data));
  const zendesk: Zendesk = {
    async get(paths): Promise<GetResult> {
      calls.push({ op: 'get', args: paths });
      if (failNext) {
        const error = failNext;
        failNext = null;
        throw error;
      }
      const errors = Object.fromEntries(paths.filter((p) => options.errors?.[p]).map((p) => [p, options.errors![p]!]));
      return { values: Object.fromEntries(paths.filter((p) => !errors[p]).map((p) => [p, values[p]])), errors };
    },
    async set(changes) {
      calls.push({ op: 'set', args: changes });
      if (failNext) {
        const error = failNext;
        failNext = null;
        throw error;
      }
      for (const [path, value] of Object.entries(changes)) {
        values[path] = value;
        const field = /^ticket\.customField:(custom_field_\d+)$/.exec(path);
        if (path === 'ticket.assignee') {
          // Zendesk's documented reassignment events (there is no ticket.assignee.changed).
          const { userId = null, groupId = null } = (value ?? {}) as { userId?: unknown; groupId?: unknown };
          fire('ticket.assignee.user.id.changed', userId);
          fire('ticket.assignee.group.id.changed', groupId);
        } else fire(field ? `ticket.${field[1]}.changed` : `${path}.changed`, value);
      }
    },
    async invoke(name, ...args) {
      calls.push({ op: 'invoke', args: [name, ...args] });
      return undefined;
    },
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      set.add(handler);
      handlers.set(event, set);
      return () => set.delete(handler);
    },
    request(req, schema) {
      return options.request ? options.request(req, schema) : Promise.reject(new Error(`no REST in this fake: ${req.url}`));
    },
    transport: { request: (options) => Promise.reject(new Error(`no proxy in this fake: ${String(options.url)}`)) },
    metadata: async () => ({ settings: {} }),
    context: async () => ({ location: 'ticket_sidebar' }),
  };
  return {
    zendesk,
    values,
    calls,
    fire,
    failNextWith(error: unknown) {
      failNext = error;
    },
  };
}

/** The sandbox installation's settings: unit tests run against the same field ids as the e2e tests. */
export const sandboxSettings: Record<string, unknown> = INSTALLATION_SETTINGS;

export function zafTicket(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'ticket.id': 101,
    'ticket.subject': 'Nota gravada com valor negativo',
    'ticket.status': 'new',
    'ticket.tags': ['tipo_consultoria_tecnica'],
    'ticket.via': { channel: 'web', source: { rel: null } },
    'ticket.requester': { id: 1001, name: 'Maria Souza', email: 'maria@example.com' },
    'ticket.assignee': { user: null, group: { id: 5004, name: 'Suporte Geral' } },
    'ticket.form': { id: 8000001 },
    'ticket.updatedAt': '2026-11-28T10:00:00Z',
    currentUser: { id: 2001, name: 'Ana Pereira', role: 'agent', locale: 'pt-BR', groups: [{ id: 5001, name: 'Suporte Faturamento' }] },
    'ticket.customField:custom_field_9000001': 'tipo_consultoria_tecnica',
    'ticket.customField:custom_field_9000002': null,
    'ticket.customField:custom_field_9000003': 'modulo_faturamento',
    'ticket.customField:custom_field_9000004': null,
    'ticket.requester.customField:permite_consultoria': 'sim',
    ...overrides,
  };
}
