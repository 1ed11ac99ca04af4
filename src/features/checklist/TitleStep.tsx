import { Button } from '@zendeskgarden/react-buttons';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useCallback } from 'react';
import type { Step } from '../../procedure/checklist';
import { withPrefix } from '../../procedure/title';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useI18n } from '../../ui/i18n';
import { useAction } from '../../ui/useAction';
import type { Zendesk } from '../../zendesk/zaf-client';
import { StepCard } from './StepCard';

/** Reads the subject as it is now (the agent may have typed since the snapshot) and prefixes it once. */
async function prefixSubject(zendesk: Zendesk, prefix: string): Promise<void> {
  const { values } = await zendesk.get(['ticket.subject']);
  const current = typeof values['ticket.subject'] === 'string' ? values['ticket.subject'] : '';
  const next = withPrefix(current, prefix);
  if (next !== current) await zendesk.set({ 'ticket.subject': next });
}

export function TitleStep({ step, subject, prefix, zendesk, onChanged }: { step: Step; subject: string; prefix: string; zendesk: Zendesk; onChanged: () => void }) {
  const { t } = useI18n();
  const effect = useCallback(() => prefixSubject(zendesk, prefix), [zendesk, prefix]);
  const action = useAction(effect, onChanged);
  const done = step.status === 'done';
  return (
    <StepCard step={step} name={t('checklist.title_step.name')}>
      <Paragraph size="small">{t(done ? 'checklist.title_step.done' : 'checklist.title_step.todo', { prefix })}</Paragraph>
      {done ? null : (
        <>
          <Paragraph size="small" style={{ color: '#68737d', overflowWrap: 'anywhere' }}>
            {t('checklist.title_step.preview', { subject: withPrefix(subject, prefix) })}
          </Paragraph>
          <Button size="small" isPrimary={step.status === 'next'} disabled={action.running} onClick={() => action.run()} data-testid="action-title-prefix" style={{ marginTop: 8 }}>
            {t('checklist.title_step.action')}
          </Button>
        </>
      )}
      {action.error ? <ErrorNotice error={action.error} onRetry={action.retry} /> : null}
    </StepCard>
  );
}
