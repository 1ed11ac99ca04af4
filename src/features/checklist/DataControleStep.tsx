import { Skeleton } from '@zendeskgarden/react-loaders';
import { Paragraph } from '@zendeskgarden/react-typography';
import { lazy, Suspense, useCallback } from 'react';
import { calendarDateToLocal, localToCalendarDate } from '../../procedure/calendar-date';
import type { Step } from '../../procedure/checklist';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useI18n } from '../../ui/i18n';
import { useAction } from '../../ui/useAction';
import { customFieldPath } from '../../zendesk/sidebar-snapshot';
import type { Zendesk } from '../../zendesk/zaf-client';
import { StepCard } from './StepCard';

const DateField = lazy(() => import('./DateField'));
const FIELD_HEIGHT = 78;

/** Picking a date fills the ticket field at once, as typing in the field itself would. */
export function DataControleStep({ step, value, fieldId, zendesk, onChanged }: { step: Step; value: string | null; fieldId: number; zendesk: Zendesk; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const effect = useCallback((date: Date) => zendesk.set({ [customFieldPath(fieldId)]: localToCalendarDate(date) }), [zendesk, fieldId]);
  const action = useAction(effect, onChanged);
  const current = calendarDateToLocal(value);
  const intlLocale = locale === 'en' ? 'en-US' : 'pt-BR';
  const shown = current ? current.toLocaleDateString(intlLocale) : '';

  return (
    <StepCard step={step} name={t('checklist.data_controle_step.name')}>
      <Paragraph size="small">{current ? t('checklist.data_controle_step.done', { date: shown }) : t('checklist.data_controle_step.todo')}</Paragraph>
      {/* The field keeps its height while its code loads, so nothing below it moves. */}
      <div style={{ marginTop: 8, minHeight: FIELD_HEIGHT }}>
        <Suspense fallback={<Skeleton height={`${FIELD_HEIGHT}px`} />}>
          <DateField
            label={t('checklist.data_controle_step.label')}
            hint={t('checklist.data_controle_step.hint')}
            invalidMessage={t('checklist.data_controle_step.invalid')}
            value={current}
            onChange={(date) => action.run(date)}
            locale={intlLocale}
            disabled={action.running}
            testId="data-controle-input"
          />
        </Suspense>
      </div>
      {action.error ? <ErrorNotice error={action.error} onRetry={action.retry} /> : null}
    </StepCard>
  );
}
