/** A ticket audit as the procedure reads it (parsed by zendesk/audits.ts from Zendesk's audits API). */
export interface TicketAudit {
  id: number;
  /** ms since epoch */
  createdAt: number;
  authorId: number;
  events: AuditEvent[];
}

export type AuditEvent =
  | {
      type: 'Change' | 'Create';
      /** Zendesk's field_name: 'subject', 'tags', 'assignee_id', 'group_id', 'status', or a custom field id as a string. */
      field: string;
      value: unknown;
      previousValue: unknown;
    }
  | { type: 'Comment'; commentId: number; public: boolean; authorId: number; body: string }
  | { type: 'AgentMacroReference'; macroId: number; macroTitle: string }
  | { type: 'Other'; rawType: string };
