import { addTags } from './editor-tags';
import { ZendeskError } from './errors';
import { macroActions, previewMacro, type MacroAction, type TicketAfterMacro } from './macros';
import { customFieldPath } from './sidebar-snapshot';
import type { Zendesk } from './zaf-client';

/**
 * Applying a macro to the ticket open in the agent's editor with documented ZAF calls only (the
 * ticket sidebar documents no "apply this macro" action). Each action of the macro becomes the set
 * or invoke that does the same; its value comes from Zendesk's own rendering of the macro on this
 * ticket (GET …/macros/{id}/apply), which is the SAVED ticket plus the macro: so nothing the macro
 * does not name is written, and the agent's unsaved edits stay.
 */

/** One macro action that did not reach the editor: ZAF refused it, or ZAF has no way to do it. */
export interface MacroPart {
  /** The action's field, as in the macro (`subject`, `custom_fields_123`, `comment_value` …). */
  field: string;
  reason: 'refused' | 'unsupported';
}

/** The macro was applied except for `parts`; the agent must see which, before submitting. */
export class MacroPartlyApplied extends ZendeskError {
  readonly parts: MacroPart[];

  constructor(parts: MacroPart[]) {
    const fields = parts.map((p) => p.field).join(', ');
    super('zaf', `macro applied except: ${fields}`, { detail: fields });
    this.name = 'MacroPartlyApplied';
    this.parts = parts;
  }
}

interface Edit {
  /** The macro actions this edit carries out. */
  fields: string[];
  run: (zendesk: Zendesk) => Promise<void>;
}

/** Actions reference: tag lists are space-delimited. */
const tagList = (value: unknown) => (Array.isArray(value) ? value.map(String) : String(value ?? '').split(/\s+/)).filter((t) => t !== '');
const isTrue = (value: unknown) => value === true || value === 'true';
const CUSTOM_FIELD = /^custom_fields_(\d+)$/;
/** The ZAF path of each ticket property a macro action may set (ticket sidebar: ticket object). */
const TICKET_PATHS = { subject: 'ticket.subject', status: 'ticket.status', priority: 'ticket.priority', type: 'ticket.type' } as const;

const set = (fields: string[], values: Record<string, unknown>): Edit => ({ fields, run: (zendesk) => zendesk.set(values) });

/** The same text already in the editor (a retry after a partial failure): not appended again. */
async function appendComment(zendesk: Zendesk, body: string): Promise<void> {
  const { values } = await zendesk.get(['comment.text']);
  const editor = typeof values['comment.text'] === 'string' ? values['comment.text'] : '';
  if (!editor.includes(body.split('\n')[0] ?? body)) await zendesk.invoke('comment.appendText', body);
}

/** The edits for `actions`, and the actions ZAF cannot carry out. */
function plan(actions: MacroAction[], after: TicketAfterMacro): { edits: Edit[]; unsupported: MacroPart[] } {
  const edits: Edit[] = [];
  const unsupported: MacroPart[] = [];
  const has = (field: string) => actions.some((a) => a.field === field);
  const assigneeFields = ['group_id', 'assignee_id'].filter(has);
  let assigneeDone = false;
  const commentEdits: Edit[] = [];
  for (const { field, value } of actions) {
    const custom = CUSTOM_FIELD.exec(field);
    if (field in TICKET_PATHS) {
      const key = field as keyof typeof TICKET_PATHS;
      edits.push(set([field], { [TICKET_PATHS[key]]: key in after ? after[key] : value }));
    } else if (field === 'group_id' || field === 'assignee_id') {
      if (assigneeDone) continue;
      assigneeDone = true;
      // An assignee goes with its group; a group alone leaves the agent's choice of assignee.
      const assignee = has('assignee_id') ? { groupId: after.groupId ?? null, userId: after.assigneeId ?? null } : { groupId: after.groupId ?? null };
      edits.push(set(assigneeFields, { 'ticket.assignee': assignee }));
    } else if (field === 'set_tags') {
      edits.push(set([field], { 'ticket.tags': tagList(value) }));
    } else if (field === 'current_tags') {
      edits.push({ fields: [field], run: (zendesk) => addTags(zendesk, tagList(value)) });
    } else if (field === 'remove_tags') {
      edits.push({ fields: [field], run: (zendesk) => addTags(zendesk, [], tagList(value)) });
    } else if (custom) {
      const id = Number(custom[1]);
      edits.push(set([field], { [customFieldPath(id)]: id in after.customFields ? after.customFields[id] : value }));
    } else if (field === 'comment_mode_is_public') {
      commentEdits.unshift(set([field], { 'comment.type': isTrue(value) ? 'publicReply' : 'internalNote' }));
    } else if (field === 'comment_value' || field === 'comment_value_html') {
      // The body Zendesk rendered (placeholders filled); an HTML comment comes as its text.
      const body = after.comment?.body;
      if (body) commentEdits.push({ fields: [field], run: (zendesk) => appendComment(zendesk, body) });
    } else {
      unsupported.push({ field, reason: 'unsupported' });
    }
  }
  // The comment's mode before its text, both after the ticket's fields.
  return { edits: [...edits, ...commentEdits], unsupported };
}

/**
 * Applies macro `macroId` to ticket `ticketId` in the editor. Every action is tried: one ZAF refuses
 * does not stop the others; the ones left out are thrown at the end as MacroPartlyApplied.
 */
export async function applyMacro(zendesk: Zendesk, ticketId: number, macroId: number): Promise<void> {
  const [actions, after] = await Promise.all([macroActions(zendesk, macroId), previewMacro(zendesk, ticketId, macroId)]);
  const { edits, unsupported } = plan(actions, after);
  const refused: MacroPart[] = [];
  for (const edit of edits) {
    try {
      await edit.run(zendesk);
    } catch (error) {
      if (!(error instanceof ZendeskError) || error.kind !== 'zaf') throw error;
      refused.push(...edit.fields.map((field) => ({ field, reason: 'refused' as const })));
    }
  }
  const parts = [...refused, ...unsupported];
  if (parts.length > 0) throw new MacroPartlyApplied(parts);
}
