import { Skeleton } from '@zendeskgarden/react-loaders';
import { Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import * as z from 'zod/mini';
import { parseSettings } from '../procedure/settings';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/notice/Notice';
import { I18nProvider, pickLocale, useI18n } from '../ui/i18n';
import type { Connection } from '../zendesk/zaf-client';
import { AppContext, type AppEnvironment } from './app-context';
import TicketSidebar from './TicketSidebar';

/** The sidebar is the hot path and ships in the first chunk; other locations load on demand. */
const locations: Record<string, ComponentType | LazyExoticComponent<ComponentType>> = {
  ticket_sidebar: TicketSidebar,
};

const contextSchema = z.looseObject({ location: z.string() });
const metadataSchema = z.looseObject({ settings: z._default(z.record(z.string(), z.unknown()), {}) });

type Boot = { state: 'waiting' } | { state: 'unregistered' } | { state: 'failed'; error: unknown } | { state: 'ready'; env: AppEnvironment };

export function Root({ connection }: { connection: Connection }) {
  const fallbackLocale = pickLocale(navigator.language);
  return <I18nProvider locale={fallbackLocale}>{connection.state === 'outside' ? <Outside /> : <Connected connection={connection} />}</I18nProvider>;
}

function Connected({ connection }: { connection: Extract<Connection, { state: 'connected' }> }) {
  const [boot, setBoot] = useState<Boot>({ state: 'waiting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const { zendesk } = connection;
    (async () => {
      if (!(await connection.registered)) return setBoot({ state: 'unregistered' });
      // Both come with app.registered: no round trip to Zendesk here.
      const context = contextSchema.parse(await zendesk.context());
      const metadata = metadataSchema.parse(await zendesk.metadata());
      const env: AppEnvironment = { zendesk, location: context.location, ...parseSettings(metadata.settings) };
      if (!cancelled) setBoot({ state: 'ready', env });
    })().catch((error: unknown) => {
      if (!cancelled) setBoot({ state: 'failed', error });
    });
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
      <Suspense fallback={<Skeleton height="80px" aria-hidden />}>
        <Location />
      </Suspense>
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

