/**
 * Bench builds only (`TILLITE_BENCH=1`): puts the page's database client on `window.__tillite` so that the
 * benchmark can time `send()` exactly as a view calls it, and records when the worker was created and when its
 * first call was answered (the "worker creation to first answered query" figure). A normal build drops it.
 */
import type { DbClient } from '../../src/db/client';

/** What the benchmark reads from the page. */
export interface BenchHook {
  send: DbClient['send'];
  /** `performance.now()` just before `new Worker(…)`, and when the first call (a ping) was answered. */
  times: { workerCreated: number; firstAnswer: number | null };
}

/** Exposes `client` to the benchmark and sends the first call at once. */
export function exposeBenchHook(client: DbClient, workerCreated: number): void {
  const hook: BenchHook = { send: (name, args) => client.send(name, args), times: { workerCreated, firstAnswer: null } };
  (window as unknown as { __tillite: BenchHook }).__tillite = hook;
  void client.send('system.ping', { at: workerCreated }).then(() => {
    hook.times.firstAnswer = performance.now();
  });
}
