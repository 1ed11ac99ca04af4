import { createPacer } from '../../../src/zendesk/request-pacer';

/** A clock that only moves when the pacer sleeps or the test says so. */
function fakeClock() {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => t,
    advance: (ms: number) => void (t += ms),
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

describe('createPacer', () => {
  it('lets `limit` calls through at once, then waits until the oldest leaves the window', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ limit: 3, windowMs: 60_000, ...clock });
    await pacer.wait();
    clock.advance(10_000);
    await pacer.wait();
    await pacer.wait();
    expect(clock.sleeps).toEqual([]);
    await pacer.wait(); // the first call (60 s ago at the end of the sleep) frees one slot
    expect(clock.sleeps).toEqual([50_000]);
    await pacer.wait(); // the next two were sent together, 10 s after the first
    expect(clock.sleeps).toEqual([50_000, 10_000]);
  });

  it('is a rolling window, not a fixed minute: calls spread out never wait', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ limit: 2, windowMs: 60_000, ...clock });
    for (let n = 0; n < 10; n += 1) {
      await pacer.wait();
      clock.advance(30_000);
    }
    expect(clock.sleeps).toEqual([]);
  });

  it('gives each slot to one caller when several wait at once', async () => {
    let t = 0;
    const wakeups: Array<() => void> = [];
    const pacer = createPacer({ limit: 2, windowMs: 1000, now: () => t, sleep: () => new Promise<void>((resolve) => wakeups.push(resolve)) });
    const passed: number[] = [];
    const calls = [1, 2, 3, 4].map((n) => pacer.wait().then(() => passed.push(n)));
    await Promise.resolve();
    await Promise.resolve();
    expect(passed).toEqual([1, 2]);
    expect(wakeups).toHaveLength(2);
    t = 1000;
    wakeups.splice(0).forEach((wake) => wake());
    await Promise.all(calls);
    expect(passed.sort()).toEqual([1, 2, 3, 4]);
    expect(wakeups).toHaveLength(0);
  });

  it('holdFor: after Zendesk said "retry after", no call of this frame goes before that time, free slots or not', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ limit: 10, windowMs: 60_000, ...clock });
    await pacer.wait();
    pacer.holdFor(30_000);
    await pacer.wait();
    expect(clock.sleeps).toEqual([30_000]);
    pacer.holdFor(5_000);
    pacer.holdFor(1_000); // a shorter hold never shortens the one in force
    clock.advance(2_000);
    await pacer.wait();
    expect(clock.sleeps).toEqual([30_000, 3_000]);
    await pacer.wait();
    expect(clock.sleeps).toHaveLength(2);
  });
});
