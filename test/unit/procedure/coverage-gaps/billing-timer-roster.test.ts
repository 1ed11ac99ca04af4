import { parseRoster } from '../../../../src/procedure/analysts';
import { applyUnitPays } from '../../../../src/procedure/billing';
import { confirmReview, deserialize, elapsedMs, resume, serialize, start, stop, TIMER_STORAGE_VERSION } from '../../../../src/procedure/session-timer';
import { record } from '../../billing/records';

describe('applyUnitPays on a record refused without a reason', () => {
  // The type allows "Consultoria Aceita = NÃO" with no reason (e.g. a record read from the store
  // without one); once the Unit pays, the billing team still needs a reason: REPASSE.
  it('gets REPASSE', () => {
    const refused = record({ accepted: false, notAcceptedReason: null });
    expect(applyUnitPays(refused)).toMatchObject({ billable: false, accepted: false, notAcceptedReason: 'REPASSE' });
  });
});

describe('parseRoster: errors of an entry without a usable name', () => {
  it.each([
    ['no name at all', '[{"user_id":0}]'],
    ['a name that is not text', '[{"user_id":0,"name":42}]'],
    ['a blank name', '[{"user_id":0,"name":"  "}]'],
  ])('%s: the entry is named by its position only', (_case, json) => {
    const result = parseRoster(json);
    expect(result).toEqual({ ok: false, error: { entry: 0, field: 'user_id', message: 'entry 1: "user_id" must be a positive whole number (the Zendesk user id)' } });
  });
});

describe('session timer edge cases', () => {
  it('confirming the time of a timer that needs no review changes nothing', () => {
    const running = start(1_000);
    expect(confirmReview(running)).toBe(running);
    expect(confirmReview({ status: 'idle' })).toEqual({ status: 'idle' });
  });

  it('a stored paused timer with no worked stretch yet never resumes or stops before its start', () => {
    const stored = JSON.stringify({ version: TIMER_STORAGE_VERSION, state: { status: 'paused', startedAt: 10_000, segments: [], pausedBy: 'agent', needsReview: false } });
    const paused = deserialize(stored);
    expect(paused).not.toBeNull();
    // The machine's clock went back 5 s (NTP): the timer resumes at its start, not before it.
    const resumed = resume(paused!, 5_000);
    expect(resumed).toMatchObject({ status: 'running', runningSince: 10_000 });
    expect(elapsedMs(resumed, 12_000)).toBe(2_000);
    expect(stop(paused!, 5_000)).toMatchObject({ status: 'stopped', stoppedAt: 10_000, segments: [] });
    expect(deserialize(serialize(resumed))).toEqual(resumed);
  });
});
