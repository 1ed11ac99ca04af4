import * as v from 'valibot';
import type { Analyst } from '../procedure/analysts';
import { EXPORT_SEARCH_PATH, requestExportPage, type ExportPacing } from './export-search';
import { apiPath, collectPages, cursorPage, offsetPage, type Page, type RestClient, zendeskId } from './pages';

/** 20 pages of 100 members: no support group is that big; the cap only stops a runaway loop. */
const MAX_MEMBER_PAGES = 20;
/** Zendesk's /search answers at most 1 000 results; beyond that only the export search reaches. */
const SEARCH_RESULT_CAP = 1000;
/** 50 export pages of 1 000 tickets. */
const MAX_EXPORT_PAGES = 50;

const memberSchema = v.object({
  id: zendeskId,
  name: v.nullish(v.string()),
  role: v.nullish(v.string()),
  active: v.nullish(v.boolean()),
  suspended: v.nullish(v.boolean()),
  user_fields: v.nullish(v.record(v.string(), v.unknown())),
});
type Member = v.InferOutput<typeof memberSchema>;

/** An integer user field; a numeric text is accepted, anything else is "unknown". */
function seniorityOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** A multiselect gives an array of option values; a text "a b" or "a,b" is read the same way. */
function modulesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,;]+/) : [];
  return list.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
}

function toAnalyst(user: Member, keys: { seniorityFieldKey: string; modulesFieldKey: string }): Analyst {
  const fields = user.user_fields ?? {};
  return {
    id: user.id,
    name: user.name ?? '',
    seniority: seniorityOf(fields[keys.seniorityFieldKey]),
    modules: modulesOf(fields[keys.modulesFieldKey]),
    role: user.role ?? 'end-user',
  };
}

export interface PoolQuery {
  groupId: number;
  seniorityFieldKey: string;
  modulesFieldKey: string;
}

/**
 * The members of the lead's group with their seniority and modules (agent user fields), from
 * GET /api/v2/groups/{id}/users. Deactivated and suspended users can't take tickets: left out.
 */
export async function loadAnalystPool(zendesk: RestClient, query: PoolQuery): Promise<Analyst[]> {
  const url = `/api/v2/groups/${query.groupId}/users.json?page[size]=100`;
  const { items } = await collectPages(zendesk, url, cursorPage('users', memberSchema), MAX_MEMBER_PAGES);
  return items.filter((u) => u.active !== false && u.suspended !== true).map((u) => toAnalyst(u, query));
}

const ticketResult = v.object({ assignee_id: v.nullish(zendeskId) });

/**
 * The group's open tickets carrying the consulting tag (status<solved = new…hold), as the export
 * search takes it: no `type:` term, the type goes in filter[type] ("a type in the query string
 * will result in an error").
 */
export function exportConsultingQuery(groupId: number, tag: string): string {
  return `status<solved group:${groupId} tags:${tag}`;
}

/** The same for the plain search, whose reference puts the type in the query. */
export function openConsultingQuery(groupId: number, tag: string): string {
  return `type:ticket ${exportConsultingQuery(groupId, tag)}`;
}

/** The export pages, through the same account-wide pacing as the dashboard's list. */
async function exportTickets(zendesk: RestClient, query: string, pacing: ExportPacing): Promise<Array<v.InferOutput<typeof ticketResult>>> {
  const schema = cursorPage('results', ticketResult);
  const tickets: Array<v.InferOutput<typeof ticketResult>> = [];
  let url: string | null = `${EXPORT_SEARCH_PATH}.json?query=${encodeURIComponent(query)}&filter[type]=ticket&page[size]=1000`;
  for (let pages = 0; url !== null && pages < MAX_EXPORT_PAGES; pages += 1) {
    const page: Page<v.InferOutput<typeof ticketResult>> = await requestExportPage(zendesk, url, schema, pacing);
    tickets.push(...page.items);
    url = page.next === null ? null : apiPath(page.next);
  }
  return tickets;
}

/**
 * Open consulting tickets per assignee of the group, with ONE search (never one per analyst):
 * /search while the total fits Zendesk's 1 000-result cap, else the export search, which has
 * no cap. Unassigned tickets are not counted.
 */
export async function countOpenConsultingTickets(zendesk: RestClient, query: { groupId: number; tag: string }, pacing: ExportPacing = {}): Promise<Map<number, number>> {
  const q = encodeURIComponent(openConsultingQuery(query.groupId, query.tag));
  const schema = offsetPage('results', ticketResult);
  const first = await zendesk.request({ url: `/api/v2/search.json?query=${q}&per_page=100` }, schema);
  let tickets: Array<v.InferOutput<typeof ticketResult>>;
  if (first.count !== null && first.count > SEARCH_RESULT_CAP) {
    tickets = await exportTickets(zendesk, exportConsultingQuery(query.groupId, query.tag), pacing);
  } else {
    const rest = first.next === null ? [] : (await collectPages(zendesk, apiPath(first.next), schema, SEARCH_RESULT_CAP / 100)).items;
    tickets = [...first.items, ...rest];
  }
  const counts = new Map<number, number>();
  for (const { assignee_id: assignee } of tickets) if (assignee != null) counts.set(assignee, (counts.get(assignee) ?? 0) + 1);
  return counts;
}
