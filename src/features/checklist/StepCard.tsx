import { Tag } from '@zendeskgarden/react-tags';
import { LG } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import styled from 'styled-components';
import type { Step, StepStatus } from '../../procedure/checklist';
import { useI18n } from '../../ui/i18n';

const hues: Record<StepStatus, string> = { done: 'green', next: 'blue', open: 'grey', unavailable: 'yellow' };

const Card = styled.li<{ $next: boolean }>`
  list-style: none;
  border: 1px solid ${(p) => (p.$next ? p.theme.palette.blue?.[600] : p.theme.palette.grey?.[300])};
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => p.theme.space.sm};
  margin-bottom: ${(p) => p.theme.space.xs};
`;

const Header = styled.div`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
`;

/** One step of the procedure: its name, state at a glance, and whatever it needs (children). */
export function StepCard({ step, name, children }: { step: Step; name: string; children?: ReactNode }) {
  const { t } = useI18n();
  const headingId = `step-${step.id}-name`;
  return (
    <Card $next={step.status === 'next'} aria-labelledby={headingId} data-testid={`step-${step.id}`} data-status={step.status}>
      <Header>
        <LG tag="h3" id={headingId} isBold style={{ fontSize: 14, margin: 0 }}>
          {name}
        </LG>
        <Tag hue={hues[step.status]} size="small">
          {t(`checklist.status.${step.status}`)}
        </Tag>
      </Header>
      {children}
    </Card>
  );
}
