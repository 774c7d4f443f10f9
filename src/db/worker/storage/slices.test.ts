import { describe, expect, it } from 'vitest';
import { backgroundPending, backgroundSettled, createRequestGate, createSlicer, inBackground, type GateClock } from './slices';

/** A clock the test moves by hand: sleeps wait for `advance`, task yields resolve at once (in a microtask). */
function manualClock() {
  let time = 0;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  const clock: GateClock = {
    now: () => time,
    sleep: (ms) => new Promise((resolve) => sleepers.push({ at: time + ms, wake: resolve })),
    yieldTask: () => Promise.resolve(),
  };
  return {
    clock,
    async advance(ms: number) {
      time += ms;
      for (const s of sleepers.filter((s) => s.at <= time)) {
        sleepers.splice(sleepers.indexOf(s), 1);
        s.wake();
      }
      await settle();
    },
  };
}

/** Lets every pending promise callback run. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** Starts `promise` and reports whether it has resolved yet. */
function watch(promise: Promise<unknown>) {
  const state = { done: false };
  void promise.then(() => (state.done = true));
  return state;
}

describe('the request gate', () => {
  it('does not let a slice start while a request is being answered, nor before the quiet time after it', async () => {
    const { clock, advance } = manualClock();
    const gate = createRequestGate(clock, 5);
    const end = gate.started();
    const slice = watch(createSlicer(0, gate, clock.now).pause());
    await advance(100);
    expect(slice.done).toBe(false);
    expect(gate.inFlight).toBe(1);

    end();
    await settle();
    // Answered just now: the till's next call may be on its way.
    expect(slice.done).toBe(false);
    await advance(4);
    expect(slice.done).toBe(false);
    await advance(1);
    expect(slice.done).toBe(true);
  });

  it('waits for every request in flight, and again for one that starts during the quiet time', async () => {
    const { clock, advance } = manualClock();
    const gate = createRequestGate(clock, 5);
    const first = gate.started();
    const second = gate.started();
    const slice = watch(gate.clear());
    first();
    await advance(10);
    expect(slice.done).toBe(false);
    second();
    await advance(3);
    const third = gate.started();
    await advance(10);
    expect(slice.done).toBe(false);
    third();
    third(); // ending twice counts once
    expect(gate.inFlight).toBe(0);
    await advance(5);
    expect(slice.done).toBe(true);
  });

  it('lets a slice go on at once when the till is quiet, and a slice within its budget never waits', async () => {
    const { clock, advance } = manualClock();
    const gate = createRequestGate(clock, 5);
    gate.started()();
    await advance(5);
    expect(watch(gate.clear()).done).toBe(false); // resolves in a task of its own, not synchronously
    const quiet = watch(gate.clear());
    await settle();
    expect(quiet.done).toBe(true);

    const busy = gate.started();
    const slicer = createSlicer(4, gate, clock.now);
    const within = watch(slicer.pause());
    await settle();
    expect(within.done).toBe(true);
    busy();
  });
});

describe('background work', () => {
  it('is counted until it settles, failed or not, and can be waited for', async () => {
    const base = backgroundPending();
    let finish!: () => void;
    let fail!: (error: Error) => void;
    const ok = inBackground(new Promise<void>((resolve) => (finish = resolve)));
    const bad = inBackground(new Promise<void>((_, reject) => (fail = reject)));
    bad.catch(() => undefined);
    expect(backgroundPending()).toBe(base + 2);
    const settled = watch(backgroundSettled());
    finish();
    await ok;
    await settle();
    expect(settled.done).toBe(false);
    fail(new Error('the disk said no'));
    await settle();
    expect(settled.done).toBe(true);
    expect(backgroundPending()).toBe(base);
  });
});
