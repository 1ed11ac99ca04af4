import { Skeleton } from '@zendeskgarden/react-loaders';
import { Suspense, type ReactNode } from 'react';
import { useApp } from '../../app/app-context';
import { Contained } from '../../ui/ErrorBoundary';
import { lazyComponent } from '../../ui/lazy-retry';
import { useAfterPaint } from '../../ui/useAfterPaint';
import type { SidebarData } from '../../zendesk/sidebar-snapshot';
import { UnitBillingData } from './data-context';
// Static on purpose: one Garden button the first chunk already has; as a lazy chunk it made the
// bundler split the shared code into more preloaded files (+1.8 KB gzip measured).
import MarkButton from './MarkUnitPaysButton';
import { hasConsultingTipo } from '../../procedure/profile';

/**
 * Step 10, the Unit pays (DOMAIN.md). Only these wrappers ship with the sidebar: the form, the
 * approval and the billing request load when a Unit-paid ticket opens.
 */
const Panel = lazyComponent(() => import('./UnitApprovalPanel'));

export function UnitBillingProvider({ data, children }: { data: SidebarData; children: ReactNode }) {
  return <UnitBillingData.Provider value={data}>{children}</UnitBillingData.Provider>;
}

/**
 * The body of the checklist's "unit_approval" card (drawn only while the step applies). Its chunk
 * is requested once the checklist has been painted; until then the card keeps the room.
 */
export function UnitApprovalBody() {
  const afterPaint = useAfterPaint();
  if (!afterPaint) return <div style={{ minHeight: 160 }} aria-hidden />;
  return (
    <Contained>
      <Suspense fallback={<Skeleton height="160px" aria-hidden data-testid="unit-loading" />}>
        <Panel />
      </Suspense>
    </Contained>
  );
}

/** "The Unit pays": one button, on a consulting ticket (its Tipo) that lacks the `tag_unidade` tag. */
export function MarkUnitPays({ data }: { data: SidebarData }) {
  const { settings } = useApp();
  const tag = settings.tag_unidade;
  if (!tag || !hasConsultingTipo(settings, data.ticket.fields) || data.ticket.tags.includes(tag)) return null;
  return <MarkButton tag={tag} />;
}
