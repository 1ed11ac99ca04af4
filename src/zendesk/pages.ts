import * as z from 'zod/mini';
import { ZendeskError } from './errors';
import type { Zendesk } from './zaf-client';

/** What the loaders need of the Zendesk door: REST only. */
export type RestClient = Pick<Zendesk, 'request'>;

/** Zendesk ids arrive as numbers, or as digit strings in some payloads (audit Change values, macro refs). */
export const zendeskId = z.pipe(z.union([z.number().check(z.int()), z.string().check(z.regex(/^\d+$/))]), z.transform(Number));

/** One page of a list: its items and the url of the next page (null at the end). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The items under `key`, checked one by one so a bad item is reported with its position. */
function itemsUnder<T>(key: string, item: z.ZodMiniType<T>) {
  return (page: Record<string, unknown>, ctx: z.core.ParsePayload<unknown>): T[] => {
    const parsed = z.array(item).safeParse(page[key]);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    ctx.issues.push({ code: 'custom', message: `${[key, ...(first?.path ?? [])].join('.')}: ${first?.message ?? 'invalid'}`, input: page[key] });
    return [];
  };
}

/** Cursor pagination: `meta.has_more` + `links.next`. */
export function cursorPage<T>(key: string, item: z.ZodMiniType<T>): z.ZodMiniType<Page<T>> {
  const envelope = z.looseObject({ meta: z.object({ has_more: z.boolean() }), links: z.object({ next: z.nullish(z.string()) }) });
  const items = itemsUnder(key, item);
  return z.pipe(
    envelope,
    z.transform((page, ctx) => ({ items: items(page, ctx), next: page.meta.has_more ? (page.links.next ?? null) : null })),
  );
}

/** Offset pagination: `next_page`, and `count` (the total, used to detect the search cap). */
export function offsetPage<T>(key: string, item: z.ZodMiniType<T>): z.ZodMiniType<Page<T> & { count: number | null }> {
  const envelope = z.looseObject({ next_page: z.nullish(z.string()), count: z.nullish(z.number()) });
  const items = itemsUnder(key, item);
  return z.pipe(
    envelope,
    z.transform((page, ctx) => ({ items: items(page, ctx), next: page.next_page ?? null, count: page.count ?? null })),
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
  schema: z.ZodMiniType<Page<T>>,
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
