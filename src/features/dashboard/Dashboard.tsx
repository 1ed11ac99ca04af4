import { Button } from '@zendeskgarden/react-buttons';
import { Progress } from '@zendeskgarden/react-loaders';
import { MD, SM, XL } from '@zendeskgarden/react-typography';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useApp } from '../../app/app-context';
import { DEFAULT_MINIMUM_MINUTES } from '../../procedure/billing';
import { dashboardRow, hasUnknownDeadlines, monthStartOf, recordsByTicket } from '../../procedure/dashboard/rows';
import { summarize } from '../../procedure/dashboard/summary';
import { applyQuery } from '../../procedure/dashboard/table';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { I18nProvider, pickLocale } from '../../ui/i18n';
import { Notice } from '../../ui/notice/Notice';
import { cellTextFor, type Names } from './cell-text';
import { dashboardCsv, downloadCsv } from './csv-download';
import { FiltersBar } from './FiltersBar';
import { useDashboardT } from './i18n';
import { IndexBackfill } from './IndexBackfill';
import { SummaryPanel } from './SummaryPanel';
import { TeamViewsPanel } from './TeamViewsPanel';
import { TicketsTable } from './TicketsTable';
import { useDashboardData, useTeam, type Gap, type ListState, type Team } from './useDashboardData';
import { useStoredQuery } from './useStoredQuery';

/** Deadlines move with the clock: the rows are derived again every minute. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The leads' dashboard (nav_bar): every consulting ticket of the team, its step, deadlines and hours. */
export default function Dashboard() {
  const app = useApp();
  const { t } = useDashboardT();
  const { team, error, retry } = useTeam(app.zendesk, app.settings);
  if (error) return <ErrorNotice error={error} onRetry={retry} />;
  if (!team) return <Progress aria-label={t('loading.boot')} data-testid="dashboard-booting" />;
  // The lead's Zendesk language, as the sidebar uses the agent's.
  return (
    <I18nProvider locale={pickLocale(team.user.locale)}>
      <TeamDashboard team={team} retryTeam={retry} />
    </I18nProvider>
  );
}

function TeamDashboard({ team, retryTeam }: { team: Team; retryTeam: () => void }) {
  const app = useApp();
  const { t, locale } = useDashboardT();
  const { settings } = app;
  // Per account and lead: the filters survive a reload and never leak to another agent's browser profile.
  const [query, updateQuery, resetQuery] = useStoredQuery(`consultoria:dashboard:${team.subdomain ?? ''}:${team.user.id}`);
  const data = useDashboardData(app.zendesk, settings, team, query.scope);
  const now = useMinuteClock();

  const rows = useMemo(() => {
    const ctx = {
      settings,
      clock: team.clock,
      now: Math.max(now, data.loadedAt ?? 0),
      requesters: data.people,
      recordsByTicket: recordsByTicket(data.records),
      closing: data.closing,
      monthStart: team.calendar ? monthStartOf(team.calendar, now) : Number.POSITIVE_INFINITY,
      billing: { minimumMinutes: settings.billing_minimum_minutes ?? DEFAULT_MINIMUM_MINUTES, pricePerMinuteCents: settings.billing_price_per_minute_cents },
    };
    return data.tickets.map((ticket) => dashboardRow(ticket, ctx));
  }, [team, settings, now, data.loadedAt, data.people, data.records, data.closing, data.tickets]);

  const names: Names = useMemo(() => ({ users: new Map([...data.people].map(([id, r]) => [id, r.name])), modules: team.moduleNames }), [data.people, team]);
  const text = useMemo(() => cellTextFor(t, locale, names, team.calendar?.timeZone ?? null), [t, locale, names, team]);
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => applyQuery(rows, deferredQuery, text), [rows, deferredQuery, text]);
  const summary = useMemo(() => summarize(shown), [shown]);
  // The tickets shown without a readable index ("Prazos desconhecidos"), but closed ones: Zendesk refuses any update to those.
  const withoutIndex = useMemo(() => shown.filter((r) => hasUnknownDeadlines(r) && r.status !== 'closed').map((r) => ({ id: r.id, module: r.module })), [shown]);

  const loading = data.phase === 'tickets' || data.phase === 'details';
  const groupNames = team.groupIds.map((id) => team.groups.get(id) ?? String(id)).join(', ');
  const exportCsv = () => downloadCsv(dashboardCsv(shown, text, t), t('csv.file', { date: new Date(now).toISOString().slice(0, 10) }));

  return (
    <main style={{ padding: 16, display: 'grid', gap: 16 }} data-testid="dashboard">
      <header style={{ display: 'flex', gap: 16, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <XL tag="h1" isBold style={{ margin: 0 }}>
          {t('title')}
        </XL>
        <SM>{t('subtitle', { groups: groupNames || t('all_groups') })}</SM>
        <span style={{ flex: 1 }} />
        <Button size="small" onClick={data.refresh} disabled={loading} data-testid="dashboard-refresh">
          {loading ? t('refreshing') : t('refresh')}
        </Button>
        <Button size="small" isPrimary onClick={exportCsv} disabled={shown.length === 0} data-testid="dashboard-csv">
          {t('csv.action')}
        </Button>
      </header>
      <LoadingLine data={data} />
      {data.accountBusy ? (
        <Notice type="warning" title={t('account_busy', { seconds: data.accountBusy.seconds, count: data.tickets.length })} paragraphs={[]} testId="dashboard-account-busy" />
      ) : null}
      {data.gaps.map((gap) => (
        <GapNotice key={gap.what} gap={gap} loaded={data.tickets.length} onRetry={data.refresh} />
      ))}
      {data.unconfigured ? <Notice type="warning" title={t('unconfigured')} paragraphs={[]} testId="dashboard-unconfigured" /> : null}
      {team.calendarProblem?.kind === 'unconfigured' ? <Notice type="warning" title={t('no_schedule_setting')} paragraphs={[]} testId="dashboard-no-schedule" /> : null}
      {team.calendarProblem?.kind === 'failed' ? (
        <div data-testid="dashboard-no-schedule">
          <SM>{t('no_schedule')}</SM>
          <ErrorNotice error={team.calendarProblem.error} onRetry={retryTeam} />
        </div>
      ) : null}
      {settings.indice_field_id === null ? <Notice type="warning" title={t('no_index_setting')} paragraphs={[]} testId="dashboard-no-index-setting" /> : null}
      {data.unreadableRecords > 0 ? <SM data-testid="dashboard-unreadable">{t('unreadable_records', { count: data.unreadableRecords })}</SM> : null}
      {settings.indice_field_id !== null ? <IndexBackfill zendesk={app.zendesk} settings={settings} tickets={withoutIndex} onFinished={data.refresh} /> : null}
      <SummaryPanel summary={summary} closingDate={data.closing?.closingDate ?? null} locale={locale} onFlag={(flag) => updateQuery({ flag })} onStep={(step) => updateQuery({ step })} />
      <FiltersBar query={query} onChange={updateQuery} onClear={resetQuery} rows={rows} text={text} shown={shown.length} />
      <TicketsTable rows={shown} query={deferredQuery} onSort={(sort, descending) => updateQuery({ sort, descending })} text={text} subdomain={team.subdomain} />
      {team.user.role === 'admin' ? <TeamViewsPanel team={team} /> : null}
    </main>
  );
}

function LoadingLine({ data }: { data: ListState }) {
  const { t, locale } = useDashboardT();
  const message =
    data.phase === 'tickets'
      ? t('loading.tickets', { count: data.tickets.length, pages: data.pagesLoaded })
      : data.phase === 'details'
        ? t('loading.details', { count: data.records.length })
        : data.loadedAt
          ? t('loading.done', { count: data.tickets.length, time: new Date(data.loadedAt).toLocaleTimeString(locale === 'en' ? 'en-US' : 'pt-BR', { hour: '2-digit', minute: '2-digit' }) })
          : '';
  return (
    <div role="status" aria-live="polite" data-testid="dashboard-progress" data-phase={data.phase}>
      {data.phase === 'tickets' || data.phase === 'details' ? <Progress aria-hidden size="small" /> : null}
      <MD>{message}</MD>
    </div>
  );
}

function GapNotice({ gap, loaded, onRetry }: { gap: Gap; loaded: number; onRetry: () => void }) {
  const { t } = useDashboardT();
  const what = gap.what === 'requesters' ? t('details_requesters') : gap.what === 'records' ? t('details_records') : t('details_closing');
  const title = gap.what === 'page' ? t('page_error', { page: gap.page ?? 1, count: loaded }) : t('details_error', { what });
  return (
    <div data-testid={`dashboard-gap-${gap.what}`}>
      <Notice type="error" title={title} paragraphs={[]} testId={`dashboard-gap-notice-${gap.what}`}>
        <ErrorNotice error={gap.error} />
        <Button size="small" onClick={onRetry} data-testid={`dashboard-gap-retry-${gap.what}`}>
          {gap.what === 'page' ? t('page_retry') : t('details_retry')}
        </Button>
      </Notice>
    </div>
  );
}

