import { useCallback, useEffect, useRef, useState } from 'react';
import * as timer from '../../procedure/session-timer';
import type { TimerState } from '../../procedure/session-timer';
import type { Zendesk } from '../../zendesk/zaf-client';
import { readStored, writeStored } from './storage';

export interface TimerControls {
  state: TimerState;
  /** Worked ms, re-computed every second while running. */
  elapsedMs: number;
  /** Storage is blocked: the timer works until the page is reloaded. */
  storageBlocked: boolean;
  start(): void;
  pause(): void;
  resume(): void;
  stop(): void;
  reset(): void;
  confirmReview(): void;
}

function load(key: string): { state: TimerState; blocked: boolean } {
  const stored = readStored(key);
  if (!stored.ok) return { state: timer.reset(), blocked: true };
  // restore, not deserialize: a timer left running for days comes back capped and flagged for review.
  const state = timer.restore(stored.value, Date.now()) ?? timer.reset();
  return { state, blocked: !save(key, state) };
}

function save(key: string, state: TimerState): boolean {
  return writeStored(key, state.status === 'idle' ? null : timer.serialize(state));
}

/**
 * The session timer of this ticket and agent, kept in localStorage under `storageKey` after every
 * change. Leaving the ticket (app.deactivated) pauses it; coming back resumes it unless the agent
 * paused it.
 */
export function useTimer(zendesk: Zendesk, storageKey: string): TimerControls {
  const [loaded] = useState(() => ({ ...load(storageKey), at: Date.now() }));
  const [state, setState] = useState<TimerState>(loaded.state);
  const [storageBlocked, setStorageBlocked] = useState(loaded.blocked);
  const [now, setNow] = useState(loaded.at);
  const current = useRef(loaded.state);

  /** Every change goes through here: the next state is stored before it is shown. */
  const apply = useCallback(
    (next: (s: TimerState, at: number) => TimerState) => {
      const at = Date.now();
      const updated = next(current.current, at);
      setNow(at);
      if (updated === current.current) return;
      current.current = updated;
      setState(updated);
      if (!save(storageKey, updated)) setStorageBlocked(true);
    },
    [storageKey],
  );

  useEffect(() => {
    if (state.status !== 'running') return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [state.status]);

  useEffect(() => {
    const offAway = zendesk.on('app.deactivated', () => apply(timer.onDeactivated));
    const offBack = zendesk.on('app.activated', () => apply(timer.onActivated));
    return () => {
      offAway();
      offBack();
    };
  }, [zendesk, apply]);

  return {
    state,
    elapsedMs: timer.elapsedMs(state, now),
    storageBlocked,
    start: useCallback(() => apply((s, at) => (s.status === 'idle' ? timer.start(at) : s)), [apply]),
    pause: useCallback(() => apply((s, at) => timer.pause(s, at, 'agent')), [apply]),
    resume: useCallback(() => apply((s, at) => timer.resume(s, at)), [apply]),
    stop: useCallback(() => apply((s, at) => timer.stop(s, at)), [apply]),
    reset: useCallback(() => apply(() => timer.reset()), [apply]),
    confirmReview: useCallback(() => apply((s) => timer.confirmReview(s)), [apply]),
  };
}
