import type { TicketAudit } from '../../procedure/audit';
import { encodeIndex, indexAfterSave, indexAfterTagChange, indexFromAudits, indexUpdate, savedFieldText } from '../../procedure/procedure-index';
import type { Settings } from '../../procedure/settings';
import { customFieldPath } from '../../zendesk/sidebar-snapshot';
import { writeProcedureIndex } from '../../zendesk/ticket-writes';
import type { Zendesk } from '../../zendesk/zaf-client';

/**
 * The procedure index's writes (see useProcedureIndexSync), in a chunk of their own: loaded with the
 * first save or audits read, never before the first paint.
 */

export interface IndexScope {
  zendesk: Zendesk;
  settings: Settings;
  fieldId: number;
  leadId: number | null;
}

/** In the `ticket.save` hook: puts the index this save will produce into the field, when it changes. */
export async function setIndexForSave({ zendesk, settings, fieldId, leadId }: IndexScope, audits: readonly TicketAudit[], userId: number): Promise<void> {
  const path = customFieldPath(fieldId);
  const { values } = await zendesk.get(['ticket.tags', 'ticket.assignee', path]);
  const tags = Array.isArray(values['ticket.tags']) ? values['ticket.tags'].filter((t): t is string => typeof t === 'string') : [];
  const assignee = values['ticket.assignee'] as { user?: { id?: unknown } | null } | null | undefined;
  const assigneeId = typeof assignee?.user?.id === 'number' ? assignee.user.id : null;
  const next = indexAfterSave(audits, { at: Date.now(), authorId: userId, tags, assigneeId }, { settings, leadId });
  const text = indexUpdate(typeof values[path] === 'string' ? (values[path] as string) : null, next);
  if (text !== null) await zendesk.set({ [path]: text });
}

/** The text to write when the saved field disagrees with the audits, or null. */
export function indexRepair({ settings, fieldId, leadId }: IndexScope, audits: readonly TicketAudit[]): string | null {
  return indexUpdate(savedFieldText(audits, fieldId), indexFromAudits(audits, { settings, leadId }));
}

export function writeIndex({ zendesk, fieldId }: IndexScope, ticketId: number, text: string): Promise<unknown> {
  return writeProcedureIndex(zendesk, { ticketId, fieldId, text });
}

/** The index field's value for an update the app makes itself over REST (pause, resume): it goes in the same update. */
export function indexFieldForTagChange(settings: Settings, audits: readonly TicketAudit[] | null, leadId: number | null, change: { authorId: number; add: readonly string[]; remove: readonly string[] }): { id: number; value: string } | null {
  if (settings.indice_field_id === null || audits === null) return null;
  return { id: settings.indice_field_id, value: encodeIndex(indexAfterTagChange(audits, { ...change, at: Date.now() }, { settings, leadId })) };
}
