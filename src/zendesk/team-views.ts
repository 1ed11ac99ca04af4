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

export interface ViewDefinition {
  title: string;
  all: ViewCondition[];
  any: ViewCondition[];
  sortBy: string;
  sortOrder: 'asc' | 'desc';
  /** Column ids: `subject`, `status`, … or a custom field id. */
  columns: Array<string | number>;
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
      output: { columns: view.columns, sort_by: view.sortBy, sort_order: view.sortOrder },
      ...(view.restriction ? { restriction: view.restriction } : {}),
    },
  };
  const answer = await zendesk.request({ url: '/api/v2/views.json', method: 'POST', body, idempotent: false }, v.object({ view: viewRef }));
  return { id: answer.view.id, title: answer.view.title };
}
