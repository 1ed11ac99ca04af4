import { Paragraph } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import { useI18n } from '../../../ui/i18n';
import { useStep } from '../checklist-context';
import { StepCard } from '../StepCard';

/** The Unit's formal approval, a gate before the service starts when a Unit pays; its form comes in `children`. */
export function UnitApprovalStep({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  const { step } = useStep('unit_approval');
  return (
    <StepCard step={step} name={t('checklist.unit_approval.name')}>
      <Paragraph size="small">{t(step.status === 'done' ? 'checklist.unit_approval.done' : 'checklist.unit_approval.todo')}</Paragraph>
      {children}
    </StepCard>
  );
}
