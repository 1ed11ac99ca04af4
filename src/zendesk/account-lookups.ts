import * as v from 'valibot';
import { ZendeskError } from './errors';
import { collectPages, cursorPage, type RestClient, zendeskId } from './pages';

/** 100 pages of 100 groups: more is a runaway loop, not an account. */
const MAX_GROUP_PAGES = 100;

const fieldSchema = v.object({
  ticket_field: v.object({
    custom_field_options: v.nullish(v.array(v.object({ name: v.string(), value: v.string() }))),
  }),
});

/**
 * A dropdown's options, value (the tag tickets carry) → name (what people read), from
 * GET /api/v2/ticket_fields/{id}: the dashboard shows "Faturamento", not "modulo_faturamento".
 * A field without options gives an empty map.
 */
export async function loadFieldOptions(zendesk: RestClient, fieldId: number): Promise<Map<string, string>> {
  if (!Number.isSafeInteger(fieldId) || fieldId <= 0) throw new ZendeskError('invalid', `not a ticket field id: ${fieldId}`, { detail: 'fieldId' });
  const { ticket_field: field } = await zendesk.request({ url: `/api/v2/ticket_fields/${fieldId}.json` }, fieldSchema);
  return new Map((field.custom_field_options ?? []).map((o) => [o.value, o.name]));
}

const groupSchema = v.object({ id: zendeskId, name: v.string() });

/** Every group of the account, id → name (GET /api/v2/groups, cursor pages of 100). */
export async function loadGroups(zendesk: RestClient): Promise<Map<number, string>> {
  const { items, truncated } = await collectPages(zendesk, '/api/v2/groups.json?page[size]=100', cursorPage('groups', groupSchema), MAX_GROUP_PAGES);
  if (truncated) throw new ZendeskError('malformed', `/api/v2/groups: more than ${MAX_GROUP_PAGES} pages`);
  return new Map(items.map((g) => [g.id, g.name]));
}
