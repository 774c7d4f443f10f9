/**
 * The checkpoint policy as plain code: when it checkpoints and how far the WAL may grow. The real WAL on OPFS is
 * checked end to end (e2e/checkpoint.spec.ts); here a small WAL model stands in for the connection so that the
 * idle timer can be run by hand.
 */
import { describe, expect, it } from 'vitest';
import { createCheckpointer, type CheckpointTarget, type Timers } from './checkpoint';

/** A WAL model: commits add frames, a checkpoint copies all of them; a transaction can be held open. */
function wal() {
  const state = { open: true, inTransaction: false, written: 0, walFrames: 0, checkpoints: 0, largestWal: 0 };
  const target: CheckpointTarget = {
    isOpen: () => state.open,
    inTransaction: () => state.inTransaction,
    framesWritten: () => state.written,
    checkpoint: () => {
      state.checkpoints++;
      const walFrames = state.walFrames;
      state.walFrames = 0;
      return { walFrames, copied: walFrames };
    },
    checkpointFully: () => {
      target.checkpoint();
      return true;
    },
  };
  const commit = (frames: number) => {
    state.written += frames;
    state.walFrames += frames;
    state.largestWal = Math.max(state.largestWal, state.walFrames);
  };
  return { state, target, commit };
}

/** Timers that fire, and next tasks that run, only when the test says so. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  const tasks: (() => void)[] = [];
  let next = 1;
  const timers: Timers = {
    set: (fn) => {
      pending.set(next, fn);
      return next++;
    },
    clear: (handle) => void pending.delete(handle as number),
    soon: (fn) => void tasks.push(fn),
  };
  const fire = () => {
    const due = [...pending.values()];
    pending.clear();
    for (const fn of due) fn();
  };
  const runTasks = () => {
    for (const fn of tasks.splice(0)) fn();
  };
  return { timers, fire, runTasks, armed: () => pending.size };
}

describe('the checkpoint scheduler', () => {
  it('keeps the WAL within its bound under a burst of 2,000 sales with no idle time', () => {
    const { state, target, commit } = wal();
    const { timers } = manualTimers();
    const checkpointer = createCheckpointer(target, { idleMs: 200, maxFrames: 2048, lateFrames: 32 }, timers);
    for (let i = 0; i < 2000; i++) {
      commit(9 + (i % 5)); // a sale writes 9 to 13 pages
      checkpointer.committed();
    }
    // The bound, the allowance for a checkpoint waiting for its task behind queued requests, one sale.
    expect(state.largestWal).toBeLessThanOrEqual(2048 + 32 + 13);
    expect(state.checkpoints).toBeGreaterThanOrEqual(10);
    expect(checkpointer.stats.forced).toBe(state.checkpoints);
    expect(checkpointer.stats.idle).toBe(0);
  });

  it('runs the checkpoint forced at the bound in the next task, after the sale that crossed it has answered', () => {
    const { state, target, commit } = wal();
    const { timers, runTasks } = manualTimers();
    const checkpointer = createCheckpointer(target, { idleMs: 200, maxFrames: 2048, lateFrames: 32 }, timers);
    // Frames counted as the scheduler counts them (one more per commit for the sector padding).
    while (checkpointer.stats.pending < 2048) {
      commit(12);
      checkpointer.committed();
    }
    // The commit that crossed the bound returns without checkpointing; its next task does.
    expect(state.checkpoints).toBe(0);
    runTasks();
    expect(state.checkpoints).toBe(1);
    expect(checkpointer.stats).toMatchObject({ forced: 1, pending: 0 });
    expect(state.walFrames).toBe(0);
  });

  it('checkpoints once the till is quiet, and a new sale postpones it', () => {
    const { state, target, commit } = wal();
    const { timers, fire, armed } = manualTimers();
    const checkpointer = createCheckpointer(target, { idleMs: 200, maxFrames: 2048, lateFrames: 32 }, timers);
    commit(10);
    checkpointer.committed();
    commit(10);
    checkpointer.committed();
    expect(armed()).toBe(1); // the second sale replaced the first sale's timer
    expect(state.checkpoints).toBe(0);
    fire();
    expect(state.checkpoints).toBe(1);
    expect(state.walFrames).toBe(0);
    expect(checkpointer.stats).toMatchObject({ idle: 1, forced: 0, pending: 0 });
    fire();
    expect(state.checkpoints).toBe(1); // nothing pending, nothing to do
  });

  it('waits while a transaction is open, and tries again after the next quiet time', () => {
    const { state, target, commit } = wal();
    const { timers, fire, armed } = manualTimers();
    const checkpointer = createCheckpointer(target, { idleMs: 200, maxFrames: 100, lateFrames: 32 }, timers);
    commit(150);
    state.inTransaction = true;
    checkpointer.committed();
    expect(state.checkpoints).toBe(0);
    fire();
    expect(state.checkpoints).toBe(0);
    expect(armed()).toBe(1);
    state.inTransaction = false;
    fire();
    expect(state.checkpoints).toBe(1);
  });

  it('does nothing once the connection is closed', () => {
    const { state, target, commit } = wal();
    const { timers, fire } = manualTimers();
    const checkpointer = createCheckpointer(target, { idleMs: 200, maxFrames: 2048, lateFrames: 32 }, timers);
    commit(10);
    checkpointer.committed();
    state.open = false;
    fire();
    expect(checkpointer.runNow('forced')).toBe(false);
    expect(state.checkpoints).toBe(0);
  });

  it('a freeze copies the whole WAL, holds every checkpoint while a copy reads the file, and its release runs what is due', () => {
    const { state, target, commit } = wal();
    const { timers, fire, runTasks } = manualTimers();
    const checkpointer = createCheckpointer(target, { idleMs: 200, maxFrames: 100, lateFrames: 32 }, timers);
    commit(40);
    checkpointer.committed();
    const frozen = checkpointer.freeze();
    expect(frozen).not.toBeNull();
    expect(state.walFrames).toBe(0);
    expect(state.checkpoints).toBe(1);
    // Sales go on past the bound and the late allowance: nothing touches the database file meanwhile.
    for (let i = 0; i < 20; i++) {
      commit(12);
      checkpointer.committed();
    }
    fire();
    runTasks();
    expect(checkpointer.runNow('forced')).toBe(false);
    expect(state.checkpoints).toBe(1);
    expect(state.walFrames).toBe(240);
    frozen!.release();
    frozen!.release(); // a second release changes nothing
    expect(state.checkpoints).toBe(1); // the overdue checkpoint waits for the next task
    runTasks();
    expect(state.checkpoints).toBe(2);
    expect(checkpointer.stats).toMatchObject({ frozen: 1, forced: 1, pending: 0 });
  });

  it('does not freeze a file another freeze holds (a full checkpoint would change it under that copy), and says when it is free', async () => {
    const { state, target, commit } = wal();
    const { timers } = manualTimers();
    const checkpointer = createCheckpointer(target, { idleMs: 200, maxFrames: 100, lateFrames: 32 }, timers);
    commit(10);
    const first = checkpointer.freeze();
    expect(first).not.toBeNull();
    expect(checkpointer.held).toBe(true);
    commit(10); // a sale meanwhile: in the WAL only
    expect(checkpointer.freeze()).toBeNull();
    expect(state.checkpoints).toBe(1);
    expect(state.walFrames).toBe(10);
    let free = false;
    const waiting = checkpointer.whenUnheld().then(() => (free = true));
    await Promise.resolve();
    expect(free).toBe(false);
    first!.release();
    await waiting;
    expect(checkpointer.held).toBe(false);
    const second = checkpointer.freeze();
    expect(second).not.toBeNull();
    expect(state.checkpoints).toBe(2);
    second!.release();
    await checkpointer.whenUnheld(); // at once when nothing is held
  });

  it('ends a freeze that still holds the file when the connection closes, once, and not one already released', () => {
    const { target, commit } = wal();
    const { timers } = manualTimers();
    const checkpointer = createCheckpointer(target, { idleMs: 200, maxFrames: 100, lateFrames: 32 }, timers);
    commit(10);
    let stopped = 0;
    const frozen = checkpointer.freeze(() => {
      stopped++;
      frozen!.release(); // what a copy does: close its reader, let go of the hold
    });
    expect(frozen).not.toBeNull();
    checkpointer.stop();
    expect(stopped).toBe(1);
    expect(checkpointer.held).toBe(false);
    checkpointer.stop();
    expect(stopped).toBe(1);

    commit(10);
    let late = 0;
    const released = checkpointer.freeze(() => late++);
    released!.release();
    checkpointer.stop();
    expect(late).toBe(0);
  });

  it('does not freeze while a transaction is open', () => {
    const { state, target, commit } = wal();
    const { timers } = manualTimers();
    const checkpointer = createCheckpointer(target, { idleMs: 200, maxFrames: 100, lateFrames: 32 }, timers);
    commit(10);
    state.inTransaction = true;
    expect(checkpointer.freeze()).toBeNull();
    state.inTransaction = false;
    expect(checkpointer.runNow('idle')).toBe(true); // nothing was left held
  });
});
