import * as v from 'valibot';
import { ZendeskError } from './errors';
import { fieldText, orEmpty, timestampMs } from './field-text';
import { EXPORT_SEARCH_PATH, requestExportPage, type ExportPacing } from './export-search';
import { apiPath, cursorPage, type RestClient, zendeskId } from './pages';
import { showMany } from './show-many';
import type { ListedTicket } from '../procedure/dashboard/rows';

/**
 * The leads' dashboard finds its tickets with Zendesk's export search (GET /api/v2/search/export):
 * no 1 000-result cap, 1 000 tickets per page with their tags and custom fields, so 5 000 tickets
 * cost 5 requests and none per ticket. The UI walks the pages itself (first url, then each `next`),
 * so a failed page can be retried from where it stopped.
 */
/** A ticket as the search gives it: the procedure's ListedTicket (custom field values as text, times in ms). */
export type SearchedTicket = ListedTicket;

export interface ConsultingQuery {
  groupIds: number[];
  tipoFieldId: number;
  tipoValues: string[];
  /** false: open tickets only (new…hold); true: every status, solved and closed too (what the closing invoices). */
  includeSolved: boolean;
  /**
   * Search by the module field's values instead of the groups: the team's tickets still waiting in
   * another group for the lead's assignment. Zendesk ANDs different keys, so this is a second search.
   */
  modules?: { fieldId: number; values: string[] };
}

const isId = (n: number) => Number.isSafeInteger(n) && n > 0;

/** A search value: quoted when it has a space; a quote inside can't be expressed in Zendesk's syntax. */
function searchValue(value: string): string {
  if (value.includes('"') || value.trim() === '') throw new ZendeskError('invalid', `not a searchable value: ${JSON.stringify(value)}`, { detail: 'tipoValues' });
  return /\s/.test(value) ? `"${value}"` : value;
}

/** Zendesk's search reads instants to the second. */
const searchInstant = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * `group:1 group:2 custom_field_<id>:<v1> custom_field_<id>:<v2> status<solved`
 * (with `modules`: `custom_field_<module>:<m1> …` in place of the groups). No `type:ticket`: the
 * export search takes the type in `filter[type]` only and answers a type in the query with an error.
 * Repeated terms on one key are alternatives in Zendesk's search (group 1 OR 2, either value).
 * An empty group or value list is refused: leaving the term out would search the whole account.
 * With `since` (a refresh): only tickets updated after it (`updated>…`), and in EVERY status, so
 * a ticket solved meanwhile comes back and can leave an "open" list.
 */
export function consultingSearchQuery(q: ConsultingQuery, since: number | null = null): string {
  const groups = [...new Set(q.groupIds)];
  const values = [...new Set(q.tipoValues)];
  const modules = q.modules ? [...new Set(q.modules.values)] : null;
  if (q.modules && (!isId(q.modules.fieldId) || modules?.length === 0)) throw new ZendeskError('invalid', 'consulting search by module needs the module field and values', { detail: 'modules' });
  if (!modules && (groups.length === 0 || !groups.every(isId))) throw new ZendeskError('invalid', `consulting search needs group ids, got [${q.groupIds.join(', ')}]`, { detail: 'groupIds' });
  if (!isId(q.tipoFieldId)) throw new ZendeskError('invalid', `not a ticket field id: ${q.tipoFieldId}`, { detail: 'tipoFieldId' });
  if (values.length === 0) throw new ZendeskError('invalid', 'consulting search needs at least one Tipo value', { detail: 'tipoValues' });
  if (since !== null && !Number.isFinite(since)) throw new ZendeskError('invalid', `not an instant: ${since}`, { detail: 'since' });
  return [
    ...(q.modules && modules ? modules.map((v) => `custom_field_${q.modules!.fieldId}:${searchValue(v)}`) : groups.map((id) => `group:${id}`)),
    ...values.map((v) => `custom_field_${q.tipoFieldId}:${searchValue(v)}`),
    ...(since !== null ? [`updated>${searchInstant(since)}`] : q.includeSolved ? [] : ['status<solved']),
  ].join(' ');
}

/** The url of the first export page (1 000 tickets, the most Zendesk gives per page); `since` as in consultingSearchQuery. */
export function firstConsultingPage(q: ConsultingQuery, since: number | null = null): string {
  return `${EXPORT_SEARCH_PATH}.json?query=${encodeURIComponent(consultingSearchQuery(q, since))}&filter[type]=ticket&page[size]=1000`;
}

const optionalId = orEmpty<number | null>(zendeskId, null);

const ticketResult = v.pipe(
  v.object({
    id: zendeskId,
    subject: orEmpty(v.string(), ''),
    status: v.string(),
    tags: orEmpty(v.array(v.string()), []),
    requester_id: optionalId,
    assignee_id: optionalId,
    group_id: optionalId,
    created_at: timestampMs,
    updated_at: timestampMs,
    via: v.nullish(v.object({ channel: v.pipe(v.union([v.string(), v.number()]), v.transform(String)) })),
    custom_fields: orEmpty(v.array(v.object({ id: zendeskId, value: fieldText })), []),
  }),
  v.transform(
    (t): SearchedTicket => ({
      id: t.id,
      subject: t.subject,
      status: t.status,
      tags: t.tags,
      requesterId: t.requester_id,
      assigneeId: t.assignee_id,
      groupId: t.group_id,
      createdAt: t.created_at,
      updatedAt: t.updated_at,
      viaChannel: t.via?.channel ?? 'unknown',
      fields: Object.fromEntries(t.custom_fields.map((f) => [f.id, f.value])),
    }),
  ),
);
const exportPage = cursorPage('results', ticketResult);

/**
 * Tickets by id (GET /api/v2/tickets/show_many, 100 a request), read like the search's: for the
 * few tickets a list needs that its search left out (solved ones the next closing invoices).
 * Tickets that no longer exist are absent; a ticket of the wrong shape is ZendeskError 'malformed'.
 */
export function loadTicketsByIds(zendesk: RestClient, ids: Iterable<number>): Promise<SearchedTicket[]> {
  return showMany(zendesk, 'tickets', ids, ticketResult);
}

/**
 * One export page: its tickets and the url of the next page (null after the last). Paced for the
 * account's budget (see export-search.ts): a 429 waits and asks again, telling `onAccountBusy`. A
 * ticket of the wrong shape fails the page with ZendeskError 'malformed' naming it
 * (`results.<n>.<field>`); any failure leaves `url` as good as before, so calling again with it
 * retries this page.
 */
export async function loadConsultingPage(zendesk: RestClient, url: string, pacing: ExportPacing = {}): Promise<{ tickets: SearchedTicket[]; next: string | null }> {
  const page = await requestExportPage(zendesk, url, exportPage, pacing);
  const next = page.next === null ? null : apiPath(page.next);
  if (next !== null && !next.startsWith(`${EXPORT_SEARCH_PATH}.json?`) && !next.startsWith(`${EXPORT_SEARCH_PATH}?`)) {
    throw new ZendeskError('malformed', `export search: next page link leaves the search: ${next.slice(0, 100)}`);
  }
  return { tickets: page.items, next };
}
