import { availabilityReply, demandReply, noAvailabilityNote, resumeNote, type TemplateLocale } from '../../procedure/templates';
import { withPrefix } from '../../procedure/title';
import { applyMacro } from '../../zendesk/macro-apply';
import { customFieldPath } from '../../zendesk/sidebar-snapshot';
import type { Zendesk } from '../../zendesk/zaf-client';
import { writeInternalNote } from '../../zendesk/ticket-writes';

/**
 * The sidebar's actions, loaded on the first click (`checklistActions()` in lazy-extras.ts): none of this
 * is needed to draw the checklist. Each re-reads what it depends on right before acting, so a second
 * click, a retry or a change by another agent never doubles a prefix, a macro or a reply.
 */

export async function prefixSubject(zendesk: Zendesk, prefix: string): Promise<void> {
  const { values } = await zendesk.get(['ticket.subject']);
  const current = typeof values['ticket.subject'] === 'string' ? values['ticket.subject'] : '';
  const next = withPrefix(current, prefix);
  if (next !== current) await zendesk.set({ 'ticket.subject': next });
}

/**
 * Applies the opening macro unless the ticket is already classified (its "Tipo" holds a consulting
 * value, which the macro itself sets): a second click or a retry never applies it twice.
 */
export async function applyOpeningMacro(zendesk: Zendesk, args: { macroId: number; ticketId: number; tipoFieldId: number; consultingValues: string[] }): Promise<void> {
  const path = customFieldPath(args.tipoFieldId);
  const { values } = await zendesk.get([path]);
  if (args.consultingValues.includes(String(values[path] ?? ''))) return;
  await applyMacro(zendesk, args.ticketId, args.macroId);
}

/**
 * Puts a public reply in the editor and marks the step's tag. Each half is skipped when it is
 * already done, so a retry after a half-failed attempt completes it without doubling the text.
 */
async function insertPublicReply(zendesk: Zendesk, text: string, markerTag: string): Promise<void> {
  const { values } = await zendesk.get(['ticket.tags', 'comment.text']);
  const tags = Array.isArray(values['ticket.tags']) ? values['ticket.tags'] : [];
  const editor = typeof values['comment.text'] === 'string' ? values['comment.text'] : '';
  if (tags.includes(markerTag)) return;
  if (!editor.includes(text.split('\n')[0] ?? text)) {
    await zendesk.set({ 'comment.type': 'publicReply' });
    await zendesk.invoke('comment.appendText', text);
  }
  await zendesk.invoke('ticket.tags.add', [markerTag]);
}

export async function assignTo(zendesk: Zendesk, groupId: number, userId: number): Promise<void> {
  await zendesk.set({ 'ticket.assignee': { groupId, userId } });
}

// The steps' tag changes load with the other actions.
export { addTags } from '../../zendesk/editor-tags';

/**
 * "Client has no availability" on or off. Saved at once (not left for the agent's Submit): the
 * clock must stop now, and the reason goes in an internal note beside it.
 */
/** `indexField`: the procedure index as this update leaves it, saved in the same update. */
export async function setNoAvailability(zendesk: Zendesk, args: { ticketId: number; tag: string; on: boolean; reason: string; locale: TemplateLocale; indexField?: { id: number; value: string } | null }): Promise<void> {
  const note = args.on ? noAvailabilityNote({ reason: args.reason, locale: args.locale }) : resumeNote({ locale: args.locale });
  await writeInternalNote(zendesk, { ticketId: args.ticketId, note, addTags: args.on ? [args.tag] : [], removeTags: args.on ? [] : [args.tag], customFields: args.indexField ? [args.indexField] : [] });
}

export function insertDemandReply(zendesk: Zendesk, args: { requesterName: string; moduleName: string; locale: TemplateLocale; tag: string }): Promise<void> {
  return insertPublicReply(zendesk, demandReply(args), args.tag);
}

export function insertAvailabilityReply(zendesk: Zendesk, args: { requesterName: string; slots: string[]; locale: TemplateLocale; tag: string }): Promise<void> {
  return insertPublicReply(zendesk, availabilityReply(args), args.tag);
}
