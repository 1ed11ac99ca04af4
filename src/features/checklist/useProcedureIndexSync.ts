import { useEffect, useRef } from 'react';
import type { TicketAudit } from '../../procedure/audit';
import type { IndexContext } from '../../procedure/procedure-index';
import type { Settings } from '../../procedure/settings';
import type { ProcedureView } from '../../procedure/steps';
import { customFieldPath } from '../../zendesk/sidebar-snapshot';
import type { Zendesk } from '../../zendesk/zaf-client';

/** The index code loads with the first save or audits read: the first paint does not need it. */
const indexCode = () => import('../../procedure/procedure-index');

interface SyncInput {
  zendesk: Zendesk;
  settings: Settings;
  ticketId: number;
  userId: number;
  audits: readonly TicketAudit[] | null;
  view: ProcedureView;
}

/**
 * Keeps the ticket's procedure index field (read by the leads' dashboard) in step with its history:
 * - in the agent's own save: the `ticket.save` hook puts the index the save will produce into the
 *   field, so it lands in the same update as the tags it describes (no write of our own that could
 *   collide with the agent's next edit);
 * - after the audits are read, when they disagree with the saved field beyond a few minutes (a
 *   ticket saved without the app, or before it kept the index): one safe update of the field.
 * Failures are left for the next save or read; the sidebar itself never reads the index.
 */
export function useProcedureIndexSync({ zendesk, settings, ticketId, userId, audits, view }: SyncInput): void {
  const fieldId = settings.indice_field_id;
  const leadId = view.lead?.leadId ?? null;
  const concerned = view.consulting || view.clockStartAt !== null;
  const latest = useRef({ audits, leadId, concerned });
  useEffect(() => {
    latest.current = { audits, leadId, concerned };
  }, [audits, leadId, concerned]);

  // The field is the app's: agents need not see it where a form shows it.
  useEffect(() => {
    if (fieldId === null) return;
    zendesk.invoke(`ticketFields:custom_field_${fieldId}.hide`).catch(() => {
      // Not on this ticket's form: nothing to hide.
    });
  }, [zendesk, fieldId]);

  useEffect(() => {
    if (fieldId === null) return;
    const onSave = async (): Promise<boolean> => {
      const { audits: saved, leadId: lead, concerned: relevant } = latest.current;
      if (saved === null || !relevant) return true;
      try {
        const { indexAfterSave, indexUpdate } = await indexCode();
        const path = customFieldPath(fieldId);
        const { values } = await zendesk.get(['ticket.tags', 'ticket.assignee', path]);
        const tags = Array.isArray(values['ticket.tags']) ? values['ticket.tags'].filter((t): t is string => typeof t === 'string') : [];
        const assignee = values['ticket.assignee'] as { user?: { id?: unknown } | null } | null | undefined;
        const assigneeId = typeof assignee?.user?.id === 'number' ? assignee.user.id : null;
        const context: IndexContext = { settings, leadId: lead };
        const next = indexAfterSave(saved, { at: Date.now(), authorId: userId, tags, assigneeId }, context);
        const current = typeof values[path] === 'string' ? (values[path] as string) : null;
        const text = indexUpdate(current, next);
        if (text !== null) await zendesk.set({ [path]: text });
      } catch (error) {
        console.warn('Consultoria: procedure index not set in the save', error);
      }
      // Never hold up or refuse the agent's save for the dashboard's sake.
      return true;
    };
    return zendesk.on('ticket.save', onSave);
  }, [zendesk, settings, fieldId, userId]);

  const inFlight = useRef<string | null>(null);
  useEffect(() => {
    if (fieldId === null || audits === null || !concerned) return;
    let cancelled = false;
    void indexCode()
      .then(({ indexFromAudits, indexUpdate, savedFieldText }) => {
        const text = indexUpdate(savedFieldText(audits, fieldId), indexFromAudits(audits, { settings, leadId }));
        if (cancelled || text === null || inFlight.current === text) return;
        inFlight.current = text;
        return import('../../zendesk/ticket-writes')
          .then(({ writeProcedureIndex }) => writeProcedureIndex(zendesk, { ticketId, fieldId, text }))
          .finally(() => {
            if (inFlight.current === text) inFlight.current = null;
          });
      })
      .catch((error: unknown) => console.warn('Consultoria: procedure index not written', error));
    return () => void (cancelled = true);
  }, [zendesk, settings, fieldId, ticketId, audits, concerned, leadId]);
}

/** The index field's value for an update the app makes itself over REST (pause, resume): it goes in the same update. */
export async function indexFieldForTagChange(settings: Settings, audits: readonly TicketAudit[] | null, leadId: number | null, change: { authorId: number; add: readonly string[]; remove: readonly string[] }): Promise<{ id: number; value: string } | null> {
  if (settings.indice_field_id === null || audits === null) return null;
  const { encodeIndex, indexAfterTagChange } = await indexCode();
  return { id: settings.indice_field_id, value: encodeIndex(indexAfterTagChange(audits, { ...change, at: Date.now() }, { settings, leadId })) };
}
