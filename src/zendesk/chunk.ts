import { ChunkLoadError } from './errors';

/**
 * The one way the app imports a lazy chunk (React components go through ui/lazy-retry on top of
 * it). A plain `x ??= import(...)` keeps a rejected promise for good, so one dropped connection
 * would break that part of the app until the page reloads. Here a success is kept and shared, a
 * failure is forgotten: the next call imports again (browsers retry a failed module fetch) and
 * the failure comes out as a ChunkLoadError, which the UI tells from a Zendesk failure or a bug.
 * Lives in zendesk/ because its lowest users do (the REST client is such a chunk).
 */
export function chunkLoader<M>(load: () => Promise<M>): () => Promise<M> {
  let pending: Promise<M> | null = null;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = null;
      throw new ChunkLoadError(error);
    }));
}
