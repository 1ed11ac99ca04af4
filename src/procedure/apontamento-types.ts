/**
 * An Apontamento: one billable time record of a consulting session (DOMAIN.md steps 8–9 and
 * "Billing facts"). Stored as a Zendesk custom object record `consultoria_apontamento`.
 */
export type SessionChannel = 'phone' | 'remote' | 'replay';

/** Why a lead turned "Consultoria Aceita" from SIM to NÃO (uppercase, as the billing team writes them). */
export const NOT_ACCEPTED_REASONS = ['ISSUE', 'REPASSE', 'GESTÃO', 'DOCUMENTAÇÃO', 'GAP SUPORTE', 'OUTROS'] as const;
export type NotAcceptedReason = (typeof NOT_ACCEPTED_REASONS)[number];

export interface Apontamento {
  /** Idempotency key, also the record's external_id: a retry never creates a second record. */
  key: string;
  /** Zendesk's record id, once stored. */
  recordId: string | null;
  ticketId: number;
  analystId: number;
  /** Session start, ms since epoch. */
  start: number;
  /** Whole minutes worked in the session, as logged (before the per-ticket minimum). */
  minutes: number;
  channel: SessionChannel;
  /** What was analysed. */
  description: string;
  /** The session's outcome. */
  outcome: string;
  /** "faturável": billed to the client. */
  billable: boolean;
  /** "Consultoria Aceita" SIM (true) / NÃO (false); a lead may turn it to NÃO with a reason. */
  accepted: boolean;
  notAcceptedReason: NotAcceptedReason | null;
  /** Set by the monthly closing; an invoiced record can no longer be edited or deleted. */
  invoicedAt: number | null;
  createdAt: number;
  updatedAt: number;
}
