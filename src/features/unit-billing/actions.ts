import { applyUnitPays } from '../../procedure/billing';
import type { Apontamento } from '../../procedure/apontamento-types';
import type { UnitApproval } from '../../procedure/unit-billing';
import { listApontamentos, saveApontamento } from '../../zendesk/apontamentos';
import { addTags } from '../../zendesk/editor-tags';
import { saveUnitApproval, type StoredUnitApproval } from '../../zendesk/unit-approvals';
import type { Zendesk } from '../../zendesk/zaf-client';

/** The Unit approval's effects. Each re-reads what it depends on, so a retry or a second click doubles nothing. */

async function editorText(zendesk: Zendesk): Promise<string> {
  const { values } = await zendesk.get(['comment.text']);
  return typeof values['comment.text'] === 'string' ? values['comment.text'] : '';
}

/** Puts `text` in the editor as a comment of `type`, unless its `marker` is already there. */
export async function insertComment(zendesk: Zendesk, text: string, type: 'publicReply' | 'internalNote', marker: string = text): Promise<void> {
  if ((await editorText(zendesk)).includes(marker)) return;
  await zendesk.set({ 'comment.type': type });
  await zendesk.invoke('comment.appendText', text);
}

/** The record with its approval comment, then the approval tag in the editor (the agent submits). */
export async function linkApproval(zendesk: Zendesk, args: { ticketId: number; approval: UnitApproval; commentId: number; tag: string }): Promise<StoredUnitApproval> {
  const record = await saveUnitApproval(zendesk, { ticketId: args.ticketId, approval: args.approval, commentId: args.commentId });
  await addTags(zendesk, [args.tag]);
  return record;
}

/**
 * Undoes a link made to the wrong comment: the record forgets the comment and the approval tag
 * leaves the editor, so the step is pending again until the right comment is linked.
 */
export async function unlinkApproval(zendesk: Zendesk, args: { ticketId: number; approval: UnitApproval; tag: string }): Promise<StoredUnitApproval> {
  const record = await saveUnitApproval(zendesk, { ticketId: args.ticketId, approval: args.approval, commentId: null });
  await addTags(zendesk, [], [args.tag]);
  return record;
}

/**
 * The Unit pays: every Apontamento of the ticket becomes "faturável = não" with reason REPASSE.
 * Only the ones that change are written (upserts by key); an invoiced one stays as the closing left it.
 */
export async function applyRepasse(zendesk: Zendesk, ticketId: number): Promise<Apontamento[]> {
  const records = await listApontamentos(zendesk, ticketId);
  const result: Apontamento[] = [];
  for (const record of records) {
    const next = applyUnitPays(record);
    const changed = next.billable !== record.billable || next.notAcceptedReason !== record.notAcceptedReason;
    result.push(changed ? await saveApontamento(zendesk, { ...next, updatedAt: Date.now() }) : record);
  }
  return result;
}
