import * as z from 'zod/mini';
import type { AuditEvent, TicketAudit } from '../procedure/audit';
import { collectPages, cursorPage, type RestClient, zendeskId } from './pages';

/** 50 pages of 100 audits: far beyond any consulting ticket; a runaway history stops here. */
export const MAX_AUDIT_PAGES = 50;

const instant = z.pipe(
  z.string(),
  z.transform((text, ctx) => {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) ctx.issues.push({ code: 'custom', message: `not a date: ${text}`, input: text });
    return ms;
  }),
);

/** Zendesk stores tags as arrays, but older audits may carry them space-separated. */
const tagsValue = (value: unknown): unknown => (typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value);

const fieldEvent = z.object({
  type: z.enum(['Change', 'Create']),
  field_name: z.string(),
  value: z.optional(z.unknown()),
  previous_value: z.optional(z.unknown()),
});
const commentEvent = z.object({
  type: z.literal('Comment'),
  id: zendeskId,
  public: z.boolean(),
  author_id: zendeskId,
  body: z.nullish(z.string()),
});
/** Ticket Audit events reference, "Macro reference event": macro_id comes as a string. */
const macroEvent = z.object({ type: z.literal('AgentMacroReference'), macro_id: zendeskId, macro_title: z.nullish(z.string()) });

/** One event in app shape; an undocumented type, or a documented one in an odd shape, becomes `Other`. */
function toEvent(raw: unknown): AuditEvent {
  const rawType = raw && typeof raw === 'object' && typeof (raw as { type?: unknown }).type === 'string' ? (raw as { type: string }).type : 'unknown';
  const field = fieldEvent.safeParse(raw);
  if (field.success) {
    const { type, field_name: name, value = null, previous_value: previous = null } = field.data;
    const isTags = name === 'tags';
    return { type, field: name, value: isTags ? tagsValue(value) : value, previousValue: isTags ? tagsValue(previous) : previous };
  }
  const comment = commentEvent.safeParse(raw);
  if (comment.success) {
    const c = comment.data;
    return { type: 'Comment', commentId: c.id, public: c.public, authorId: c.author_id, body: c.body ?? '' };
  }
  const macro = macroEvent.safeParse(raw);
  if (macro.success) return { type: 'AgentMacroReference', macroId: macro.data.macro_id, macroTitle: macro.data.macro_title ?? '' };
  return { type: 'Other', rawType };
}

const auditSchema = z.pipe(
  z.object({ id: zendeskId, created_at: instant, author_id: z.number().check(z.int()), events: z.array(z.unknown()) }),
  z.transform((a): TicketAudit => ({ id: a.id, createdAt: a.created_at, authorId: a.author_id, events: a.events.map(toEvent) })),
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

/** The ticket's whole audit history (GET /api/v2/tickets/{id}/audits, cursor pagination). */
export async function loadAudits(zendesk: RestClient, ticketId: number, paging: AuditPaging = {}): Promise<LoadedAudits> {
  const { pageSize = 100, maxPages = MAX_AUDIT_PAGES } = paging;
  const url = `/api/v2/tickets/${ticketId}/audits.json?page[size]=${pageSize}`;
  const { items, truncated } = await collectPages(zendesk, url, cursorPage('audits', auditSchema), maxPages);
  const audits = [...items].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  return { audits, truncated };
}
