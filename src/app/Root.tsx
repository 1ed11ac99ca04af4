import { Skeleton } from '@zendeskgarden/react-loaders';
import { Suspense, useEffect, useState, type ComponentType } from 'react';
import { Contained } from '../ui/ErrorBoundary';
import { ErrorNotice } from '../ui/ErrorNotice';
import { lazyComponent } from '../ui/lazy-retry';
import { Notice } from '../ui/notice/Notice';
import { I18nProvider, pickLocale, useI18n } from '../ui/i18n';
import type { Connection } from '../zendesk/zaf-client';
import { AppContext, type AppEnvironment } from './app-context';
import { bootApp, firstBoot } from './boot';
import TicketSidebar from './TicketSidebar';

/** The sidebar is the hot path and ships in the first chunk; other locations load on demand. */
const locations: Record<string, ComponentType> = {
  ticket_sidebar: TicketSidebar,
  nav_bar: lazyComponent(() => import('../features/dashboard/Dashboard')),
};

type Boot = { state: 'waiting' } | { state: 'unregistered' } | { state: 'failed'; error: unknown } | { state: 'ready'; env: AppEnvironment };

export function Root({ connection }: { connection: Connection }) {
  const fallbackLocale = pickLocale(navigator.language);
  return <I18nProvider locale={fallbackLocale}>{connection.state === 'outside' ? <Outside /> : <Connected connection={connection} />}</I18nProvider>;
}

function Connected({ connection }: { connection: Extract<Connection, { state: 'connected' }> }) {
  // Usually main.tsx waited for the boot before rendering: the first render draws its result.
  const [boot, setBoot] = useState<Boot>(() => firstBoot(connection).settled ?? { state: 'waiting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    // The first attempt is the boot main.tsx started with the handshake; a retry boots again.
    (attempt === 0 ? firstBoot(connection).result : bootApp(connection)).then(
      (result) => !cancelled && setBoot(result),
      (error: unknown) => !cancelled && setBoot({ state: 'failed', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [connection, attempt]);

  if (boot.state === 'waiting') return <Skeleton height="80px" aria-hidden />;
  if (boot.state === 'unregistered') return <Unregistered />;
  if (boot.state === 'failed') return <ErrorNotice error={boot.error} onRetry={() => setAttempt((n) => n + 1)} />;
  const Location = locations[boot.env.location];
  if (!Location) return null;
  return (
    <AppContext.Provider value={boot.env}>
      {/* A location's chunk that did not load, or a bug in it: a notice with Retry, not a blank frame. */}
      <Contained>
        <Suspense fallback={<Skeleton height="80px" aria-hidden />}>
          <Location />
        </Suspense>
      </Contained>
    </AppContext.Provider>
  );
}

function Outside() {
  const { t } = useI18n();
  return <Notice type="info" title={t('boot.outside_title')} paragraphs={[t('boot.outside_body')]} testId="outside-zendesk" />;
}

function Unregistered() {
  const { t } = useI18n();
  return <Notice type="warning" title={t('boot.unregistered_title')} paragraphs={[t('boot.unregistered_body')]} testId="unregistered" />;
}

