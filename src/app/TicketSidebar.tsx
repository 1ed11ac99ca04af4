import { Skeleton } from '@zendeskgarden/react-loaders';
import { useEffect, useRef } from 'react';
import styled from 'styled-components';
import ChecklistSection from '../features/checklist/ChecklistSection';
import { TimeLogSection } from '../features/time-log';
import { MarkUnitPays, UnitApprovalBody, UnitBillingProvider } from '../features/unit-billing';
import { ErrorNotice } from '../ui/ErrorNotice';
import { I18nProvider, pickLocale, useI18n, useLocaleReady } from '../ui/i18n';
import { useAfterPaint } from '../ui/useAfterPaint';
import { useAutoResize } from '../ui/useAutoResize';
import { useSidebarData } from '../ui/useSidebarData';
import { useApp } from './app-context';

const Frame = styled.main`
  padding: 8px 2px 12px;
  display: flex;
  flex-direction: column;
  gap: 8px;
`;

/** Another feature's content inside a checklist step's card: the Unit's form in "unit_approval". */
const stepBodies = { unit_approval: UnitApprovalBody };

/**
 * The ticket_sidebar location: one batched `get` for the open ticket, then the features that
 * share it — the procedure's checklist and the session time log.
 */
export default function TicketSidebar() {
  const app = useApp();
  const { data, error, loading, reload } = useSidebarData(app.zendesk, app.settings);
  const rootRef = useRef<HTMLElement>(null);
  useAutoResize(app.zendesk, rootRef);
  const locale = pickLocale(data?.user.locale ?? navigator.language);
  // English strings load on demand: keep the skeleton until they are here, so nothing flashes in Portuguese.
  const localeReady = useLocaleReady(locale);
  // The checklist is what the agent reads first: the rest mounts once it has been painted.
  const afterPaint = useAfterPaint();

  useEffect(() => {
    if (data) document.documentElement.lang = locale;
  }, [data, locale]);

  return (
    <I18nProvider locale={locale}>
      <Frame ref={rootRef} aria-busy={loading} data-testid="sidebar">
        {data && localeReady ? (
          <UnitBillingProvider data={data}>
            <ChecklistSection data={data} reload={reload} stepBodies={stepBodies} />
          </UnitBillingProvider>
        ) : error ? null : (
          <LoadingSidebar />
        )}
        {data && localeReady && afterPaint ? <MarkUnitPays data={data} /> : null}
        {data && localeReady && afterPaint ? <TimeLogSection data={data} /> : null}
        {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      </Frame>
    </I18nProvider>
  );
}

function LoadingSidebar() {
  const { t } = useI18n();
  return (
    <div role="status" aria-label={t('boot.loading')} data-testid="sidebar-loading">
      <Skeleton height="20px" width="60%" />
      <Skeleton height="72px" style={{ marginTop: 8 }} />
      <Skeleton height="96px" style={{ marginTop: 8 }} />
    </div>
  );
}
