/**
 * Opens the live database on OPFS with the `opfs-sahpool` VFS: no COOP/COEP headers needed, and the fastest
 * OPFS VFS measured (see shared notes). The pool holds its files exclusively, so only the leader opens it.
 */
import type { SAHPoolUtil, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { OPFS_DIRS } from '../../../lib/opfs-paths';
import { HandlerError } from '../runtime/errors';
import { loadSqlite } from './sqlite';
import { markStart } from '../runtime/start-marks';

/** The VFS's name; its files are the pool (the live database's names: `atomic-swap.ts`). */
export const VFS_NAME = 'tillite-sahpool';
/**
 * Slots: the database and its WAL, plus room for snapshot and staging files and their journals.
 * The default (6) runs out once backups exist.
 */
const POOL_CAPACITY = 24;

function isBusy(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  return name === 'NoModificationAllowedError' || /access handle/i.test(message) || /NoModificationAllowed/.test(message);
}

function hasOpfs(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.storage?.getDirectory === 'function' &&
    typeof FileSystemFileHandle !== 'undefined' &&
    typeof FileSystemFileHandle.prototype.createSyncAccessHandle === 'function'
  );
}

/**
 * Installs the pool, retrying while another worker still holds its handles (a closing tab releases its Web
 * Lock a moment before its file handles). `preserveOnInitFailure` matters: without it a failed install
 * deletes the pool, that is the shop's data.
 */
async function installPool(sqlite3: Sqlite3Static, waitMs: number): Promise<SAHPoolUtil> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const options = {
        name: VFS_NAME,
        directory: OPFS_DIRS.pool,
        initialCapacity: POOL_CAPACITY,
        preserveOnInitFailure: true,
        forceReinitIfPreviouslyFailed: true,
      };
      return await sqlite3.installOpfsSAHPoolVfs(options);
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) {
        throw new HandlerError(
          'open-elsewhere',
          'Tillite is open in another window, which holds the database. Close it, or use that window.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 500)));
    }
  }
}

/** The pool with the live database's files, installed but with no database open. */
export interface OpfsPool {
  sqlite3: Sqlite3Static;
  pool: SAHPoolUtil;
}

/**
 * Installs the pool. Throws a {@link HandlerError} a person can act on. Kept apart from opening the database so
 * that the leader still holds the pool (and can restore a backup into it) when the database itself fails.
 */
export async function openOpfsPool(options: { busyWaitMs: number }): Promise<OpfsPool> {
  if (!hasOpfs()) {
    throw new HandlerError(
      'storage-unavailable',
      'This browser does not give Tillite a private file system (OPFS), so it cannot keep your data. Use a current Chrome, Edge, Firefox or Safari in a normal (not private) window.',
    );
  }
  const sqlite3 = await loadSqlite();
  markStart('wasm');
  let pool: SAHPoolUtil;
  try {
    pool = await installPool(sqlite3, options.busyWaitMs);
  } catch (error) {
    if (error instanceof HandlerError) throw error;
    throw new HandlerError(
      'storage-unavailable',
      `Tillite cannot open its storage: ${error instanceof Error ? error.message : String(error)}. In a private window, or with site data blocked, the browser refuses it.`,
    );
  }
  // The VFS is installed once per worker: after this worker closed the database (a restore, a step-down) the
  // same pool comes back paused, and must take its file handles again.
  if (pool.isPaused()) await pool.unpauseVfs();
  await pool.reserveMinimumCapacity(POOL_CAPACITY);
  return { sqlite3, pool };
}
