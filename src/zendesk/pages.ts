import * as v from 'valibot';
import { ZendeskError } from './errors';
import type { Zendesk } from './zaf-client';

/** What the loaders need of the Zendesk door: REST only. */
export type RestClient = Pick<Zendesk, 'request'>;

/** Zendesk ids arrive as numbers, or as digit strings in some payloads (audit Change values, macro refs). */
export const zendeskId = v.pipe(v.union([v.pipe(v.number(), v.safeInteger()), v.pipe(v.string(), v.regex(/^\d+$/))]), v.transform(Number));

/** One page of a list: its items and the url of the next page (null at the end). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The items under `key`, checked one by one so a bad item is reported with its position. */
function itemsUnder<T>(key: string, item: v.GenericSchema<unknown, T>) {
  return (page: Record<string, unknown>, addIssue: (info: { message: string; input: unknown }) => void): T[] => {
    const parsed = v.safeParse(v.array(item), page[key]);
    if (parsed.success) return parsed.output;
    const first = parsed.issues[0];
    addIssue({ message: `${[key, ...(first?.path?.map((p) => p.key) ?? [])].join('.')}: ${first?.message ?? 'invalid'}`, input: page[key] });
    return [];
  };
}

/** Cursor pagination: `meta.has_more` + `links.next`. */
export function cursorPage<T>(key: string, item: v.GenericSchema<unknown, T>): v.GenericSchema<unknown, Page<T>> {
  const envelope = v.looseObject({ meta: v.object({ has_more: v.boolean() }), links: v.object({ next: v.nullish(v.string()) }) });
  const items = itemsUnder(key, item);
  return v.pipe(
    envelope,
    v.rawTransform(({ dataset: { value: page }, addIssue }) => ({ items: items(page, addIssue), next: page.meta.has_more ? (page.links.next ?? null) : null })),
  );
}

/** Offset pagination: `next_page`, and `count` (the total, used to detect the search cap). */
export function offsetPage<T>(key: string, item: v.GenericSchema<unknown, T>): v.GenericSchema<unknown, Page<T> & { count: number | null }> {
  const envelope = v.looseObject({ next_page: v.nullish(v.string()), count: v.nullish(v.number()) });
  const items = itemsUnder(key, item);
  return v.pipe(
    envelope,
    v.rawTransform(({ dataset: { value: page }, addIssue }) => ({ items: items(page, addIssue), next: page.next_page ?? null, count: page.count ?? null })),
  );
}

/**
 * A list Zendesk answers in either shape: cursor pages (`meta` + `links`) when they are supported,
 * else the offset shape (`next_page`, null on the last or only page) — e.g. a ticket's audits once
 * it is archived, which are not paginated at all.
 */
export function cursorOrOffsetPage<T>(key: string, item: v.GenericSchema<unknown, T>): v.GenericSchema<unknown, Page<T>> {
  const cursor = cursorPage(key, item);
  const offset = offsetPage(key, item);
  return v.pipe(
    v.looseObject({}),
    v.rawTransform(({ dataset: { value: page }, addIssue, NEVER }) => {
      const parsed = v.safeParse('meta' in page ? cursor : offset, page);
      if (parsed.success) return { items: parsed.output.items, next: parsed.output.next };
      for (const issue of parsed.issues) addIssue({ message: `${v.getDotPath(issue) ?? ''}${v.getDotPath(issue) ? ': ' : ''}${issue.message}`, input: issue.input });
      return NEVER;
    }),
  );
}

/**
 * Zendesk's next links are absolute (`https://x.zendesk.com/api/v2/…`); the ZAF proxy wants the
 * account-relative path, and a link leaving /api/v2/ would be a broken answer, not a place to go.
 */
export function apiPath(link: string): string {
  let url: URL;
  try {
    url = new URL(link, 'https://account.invalid');
  } catch {
    throw new ZendeskError('malformed', `next page link is not a URL: ${link.slice(0, 100)}`);
  }
  if (!url.pathname.startsWith('/api/v2/')) throw new ZendeskError('malformed', `next page link leaves the API: ${link.slice(0, 100)}`);
  return url.pathname + url.search;
}

export interface Collected<T> {
  items: T[];
  /** The safety cap stopped the walk before the last page. */
  truncated: boolean;
}

/** Follows next links from `firstUrl` until the last page or `maxPages`, whichever comes first. */
export async function collectPages<T>(
  zendesk: RestClient,
  firstUrl: string,
  schema: v.GenericSchema<unknown, Page<T>>,
  maxPages: number,
): Promise<Collected<T>> {
  const items: T[] = [];
  let url: string | null = firstUrl;
  for (let pages = 0; url !== null; pages += 1) {
    if (pages === maxPages) return { items, truncated: true };
    const page: Page<T> = await zendesk.request({ url }, schema);
    items.push(...page.items);
    url = page.next === null ? null : apiPath(page.next);
  }
  return { items, truncated: false };
}
