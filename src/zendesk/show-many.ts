import * as v from 'valibot';
import type { RestClient } from './pages';

/** show_many endpoints take at most 100 ids per call. */
export const SHOW_MANY_CHUNK = 100;

/**
 * GET /api/v2/{resource}/show_many?ids=… for `ids` (de-duplicated, valid ids only), in chunks of
 * 100 asked in parallel, each item parsed by `item` (a bad one names `<resource>.<n>.<field>`).
 * Ids Zendesk does not know (deleted users and tickets) are simply absent from the answer.
 */
export async function showMany<T>(zendesk: RestClient, resource: 'users' | 'tickets', ids: Iterable<number>, item: v.GenericSchema<unknown, T>): Promise<T[]> {
  const wanted = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  const chunks: number[][] = [];
  for (let i = 0; i < wanted.length; i += SHOW_MANY_CHUNK) chunks.push(wanted.slice(i, i + SHOW_MANY_CHUNK));
  const schema = v.object({ [resource]: v.array(item) });
  const answers = await Promise.all(chunks.map((chunk) => zendesk.request({ url: `/api/v2/${resource}/show_many.json?ids=${chunk.join(',')}` }, schema)));
  return answers.flatMap((answer) => answer[resource] ?? []);
}
