/**
 * SQLite's check of a backup file in a worker of its own (`check-entry.ts`), started on first use by the
 * database worker. Where that worker cannot run (no nested workers, its pool held by a closing tab's checker),
 * the answer is null and the caller checks in the database worker itself, in slices.
 */
import { HandlerError } from '../runtime/errors';
import type { CheckDepth, ExpectedDigest, FileCheck } from './check';

/** A check asked of the checker worker. */
export interface CheckRequest {
  id: number;
  name: string;
  expected: ExpectedDigest | null;
  depth: CheckDepth;
}

/** Its answer: the check, or an error (`unavailable` when the checker could not start its pool). */
export type CheckReply = { id: number; result: FileCheck } | { id: number; message: string; code?: string; unavailable?: boolean };

/** Checks a backup file elsewhere; null when it cannot be done there. */
export type RemoteChecker = (name: string, expected: ExpectedDigest | null, depth: CheckDepth) => Promise<FileCheck | null>;

/** The checker worker, started lazily; after it fails to start once, every call answers null. */
export function workerChecker(): RemoteChecker {
  let worker: Worker | null = null;
  let broken = typeof Worker === 'undefined';
  let nextId = 1;
  const pending = new Map<number, (reply: CheckReply | null) => void>();

  function start(): Worker {
    const started = new Worker(new URL('./check-entry.ts', import.meta.url), { type: 'module', name: 'tillite-check' });
    started.onmessage = (event: MessageEvent<CheckReply>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    };
    started.onerror = () => {
      broken = true;
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
      started.terminate();
    };
    return started;
  }

  return async (name, expected, depth) => {
    if (broken) return null;
    worker ??= start();
    const id = nextId++;
    const reply = await new Promise<CheckReply | null>((resolve) => {
      pending.set(id, resolve);
      worker!.postMessage({ id, name, expected, depth } satisfies CheckRequest);
    });
    if (!reply) return null;
    if ('result' in reply) return reply.result;
    if (reply.unavailable) {
      broken = true;
      worker?.terminate();
      console.warn('[tillite] the backup checker could not start; checks run in the database worker', reply.message);
      return null;
    }
    throw new HandlerError(reply.code === 'not-found' ? 'not-found' : 'internal', reply.message);
  };
}
