/**
 * localStorage that may be blocked (Chrome with third-party storage off throws on access): each
 * call says whether it worked, so the UI can tell the agent that nothing survives a reload.
 */
export type StoredRead = { ok: true; value: string | null } | { ok: false };

export function readStored(key: string): StoredRead {
  try {
    return { ok: true, value: localStorage.getItem(key) };
  } catch {
    return { ok: false };
  }
}

/** Writes (or removes, for null); false when storage refused. */
export function writeStored(key: string, value: string | null): boolean {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Keys of one agent's state on one ticket of one account: accounts, tickets and agents never mix. */
export interface Scope {
  subdomain: string;
  ticketId: number;
  agentId: number;
}

export const timerKey = ({ subdomain, ticketId, agentId }: Scope) => `consultoria:timer:${subdomain}:${ticketId}:${agentId}`;
export const draftKey = ({ subdomain, ticketId, agentId }: Scope) => `consultoria:session-draft:${subdomain}:${ticketId}:${agentId}`;
/** One outbox per account and agent: it holds the records of every ticket, each tab shows its own. */
export const outboxKey = ({ subdomain, agentId }: Scope) => `consultoria:outbox:${subdomain}:${agentId}`;
