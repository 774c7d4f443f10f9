/**
 * The app's one database client. Started by `main.tsx`; views import `db` and call `db.send(...)`.
 */
import { createDbClient, type DbClient } from '../db/client';
import { exposeBenchHook } from './bench-hook';

let client: DbClient | null = null;

/** Starts the database worker and its client. Called once, at boot. */
export function startDatabase(): DbClient {
  if (client) return client;
  const workerCreated = performance.now();
  const worker = new Worker(new URL('../db/worker/index.ts', import.meta.url), { type: 'module', name: 'tillite-db' });
  client = createDbClient(worker, {
    type: 'init',
    appVersion: __APP_VERSION__,
    features: { locks: typeof navigator.locks?.request === 'function' },
  });
  if (__BENCH__) exposeBenchHook(client, workerCreated);
  return client;
}

/** The started client. Throws if called before {@link startDatabase} (a programming error). */
export function db(): DbClient {
  if (!client) throw new Error('The database client is used before it was started');
  return client;
}
