import { LG, SM } from '@zendeskgarden/react-typography';
import { useRef, type ReactNode } from 'react';
import styled from 'styled-components';
import type { Step, StepStatus } from '../../procedure/steps';
import { formatWhen } from '../../ui/format';
import { useFocusRescue } from '../../ui/useFocusRescue';
import { useI18n } from '../../ui/i18n';
import { useChecklist } from './checklist-context';
import { DeadlineLine } from './DeadlineLine';
import { StatusTag, type StatusHue } from './StatusTag';

const hues: Record<StepStatus, StatusHue> = { done: 'green', next: 'blue', open: 'grey', blocked: 'red', unavailable: 'yellow', not_applicable: 'grey' };

const Card = styled.li<{ $next: boolean; $overdue: boolean }>`
  list-style: none;
  border: 1px solid ${(p) => (p.$overdue ? p.theme.palette.red?.[600] : p.$next ? p.theme.palette.blue?.[600] : p.theme.palette.grey?.[300])};
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => p.theme.space.sm};
  margin-bottom: ${(p) => p.theme.space.xs};
`;

const Header = styled.div`
  display: flex;
  align-items: flex-start;
  justify-content: space-between;
  gap: 8px;
`;

const Muted = styled(SM)`
  display: block;
  color: ${(p) => p.theme.palette.grey?.[700]};
  margin-top: 2px;
`;

/** One step of the procedure: its name, state at a glance, who did it, its deadline, and its action (children). */
export function StepCard({ step, name, children }: { step: Step; name: string; children?: ReactNode }) {
  const { t, locale } = useI18n();
  const { nameOf, extras, view } = useChecklist();
  // While the audits load, keep the room their lines will take, so nothing below moves.
  const historyPending = extras.audits === null && !extras.auditsError;
  const awaitsDeadline = historyPending && (step.id === 'availability' || step.id === 'start') && view.steps.some((s) => s.id === 'aceite' && s.status === 'done');
  const headingId = `step-${step.id}-name`;
  const overdue = Boolean(step.deadline?.overdue);
  const cardRef = useRef<HTMLLIElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusRescue(cardRef, headingRef);
  return (
    <Card ref={cardRef} $next={step.status === 'next'} $overdue={overdue} aria-labelledby={headingId} data-testid={`step-${step.id}`} data-status={step.status} data-overdue={overdue || undefined}>
      <Header>
        <LG tag="h3" id={headingId} ref={headingRef} tabIndex={-1} isBold style={{ fontSize: 14, margin: 0 }}>
          {name}
        </LG>
        <span style={{ display: 'flex', gap: 4, flexShrink: 0 }}>
          {overdue ? <StatusTag $hue="red">{t('checklist.overdue')}</StatusTag> : null}
          <StatusTag $hue={hues[step.status]}>{t(`checklist.status.${step.status}`)}</StatusTag>
        </span>
      </Header>
      {step.status === 'blocked' && step.reason && step.reason !== 'requester_not_allowed' ? <Muted>{t(`checklist.reason.${step.reason}`, { module: '' })}</Muted> : null}
      {step.deadline ? <DeadlineLine deadline={step.deadline} /> : awaitsDeadline ? <Muted aria-hidden>{'\u00a0'}</Muted> : null}
      {children}
      {step.unsaved ? <Muted data-testid="unsaved">{t('checklist.unsaved')}</Muted> : null}
      {step.status === 'done' && step.id !== 'requester' && !step.done && historyPending ? <Muted aria-hidden>{'\u00a0'}</Muted> : null}
      {step.done ? <Muted data-testid="done-by">{t('checklist.done_by', { name: nameOf(step.done.by) ?? t('checklist.history.unknown_user', { id: step.done.by }), when: formatWhen(step.done.at, locale) })}</Muted> : null}
    </Card>
  );
}
