import * as z from 'zod/mini';
import { type RestClient, zendeskId } from './pages';

export interface UserName {
  name: string;
  /** Zendesk role: 'end-user', 'agent' or 'admin'. */
  role: string;
}

/** users/show_many takes at most 100 ids per call. */
const CHUNK = 100;

const showManySchema = z.object({
  users: z.array(z.object({ id: zendeskId, name: z.nullish(z.string()), role: z.nullish(z.string()) })),
});

/**
 * Names and roles of `ids` (authors of audits, assignees…), via GET /api/v2/users/show_many.
 * Ids are de-duplicated; those already in `cache` are not asked again, and the ones loaded are
 * added to it, so a sidebar that keeps one cache asks for each user once. Unknown or deleted
 * users are simply absent from the answer.
 */
export async function loadUserNames(zendesk: RestClient, ids: Iterable<number>, cache?: Map<number, UserName>): Promise<Map<number, UserName>> {
  const wanted = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  const result = new Map<number, UserName>();
  const missing: number[] = [];
  for (const id of wanted) {
    const known = cache?.get(id);
    if (known) result.set(id, known);
    else missing.push(id);
  }
  const chunks: number[][] = [];
  for (let i = 0; i < missing.length; i += CHUNK) chunks.push(missing.slice(i, i + CHUNK));
  const answers = await Promise.all(chunks.map((chunk) => zendesk.request({ url: `/api/v2/users/show_many.json?ids=${chunk.join(',')}` }, showManySchema)));
  for (const user of answers.flatMap((a) => a.users)) {
    const entry = { name: user.name ?? '', role: user.role ?? 'end-user' };
    result.set(user.id, entry);
    cache?.set(user.id, entry);
  }
  return result;
}
