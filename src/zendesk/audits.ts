import * as v from 'valibot';
import type { AuditEvent, TicketAudit } from '../procedure/audit';
import { collectPages, cursorOrOffsetPage, type RestClient, zendeskId } from './pages';

/** 50 pages of 100 audits: far beyond any consulting ticket; a runaway history stops here. */
export const MAX_AUDIT_PAGES = 50;

const instant = v.pipe(
  v.string(),
  v.rawTransform(({ dataset: { value: text }, addIssue }) => {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) addIssue({ message: `not a date: ${text}` });
    return ms;
  }),
);

/** Zendesk stores tags as arrays, but older audits may carry them space-separated. */
const tagsValue = (value: unknown): unknown => (typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value);

const fieldEvent = v.object({
  type: v.picklist(['Change', 'Create']),
  field_name: v.string(),
  value: v.optional(v.unknown()),
  previous_value: v.optional(v.unknown()),
});
const commentEvent = v.object({
  type: v.literal('Comment'),
  id: zendeskId,
  public: v.boolean(),
  author_id: zendeskId,
  body: v.nullish(v.string()),
});
/** Ticket Audit events reference, "Macro reference event": macro_id comes as a string. */
const macroEvent = v.object({ type: v.literal('AgentMacroReference'), macro_id: zendeskId, macro_title: v.nullish(v.string()) });

/** One event in app shape; an undocumented type, or a documented one in an odd shape, becomes `Other`. */
function toEvent(raw: unknown): AuditEvent {
  const rawType = raw && typeof raw === 'object' && typeof (raw as { type?: unknown }).type === 'string' ? (raw as { type: string }).type : 'unknown';
  const field = v.safeParse(fieldEvent, raw);
  if (field.success) {
    const { type, field_name: name, value = null, previous_value: previous = null } = field.output;
    const isTags = name === 'tags';
    return { type, field: name, value: isTags ? tagsValue(value) : value, previousValue: isTags ? tagsValue(previous) : previous };
  }
  const comment = v.safeParse(commentEvent, raw);
  if (comment.success) {
    const c = comment.output;
    return { type: 'Comment', commentId: c.id, public: c.public, authorId: c.author_id, body: c.body ?? '' };
  }
  const macro = v.safeParse(macroEvent, raw);
  if (macro.success) return { type: 'AgentMacroReference', macroId: macro.output.macro_id, macroTitle: macro.output.macro_title ?? '' };
  return { type: 'Other', rawType };
}

const auditSchema = v.pipe(
  v.object({ id: zendeskId, created_at: instant, author_id: v.pipe(v.number(), v.safeInteger()), events: v.array(v.unknown()) }),
  v.transform((a): TicketAudit => ({ id: a.id, createdAt: a.created_at, authorId: a.author_id, events: a.events.map(toEvent) })),
);

export interface LoadedAudits {
  /** Oldest first. */
  audits: TicketAudit[];
  /** The history was longer than MAX_AUDIT_PAGES pages: the newest audits are missing. */
  truncated: boolean;
}

export interface AuditPaging {
  /** Audits per page, ≤ 100 (Zendesk's limit). */
  pageSize?: number;
  maxPages?: number;
}

/**
 * The ticket's whole audit history (GET /api/v2/tickets/{id}/audits): cursor pages, except for an
 * archived ticket (closed for 120 days), whose audits Zendesk does not paginate: one answer in the
 * offset shape with every audit and `next_page` null.
 */
export async function loadAudits(zendesk: RestClient, ticketId: number, paging: AuditPaging = {}): Promise<LoadedAudits> {
  const { pageSize = 100, maxPages = MAX_AUDIT_PAGES } = paging;
  const url = `/api/v2/tickets/${ticketId}/audits.json?page[size]=${pageSize}`;
  const { items, truncated } = await collectPages(zendesk, url, cursorOrOffsetPage('audits', auditSchema), maxPages);
  const audits = [...items].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  return { audits, truncated };
}
