import { chunkLoader } from '../../zendesk/chunk';

/**
 * The checklist's lazy chunks, each imported once per frame and shared by every hook or step that
 * needs it; a download that failed is tried again at the next call (zendesk/chunk).
 */
/** The post-paint loaders: audits, schedule, macros, user names. */
export const extrasLoaders = chunkLoader(() => import('./extras-loaders'));

/** The steps' actions, loaded on the first click. */
export const checklistActions = chunkLoader(() => import('./actions'));
