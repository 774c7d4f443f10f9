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
import { HandlerError } from '../runtime/errors';
import type { ErrorCode } from '../../protocol/envelope';
import type { FromChecker, ToChecker } from './protocol';

/** How long after a failure the leader checks by itself before trying the checker again. */
const RETRY_AFTER_MS = 60_000;

interface Pending {
  args: Parameters<BackupCheck>;
  resolve(check: FileCheck): void;
  reject(error: unknown): void;
}

/**
 * The checker as a {@link BackupCheck}, with `local` where it cannot run; `create` starts its worker (null where
 * this browser has no workers inside workers).
 */
export function remoteChecker(local: BackupCheck, create: () => Worker | null): { check: BackupCheck; close(): void } {
  let worker: Worker | null = null;
  let ready: Promise<boolean> | null = null;
  let failedAt = Number.NEGATIVE_INFINITY;
  let nextId = 1;
  const pending = new Map<number, Pending>();

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
        else job.reject(new HandlerError(message.code as ErrorCode, message.message));
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
        worker!.postMessage({ type: 'check', id, name, expected, depth, writing: writing !== null } satisfies ToChecker);
      });
    },
    close() {
      fail('the session ended', true);
    },
  };
}
