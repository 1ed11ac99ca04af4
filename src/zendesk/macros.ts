import * as v from 'valibot';
import { ZendeskError } from './errors';
import { collectPages, cursorPage, type RestClient, zendeskId } from './pages';

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

async function byTitle(zendesk: RestClient, title: string): Promise<MacroRef | null> {
  const url = `/api/v2/macros/search.json?query=${encodeURIComponent(title.normalize('NFC').trim())}&active=true&page[size]=100`;
  const { items } = await collectPages(zendesk, url, cursorPage('macros', macroSchema), MAX_SEARCH_PAGES);
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

export interface MacroPreview {
  /** Ticket properties after the macro, as Zendesk computed them; only those in the answer. */
  ticketChanges: {
    subject?: string;
    status?: string;
    priority?: string | null;
    type?: string | null;
    groupId?: number | null;
    assigneeId?: number | null;
    tags?: string[];
    /** By custom field id. */
    customFields?: Record<number, unknown>;
  };
  comment: { body: string; htmlBody: string; public: boolean } | null;
}

const previewSchema = v.object({
  result: v.object({
    ticket: v.optional(
      v.object({
        subject: v.nullish(v.string()),
        status: v.nullish(v.string()),
        priority: v.nullish(v.string()),
        type: v.nullish(v.string()),
        group_id: v.nullish(zendeskId),
        assignee_id: v.nullish(zendeskId),
        tags: v.optional(v.array(v.string())),
        custom_fields: v.optional(v.array(v.object({ id: zendeskId, value: v.optional(v.unknown()) }))),
      }),
    ),
    comment: v.nullish(v.object({ body: v.nullish(v.string()), html_body: v.nullish(v.string()), public: v.nullish(v.boolean()) })),
  }),
});

/** Sets `to[key]` only when Zendesk sent that property, so "absent" and "cleared" stay distinct. */
function copy<T>(to: Record<string, unknown>, key: string, value: T | undefined) {
  if (value !== undefined) to[key] = value;
}

/**
 * What applying the macro to the ticket would do, without saving anything
 * (GET /api/v2/tickets/{tid}/macros/{id}/apply): the fallback when `client.invoke('macro')`
 * is unavailable. The caller sets the fields and inserts the comment itself.
 */
export async function previewMacro(zendesk: RestClient, ticketId: number, macroId: number): Promise<MacroPreview> {
  const { result } = await zendesk.request({ url: `/api/v2/tickets/${ticketId}/macros/${macroId}/apply.json` }, previewSchema);
  const t = result.ticket ?? {};
  const changes: Record<string, unknown> = {};
  copy(changes, 'subject', t.subject ?? undefined);
  copy(changes, 'status', t.status ?? undefined);
  copy(changes, 'priority', t.priority);
  copy(changes, 'type', t.type);
  copy(changes, 'groupId', t.group_id);
  copy(changes, 'assigneeId', t.assignee_id);
  copy(changes, 'tags', t.tags);
  copy(changes, 'customFields', t.custom_fields && Object.fromEntries(t.custom_fields.map((f) => [f.id, f.value ?? null])));
  const c = result.comment;
  const comment = c && (c.body || c.html_body) ? { body: c.body ?? '', htmlBody: c.html_body ?? '', public: c.public ?? true } : null;
  return { ticketChanges: changes as MacroPreview['ticketChanges'], comment };
}
