/**
 * The app's one database client. Started by the boot (`boot.tsx`); views import `db` and call `db().send(...)`.
 */
import { createDbClient, type DbClient } from '../db/client';
import { withApprovals } from './state/approval';

let client: DbClient | null = null;

/**
 * Starts the database worker made by `createWorker` and its client. Called once, at boot. The worker is made by
 * the caller so that Vite sees each `new Worker(new URL(…))` where it is written (the product's entry, or the
 * benchmark's, which serves more calls).
 */
export function startDatabase(createWorker: () => Worker): DbClient {
  if (client) return client;
  // Wrapped so that a call the worker refuses for want of a manager's PIN asks for it (state/approval.ts).
  client = withApprovals(
    createDbClient(createWorker(), {
      type: 'init',
      appVersion: __APP_VERSION__,
      features: { locks: typeof navigator.locks?.request === 'function' },
    }),
  );
  return client;
}

/** The started client. Throws if called before {@link startDatabase} (a programming error). */
export function db(): DbClient {
  if (!client) throw new Error('The database client is used before it was started');
  return client;
}
