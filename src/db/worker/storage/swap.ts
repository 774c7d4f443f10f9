/**
 * Replaces the live database's file with other bytes (a restore; the import will reuse it with validated
 * staged bytes). One function, so that every replacement closes, writes, reopens and migrates the same way.
 *
 * Order: close the live file (SQLite checkpoints the WAL into it), keep its bytes for a rollback, remove the
 * `-wal` and `-journal` pool files (a stale WAL would be replayed over the new file), import the new bytes,
 * reopen with the connection settings, check, and migrate. If anything after the close fails, the old bytes
 * are put back and reopened, and the error is rethrown: the shop keeps the database it had.
 *
 * The caller takes the verified `before-restore` snapshot first and runs this inside `live.exclusive`.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { DB_FILE } from './sahpool';
import { HandlerError } from '../runtime/errors';
import type { LiveDatabase } from './live';

/** Runs on the new file once it is open; throwing rolls the swap back. Returns what the caller wants back. */
export type AfterSwap<T> = (db: Database) => Promise<T>;

function removeSideFiles(live: LiveDatabase): void {
  live.pool.unlink(`${DB_FILE}-wal`);
  live.pool.unlink(`${DB_FILE}-journal`);
}

/** Quick structural check of a freshly opened file; the full `integrity_check` ran on the bytes before. */
function assertOpens(db: Database): void {
  const result = db.selectValues('PRAGMA quick_check').map(String);
  if (result.length !== 1 || result[0] !== 'ok') throw new HandlerError('damaged', `The new database fails its check: ${result.slice(0, 3).join('; ')}`);
}

/**
 * Puts `bytes` in place of the live database, runs `after` (the migrations) on it, and returns its result and
 * the previous file's raw bytes (taken after a clean close, so they are the whole previous database).
 */
export async function swapLiveDatabase<T>(
  live: LiveDatabase,
  bytes: Uint8Array,
  after: AfterSwap<T>,
): Promise<{ result: T; previous: Uint8Array | null }> {
  live.closeDb();
  const previous = live.pool.getFileNames().includes(DB_FILE) ? live.pool.exportFile(DB_FILE) : null;
  try {
    removeSideFiles(live);
    live.pool.importDb(DB_FILE, bytes);
    const db = live.open();
    assertOpens(db);
    const result = await after(db);
    return { result, previous };
  } catch (error) {
    live.closeDb();
    removeSideFiles(live);
    if (previous && previous.length > 0) {
      live.pool.importDb(DB_FILE, previous);
      try {
        live.open();
      } catch {
        // The previous file did not open before either (a restore from the recovery screen): leave it closed.
      }
    }
    throw error;
  }
}
