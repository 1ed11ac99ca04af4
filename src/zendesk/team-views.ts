import * as v from 'valibot';
import { ZendeskError } from './errors';
import { collectPages, cursorPage, type RestClient, zendeskId } from './pages';

/**
 * Zendesk views the dashboard offers to create for a team ("waiting for Aceite", …), so the lead
 * can also work the list in Zendesk itself. Creating needs an admin for a shared or group view
 * (an agent gets ZendeskError 'forbidden'); an agent may only create a view restricted to himself.
 */
export interface ViewCondition {
  field: string;
  operator: string;
  value: string;
}

/**
 * The values of Zendesk's "View columns" table (views API reference): what `output.columns` takes.
 * The Subject column is `description` (there is no `subject` column). A custom field is its id.
 */
export type ViewColumn =
  | 'assigned' | 'assignee' | 'due_date' | 'group' | 'nice_id' | 'updated' | 'updated_assignee'
  | 'updated_requester' | 'updated_by_type' | 'organization' | 'priority' | 'created' | 'requester'
  | 'locale_id' | 'satisfaction_score' | 'solved' | 'status' | 'description' | 'submitter'
  | 'ticket_form' | 'type' | 'brand' | 'custom_status_id';

/** `sort_by`/`group_by` take a column of that table, except these three (same reference). */
export type SortableViewColumn = Exclude<ViewColumn, 'description' | 'submitter' | 'custom_status_id'>;

export interface ViewDefinition {
  title: string;
  all: ViewCondition[];
  any: ViewCondition[];
  /** A column, or a custom field's id (sent as the id's string: sort_by is documented as a string). */
  sortBy: SortableViewColumn | number;
  sortOrder: 'asc' | 'desc';
  /** At most 10 (Zendesk's limit): columns of the table, or custom field ids. */
  columns: Array<ViewColumn | number>;
  /** Who sees the view: absent = every agent; a group view; or a personal view. */
  restriction?: { type: 'Group'; ids: number[] } | { type: 'User'; id: number };
}

export interface ViewRef {
  id: number;
  title: string;
}

/** 50 pages of 100 views: more is a runaway loop, not an account. */
const MAX_VIEW_PAGES = 50;
const viewRef = v.object({ id: zendeskId, title: v.string() });

/** The first view (of those the user may see) whose title is exactly `title`, or null. */
export async function findViewByTitle(zendesk: RestClient, title: string): Promise<ViewRef | null> {
  const { items, truncated } = await collectPages(zendesk, '/api/v2/views.json?page[size]=100', cursorPage('views', viewRef), MAX_VIEW_PAGES);
  const found = items.find((view) => view.title === title);
  if (found) return { id: found.id, title: found.title };
  if (truncated) throw new ZendeskError('malformed', `/api/v2/views: more than ${MAX_VIEW_PAGES} pages`);
  return null;
}

/**
 * POST /api/v2/views. Sent once, never retried after a failure or a timeout: a second POST would
 * create a second view. So callers look for the title first (findViewByTitle), and after an
 * uncertain failure look again before offering to create.
 */
export async function createView(zendesk: RestClient, view: ViewDefinition): Promise<ViewRef> {
  if (view.title.trim() === '') throw new ZendeskError('invalid', 'a view needs a title', { detail: 'title' });
  const body = {
    view: {
      title: view.title,
      all: view.all,
      any: view.any,
      output: { columns: view.columns, sort_by: String(view.sortBy), sort_order: view.sortOrder },
      ...(view.restriction ? { restriction: view.restriction } : {}),
    },
  };
  const answer = await zendesk.request({ url: '/api/v2/views.json', method: 'POST', body, idempotent: false }, v.object({ view: viewRef }));
  return { id: answer.view.id, title: answer.view.title };
}
