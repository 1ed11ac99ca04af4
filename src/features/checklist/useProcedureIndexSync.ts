import { useEffect, useRef } from 'react';
import type { TicketAudit } from '../../procedure/audit';
import type { Settings } from '../../procedure/settings';
import type { ProcedureView } from '../../procedure/steps';
import { useAfterPaint } from '../../ui/useAfterPaint';
import { chunkLoader } from '../../zendesk/chunk';
import type { Zendesk } from '../../zendesk/zaf-client';

interface SyncInput {
  zendesk: Zendesk;
  settings: Settings;
  ticketId: number;
  userId: number;
  audits: readonly TicketAudit[] | null;
  view: ProcedureView;
}

const syncCode = chunkLoader(() => import('./procedure-index-sync'));

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

  // The field is the app's: agents need not see it where a form shows it. After the first paint:
  // one ZAF message less before the checklist.
  const afterPaint = useAfterPaint();
  useEffect(() => {
    if (fieldId === null || !afterPaint) return;
    zendesk.invoke(`ticketFields:custom_field_${fieldId}.hide`).catch(() => {
      // Not on this ticket's form: nothing to hide.
    });
  }, [zendesk, fieldId, afterPaint]);

  useEffect(() => {
    if (fieldId === null) return;
    const onSave = async (): Promise<boolean> => {
      const { audits: saved, leadId: lead, concerned: relevant } = latest.current;
      if (saved !== null && relevant) {
        try {
          await (await syncCode()).setIndexForSave({ zendesk, settings, fieldId, leadId: lead }, saved, userId);
        } catch (error) {
          console.warn('Consultoria: procedure index not set in the save', error);
        }
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
    const scope = { zendesk, settings, fieldId, leadId };
    void syncCode()
      .then(({ indexRepair, writeIndex }) => {
        const text = indexRepair(scope, audits);
        if (cancelled || text === null || inFlight.current === text) return;
        inFlight.current = text;
        return writeIndex(scope, ticketId, text).finally(() => {
          if (inFlight.current === text) inFlight.current = null;
        });
      })
      .catch((error: unknown) => console.warn('Consultoria: procedure index not written', error));
    return () => void (cancelled = true);
  }, [zendesk, settings, fieldId, ticketId, audits, concerned, leadId]);
}

/** The index field's value for the app's own REST updates (pause, resume), computed in the lazy chunk. */
export async function indexFieldForTagChange(...args: Parameters<Awaited<ReturnType<typeof syncCode>>['indexFieldForTagChange']>) {
  return (await syncCode()).indexFieldForTagChange(...args);
}
