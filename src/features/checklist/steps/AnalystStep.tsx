import { Paragraph } from '@zendeskgarden/react-typography';
import { useCallback, useEffect, useState } from 'react';
import type { RankedAnalyst } from '../../../procedure/analysts';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useI18n } from '../../../ui/i18n';
import { useAction } from '../../../ui/useAction';
import { ActionButton } from '../ActionButton';
import { useStep } from '../checklist-context';
import { AnalystChoice } from '../forms/lazy';
import { checklistActions, extrasLoaders } from '../lazy-extras';
import { StepCard } from '../StepCard';

type Ranking = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; analysts: RankedAnalyst[] } | { state: 'failed'; error: unknown };

/** Ranks the module's analysts (only when the step can be done: it costs two REST calls) and assigns one. */
export function AnalystStep() {
  const { t } = useI18n();
  const { step, view, settings, zendesk, nameOf, data, refresh } = useStep('analyst');
  const [ranking, setRanking] = useState<Ranking>({ state: 'idle' });
  const [picked, setPicked] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const actionable = step.status === 'next' || step.status === 'open';
  const lead = view.lead;
  const module = view.module;

  useEffect(() => {
    if (!actionable || !lead || !module) return;
    let cancelled = false;
    queueMicrotask(() => !cancelled && setRanking({ state: 'loading' }));
    extrasLoaders()
      .then(({ rankModuleAnalysts }) => rankModuleAnalysts(zendesk, settings, lead, module))
      .then((analysts) => {
        if (!cancelled) setRanking({ state: 'ready', analysts });
      })
      .catch((error: unknown) => !cancelled && setRanking({ state: 'failed', error }));
    return () => void (cancelled = true);
  }, [actionable, lead, module, settings, zendesk, attempt]);

  const analysts = ranking.state === 'ready' ? ranking.analysts : [];
  const chosen = analysts.find((a) => a.id === picked) ?? analysts[0] ?? null;
  const effect = useCallback(async (userId: number) => {
    if (lead) await (await checklistActions()).assignTo(zendesk, lead.groupId, userId);
  }, [zendesk, lead]);
  const action = useAction(effect, refresh);
  const assignee = data.ticket.assignee.userId;

  return (
    <StepCard step={step} name={t('checklist.analyst.name')}>
      {step.status === 'done' && assignee ? <Paragraph size="small">{t('checklist.analyst.done', { name: nameOf(assignee) ?? `#${assignee}` })}</Paragraph> : null}
      {actionable && ranking.state === 'loading' ? <Paragraph size="small">{t('checklist.analyst.loading')}</Paragraph> : null}
      {ranking.state === 'failed' ? <ErrorNotice error={ranking.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {actionable && ranking.state === 'ready' && analysts.length === 0 ? <Paragraph size="small">{t('checklist.analyst.none', { module: data.moduleName ?? '' })}</Paragraph> : null}
      {actionable && chosen ? (
        <>
          <AnalystChoice
            legend={t('checklist.analyst.label')}
            hint={t('checklist.analyst.hint')}
            analysts={analysts}
            selected={chosen.id}
            onSelect={setPicked}
            describe={(a) => t('checklist.analyst.option', { name: a.name, seniority: a.seniority ?? t('checklist.analyst.no_seniority'), open: a.openTickets })}
          />
          <ActionButton action={action} args={[chosen.id]} primary={step.status === 'next'} testId="action-assign-analyst">
            {t('checklist.analyst.action', { name: chosen.name })}
          </ActionButton>
        </>
      ) : null}
    </StepCard>
  );
}
