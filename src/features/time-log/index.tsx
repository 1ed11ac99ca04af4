import { Skeleton } from '@zendeskgarden/react-loaders';
import { Suspense } from 'react';
import { Contained } from '../../ui/ErrorBoundary';
import { lazyComponent } from '../../ui/lazy-retry';
import type { SidebarData } from '../../zendesk/sidebar-snapshot';

/**
 * The time log is read after the checklist: its code (timer, form, records, billing, outbox) loads
 * on demand, in a box of fixed height so nothing above it moves when it arrives.
 */
const Section = lazyComponent(() => import('./TimeLogSection'));

export function TimeLogSection({ data }: { data: SidebarData }) {
  return (
    <Contained>
      <Suspense fallback={<Skeleton height="120px" aria-hidden data-testid="timelog-loading" />}>
        <Section data={data} />
      </Suspense>
    </Contained>
  );
}
