/**
 * A write transaction that keeps its real cause of failure. When COMMIT fails with an I/O error (a full disk),
 * SQLite has already rolled the transaction back; a ROLLBACK after that throws "cannot rollback - no transaction
 * is active" and would replace the error that matters. So ROLLBACK is issued only while a transaction is still
 * open (`sqlite3_get_autocommit` is 0), and a failing ROLLBACK never hides the first error.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { stepOnce } from '../storage/prepared';

/** The part of sqlite3's C API this needs (the real `sqlite3.capi` in the worker and in unit tests). */
export interface AutocommitApi {
  sqlite3_get_autocommit(db: NonNullable<Database['pointer']>): number;
}

/**
 * Runs `work` inside `BEGIN <mode>` … `COMMIT`; on any failure rolls back if needed and throws the first error.
 * Without `capi` (a caller that was not given it) it tries ROLLBACK and ignores a refusal: the first error is kept
 * either way.
 */
export function inTransaction<T>(db: Database, capi: AutocommitApi | null, mode: 'IMMEDIATE' | 'DEFERRED' | 'EXCLUSIVE', work: () => T): T {
  // Prepared once each: every write runs them.
  stepOnce(db, `BEGIN ${mode}`);
  try {
    const result = work();
    stepOnce(db, 'COMMIT');
    return result;
  } catch (error) {
    if (db.pointer && (!capi || capi.sqlite3_get_autocommit(db.pointer) === 0)) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // The first error is the one that explains what happened; SQLite rolls back on close at worst.
      }
    }
    throw error;
  }
}
