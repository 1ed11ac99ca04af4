import type { TicketSnapshot } from '../../../src/procedure/ticket';

/** Demo ticket #101 as the sidebar reads it: a consulting ticket of the Faturamento module, opened in the portal, nothing done yet. */
export function demoSnapshot(overrides: Partial<TicketSnapshot> = {}, fields: Record<number, string | null> = {}): TicketSnapshot {
  return {
    id: 101,
    subject: 'Nota gravada com valor negativo',
    status: 'open',
    tags: [],
    viaChannel: 'web',
    requester: { id: 1001, name: 'Maria Souza', email: null, locale: 'pt-BR' },
    assignee: { userId: null, groupId: 5004 },
    formId: 8000001,
    fields: { 9000001: 'tipo_consultoria_tecnica', 9000002: null, 9000003: 'modulo_faturamento', 9000004: null, ...fields },
    requesterMayContract: 'sim',
    updatedAt: null,
    ...overrides,
  };
}
