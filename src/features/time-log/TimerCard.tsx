import { Button } from '@zendeskgarden/react-buttons';
import { MD, SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { TimerState } from '../../procedure/session-timer';
import { useTimeLogI18n, type TimeLogKey } from './i18n';
import type { TimerControls } from './useTimer';

const Clock = styled.span<{ $running: boolean }>`
  font-variant-numeric: tabular-nums;
  font-size: 20px;
  font-weight: 600;
  color: ${(p) => (p.$running ? '#038153' : '#2f3941')};
`;
const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: 8px;
  align-items: center;
  margin-top: 6px;
`;

/** 3725000 → "1:02:05". */
export function formatClock(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

function statusKey(state: TimerState): TimeLogKey {
  if (state.status === 'paused') return state.pausedBy === 'away' ? 'timelog.timer.paused_away' : 'timelog.timer.paused_agent';
  return `timelog.timer.${state.status}`;
}

/** Start / pause / resume / stop of this agent's session on this ticket, with the time ticking. */
export function TimerCard({ timer, onManual, formOpen, moveFocus }: { timer: TimerControls; onManual: () => void; formOpen: boolean; moveFocus: (selector: string) => void }) {
  const { t } = useTimeLogI18n();
  const { state } = timer;
  const running = state.status === 'running';
  // Each of these buttons disappears once pressed: the focus goes to the one drawn in its place.
  const then = (action: () => void, next: string) => () => {
    action();
    moveFocus(`[data-testid="${next}"]`);
  };
  return (
    <section aria-label={t('timelog.timer.label')} data-testid="timer-card" data-status={state.status}>
      <Row>
        <MD tag="span" aria-hidden style={{ color: running ? '#038153' : '#68737d' }}>
          {running ? '●' : '○'}
        </MD>
        <Clock $running={running} role="timer" aria-live="off" data-testid="timer-elapsed">
          {formatClock(timer.elapsedMs)}
        </Clock>
        <SM data-testid="timer-status" style={{ color: running ? '#038153' : '#68737d' }}>
          {t(statusKey(state))}
        </SM>
      </Row>
      {state.status !== 'idle' && state.needsReview ? (
        <Row data-testid="timer-review">
          <SM>{t('timelog.timer.review', { time: formatClock(timer.elapsedMs) })}</SM>
          <Button
            size="small"
            onClick={() => {
              timer.confirmReview();
              moveFocus('[data-testid="timer-controls"] button');
            }}
          >
            {t('timelog.timer.confirm')}
          </Button>
        </Row>
      ) : null}
      {timer.storageBlocked ? (
        <SM style={{ color: '#ad5918' }} data-testid="timer-storage-blocked">
          {t('timelog.timer.storage_blocked')}
        </SM>
      ) : null}
      <Row data-testid="timer-controls">
        {state.status === 'idle' && !formOpen ? (
          <>
            <Button size="small" isPrimary onClick={then(timer.start, 'timer-pause')} data-testid="timer-start">
              {t('timelog.timer.start')}
            </Button>
            <Button size="small" isBasic onClick={onManual} data-testid="timer-manual">
              {t('timelog.timer.manual')}
            </Button>
          </>
        ) : null}
        {running ? (
          <Button size="small" onClick={then(timer.pause, 'timer-resume')} data-testid="timer-pause">
            {t('timelog.timer.pause')}
          </Button>
        ) : null}
        {state.status === 'paused' ? (
          <Button size="small" onClick={then(timer.resume, 'timer-pause')} data-testid="timer-resume">
            {t('timelog.timer.resume')}
          </Button>
        ) : null}
        {running || state.status === 'paused' ? (
          <Button size="small" isPrimary onClick={then(timer.stop, 'form-start')} data-testid="timer-stop">
            {t('timelog.timer.stop')}
          </Button>
        ) : null}
      </Row>
    </section>
  );
}
