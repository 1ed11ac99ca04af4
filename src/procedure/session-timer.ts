import * as v from 'valibot';

/**
 * The timer of one consulting session, as a pure state machine: every function takes the state
 * and "now" (ms since epoch) and returns the next state. The shell keeps the state in
 * localStorage (`serialize` / `restore`) so that a reload, a closed tab or a crashed browser
 * never loses a minute.
 *
 * Time never runs backwards inside a timer: an event stamped earlier than the timer's last event
 * (a clock corrected by NTP, two tabs) is treated as happening at that last event, so segments
 * never have negative length and elapsed time never shrinks.
 */

/** A stretch of worked time, [from, to). */
export interface Segment {
  readonly from: number;
  readonly to: number;
}

export type PausedBy = 'agent' | 'away';

interface Common {
  readonly startedAt: number;
  /** Closed stretches of worked time, in order, not overlapping. */
  readonly segments: readonly Segment[];
  /** A restored timer was capped (see `restore`): the UI asks the agent to confirm the time. */
  readonly needsReview: boolean;
}

export type TimerState =
  | { readonly status: 'idle' }
  | (Common & { readonly status: 'running'; readonly runningSince: number })
  | (Common & { readonly status: 'paused'; readonly pausedBy: PausedBy })
  | (Common & { readonly status: 'stopped'; readonly stoppedAt: number });

export type ActiveTimerState = Exclude<TimerState, { status: 'idle' }>;

const IDLE: TimerState = Object.freeze({ status: 'idle' });

export function reset(): TimerState {
  return IDLE;
}

export function start(now: number): TimerState {
  return { status: 'running', startedAt: now, segments: [], runningSince: now, needsReview: false };
}

/** When a paused timer last worked: later events are clamped to it (see the top comment). */
function pausedSince(state: Extract<TimerState, { status: 'paused' }>): number {
  return state.segments[state.segments.length - 1]?.to ?? state.startedAt;
}

/** The running stretch closed at `now` (never before it began). */
function closeRunning(state: Extract<TimerState, { status: 'running' }>, now: number): Segment[] {
  return [...state.segments, { from: state.runningSince, to: Math.max(now, state.runningSince) }];
}

/**
 * Pauses a running timer. An agent's pause also takes over an automatic ('away') one, so that
 * coming back to the ticket does not resume what the agent chose to pause. Anything else: no-op.
 */
export function pause(state: TimerState, now: number, by: PausedBy): TimerState {
  if (state.status === 'running') {
    const { startedAt, needsReview } = state;
    return { status: 'paused', startedAt, segments: closeRunning(state, now), pausedBy: by, needsReview };
  }
  if (state.status === 'paused' && state.pausedBy === 'away' && by === 'agent') return { ...state, pausedBy: 'agent' };
  return state;
}

/** Resumes a paused timer from `now`; any other state is left as it is (a double click is harmless). */
export function resume(state: TimerState, now: number): TimerState {
  if (state.status !== 'paused') return state;
  const { startedAt, segments, needsReview } = state;
  return { status: 'running', startedAt, segments, runningSince: Math.max(now, pausedSince(state)), needsReview };
}

/** Stops a running or paused timer; the session is then ready to be logged. */
export function stop(state: TimerState, now: number): TimerState {
  if (state.status === 'running') {
    const { startedAt, needsReview } = state;
    const segments = closeRunning(state, now);
    return { status: 'stopped', startedAt, segments, stoppedAt: Math.max(now, state.runningSince), needsReview };
  }
  if (state.status === 'paused') {
    const { startedAt, segments, needsReview } = state;
    return { status: 'stopped', startedAt, segments, stoppedAt: Math.max(now, pausedSince(state)), needsReview };
  }
  return state;
}

/** The agent left the ticket (app deactivated): a running timer pauses as 'away'. */
export function onDeactivated(state: TimerState, now: number): TimerState {
  return state.status === 'running' ? pause(state, now, 'away') : state;
}

/** The agent came back: only an automatic pause resumes; the agent's own pause stays. */
export function onActivated(state: TimerState, now: number): TimerState {
  return state.status === 'paused' && state.pausedBy === 'away' ? resume(state, now) : state;
}

/** The agent confirmed the time of a capped, restored timer. */
export function confirmReview(state: TimerState): TimerState {
  return state.status !== 'idle' && state.needsReview ? { ...state, needsReview: false } : state;
}

const sumOf = (segments: readonly Segment[]): number => segments.reduce((total, s) => total + (s.to - s.from), 0);

/** Worked time so far: the closed segments plus the running stretch. Never negative. */
export function elapsedMs(state: TimerState, now: number): number {
  if (state.status === 'idle') return 0;
  const closed = sumOf(state.segments);
  return state.status === 'running' ? closed + Math.max(0, now - state.runningSince) : closed;
}

// ---- persistence ----------------------------------------------------------------------------

/** Bump when the stored shape changes; a value of another version is dropped, never guessed at. */
export const TIMER_STORAGE_VERSION = 1;
/** Default cap of the running stretch of a restored timer: a working day. */
export const DEFAULT_MAX_RESTORED_RUNNING_MS = 8 * 3_600_000;

const instant = v.pipe(v.number(), v.finite(), v.minValue(0));
const segmentSchema = v.strictObject({ from: instant, to: instant });
const common = { startedAt: instant, segments: v.array(segmentSchema), needsReview: v.boolean() };
const stateSchema = v.variant('status', [
  v.strictObject({ status: v.literal('idle') }),
  v.strictObject({ status: v.literal('running'), ...common, runningSince: instant }),
  v.strictObject({ status: v.literal('paused'), ...common, pausedBy: v.picklist(['agent', 'away']) }),
  v.strictObject({ status: v.literal('stopped'), ...common, stoppedAt: instant }),
]);
const storedSchema = v.strictObject({ version: v.literal(TIMER_STORAGE_VERSION), state: stateSchema });

/** Segments in order, none reversed, none before the start, none after the last event. */
function isConsistent(state: TimerState): boolean {
  if (state.status === 'idle') return true;
  let cursor = state.startedAt;
  for (const { from, to } of state.segments) {
    if (from < cursor || to < from) return false;
    cursor = to;
  }
  if (state.status === 'running') return state.runningSince >= cursor;
  if (state.status === 'stopped') return state.stoppedAt >= cursor;
  return true;
}

export function serialize(state: TimerState): string {
  return JSON.stringify({ version: TIMER_STORAGE_VERSION, state });
}

/**
 * The state a `serialize` wrote, exactly; null for anything else (corrupted JSON, a wrong shape,
 * inconsistent times, another version). Never throws.
 */
export function deserialize(json: unknown): TimerState | null {
  if (typeof json !== 'string') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = v.safeParse(storedSchema, raw);
  if (!parsed.success) return null;
  const state: TimerState = parsed.output.state;
  return isConsistent(state) ? state : null;
}

export interface RestoreOptions {
  /** Longest running stretch a restored timer may claim; default 8 h. */
  maxRunningMs?: number;
}

/**
 * A stored timer after a reload or a crash. A RUNNING one keeps counting from `runningSince`:
 * the time the tab was gone counts (the agent was on the phone). But if that stretch is longer
 * than `maxRunningMs`, nobody was timing anymore: it is cut to `maxRunningMs`, the timer is left
 * paused by the agent (so coming back does not resume it) and flagged `needsReview`.
 */
export function restore(json: unknown, now: number, options: RestoreOptions = {}): TimerState | null {
  const state = deserialize(json);
  if (!state || state.status !== 'running') return state;
  const wanted = options.maxRunningMs;
  // A bad setting must not turn a crash into a lost or an endless session: fall back to the default.
  const maxRunningMs = wanted !== undefined && Number.isFinite(wanted) && wanted >= 0 ? wanted : DEFAULT_MAX_RESTORED_RUNNING_MS;
  if (now - state.runningSince <= maxRunningMs) return state;
  const { startedAt, segments, runningSince } = state;
  return {
    status: 'paused',
    startedAt,
    segments: [...segments, { from: runningSince, to: runningSince + maxRunningMs }],
    pausedBy: 'agent',
    needsReview: true,
  };
}
