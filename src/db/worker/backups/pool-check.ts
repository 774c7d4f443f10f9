/** Checking a database file inside the pool: does it open, does `integrity_check` pass, what does it hold. */
import type { Database, SAHPoolUtil } from '@sqlite.org/sqlite-wasm';

/**
 * Opens a file in the pool, runs `integrity_check`, and (when whole) reads facts from it with `read`.
 * A file that does not even open counts as damaged.
 */
export function inspectPoolFile<T>(pool: SAHPoolUtil, name: string, read: (db: Database) => T): { problems: string[]; facts: T | null } {
  let db: Database;
  try {
    db = new pool.OpfsSAHPoolDb(name);
  } catch (error) {
    return { problems: [error instanceof Error ? error.message : String(error)], facts: null };
  }
  try {
    const result = db.selectValues('PRAGMA integrity_check').map(String);
    const problems = result.length === 1 && result[0] === 'ok' ? [] : result;
    return { problems, facts: problems.length === 0 ? read(db) : null };
  } catch (error) {
    return { problems: [error instanceof Error ? error.message : String(error)], facts: null };
  } finally {
    db.close();
  }
}
