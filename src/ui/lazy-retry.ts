import { createElement, lazy, type ComponentType } from 'react';
import { chunkLoader } from '../zendesk/chunk';

/** Bumped by every Retry of an error boundary: lazy components that failed before it import again. */
let retries = 0;

/** Called by an error boundary's Retry (ui/ErrorBoundary): the next render re-imports failed chunks. */
export function retryFailedChunks(): void {
  retries += 1;
}

/**
 * React.lazy for the app's chunks, with a Retry that really retries. React keeps a lazy
 * component's rejected import forever: re-rendering it after a failed download throws the same
 * error again. So after a Retry, a component whose import had failed draws a fresh lazy
 * component, whose import runs again through `chunkLoader`. Without a Retry it keeps the failed
 * one: the render that follows the failure must throw it to the boundary, not loop on imports.
 */
export function lazyComponent<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  const code = chunkLoader(load);
  let failedAt: number | null = null;
  const fresh = () =>
    // The cast `lazy(load) as ComponentType<P>` always needed: React's type keeps ref props apart.
    lazy(() =>
      code().catch((error: unknown) => {
        failedAt = retries;
        throw error;
      }),
    ) as unknown as ComponentType<P>;
  let current = fresh();
  function Lazy(props: P) {
    if (failedAt !== null && retries > failedAt) {
      failedAt = null;
      current = fresh();
    }
    return createElement(current, props);
  }
  Lazy.displayName = 'LazyChunk';
  return Lazy;
}
