import { Button } from '@zendeskgarden/react-buttons';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useCallback, useState } from 'react';
import { useI18n } from '../../../ui/i18n';
import { useAction } from '../../../ui/useAction';
import { useStoredText } from '../../../ui/useStoredText';
import { ActionButton } from '../ActionButton';
import { useStep } from '../checklist-context';
import { checklistActions as actions } from '../lazy-extras';
import { TextAreaField } from '../forms/lazy';
import { StepCard } from '../StepCard';
import { indexFieldForTagChange } from '../useProcedureIndexSync';

const REASON_MAX = 1000;

/** Within 3 períodos: start the service, or record that the client has no availability (the clock pauses). */
export function StartStep() {
  const { t } = useI18n();
  const { step, settings, zendesk, refresh } = useStep('start');
  const start = useCallback(async () => (await actions()).addTags(zendesk, [settings.tag_atendimento ?? ''], settings.tag_retorno ? [settings.tag_retorno] : []), [zendesk, settings.tag_atendimento, settings.tag_retorno]);
  const action = useAction(start, refresh);
  const actionable = step.status === 'next' || step.status === 'open';
  return (
    <StepCard step={step} name={t('checklist.start.name')}>
      <Paragraph size="small">{t(step.status === 'done' ? 'checklist.start.done' : 'checklist.start.todo')}</Paragraph>
      {actionable ? (
        <>
          <ActionButton action={action} args={[]} primary={step.status === 'next'} testId="action-start">
            {t('checklist.start.action')}
          </ActionButton>
          <NoAvailability />
        </>
      ) : null}
    </StepCard>
  );
}

/** The exception: saved at once with an internal note holding the reason; resuming writes a note too. */
function NoAvailability() {
  const { t, locale } = useI18n();
  const { view, data, settings, zendesk, extras, refresh } = useStep('start');
  const [open, setOpen] = useState(false);
  // Opened by the agent just now (not a stored reason shown after a reload): the reason takes the focus.
  const [openedNow, setOpenedNow] = useState(false);
  const [reason, setReason, clearReason] = useStoredText(`consultoria:no-availability:${data.ticket.id}:${data.user.id}`);
  const [touched, setTouched] = useState(false);
  const tag = settings.tag_sem_disponibilidade ?? '';
  const toggle = useCallback(
    async (on: boolean) => {
      const indexField = await indexFieldForTagChange(settings, extras.audits, view.lead?.leadId ?? null, { authorId: data.user.id, add: on ? [tag] : [], remove: on ? [] : [tag] });
      await (await actions()).setNoAvailability(zendesk, { ticketId: data.ticket.id, tag, on, reason, locale, indexField });
      setOpen(false);
      clearReason();
      extras.reloadAudits();
    },
    [zendesk, settings, view.lead, data.ticket.id, data.user.id, tag, reason, locale, extras, clearReason],
  );
  const action = useAction(toggle, refresh);
  const trimmed = reason.trim();
  const error = !touched ? null : trimmed === '' ? t('checklist.exception.reason_required') : trimmed.length > REASON_MAX ? t('checklist.exception.reason_too_long', { max: REASON_MAX }) : null;

  if (view.paused) {
    return (
      <ActionButton action={action} args={[false]} primary={false} testId="action-resume">
        {t('checklist.exception.off_action')}
      </ActionButton>
    );
  }
  if (!open && reason === '') {
    return (
      <Button
        size="small"
        isBasic
        onClick={() => {
          setOpen(true);
          setOpenedNow(true);
        }}
        data-testid="action-no-availability"
        style={{ marginTop: 8 }}
      >
        {t('checklist.exception.on_action')}
      </Button>
    );
  }
  return (
    <>
      <TextAreaField label={t('checklist.exception.reason_label')} hint={t('checklist.exception.reason_hint')} value={reason} onChange={(v) => { setReason(v); setTouched(true); }} error={error} testId="no-availability-reason" autoFocus={openedNow} />
      <ActionButton action={action} args={[true]} primary testId="action-confirm-no-availability" disabled={trimmed === '' || trimmed.length > REASON_MAX}>
        {t('checklist.exception.confirm')}
      </ActionButton>
      <Button
        size="small"
        isBasic
        onClick={() => {
          setOpen(false);
          clearReason();
        }}
        style={{ marginTop: 8 }}
      >
        {t('checklist.exception.cancel')}
      </Button>
    </>
  );
}
