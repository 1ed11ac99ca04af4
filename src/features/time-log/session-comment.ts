import type { Zendesk } from '../../zendesk/zaf-client';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ', '&amp;': '&' };

/** The editor's text without markup or spacing differences (Zendesk's editor gives HTML back). */
function plain(text: string): string {
  return text
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|nbsp|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Puts the session's public comment in the ticket editor for the agent to review and submit —
 * unless the editor already holds it (a second click, a retry after a failed save).
 * Resolves true when it was added.
 */
export async function insertSessionComment(zendesk: Zendesk, text: string): Promise<boolean> {
  const { values } = await zendesk.get(['comment.text']);
  const editor = typeof values['comment.text'] === 'string' ? values['comment.text'] : '';
  if (plain(editor).includes(plain(text))) return false;
  await zendesk.set({ 'comment.type': 'publicReply' });
  await zendesk.invoke('comment.appendText', text);
  return true;
}
