import type { AuditEvent, TicketAudit } from './audit';

/** Who did something and when (ms since epoch), read from the ticket's audits. */
export interface Fact {
  at: number;
  by: number;
}

/** A stretch of time during which a tag was on the ticket; `until` null means it still is. */
export interface TagSpan {
  since: Fact;
  until: Fact | null;
}

type FieldEvent = Extract<AuditEvent, { type: 'Change' | 'Create' }>;

function* fieldEvents(audits: readonly TicketAudit[], field: string): Generator<[TicketAudit, FieldEvent]> {
  for (const audit of audits) {
    for (const event of audit.events) {
      if ((event.type === 'Change' || event.type === 'Create') && event.field === field) yield [audit, event];
    }
  }
}

const asTags = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : []);
const fact = (audit: TicketAudit): Fact => ({ at: audit.createdAt, by: audit.authorId });

/** Every time `tag` was added and (if it was) removed, oldest first. */
export function tagSpans(audits: readonly TicketAudit[], tag: string): TagSpan[] {
  const spans: TagSpan[] = [];
  let open: TagSpan | null = null;
  for (const [audit, event] of fieldEvents(audits, 'tags')) {
    const had = open !== null;
    const has = asTags(event.value).includes(tag);
    if (has && !had) {
      open = { since: fact(audit), until: null };
      spans.push(open);
    } else if (!has && had && open) {
      open.until = fact(audit);
      open = null;
    }
  }
  return spans;
}

/** The latest time any of `tags` was added. */
export function lastTagAdded(audits: readonly TicketAudit[], tags: readonly string[]): Fact | null {
  let latest: Fact | null = null;
  for (const tag of tags) {
    const spans = tagSpans(audits, tag);
    const last = spans[spans.length - 1];
    if (last && (!latest || last.since.at >= latest.at)) latest = last.since;
  }
  return latest;
}

/** Since when `tag` has been on the saved ticket, or null if it is not on it now. */
export function tagOnSince(audits: readonly TicketAudit[], tag: string): Fact | null {
  const spans = tagSpans(audits, tag);
  const last = spans[spans.length - 1];
  return last && last.until === null ? last.since : null;
}

/** The latest audit that set `field` to a value `accept` takes (a Create counts: the ticket came that way). */
export function lastFieldSet(audits: readonly TicketAudit[], field: string, accept: (value: unknown) => boolean): Fact | null {
  let latest: Fact | null = null;
  for (const [audit, event] of fieldEvents(audits, field)) {
    if (accept(event.value) && (event.type === 'Create' || !accept(event.previousValue))) latest = fact(audit);
  }
  return latest;
}

/** Whether the ticket was ever created or changed with `field` taking a value `accept` takes. */
export function everSet(audits: readonly TicketAudit[], field: string, accept: (value: unknown) => boolean): boolean {
  for (const [, event] of fieldEvents(audits, field)) if (accept(event.value)) return true;
  return false;
}

/** When a macro was applied to the ticket by an agent (Zendesk records an AgentMacroReference). */
export function macroApplied(audits: readonly TicketAudit[], macroIds: readonly number[]): Fact | null {
  for (const audit of audits) {
    for (const event of audit.events) {
      if (event.type === 'AgentMacroReference' && macroIds.includes(event.macroId)) return fact(audit);
    }
  }
  return null;
}

/** Spans of a tag as pauses of the períodos clock ({from, to} in ms). */
export function pausesOf(audits: readonly TicketAudit[], tag: string): Array<{ from: number; to: number | null }> {
  return tagSpans(audits, tag).map((span) => ({ from: span.since.at, to: span.until?.at ?? null }));
}
