import { Skeleton } from '@zendeskgarden/react-loaders';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useEffect, useRef } from 'react';
import styled from 'styled-components';
import { useApp } from '../../app/app-context';
import { deriveChecklist, type Step } from '../../procedure/checklist';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { I18nProvider, pickLocale, useI18n } from '../../ui/i18n';
import { useSettingLabels } from '../../ui/setting-labels';
import { useAutoResize } from '../../ui/useAutoResize';
import { DataControleStep } from './DataControleStep';
import { SettingsNotice } from './SettingsNotice';
import { StepCard } from './StepCard';
import { TitleStep } from './TitleStep';
import { useSidebarData } from './useSidebarData';

const Frame = styled.main`
  padding: 8px 2px 12px;
  display: flex;
  flex-direction: column;
  gap: 8px;
`;

const Steps = styled.ol`
  margin: 0;
  padding: 0;
`;

/** The ticket_sidebar location: the procedure's checklist for the open ticket. */
export default function Sidebar() {
  const app = useApp();
  const { data, error, loading, reload } = useSidebarData(app.zendesk, app.settings);
  const rootRef = useRef<HTMLElement>(null);
  useAutoResize(app.zendesk, rootRef);
  const locale = pickLocale(data?.user.locale ?? navigator.language);

  useEffect(() => {
    if (data) document.documentElement.lang = locale;
  }, [data, locale]);

  return (
    <I18nProvider locale={locale}>
      <Frame ref={rootRef} aria-busy={loading} data-testid="sidebar">
        {data ? <Checklist data={data} reload={reload} /> : error ? null : <LoadingChecklist />}
        {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      </Frame>
    </I18nProvider>
  );
}

function LoadingChecklist() {
  const { t } = useI18n();
  return (
    <div role="status" aria-label={t('boot.loading')} data-testid="sidebar-loading">
      <Skeleton height="20px" width="60%" />
      <Skeleton height="72px" style={{ marginTop: 8 }} />
      <Skeleton height="96px" style={{ marginTop: 8 }} />
    </div>
  );
}

function Checklist({ data, reload }: { data: NonNullable<ReturnType<typeof useSidebarData>['data']>; reload: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const { settings } = app;
  const steps = deriveChecklist(data.ticket, settings);
  return (
    <>
      <header>
        <MD isBold tag="h2" style={{ margin: 0 }}>
          {t('checklist.title')}
        </MD>
        <SM style={{ color: '#68737d' }}>{t('checklist.ticket', { id: data.ticket.id })}</SM>
      </header>
      <SettingsNotice problems={app.problems} missingPaths={data.missingPaths} role={data.user.role} />
      <Steps aria-label={t('checklist.title')} data-testid="checklist">
        {steps.map((step) => {
          if (step.status === 'unavailable') return <UnavailableStep key={step.id} step={step} />;
          if (step.id === 'title') {
            return <TitleStep key={step.id} step={step} subject={data.ticket.subject} prefix={settings.title_prefix ?? ''} zendesk={app.zendesk} onChanged={reload} />;
          }
          const fieldId = settings.data_controle_field_id ?? 0;
          return <DataControleStep key={step.id} step={step} value={data.ticket.fields[fieldId] ?? null} fieldId={fieldId} zendesk={app.zendesk} onChanged={reload} />;
        })}
      </Steps>
    </>
  );
}


const stepNames = { title: 'checklist.title_step.name', data_controle: 'checklist.data_controle_step.name' } as const;

function UnavailableStep({ step }: { step: Step }) {
  const { t, locale } = useI18n();
  const label = useSettingLabels(locale, true);
  return (
    <StepCard step={step} name={t(stepNames[step.id])}>
      <SM>{t('checklist.unavailable_hint', { settings: step.needsSettings.map((name) => (label ? label(name) : name)).join(', ') })}</SM>
    </StepCard>
  );
}
