import * as v from 'valibot';
import type { Apontamento } from '../procedure/apontamento-types';
import { APONTAMENTO_OBJECT, apontamentoFromRecord } from './apontamentos';
import { ZendeskError } from './errors';
import { apiPath, cursorPage, type RestClient } from './pages';

/**
 * Every Apontamento of the account, page by page (GET …/records, cursor pages of 100), for the
 * leads' dashboard: logged and billable hours across tickets. The UI walks the pages like the
 * ticket search, so a failed page is retried from where it stopped.
 */
export function firstApontamentosPage(): string {
  return `/api/v2/custom_objects/${APONTAMENTO_OBJECT}/records?page[size]=100`;
}

const recordsPage = cursorPage('custom_object_records', v.unknown());

/** A page to read: every record (GET), or only those changed since an instant (filtered search, POST). */
export interface RecordsPageRequest {
  url: string;
  changedSince: number | null;
}

/** For a refresh: the records written since `since` (ms), by the filtered search on `updated_at`. */
export function changedApontamentosPage(since: number): RecordsPageRequest {
  return { url: `/api/v2/custom_objects/${APONTAMENTO_OBJECT}/records/search?page[size]=100`, changedSince: since };
}

/**
 * One page of records. A record that does not read as an Apontamento (edited by hand in Zendesk,
 * written by an older app) is counted in `unreadable` rather than failing the dashboard: the lead
 * sees that some hours are missing, and every other record still counts.
 */
export async function loadApontamentosPage(zendesk: RestClient, request: string | RecordsPageRequest): Promise<{ records: Apontamento[]; unreadable: number; next: RecordsPageRequest | null }> {
  const { url, changedSince } = typeof request === 'string' ? { url: request, changedSince: null } : request;
  const page =
    changedSince === null
      ? await zendesk.request({ url }, recordsPage)
      : await zendesk.request({ url, method: 'POST', idempotent: true, body: { filter: { updated_at: { $gte: new Date(changedSince).toISOString() } } } }, recordsPage);
  const records: Apontamento[] = [];
  let unreadable = 0;
  for (const raw of page.items) {
    try {
      records.push(apontamentoFromRecord(raw));
    } catch (error) {
      if (!(error instanceof ZendeskError && error.kind === 'malformed')) throw error;
      unreadable += 1;
    }
  }
  return { records, unreadable, next: page.next === null ? null : { url: apiPath(page.next), changedSince } };
}

const countAnswer = v.object({ count: v.object({ value: v.pipe(v.number(), v.safeInteger(), v.minValue(0)) }) });

/**
 * How many Apontamento records the account holds (GET …/records/count). A search by update time
 * cannot see a deleted record: a refresh compares this with what it holds to notice one.
 */
export async function countApontamentos(zendesk: RestClient): Promise<number> {
  const answer = await zendesk.request({ url: `/api/v2/custom_objects/${APONTAMENTO_OBJECT}/records/count` }, countAnswer);
  return answer.count.value;
}
