import { MD, SM } from '@zendeskgarden/react-typography';
import { useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import styled from 'styled-components';
import { useApp } from '../../app/app-context';
import { deriveProcedure, type ProcedureView, type Step, type StepId } from '../../procedure/steps';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useI18n } from '../../ui/i18n';
import { useSettingLabels } from '../../ui/setting-labels';
import type { SidebarData } from '../../zendesk/sidebar-snapshot';
import { ChecklistContext, useChecklist, type ChecklistEnv } from './checklist-context';
import { HistoryPanel } from './HistoryPanel';
import { SettingsNotice } from './SettingsNotice';
import { StepCard } from './StepCard';
import { stepNameKey } from './step-names';
import { AnalystStep } from './steps/AnalystStep';
import { AvailabilityStep } from './steps/AvailabilityStep';
import { DateStep } from './steps/DateStep';
import { AceiteStep, AssignLeadStep, ClassifyStep, DemandReplyStep, RequesterStep, TitleStep } from './steps/simple-steps';
import { StartStep } from './steps/StartStep';
import { UnitApprovalStep } from './steps/UnitApprovalStep';
import { useProcedureExtras } from './useProcedureExtras';
import { useProcedureIndexSync } from './useProcedureIndexSync';
import { useUserNames } from './useUserNames';

const Steps = styled.ol`
  margin: 0;
  padding: 0;
`;

const stepComponents: Record<StepId, ComponentType<{ children?: ReactNode }>> = {
  classify: ClassifyStep,
  requester: RequesterStep,
  demand_reply: DemandReplyStep,
  assign_lead: AssignLeadStep,
  title: TitleStep,
  date: DateStep,
  aceite: AceiteStep,
  analyst: AnalystStep,
  availability: AvailabilityStep,
  unit_approval: UnitApprovalStep,
  start: StartStep,
};

/**
 * "Now" for the deadlines: ticks every 30 s so "time left" stays true, and is taken afresh
 * whenever the data it is compared with changes (a pause saved a second ago has begun).
 */
function useNow(changes: readonly unknown[], intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setNow(Date.now()));
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the changes themselves are the trigger
  }, changes);
  return now;
}

/** User ids whose names the checklist shows: who did each step, and the module's lead. */
function namedUsers(view: ProcedureView, data: SidebarData): number[] {
  const ids = view.steps.flatMap((s) => (s.done ? [s.done.by] : []));
  if (view.lead) ids.push(view.lead.leadId);
  if (data.ticket.assignee.userId) ids.push(data.ticket.assignee.userId);
  return ids;
}

/**
 * The procedure's checklist for the open ticket, drawn from the sidebar's snapshot. `stepBodies`
 * lets the app put another feature's content inside a step's card (the Unit approval form),
 * without the features importing each other.
 */
export default function ChecklistSection({ data, reload, stepBodies = {} }: { data: SidebarData; reload: () => void; stepBodies?: Partial<Record<StepId, ComponentType>> }) {
  const app = useApp();
  const { t } = useI18n();
  const extras = useProcedureExtras(app.zendesk, app.settings, data.ticket.id);
  const now = useNow([extras.audits, data.ticket]);
  const openingMacroIds = useMemo(() => (extras.openingMacro ? [extras.openingMacro.id] : []), [extras.openingMacro]);
  const view = useMemo(
    () =>
      deriveProcedure({
        ticket: data.ticket,
        settings: app.settings,
        audits: extras.audits,
        clock: extras.calendar.state === 'ready' ? extras.calendar.clock : null,
        openingMacroIds,
        now,
      }),
    [data.ticket, app.settings, extras.audits, extras.calendar, openingMacroIds, now],
  );
  useProcedureIndexSync({ zendesk: app.zendesk, settings: app.settings, ticketId: data.ticket.id, userId: data.user.id, audits: extras.audits, view });
  const nameOf = useUserNames(app.zendesk, namedUsers(view, data));
  const env: ChecklistEnv = { zendesk: app.zendesk, settings: app.settings, data, view, extras, nameOf, refresh: reload };

  return (
    <ChecklistContext.Provider value={env}>
      <header>
        <MD isBold tag="h1" style={{ margin: 0 }}>
          {t(`checklist.profile.${view.profile.id}`)}
        </MD>
        <SM style={{ color: '#68737d' }}>{t('checklist.ticket', { id: data.ticket.id })}</SM>
      </header>
      <SettingsNotice problems={app.problems} missingPaths={data.missingPaths} role={data.user.role} />
      <ExtrasNotice />
      {!view.consulting && view.steps[0]?.status !== 'done' ? <SM>{t('checklist.not_consulting')}</SM> : null}
      <Steps aria-label={t('checklist.title')} aria-busy={extras.auditsLoading} data-testid="checklist">
        {view.steps.map((step) => {
          if (step.status === 'not_applicable') return null;
          if (step.status === 'unavailable') return <UnavailableStep key={step.id} step={step} />;
          const Component = stepComponents[step.id];
          const Body = stepBodies[step.id];
          return <Component key={step.id}>{Body ? <Body /> : null}</Component>;
        })}
      </Steps>
      <HistoryPanel />
    </ChecklistContext.Provider>
  );
}

/** REST data that failed to load: the checklist still works from the ticket; deadlines and history wait for a retry. */
function ExtrasNotice() {
  const { t } = useI18n();
  const { extras, view } = useChecklist();
  const failure = extras.auditsError ?? extras.macroError ?? (extras.calendar.state === 'failed' ? extras.calendar.error : null);
  if (view.noBusinessTime) return <SM style={{ color: '#cc3340' }}>{t('checklist.deadline.no_business_time')}</SM>;
  if (!failure) return null;
  return (
    <div data-testid="extras-error">
      <SM>{t(extras.calendar.state === 'failed' && failure === extras.calendar.error ? 'checklist.deadline.no_schedule' : 'checklist.extras_error')}</SM>
      <ErrorNotice error={failure} onRetry={extras.retryAll} />
    </div>
  );
}

function UnavailableStep({ step }: { step: Step }) {
  const { t, locale } = useI18n();
  const { view } = useChecklist();
  const label = useSettingLabels(locale, true);
  return (
    <StepCard step={step} name={t(stepNameKey(step.id, view.profile.id))}>
      <SM>{t('checklist.unavailable_hint', { settings: step.needsSettings.map((name) => (label ? label(name) : name)).join(', ') })}</SM>
    </StepCard>
  );
}
