/** What the procedure reads of a ticket: built by zendesk/ from one batched ZAF `get`. */
export interface TicketSnapshot {
  id: number;
  subject: string;
  status: string;
  tags: string[];
  viaChannel: string;
  /** `locale` is the client's language: replies to the client are written in it. */
  requester: { id: number; name: string; email: string | null; locale: string | null } | null;
  assignee: { userId: number | null; groupId: number | null };
  formId: number | null;
  /** Custom field values by field id, as Zendesk gives them (dates as "YYYY-MM-DD"). */
  fields: Record<number, string | null>;
  /** The requester's "Permite Consultoria" user field value (the option's tag). */
  requesterMayContract: string | null;
  updatedAt: string | null;
}

export type UserRole = 'admin' | 'agent' | 'end-user' | 'other';

export interface CurrentUser {
  id: number;
  name: string;
  role: UserRole;
  locale: string;
  groupIds: number[];
}
