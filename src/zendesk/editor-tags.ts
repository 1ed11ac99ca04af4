import type { Zendesk } from './zaf-client';

/** The ticket's tags as they are in the agent's editor now (unsaved changes included). */
async function editorTags(zendesk: Zendesk): Promise<string[]> {
  const { values } = await zendesk.get(['ticket.tags']);
  const tags = values['ticket.tags'];
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

/**
 * Adds and removes tags in the editor (the agent submits), reading them first: a tag already
 * there is not added again, so a retry or a second click changes nothing.
 */
export async function addTags(zendesk: Zendesk, add: string[], remove: string[] = []): Promise<void> {
  const tags = await editorTags(zendesk);
  const toAdd = add.filter((t) => !tags.includes(t));
  const toRemove = remove.filter((t) => tags.includes(t));
  if (toAdd.length > 0) await zendesk.invoke('ticket.tags.add', toAdd);
  if (toRemove.length > 0) await zendesk.invoke('ticket.tags.remove', toRemove);
}
