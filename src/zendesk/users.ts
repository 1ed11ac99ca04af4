import * as v from 'valibot';
import { fieldText } from './field-text';
import { type RestClient, zendeskId } from './pages';
import { showMany } from './show-many';

export interface UserName {
  name: string;
  /** Zendesk role: 'end-user', 'agent' or 'admin'. */
  role: string;
}

const nameSchema = v.object({ id: zendeskId, name: v.nullish(v.string()), role: v.nullish(v.string()) });

/**
 * Names and roles of `ids` (authors of audits, assignees…), via users/show_many. Those already in
 * `cache` are not asked again, and the ones loaded are added to it, so a sidebar that keeps one
 * cache asks for each user once.
 */
export async function loadUserNames(zendesk: RestClient, ids: Iterable<number>, cache?: Map<number, UserName>): Promise<Map<number, UserName>> {
  const result = new Map<number, UserName>();
  const missing: number[] = [];
  for (const id of new Set(ids)) {
    const known = cache?.get(id);
    if (known) result.set(id, known);
    else missing.push(id);
  }
  for (const user of await showMany(zendesk, 'users', missing, nameSchema)) {
    const entry = { name: user.name ?? '', role: user.role ?? 'end-user' };
    result.set(user.id, entry);
    cache?.set(user.id, entry);
  }
  return result;
}

export interface UserProfile {
  id: number;
  name: string;
  role: string;
  email: string | null;
  /** User fields by key, as text (numbers and checkboxes as strings, a multiselect's tags joined by spaces). */
  userFields: Record<string, string | null>;
}

const profileSchema = v.object({
  id: zendeskId,
  name: v.nullish(v.string()),
  role: v.nullish(v.string()),
  email: v.nullish(v.string()),
  user_fields: v.nullish(v.record(v.string(), fieldText)),
});

/** Name, role, email and user fields of `ids` (the dashboard's analysts and requesters), by id; same chunking as loadUserNames. */
export async function loadUserProfiles(zendesk: RestClient, ids: Iterable<number>): Promise<Map<number, UserProfile>> {
  const users = await showMany(zendesk, 'users', ids, profileSchema);
  return new Map(
    users.map((u) => [u.id, { id: u.id, name: u.name ?? '', role: u.role ?? 'end-user', email: u.email || null, userFields: u.user_fields ?? {} }]),
  );
}
