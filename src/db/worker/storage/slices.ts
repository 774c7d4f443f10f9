/**
 * Long work in slices: a copy or a check gives the worker back between slices, so a sale that arrives waits at
 * most one slice (a few milliseconds) instead of the whole operation.
 *
 * Requests come first. The processor tells the {@link requestGate} when it starts and ends answering a read or
 * a write; a slice does not start while one is being answered, nor until the till has been quiet for
 * {@link GIVE_WAY_MS} after the last one: the next call of a busy till (the register's refresh after a sale, the
 * next sale of a burst) arrives within a millisecond or two of the previous answer, and a slice that had started
 * in that gap made it wait (measured: the sale commit's p50 doubled while a new backup's first check ran).
 *
 * Background work (a new backup's first check, the start-up housekeeping) is also counted here, so that the
 * bench (and a test) can ask whether any is pending and wait until it has ended.
 */
import { nextTask } from '../../../lib/next-task';

export { nextTask };

/** How long a slice may hold the worker before it gives way. */
export const SLICE_MS = 4;

/** Quiet time after the last answered request before a slice may start. */
export const GIVE_WAY_MS = 5;

/** The clock and the waits of a {@link RequestGate}, injectable so that a test can run them by hand. */
export interface GateClock {
  now(): number;
  /** Resolves after about `ms` (a timer). */
  sleep(ms: number): Promise<void>;
  /** Resolves in a task of its own, behind whatever is already queued (messages included). */
  yieldTask(): Promise<void>;
}

const realClock: GateClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  yieldTask: nextTask,
};

/** What the processor tells the gate, and what a slice asks of it. */
export interface RequestGate {
  /** A read or write is being answered; call the returned function once it has been answered. */
  started(): () => void;
  /** Resolves once no request is being answered and none has ended within the quiet time. */
  clear(): Promise<void>;
  /** Requests being answered now (for tests and diagnostics). */
  readonly inFlight: number;
}

/** Creates a gate: `quietMs` after the last request ends, slices may run again. */
export function createRequestGate(clock: GateClock = realClock, quietMs = GIVE_WAY_MS): RequestGate {
  let inFlight = 0;
  let lastEnded = Number.NEGATIVE_INFINITY;
  let ended: Array<() => void> = [];
  return {
    started() {
      inFlight++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        inFlight--;
        lastEnded = clock.now();
        if (inFlight === 0) for (const wake of ended.splice(0)) wake();
      };
    },
    async clear() {
      for (;;) {
        // Messages already queued (a request that arrived during the slice) run first.
        await clock.yieldTask();
        if (inFlight > 0) {
          await new Promise<void>((resolve) => ended.push(resolve));
          continue;
        }
        const quiet = clock.now() - lastEnded;
        if (quiet >= quietMs) return;
        await clock.sleep(quietMs - quiet);
      }
    },
    get inFlight() {
      return inFlight;
    },
  };
}

/** The worker's gate: the processor reports its requests to it, every slicer waits on it. */
export const requestGate: RequestGate = createRequestGate();

/**
 * A pacer: `pause()` gives way to waiting work once the current slice has run `budgetMs`, else returns at once.
 * Giving way means waiting for `gate` to be clear (see {@link RequestGate.clear}).
 */
export function createSlicer(budgetMs = SLICE_MS, gate: RequestGate = requestGate, now: () => number = () => performance.now()) {
  let since = now();
  return {
    async pause(): Promise<void> {
      if (now() - since < budgetMs) return;
      await gate.clear();
      since = now();
    },
  };
}

/** A {@link createSlicer} pacer. */
export type Slicer = ReturnType<typeof createSlicer>;

/** Background work running or scheduled now (see {@link inBackground}). */
const background = new Set<Promise<unknown>>();

/**
 * Counts `work` as background work until it settles (a new backup's first check, the start-up housekeeping,
 * counted from when it is scheduled). Returns `work`.
 */
export function inBackground<T>(work: Promise<T>): Promise<T> {
  const tracked = work.finally(() => background.delete(tracked));
  tracked.catch(() => undefined);
  background.add(tracked);
  return work;
}

/** How many pieces of background work are running or scheduled now. */
export function backgroundPending(): number {
  return background.size;
}

/** Resolves once no background work is running or scheduled (work started meanwhile is waited for too). */
export async function backgroundSettled(): Promise<void> {
  while (background.size > 0) await Promise.allSettled([...background]);
}
