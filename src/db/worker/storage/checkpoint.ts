/**
 * When the live database's WAL is copied back into the database file (a checkpoint), so that it never lands on a
 * sale's commit.
 *
 * SQLite's default checkpoints inside the commit that takes the WAL past 1000 pages: 11–12 ms on every 28th sale
 * or so, which was the whole p99 of a commit (measured). Here automatic checkpoints are off and:
 * - after every commit a short idle timer is (re)armed; when the till has been quiet that long, a PASSIVE
 *   checkpoint runs. The WAL then holds only the few commits since the last one, so a checkpoint is small (a
 *   sale or two's pages) and a sale that arrives while it runs waits for little;
 * - a hard bound: when the frames written since the last checkpoint reach {@link CheckpointPolicy.maxFrames}
 *   (a burst of sales with no quiet moment, or one large import), a checkpoint runs right after that commit, in
 *   the worker's next task: the commit's answer is posted first, so the sale that crossed the bound does not
 *   wait for it (a request that arrives meanwhile does). When requests are already queued ahead of that task,
 *   the commit that takes the WAL {@link CheckpointPolicy.lateFrames} further runs it at once. The WAL so never
 *   holds more than the bound, the late allowance and one transaction, and
 *   `journal_size_limit` (see pragmas.ts) truncates the file back after it.
 *
 * Durability is unchanged: a checkpoint only copies committed pages into the database file; the commit that
 * returned was already synced to the WAL (`synchronous=FULL`), and a checkpoint cut short by a crash is redone
 * from the WAL when the file is next opened.
 *
 * The policy is plain code over a few injected operations, so it is the same wherever it runs.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { nextTask } from '../../../lib/next-task';

/** How eagerly to checkpoint. */
export interface CheckpointPolicy {
  /** Quiet time after the last commit before an idle checkpoint. */
  idleMs: number;
  /** Frames (pages written to the WAL) since the last checkpoint that force one right after a commit. */
  maxFrames: number;
  /** Frames past `maxFrames` a forced checkpoint may wait for its task before a commit runs it at once. */
  lateFrames: number;
}

/**
 * The till's policy: a checkpoint 200 ms after the last commit (a cashier's next sale is seconds away), and at
 * most 512 frames (4 MiB at 8 KiB pages, about 50 sales of the bench's mix) between checkpoints. A burst so gets
 * several small PASSIVE checkpoints, each copying only the frames since the last, instead of one big one at 2048
 * frames that held the sale behind it for 12 ms (small shop) to 52 ms (large). Fewer frames is not better: each
 * checkpoint also syncs the database file (about 3 ms here), so at 256 frames the burst spent three times as
 * long in checkpoints for a longest one no shorter (measured at the small size, same run).
 */
export const TILL_POLICY: CheckpointPolicy = { idleMs: 200, maxFrames: 512, lateFrames: 32 };

/** What the scheduler needs from the database. */
export interface CheckpointTarget {
  /** False once the connection is closed (after a restore or a step-down): the scheduler then does nothing. */
  isOpen(): boolean;
  /** True while a transaction is open on the connection: a checkpoint then waits for the next chance. */
  inTransaction(): boolean;
  /** Pages written to the WAL by this connection since it opened (a counter that only grows). */
  framesWritten(): number;
  /** Runs a PASSIVE checkpoint; returns the WAL's frames and how many of them were copied. */
  checkpoint(): { walFrames: number; copied: number };
  /**
   * Runs a TRUNCATE checkpoint (every committed page into the database file, the WAL emptied); true when it
   * copied everything.
   */
  checkpointFully(): boolean;
}

/** Timers, injectable so that a test can run the idle timer and the next task by hand. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  /** Runs `fn` in a task of its own, after the current task has posted its messages. */
  soon(fn: () => void): void;
}

/** What the scheduler has done, for the status page and the tests. */
export interface CheckpointStats {
  idle: number;
  forced: number;
  /** Full checkpoints taken by a freeze (a snapshot's copy), and the longest of them in ms (apart from the rest). */
  frozen: number;
  longestFreezeMs: number;
  /** The most frames written between two checkpoints so far. */
  maxFramesBetween: number;
  /** Frames written since the last checkpoint. */
  pending: number;
  /**
   * Time spent in checkpoints, and the longest one, in ms: a request that arrives while one runs waits for the
   * rest of it (the bench reports both).
   */
  totalMs: number;
  longestMs: number;
}

/** A freeze: the file held still for a copy (see {@link Checkpointer.freeze}). */
export interface FreezeHold {
  /**
   * Lets checkpoints run again while the freeze still holds the file for its copy, which now keeps the pages they
   * overwrite (`page-guard.ts`): no other freeze starts until {@link release}.
   */
  resume(): void;
  release(): void;
}

/** A scheduler bound to one connection. */
export interface Checkpointer {
  /** Tells it that a transaction committed (the connection's commit hook calls it). */
  committed(): void;
  /** Runs a checkpoint now if anything is pending and no transaction is open; true when one ran. */
  runNow(reason: 'idle' | 'forced'): boolean;
  /**
   * Copies every committed page into the database file now and holds checkpoints until `resume` or `release` is
   * called: meanwhile commits go to the WAL only, so the database file stays the database as of this call, and a
   * copy can read it in slices while sales go on (see `backups/frozen-copy.ts`; a copy that keeps the pages
   * checkpoints overwrite resumes them at once). Null when it cannot (a transaction
   * is open, the connection is closed, the checkpoint did not copy everything, or another freeze holds the file:
   * a second full checkpoint would change the file under the first copy); nothing is then held.
   *
   * `onStop` is called if the connection closes (`stop`) while the freeze still holds the file: the copy must then
   * let go of the file (a reader left open on the pool kept it from being released, and a newer tab waiting for
   * it waited forever).
   */
  freeze(onStop?: () => void): FreezeHold | null;
  /** True while a freeze is held. */
  readonly held: boolean;
  /** Resolves once no freeze is held (at once when none is). */
  whenUnheld(): Promise<void>;
  /** Cancels the idle timer and ends a freeze that still holds the file (the connection is closing). */
  stop(): void;
  readonly stats: CheckpointStats;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  soon: (fn) => void nextTask().then(fn),
};

/** Creates the scheduler for `target`. */
export function createCheckpointer(target: CheckpointTarget, policy: CheckpointPolicy = TILL_POLICY, timers: Timers = realTimers): Checkpointer {
  let base = target.framesWritten();
  let commits = 0;
  let timer: unknown = null;
  let forcing = false;
  /** A freeze not released yet (at most one: see `freeze`). */
  let held = false;
  /** No checkpoint runs while a freeze holds checkpoints off (until it resumes them or is released). */
  let paused = false;
  const unheld: Array<() => void> = [];
  /** What the freeze that holds the file does when the connection closes under it. */
  let stopHolder: (() => void) | null = null;
  const stats: CheckpointStats = { idle: 0, forced: 0, frozen: 0, longestFreezeMs: 0, maxFramesBetween: 0, pending: 0, totalMs: 0, longestMs: 0 };
  // A commit synced with synchronous=FULL pads the WAL to a sector boundary with one more frame, which the pager
  // does not count as a page it wrote, unless the file is declared power-safe to overwrite (`powersafe.ts`, the
  // live file's case since session 11). One per commit is counted on top all the same: the bound so holds where
  // the declaration could not be made, and elsewhere a checkpoint comes a few frames early.
  const pending = () => target.framesWritten() - base + commits;

  const arm = () => {
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => {
      timer = null;
      // A transaction still open (a backup reading the file in steps): try again after the next quiet time.
      if (!self.runNow('idle') && target.isOpen() && pending() > 0) arm();
    }, policy.idleMs);
  };

  /** A forced checkpoint in the next task, once (the commit that asked has answered by then). */
  const forceSoon = () => {
    if (forcing) return;
    forcing = true;
    timers.soon(() => {
      forcing = false;
      self.runNow('forced');
    });
  };

  const self: Checkpointer = {
    committed() {
      if (!target.isOpen()) return;
      commits++;
      const frames = pending();
      stats.pending = frames;
      stats.maxFramesBetween = Math.max(stats.maxFramesBetween, frames);
      // Paused: the WAL grows for the copy's second or so; the release (or the resume) runs what is due.
      if (paused) return;
      if (frames < policy.maxFrames || target.inTransaction()) return arm();
      if (frames >= policy.maxFrames + policy.lateFrames) return void self.runNow('forced');
      forceSoon();
    },
    runNow(reason) {
      if (paused || !target.isOpen() || target.inTransaction()) return false;
      if (pending() === 0) return false;
      const started = performance.now();
      target.checkpoint();
      const ms = performance.now() - started;
      stats.totalMs += ms;
      stats.longestMs = Math.max(stats.longestMs, ms);
      base = target.framesWritten();
      commits = 0;
      stats[reason]++;
      stats.pending = 0;
      return true;
    },
    freeze(onStop) {
      if (held || !target.isOpen() || target.inTransaction()) return null;
      const started = performance.now();
      const whole = target.checkpointFully();
      stats.longestFreezeMs = Math.max(stats.longestFreezeMs, performance.now() - started);
      if (!whole) return null;
      base = target.framesWritten();
      commits = 0;
      stats.pending = 0;
      stats.frozen++;
      held = true;
      paused = true;
      stopHolder = onStop ?? null;
      let released = false;
      /** Checkpoints run again: what is due runs now (soon, or after the idle time). */
      const unpause = () => {
        if (!paused) return;
        paused = false;
        if (!target.isOpen()) return;
        if (pending() >= policy.maxFrames) forceSoon();
        else if (pending() > 0) arm();
      };
      return {
        resume() {
          if (!released) unpause();
        },
        release() {
          if (released) return;
          released = true;
          held = false;
          stopHolder = null;
          for (const wake of unheld.splice(0)) wake();
          unpause();
        },
      };
    },
    get held() {
      return held;
    },
    whenUnheld() {
      return !held ? Promise.resolve() : new Promise<void>((resolve) => unheld.push(resolve));
    },
    stop() {
      if (timer !== null) timers.clear(timer);
      timer = null;
      const holder = stopHolder;
      stopHolder = null;
      holder?.();
    },
    stats,
  };
  return self;
}

/** A sale's transaction writes about a dozen pages; the bound allows for one write of up to this many after it. */
const ONE_WRITE_FRAMES = 64;

/**
 * The largest the WAL file gets under `policy` with `pageSize`-byte pages while writes are sales: the bound, one
 * more write, and the WAL's header (each frame is a page plus its 24-byte header).
 */
export function walBoundBytes(pageSize: number, policy: CheckpointPolicy = TILL_POLICY): number {
  return 32 + (policy.maxFrames + policy.lateFrames + ONE_WRITE_FRAMES) * (pageSize + 24);
}

const attached = new WeakMap<Database, Checkpointer>();

/** The scheduler attached to `db`, if any (for the status page and the bench). */
export function checkpointerOf(db: Database): Checkpointer | undefined {
  return attached.get(db);
}

/**
 * The scheduler on a sqlite-wasm connection in WAL mode: automatic checkpoints off, the connection's commit hook
 * telling the scheduler after each commit (in a microtask: nothing may run on the connection inside the hook),
 * frames counted with `SQLITE_DBSTATUS_CACHE_WRITE` (every page the pager writes to the WAL), PASSIVE checkpoints.
 */
export function attachCheckpointer(sqlite3: Sqlite3Static, db: Database, policy: CheckpointPolicy = TILL_POLICY): Checkpointer {
  const { capi, wasm } = sqlite3;
  db.exec('PRAGMA wal_autocheckpoint = 0');
  const pointer = db.pointer!;
  const target: CheckpointTarget = {
    isOpen: () => db.isOpen(),
    inTransaction: () => capi.sqlite3_get_autocommit(pointer) === 0,
    framesWritten: () =>
      wasm.scopedAllocCall(() => {
        const [current, highwater] = wasm.scopedAllocPtr(2) as [number, number];
        db.checkRc(capi.sqlite3_db_status(pointer, capi.SQLITE_DBSTATUS_CACHE_WRITE, current, highwater, 0));
        return Number(wasm.peek32(current));
      }),
    checkpoint: () => {
      const [, walFrames, copied] = (db.selectArray('PRAGMA wal_checkpoint(PASSIVE)') ?? []).map(Number);
      return { walFrames: walFrames ?? 0, copied: copied ?? 0 };
    },
    checkpointFully: () => {
      // TRUNCATE answers (0, 0, 0) once it copied every frame and emptied the WAL; a busy one answers 1.
      const [busy, walFrames, copied] = (db.selectArray('PRAGMA wal_checkpoint(TRUNCATE)') ?? []).map(Number);
      return busy === 0 && walFrames === copied;
    },
  };
  const checkpointer = createCheckpointer(target, policy);
  let queued = false;
  capi.sqlite3_commit_hook(
    pointer,
    () => {
      if (!queued) {
        queued = true;
        queueMicrotask(() => {
          queued = false;
          checkpointer.committed();
        });
      }
      return 0; // 0: let the commit go ahead
    },
    0,
  );
  attached.set(db, checkpointer);
  return checkpointer;
}
