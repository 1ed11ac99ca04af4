import { Paragraph } from '@zendeskgarden/react-typography';
import { useCallback } from 'react';
import { pickLocale, useI18n } from '../../../ui/i18n';
import { useAction } from '../../../ui/useAction';
import { useStoredText } from '../../../ui/useStoredText';
import { ActionButton } from '../ActionButton';
import { useStep } from '../checklist-context';
import { TextAreaField } from '../forms/lazy';
import { checklistActions } from '../lazy-extras';
import { StepCard } from '../StepCard';

/** Within 1 período of the Aceite: a public reply offering the analyst's slots, edited before it goes. */
export function AvailabilityStep() {
  const { t } = useI18n();
  const { step, data, settings, zendesk, refresh } = useStep('availability');
  // Written to the client: in the client's language, not the agent's.
  const locale = pickLocale(data.ticket.requester?.locale ?? undefined);
  const [slots, setSlots, clearSlots] = useStoredText(`consultoria:slots:${data.ticket.id}:${data.user.id}`);
  const effect = useCallback(
    async () => {
      await (await checklistActions()).insertAvailabilityReply(zendesk, { requesterName: data.ticket.requester?.name ?? '', slots: slots.split('\n'), locale, tag: settings.tag_horarios ?? '' });
      clearSlots();
    },
    [zendesk, data.ticket.requester, slots, locale, settings.tag_horarios, clearSlots],
  );
  const action = useAction(effect, refresh);
  const actionable = step.status === 'next' || step.status === 'open';
  return (
    <StepCard step={step} name={t('checklist.availability.name')}>
      {step.status === 'done' ? <Paragraph size="small">{t('checklist.availability.done')}</Paragraph> : null}
      {actionable ? (
        <>
          <Paragraph size="small">{t('checklist.availability.todo')}</Paragraph>
          <TextAreaField label={t('checklist.availability.slots_label')} value={slots} onChange={setSlots} testId="slots-input" maxLength={2000} />
          <ActionButton action={action} args={[]} primary={step.status === 'next'} testId="action-availability">
            {t('checklist.availability.action')}
          </ActionButton>
        </>
      ) : null}
    </StepCard>
  );
}
