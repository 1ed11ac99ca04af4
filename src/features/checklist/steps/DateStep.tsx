import { Paragraph } from '@zendeskgarden/react-typography';
import { useCallback } from 'react';
import { calendarDateToLocal, localToCalendarDate } from '../../../procedure/calendar-date';
import { useI18n } from '../../../ui/i18n';
import { useAction } from '../../../ui/useAction';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { customFieldPath } from '../../../zendesk/sidebar-snapshot';
import { useStep } from '../checklist-context';
import { DateField } from '../forms/lazy';
import { StepCard } from '../StepCard';

/** "Data controle" (or the Módulo profile's "Data"): picking a date fills the field at once, as typing in it would. */
export function DateStep() {
  const { t, locale } = useI18n();
  const { step, view, data, zendesk, refresh } = useStep('date');
  const fieldId = view.profile.dateFieldId ?? 0;
  const effect = useCallback((date: Date) => zendesk.set({ [customFieldPath(fieldId)]: localToCalendarDate(date) }), [zendesk, fieldId]);
  const action = useAction(effect, refresh);
  const current = calendarDateToLocal(data.ticket.fields[fieldId] ?? null);
  const intlLocale = locale === 'en' ? 'en-US' : 'pt-BR';
  const modulo = view.profile.id === 'modulo';

  return (
    <StepCard step={step} name={t(modulo ? 'checklist.date_step.name_modulo' : 'checklist.date_step.name_tecnica')}>
      <Paragraph size="small">{current ? t('checklist.data_controle_step.done', { date: current.toLocaleDateString(intlLocale) }) : t('checklist.data_controle_step.todo')}</Paragraph>
      <DateField
        label={t(modulo ? 'checklist.date_step.label_modulo' : 'checklist.date_step.label_tecnica')}
        hint={t('checklist.data_controle_step.hint')}
        invalidMessage={t('checklist.data_controle_step.invalid')}
        value={current}
        onChange={(date) => action.run(date)}
        locale={intlLocale}
        disabled={action.running}
        testId="data-controle-input"
      />
      {action.error ? <ErrorNotice error={action.error} onRetry={action.retry} /> : null}
    </StepCard>
  );
}
