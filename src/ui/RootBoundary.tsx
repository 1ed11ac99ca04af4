import type { ReactNode } from 'react';
import { classifyFailure } from '../zendesk/errors';
import { ErrorBoundary } from './ErrorBoundary';
import { interpolate, lookupMessage, pickLocale } from './i18n';
import ptBR from './locales/pt-BR.json';
// The few English strings this message needs, copied from en.json (a test keeps them equal): the
// English catalog is a download of its own, and this message must show when nothing more can be
// downloaded. The pt-BR ones are in the first chunk already.
import en from './locales/root-boundary.en.json';

type Key = `error.${keyof (typeof en)['error']}`;

/**
 * The app's last resort, around everything main.tsx renders: a failure no part of the app
 * contained would otherwise leave the frame blank. Plain HTML on purpose — no Garden, no theme,
 * no lazy notice — since any of them may be what broke; a native button is the one control.
 */
export function RootBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={(error, retry) => <AppFailure error={error} onRetry={retry} />}>{children}</ErrorBoundary>;
}

function AppFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  // The sidebar sets the page's lang to the agent's locale once Zendesk told it; the page says pt-BR before that.
  const catalog = pickLocale(document.documentElement.lang) === 'en' ? en : ptBR;
  const t = (key: Key) => lookupMessage(catalog, key) ?? key;
  const { kind, reference } = classifyFailure(error);
  return (
    <div role="alert" data-testid="app-failure" style={{ padding: 8, fontFamily: 'system-ui, sans-serif', fontSize: 14, lineHeight: 1.4, color: '#2f3941' }}>
      <p style={{ margin: '0 0 4px' }}>
        <strong>{t('error.title')}</strong>
      </p>
      <p style={{ margin: '0 0 4px' }}>{t(kind === 'app_load' ? 'error.app_load' : 'error.internal')}</p>
      {reference ? <p style={{ margin: '0 0 8px', overflowWrap: 'anywhere' }}>{interpolate(t('error.reference'), { reference })}</p> : null}
      <button type="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
