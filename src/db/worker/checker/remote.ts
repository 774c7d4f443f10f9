/**
 * The leader's side of the checker worker (`checker-worker.ts`): backup checks run there, on another thread, and the
 * leader's worker only waits for the answer, so a sale never waits behind a slice of the check. Started at the
 * first check, kept for the next ones, stopped with the session.
 *
 * Whenever the checker cannot do a check (no nested workers in this browser, its pool held by a window that is
 * closing, the worker crashed), that check runs in the leader's worker as before, in slices: a check is never
 * lost, nor a backup called damaged because the checker failed. After a failure the checker is not tried again
 * for a minute.
 */
import type { BackupCheck, FileCheck } from '../backups/check';
import type { ChunkSource } from '../storage/database-files';
import { HandlerError } from '../runtime/errors';
import type { ErrorCode } from '../../protocol/envelope';
import type { FromChecker, ToChecker } from './protocol';

/** How long after a failure the leader checks by itself before trying the checker again. */
const RETRY_AFTER_MS = 60_000;

/** A live check in the checker: it pulls the chunks of `source`; null when the checker could not check. */
interface LivePending {
  source: ChunkSource;
  resolve(problems: string[] | null): void;
}

/**
 * The checker's check of the live database, whose frozen file `source` yields (see `live-check.ts`): SQLite's
 * problems on the copy (none when whole), or null when the checker could not check it (then the caller checks
 * in its own worker).
 */
export type LiveCheck = (source: ChunkSource) => Promise<string[] | null>;

interface Pending {
  args: Parameters<BackupCheck>;
  resolve(check: FileCheck): void;
  reject(error: unknown): void;
}

/**
 * The checker as a {@link BackupCheck}, with `local` where it cannot run; `create` starts its worker (null where
 * this browser has no workers inside workers).
 */
export function remoteChecker(local: BackupCheck, create: () => Worker | null): { check: BackupCheck; checkLive: LiveCheck; close(): void } {
  let worker: Worker | null = null;
  let ready: Promise<boolean> | null = null;
  let failedAt = Number.NEGATIVE_INFINITY;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const live = new Map<number, LivePending>();

  /** Stops the worker; what it had not answered is checked here (or, once the session ended, refused). */
  const fail = (why: string, ended = false) => {
    if (worker && !ended) console.warn(`[tillite] the backup checker stopped (${why}); checks run in the database worker`);
    worker?.terminate();
    worker = null;
    ready = null;
    failedAt = ended ? Number.POSITIVE_INFINITY : performance.now();
    for (const [id, job] of pending) {
      pending.delete(id);
      if (ended) job.reject(new HandlerError('unavailable', 'The check stopped: this window no longer holds the database.'));
      else local(...job.args).then(job.resolve, job.reject);
    }
    for (const [id, job] of live) {
      live.delete(id);
      job.resolve(null);
    }
  };

  const start = (): Promise<boolean> => {
    if (ready) return ready;
    if (performance.now() - failedAt < RETRY_AFTER_MS) return Promise.resolve(false);
    let started: Worker | null;
    try {
      started = create();
    } catch {
      started = null;
    }
    if (!started) {
      failedAt = performance.now();
      return Promise.resolve(false);
    }
    worker = started;
    ready = new Promise<boolean>((resolve) => {
      started.onerror = (event) => {
        event.preventDefault();
        resolve(false);
        if (worker === started) fail(event.message || 'it crashed');
      };
      started.onmessage = (event: MessageEvent<FromChecker>) => {
        const message = event.data;
        if (message.type === 'ready') return resolve(true);
        if (message.type === 'unavailable') {
          resolve(false);
          return fail(message.message);
        }
        const liveJob = live.get(message.id);
        if (liveJob) {
          if (message.type === 'live-pull') {
            const answer = (bytes: Uint8Array | null, error: string | null) =>
              worker?.postMessage({ type: 'live-chunk', id: message.id, pull: message.pull, bytes, error } satisfies ToChecker, bytes ? [bytes.buffer] : []);
            // The source's chunk is a view of a buffer its next read overwrites: sent as a copy of its own.
            liveJob.source().then(
              (chunk) => answer(chunk ? chunk.slice() : null, null),
              (error: unknown) => answer(null, error instanceof Error ? error.message : String(error)),
            );
            return;
          }
          live.delete(message.id);
          liveJob.resolve(message.type === 'live-checked' ? message.problems : null);
          if (message.type === 'failed') console.warn(`[tillite] the checker could not check the database (${message.message}); the database worker checks it`);
          return;
        }
        const job = pending.get(message.id);
        if (!job) return;
        if (message.type === 'before-replace') {
          const writing = job.args[3];
          const answer = (error: string | null) => worker?.postMessage({ type: 'replace-recorded', id: message.id, error } satisfies ToChecker);
          if (!writing) return answer('no manifest was to be written');
          writing.beforeReplace(message.file).then(
            () => answer(null),
            (error: unknown) => answer(error instanceof Error ? error.message : String(error)),
          );
          return;
        }
        pending.delete(message.id);
        if (message.type === 'done') job.resolve(message.check);
        else if (message.type === 'failed') job.reject(new HandlerError(message.code as ErrorCode, message.message));
      };
    });
    return ready;
  };

  return {
    async check(...args) {
      if (!(await start()) || !worker) return local(...args);
      const [name, expected, depth, writing] = args;
      const id = nextId++;
      return new Promise<FileCheck>((resolve, reject) => {
        pending.set(id, { args, resolve, reject });
        worker!.postMessage({ type: 'check', id, name, expected, depth, writing: writing !== null, sums: writing?.sums ?? false } satisfies ToChecker);
      });
    },
    async checkLive(source) {
      if (!(await start()) || !worker) return null;
      const id = nextId++;
      return new Promise<string[] | null>((resolve) => {
        live.set(id, { source, resolve });
        worker!.postMessage({ type: 'check-live', id } satisfies ToChecker);
      });
    },
    close() {
      fail('the session ended', true);
    },
  };
}
