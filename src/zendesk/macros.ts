import * as v from 'valibot';
import { ZendeskError } from './errors';
import { collectPages, offsetPage, type RestClient, zendeskId } from './pages';

export interface MacroRef {
  id: number;
  title: string;
}

export interface MacroQuery {
  /** The macro id from the settings, when the admin gave one. */
  id?: number | null;
  /** The exact title, e.g. "CONSULTORIA :: Abertura de ticket Consultoria Técnica". */
  title: string;
  /** Older titles still accepted (e.g. "…Consult Técnica"), tried after `title`. */
  alternativeTitles?: readonly string[];
}

const macroSchema = v.object({ id: zendeskId, title: v.string(), active: v.nullish(v.boolean()) });
const MAX_SEARCH_PAGES = 5;

/** Titles compare after trimming, in one Unicode form (an accent may come composed or not). */
const sameTitle = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim();

async function byId(zendesk: RestClient, id: number): Promise<MacroRef | null> {
  try {
    const { macro } = await zendesk.request({ url: `/api/v2/macros/${id}.json` }, v.object({ macro: macroSchema }));
    return macro.active === false ? null : { id: macro.id, title: macro.title };
  } catch (error) {
    if (error instanceof ZendeskError && error.kind === 'not_found') return null;
    throw error;
  }
}

/** Search Macros is documented as "Offset pagination only": `page`/`per_page`, answered with `next_page`. */
async function byTitle(zendesk: RestClient, title: string): Promise<MacroRef | null> {
  const url = `/api/v2/macros/search.json?query=${encodeURIComponent(title.normalize('NFC').trim())}&active=true&per_page=100`;
  const { items } = await collectPages(zendesk, url, offsetPage('macros', macroSchema), MAX_SEARCH_PAGES);
  const found = items.find((m) => m.active !== false && sameTitle(m.title, title));
  return found ? { id: found.id, title: found.title } : null;
}

/**
 * The macro to apply: by id when one is configured and still active, otherwise (no id, or an id
 * that was deleted or deactivated) the active macro whose title is exactly `title`, or one of
 * the `alternativeTitles`, in that order. Null when none exists.
 */
export async function findMacro(zendesk: RestClient, query: MacroQuery): Promise<MacroRef | null> {
  if (query.id != null) {
    const found = await byId(zendesk, query.id);
    if (found) return found;
  }
  for (const title of [query.title, ...(query.alternativeTitles ?? [])]) {
    if (title.trim() === '') continue;
    const found = await byTitle(zendesk, title);
    if (found) return found;
  }
  return null;
}

/** One of the macro's actions (Actions reference): a ticket field name and the value it sets. */
export interface MacroAction {
  field: string;
  value: unknown;
}

const actionsSchema = v.object({ macro: v.object({ actions: v.array(v.object({ field: v.string(), value: v.optional(v.unknown()) })) }) });

/** What the macro does, as its admin wrote it (GET /api/v2/macros/{id}): read right before applying it. */
export async function macroActions(zendesk: RestClient, macroId: number): Promise<MacroAction[]> {
  const { macro } = await zendesk.request({ url: `/api/v2/macros/${macroId}.json` }, actionsSchema);
  return macro.actions.map((a) => ({ field: a.field, value: a.value ?? null }));
}

/**
 * The ticket as it would be after the macro, as Zendesk computed it (placeholders rendered): the
 * SAVED ticket plus the macro, so only the properties the macro's actions name may be taken from it.
 * A property is present only when Zendesk sent it, so "absent" and "cleared" stay distinct.
 */
export interface TicketAfterMacro {
  subject?: string;
  status?: string;
  priority?: string | null;
  type?: string | null;
  groupId?: number | null;
  assigneeId?: number | null;
  tags?: string[];
  /** By custom field id. */
  customFields: Record<number, unknown>;
  comment: { body: string; public: boolean | null } | null;
}

const fieldValue = v.object({ id: zendeskId, value: v.optional(v.unknown()) });
/** MacroApplyTicketResponse: everything under `result.ticket`, the macro's comment at `ticket.comment`. */
const previewSchema = v.object({
  result: v.object({
    ticket: v.object({
      subject: v.nullish(v.string()),
      status: v.nullish(v.string()),
      priority: v.nullish(v.string()),
      type: v.nullish(v.string()),
      group_id: v.nullish(zendeskId),
      assignee_id: v.nullish(zendeskId),
      tags: v.optional(v.array(v.string())),
      // Documented under `fields` (typed there as one {id, value}; Zendesk's tickets send a list of them).
      fields: v.optional(v.array(fieldValue)),
      comment: v.nullish(v.object({ body: v.nullish(v.string()), public: v.nullish(v.boolean()) })),
    }),
  }),
});

/** Sets `to[key]` only when Zendesk sent that property. */
function copy(to: Record<string, unknown>, key: string, value: unknown) {
  if (value !== undefined) to[key] = value;
}

/**
 * The ticket after the macro, without saving anything (GET /api/v2/tickets/{tid}/macros/{id}/apply):
 * where the macro's values come from, rendered. The caller sets what the macro changes itself.
 */
export async function previewMacro(zendesk: RestClient, ticketId: number, macroId: number): Promise<TicketAfterMacro> {
  const { result } = await zendesk.request({ url: `/api/v2/tickets/${ticketId}/macros/${macroId}/apply.json` }, previewSchema);
  const t = result.ticket;
  const after: Record<string, unknown> = {};
  copy(after, 'subject', t.subject ?? undefined);
  copy(after, 'status', t.status ?? undefined);
  copy(after, 'priority', t.priority);
  copy(after, 'type', t.type);
  copy(after, 'groupId', t.group_id);
  copy(after, 'assigneeId', t.assignee_id);
  copy(after, 'tags', t.tags);
  const fields = t.fields ?? [];
  const comment = t.comment?.body ? { body: t.comment.body, public: t.comment.public ?? null } : null;
  return { ...after, customFields: Object.fromEntries(fields.map((f) => [f.id, f.value ?? null])), comment } as TicketAfterMacro;
}
