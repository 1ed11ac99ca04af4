import * as v from 'valibot';
import { textToCommentHtml } from '../procedure/comment-html';
import { ZendeskError } from './errors';
import type { RestClient } from './pages';

const ticketStamp = v.object({ ticket: v.object({ updated_at: v.string(), tags: v.array(v.string()) }) });

/**
 * An internal note with the tag changes it explains, saved straight to the ticket with Zendesk's
 * safe update. The tags are the idempotency key: once they are as wanted, the note was written,
 * so a retry after a lost answer or another agent's save never writes it twice.
 */
export async function writeInternalNote(zendesk: RestClient, args: { ticketId: number; note: string; addTags: string[]; removeTags: string[]; customFields?: Array<{ id: number; value: string }> }): Promise<void> {
  const url = `/api/v2/tickets/${args.ticketId}.json`;
  for (let attempt = 0; ; attempt += 1) {
    const { ticket } = await zendesk.request({ url }, ticketStamp);
    const applied = args.addTags.every((t) => ticket.tags.includes(t)) && args.removeTags.every((t) => !ticket.tags.includes(t));
    if (applied && attempt > 0) return;
    try {
      await zendesk.request(
        {
          url,
          method: 'PUT',
          body: {
            ticket: {
              comment: { html_body: textToCommentHtml(args.note), public: false },
              additional_tags: args.addTags,
              remove_tags: args.removeTags,
              ...(args.customFields?.length ? { custom_fields: args.customFields } : {}),
              safe_update: true,
              updated_stamp: ticket.updated_at,
            },
          },
        },
        v.unknown(),
      );
      return;
    } catch (error) {
      if (!(error instanceof ZendeskError) || !['conflict', 'timeout', 'server', 'network'].includes(error.kind) || attempt >= 2) throw error;
    }
  }
}

const indexStamp = v.object({
  ticket: v.object({ updated_at: v.string(), custom_fields: v.optional(v.array(v.object({ id: v.pipe(v.number(), v.finite()), value: v.unknown() })), []) }),
});

/**
 * Writes the procedure index (procedure-index.ts) into its ticket field with a safe update, unless
 * the saved ticket already holds `text` (another agent's sidebar may have written it meanwhile).
 * Only the field changes: no comment, no tags, so nothing the agent sees in the conversation.
 */
export async function writeProcedureIndex(zendesk: RestClient, args: { ticketId: number; fieldId: number; text: string }): Promise<'written' | 'unchanged'> {
  const url = `/api/v2/tickets/${args.ticketId}.json`;
  for (let attempt = 0; ; attempt += 1) {
    const { ticket } = await zendesk.request({ url }, indexStamp);
    const current = ticket.custom_fields.find((f) => f.id === args.fieldId)?.value;
    if ((typeof current === 'string' ? current : '') === args.text) return 'unchanged';
    try {
      await zendesk.request(
        { url, method: 'PUT', body: { ticket: { custom_fields: [{ id: args.fieldId, value: args.text }], safe_update: true, updated_stamp: ticket.updated_at } } },
        v.unknown(),
      );
      return 'written';
    } catch (error) {
      if (!(error instanceof ZendeskError) || !['conflict', 'timeout', 'server', 'network'].includes(error.kind) || attempt >= 2) throw error;
    }
  }
}
