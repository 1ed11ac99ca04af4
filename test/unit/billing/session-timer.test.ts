import fc from 'fast-check';
import {
  confirmReview,
  deserialize,
  elapsedMs,
  onActivated,
  onDeactivated,
  pause,
  reset,
  restore,
  resume,
  serialize,
  start,
  stop,
  TIMER_STORAGE_VERSION,
  type TimerState,
} from '../../../src/procedure/session-timer';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 4, 4, 13, 0);

describe('session timer: a day at the desk', () => {
  it('counts only worked time across pauses, and stops', () => {
    let s = start(T0);
    expect(elapsedMs(s, T0 + 10 * MIN)).toBe(10 * MIN);
    s = pause(s, T0 + 10 * MIN, 'agent');
    expect(s).toMatchObject({ status: 'paused', pausedBy: 'agent' });
    expect(elapsedMs(s, T0 + 50 * MIN)).toBe(10 * MIN);
    s = resume(s, T0 + 20 * MIN);
    expect(elapsedMs(s, T0 + 25 * MIN)).toBe(15 * MIN);
    s = stop(s, T0 + 30 * MIN);
    expect(s).toEqual({
      status: 'stopped',
      startedAt: T0,
      segments: [
        { from: T0, to: T0 + 10 * MIN },
        { from: T0 + 20 * MIN, to: T0 + 30 * MIN },
      ],
      stoppedAt: T0 + 30 * MIN,
      needsReview: false,
    });
    expect(elapsedMs(s, T0 + 5 * HOUR)).toBe(20 * MIN);
    expect(reset()).toEqual({ status: 'idle' });
    expect(elapsedMs(reset(), T0)).toBe(0);
  });

  it('leaving the ticket pauses as away; coming back resumes it', () => {
    let s = onDeactivated(start(T0), T0 + 5 * MIN);
    expect(s).toMatchObject({ status: 'paused', pausedBy: 'away' });
    s = onActivated(s, T0 + 8 * MIN);
    expect(s).toMatchObject({ status: 'running', runningSince: T0 + 8 * MIN });
    expect(elapsedMs(s, T0 + 10 * MIN)).toBe(7 * MIN);
  });

  it("coming back never resumes the agent's own pause", () => {
    const paused = pause(start(T0), T0 + MIN, 'agent');
    expect(onActivated(onDeactivated(paused, T0 + 2 * MIN), T0 + 3 * MIN)).toEqual(paused);
  });

  it('an agent pausing an away-paused timer takes it over, so coming back keeps it paused', () => {
    const away = onDeactivated(start(T0), T0 + MIN);
    const mine = pause(away, T0 + 2 * MIN, 'agent');
    expect(mine).toMatchObject({ status: 'paused', pausedBy: 'agent' });
    expect(onActivated(mine, T0 + 3 * MIN)).toEqual(mine);
  });

  it('double clicks and events in the wrong state change nothing', () => {
    const running = start(T0);
    expect(resume(running, T0 + MIN)).toBe(running);
    const stopped = stop(running, T0 + MIN);
    expect(stop(stopped, T0 + 2 * MIN)).toBe(stopped);
    expect(pause(stopped, T0 + 2 * MIN, 'agent')).toBe(stopped);
    expect(resume(stopped, T0 + 2 * MIN)).toBe(stopped);
    expect(onDeactivated(stopped, T0 + 2 * MIN)).toBe(stopped);
    expect(pause(reset(), T0, 'agent')).toEqual({ status: 'idle' });
    expect(stop(reset(), T0)).toEqual({ status: 'idle' });
  });

  it('a clock set back never makes a negative segment', () => {
    const s = stop(start(T0), T0 - 5 * MIN);
    expect(s).toMatchObject({ segments: [{ from: T0, to: T0 }], stoppedAt: T0 });
    expect(elapsedMs(start(T0), T0 - MIN)).toBe(0);
  });
});

describe('session timer: storage', () => {
  it('round-trips every state', () => {
    const states: TimerState[] = [
      reset(),
      start(T0),
      pause(start(T0), T0 + MIN, 'away'),
      stop(start(T0), T0 + MIN),
    ];
    for (const s of states) expect(deserialize(serialize(s))).toEqual(s);
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['not a string', 42],
    ['null', null],
    ['JSON null', 'null'],
    ['a future version', JSON.stringify({ version: TIMER_STORAGE_VERSION + 1, state: { status: 'idle' } })],
    ['no version', JSON.stringify({ state: { status: 'idle' } })],
    ['unknown status', JSON.stringify({ version: 1, state: { status: 'exploded' } })],
    ['a string time', JSON.stringify({ version: 1, state: { status: 'running', startedAt: '1', segments: [], runningSince: 1, needsReview: false } })],
    ['a negative time', JSON.stringify({ version: 1, state: { status: 'running', startedAt: -5, segments: [], runningSince: 1, needsReview: false } })],
    ['a reversed segment', JSON.stringify({ version: 1, state: { status: 'paused', startedAt: 0, segments: [{ from: 9, to: 3 }], pausedBy: 'agent', needsReview: false } })],
    ['overlapping segments', JSON.stringify({ version: 1, state: { status: 'paused', startedAt: 0, segments: [{ from: 0, to: 5 }, { from: 3, to: 6 }], pausedBy: 'agent', needsReview: false } })],
    ['running before its last segment', JSON.stringify({ version: 1, state: { status: 'running', startedAt: 0, segments: [{ from: 0, to: 5 }], runningSince: 4, needsReview: false } })],
    ['an unknown pauser', JSON.stringify({ version: 1, state: { status: 'paused', startedAt: 0, segments: [], pausedBy: 'cat', needsReview: false } })],
    ['an extra field', JSON.stringify({ version: 1, state: { status: 'idle', evil: true } })],
  ])('gives null, never a crash, for %s', (_label, value) => {
    expect(deserialize(value)).toBeNull();
    expect(restore(value, T0)).toBeNull();
  });

  it('a running timer restored after a crash counts the time the tab was gone', () => {
    const stored = serialize(start(T0));
    const restored = restore(stored, T0 + 3 * HOUR);
    expect(restored).toMatchObject({ status: 'running', runningSince: T0, needsReview: false });
    expect(elapsedMs(restored!, T0 + 3 * HOUR)).toBe(3 * HOUR);
  });

  it('caps a restored running stretch at 8 h by default, paused and flagged for review', () => {
    const running = serialize(resume(pause(start(T0), T0 + HOUR, 'agent'), T0 + 3 * HOUR));
    const restored = restore(running, T0 + 30 * HOUR);
    expect(restored).toEqual({
      status: 'paused',
      startedAt: T0,
      segments: [
        { from: T0, to: T0 + HOUR },
        { from: T0 + 3 * HOUR, to: T0 + 11 * HOUR },
      ],
      pausedBy: 'agent',
      needsReview: true,
    });
    expect(elapsedMs(restored!, T0 + 40 * HOUR)).toBe(9 * HOUR);
    // coming back to the ticket does not resume it; the review flag survives storage until confirmed
    expect(onActivated(restored!, T0 + 31 * HOUR)).toEqual(restored);
    expect(deserialize(serialize(restored!))).toEqual(restored);
    expect(confirmReview(restored!)).toMatchObject({ needsReview: false, status: 'paused' });
  });

  it('the cap is configurable; exactly at the cap nothing is cut', () => {
    const stored = serialize(start(T0));
    expect(restore(stored, T0 + HOUR, { maxRunningMs: HOUR })).toMatchObject({ status: 'running', needsReview: false });
    expect(restore(stored, T0 + HOUR + 1, { maxRunningMs: HOUR })).toMatchObject({ status: 'paused', needsReview: true, segments: [{ from: T0, to: T0 + HOUR }] });
    expect(restore(stored, T0 + 9 * HOUR, { maxRunningMs: Number.NaN })).toMatchObject({ segments: [{ from: T0, to: T0 + 8 * HOUR }] });
  });
});

// ---- properties over generated event sequences ------------------------------------------------

type Event =
  | { kind: 'pause'; by: 'agent' | 'away'; dt: number }
  | { kind: 'resume' | 'stop' | 'deactivated' | 'activated'; dt: number };

/** Mostly forward steps, sometimes a clock set back a little. */
const dtArb = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 2 * HOUR }) }, { weight: 1, arbitrary: fc.integer({ min: -5 * MIN, max: 0 }) });
const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ kind: fc.constant('pause' as const), by: fc.constantFrom('agent' as const, 'away' as const), dt: dtArb }),
  fc.record({ kind: fc.constantFrom('resume' as const, 'stop' as const, 'deactivated' as const, 'activated' as const), dt: dtArb }),
);

function apply(state: TimerState, event: Event, now: number): TimerState {
  switch (event.kind) {
    case 'pause':
      return pause(state, now, event.by);
    case 'resume':
      return resume(state, now);
    case 'stop':
      return stop(state, now);
    case 'deactivated':
      return onDeactivated(state, now);
    case 'activated':
      return onActivated(state, now);
  }
}

/** Every state reached by a sequence, with the clock at that moment. */
function run(t0: number, events: Event[]): { state: TimerState; now: number }[] {
  let state = start(t0);
  let now = t0;
  const seen = [{ state, now }];
  for (const event of events) {
    now += event.dt;
    state = apply(state, event, now);
    seen.push({ state, now });
  }
  return seen;
}

const sumOfSegments = (s: TimerState): number => (s.status === 'idle' ? 0 : s.segments.reduce((t, g) => t + g.to - g.from, 0));
const t0Arb = fc.integer({ min: 0, max: 4_000_000_000_000 });
const RUNS = { numRuns: 400 };

describe('session timer: properties', () => {
  it('elapsed is never negative, never decreases as time passes, and equals the segments once stopped', () => {
    fc.assert(
      fc.property(t0Arb, fc.array(eventArb, { maxLength: 30 }), fc.array(fc.integer({ min: -HOUR, max: 10 * HOUR }), { minLength: 2, maxLength: 5 }), (t0, events, probes) => {
        for (const { state, now } of run(t0, events)) {
          const times = probes.map((p) => now + p).sort((a, b) => a - b);
          const values = times.map((t) => elapsedMs(state, t));
          for (const [i, v] of values.entries()) {
            expect(v).toBeGreaterThanOrEqual(0);
            if (i > 0) expect(v).toBeGreaterThanOrEqual(values[i - 1]!);
          }
          if (state.status !== 'running') expect(new Set(values).size).toBe(1);
          // stopping right now freezes exactly the time shown right now
          const stopped = stop(state, now);
          expect(elapsedMs(stopped, now + 10 * HOUR)).toBe(elapsedMs(state, now));
          expect(elapsedMs(stopped, now)).toBe(sumOfSegments(stopped));
        }
      }),
      RUNS,
    );
  });

  it('pause/resume never loses or invents time: elapsed = sum of the running stretches', () => {
    fc.assert(
      fc.property(t0Arb, fc.array(fc.integer({ min: 0, max: HOUR }), { minLength: 1, maxLength: 20 }), (t0, gaps) => {
        // alternate run/pause stretches of the given lengths; odd ones are worked
        let s = start(t0);
        let now = t0;
        let worked = 0;
        gaps.forEach((gap, i) => {
          now += gap;
          if (i % 2 === 0) {
            worked += gap;
            s = pause(s, now, i % 4 === 0 ? 'agent' : 'away');
          } else s = resume(s, now);
        });
        expect(elapsedMs(stop(s, now), now)).toBe(worked);
      }),
      RUNS,
    );
  });

  it('serialize ∘ deserialize is the identity on every reachable state', () => {
    fc.assert(
      fc.property(t0Arb, fc.array(eventArb, { maxLength: 30 }), (t0, events) => {
        for (const { state } of run(t0, events)) expect(deserialize(serialize(state))).toEqual(state);
      }),
      RUNS,
    );
  });

  it('deserialize never throws on mangled storage', () => {
    fc.assert(
      fc.property(t0Arb, fc.array(eventArb, { maxLength: 10 }), fc.nat(), fc.string({ maxLength: 3 }), (t0, events, at, junk) => {
        const text = serialize(run(t0, events).at(-1)!.state);
        const cut = at % (text.length + 1);
        const mangled = text.slice(0, cut) + junk + text.slice(cut + 1);
        const result = deserialize(mangled);
        if (result !== null) expect(deserialize(serialize(result))).toEqual(result);
      }),
      RUNS,
    );
  });
});
