import { indexFromAudits, indexUpdate, savedFieldText } from '../../procedure/procedure-index';
import type { Settings } from '../../procedure/settings';
import { loadAudits } from '../../zendesk/audits';
import type { RestClient } from '../../zendesk/pages';
import { createPacer, type Pacer } from '../../zendesk/request-pacer';
import { writeProcedureIndex } from '../../zendesk/ticket-writes';

/**
 * Tickets saved before the procedure index existed (or by hand, with a broken one) show "prazos
 * desconhecidos" on the dashboard until someone opens them. This fills their index from each
 * ticket's own audits, exactly as the sidebar repairs it: one ticket at a time, paced well under
 * Zendesk's rate limit (each ticket costs an audits read, a ticket read and a safe update).
 */

export const BACKFILL_TICKETS_PER_MINUTE = 40;

export interface BackfillTicket {
  id: number;
  /** The value of the ticket's module field, which names its lead in `module_leads`. */
  module: string | null;
}

export interface BackfillProgress {
  done: number;
  total: number;
  written: number;
  failed: number;
}

export interface BackfillOptions {
  zendesk: RestClient;
  settings: Settings;
  tickets: readonly BackfillTicket[];
  onProgress: (progress: BackfillProgress) => void;
  signal: AbortSignal;
  pacer?: Pacer;
}

export async function backfillIndexes({ zendesk, settings, tickets, onProgress, signal, pacer = createPacer({ limit: BACKFILL_TICKETS_PER_MINUTE, windowMs: 60_000 }) }: BackfillOptions): Promise<BackfillProgress> {
  const fieldId = settings.indice_field_id;
  const progress: BackfillProgress = { done: 0, total: tickets.length, written: 0, failed: 0 };
  if (fieldId === null) return progress;
  for (const ticket of tickets) {
    await pacer.wait();
    if (signal.aborted) break;
    try {
      const { audits } = await loadAudits(zendesk, ticket.id);
      const leadId = (ticket.module && settings.module_leads?.[ticket.module]?.lead_id) || null;
      const text = indexUpdate(savedFieldText(audits, fieldId), indexFromAudits(audits, { settings, leadId }));
      if (text !== null && (await writeProcedureIndex(zendesk, { ticketId: ticket.id, fieldId, text })) === 'written') progress.written += 1;
    } catch {
      // One ticket that cannot be read or written (deleted, no permission) does not stop the others: it is counted.
      progress.failed += 1;
    }
    progress.done += 1;
    onProgress({ ...progress });
  }
  return progress;
}
