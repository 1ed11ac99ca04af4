import { Skeleton } from '@zendeskgarden/react-loaders';
import { createElement, Suspense, type ComponentType } from 'react';
import { Contained } from '../../../ui/ErrorBoundary';
import { lazyComponent } from '../../../ui/lazy-retry';
import { useAfterPaint } from '../../../ui/useAfterPaint';

/**
 * Garden's form packages (fields, date picker, radios) are a third of the sidebar's weight and
 * the checklist can be read without them: they load on demand, in a box that keeps its height
 * so nothing below moves when they arrive. The box stays empty in the checklist's first frame:
 * the chunk's request and the skeleton come right after it, off the first paint's path.
 */
function deferred<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, height: number) {
  const Component = lazyComponent(load);
  return function Deferred(props: P) {
    const afterPaint = useAfterPaint();
    return (
      <div style={{ marginTop: 8, minHeight: height }}>
        {afterPaint ? (
          <Contained>
            <Suspense fallback={<Skeleton height={`${height}px`} />}>{createElement(Component, props)}</Suspense>
          </Contained>
        ) : null}
      </div>
    );
  };
}

export const DateField = deferred(() => import('./DateField'), 78);
export const TextAreaField = deferred(() => import('./TextAreaField'), 96);
export const AnalystChoice = deferred(() => import('./AnalystChoice'), 120);
