import * as v from 'valibot';
import { ZendeskError } from './errors';
import { collectPages, cursorPage, type RestClient, zendeskId } from './pages';

/** One comment of a ticket, with its author's e-mail: what the Unit approval is recognised by. */
export interface TicketComment {
  id: number;
  authorId: number;
  authorName: string | null;
  authorEmail: string | null;
  public: boolean;
  /** ms since epoch. */
  createdAt: number;
  /** The plain text (never the HTML): shown as text. */
  body: string;
}

/** 100 comments a page; a ticket with more than 2 000 comments is a broken answer, not a real ticket. */
const MAX_PAGES = 20;
const CHUNK = 100;

const commentSchema = v.object({
  id: zendeskId,
  author_id: zendeskId,
  body: v.nullish(v.string()),
  plain_body: v.nullish(v.string()),
  public: v.boolean(),
  created_at: v.string(),
});
const authorsSchema = v.object({ users: v.array(v.object({ id: zendeskId, name: v.nullish(v.string()), email: v.nullish(v.string()) })) });

/**
 * Every comment of the ticket, NEWEST FIRST: GET /api/v2/tickets/{id}/comments.json (cursor pages),
 * then the authors' names and e-mails with GET /api/v2/users/show_many.json (100 ids a call).
 * An author Zendesk no longer knows keeps a null e-mail: such a comment can never match.
 */
export async function loadTicketComments(zendesk: RestClient, ticketId: number): Promise<TicketComment[]> {
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) throw new ZendeskError('invalid', `not a ticket id: ${ticketId}`, { detail: 'ticket' });
  const { items, truncated } = await collectPages(zendesk, `/api/v2/tickets/${ticketId}/comments.json?page[size]=100`, cursorPage('comments', commentSchema), MAX_PAGES);
  if (truncated) throw new ZendeskError('malformed', `/api/v2/tickets/${ticketId}/comments: more than ${MAX_PAGES} pages`);
  const ids = [...new Set(items.map((c) => c.author_id))];
  const chunks: number[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
  const answers = await Promise.all(chunks.map((chunk) => zendesk.request({ url: `/api/v2/users/show_many.json?ids=${chunk.join(',')}` }, authorsSchema)));
  const authors = new Map(answers.flatMap((a) => a.users).map((u) => [u.id, u]));
  return items
    .map((c): TicketComment => {
      const author = authors.get(c.author_id);
      const at = Date.parse(c.created_at);
      if (!Number.isFinite(at)) throw new ZendeskError('malformed', `comment ${c.id}: created_at is not a date`, { detail: 'created_at' });
      return { id: c.id, authorId: c.author_id, authorName: author?.name ?? null, authorEmail: author?.email ?? null, public: c.public, createdAt: at, body: c.plain_body ?? c.body ?? '' };
    })
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}
