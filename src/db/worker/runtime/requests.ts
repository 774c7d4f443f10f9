/**
 * The request ledger: every write's client-made request id and the answer it got, in the database's own
 * `applied_requests` table. A request re-sent after a leader hand-over (same id) is answered from here instead of
 * being applied again. One store for every kind of write: a mutation records itself inside its own transaction;
 * a write task records itself in the database that is live when it ends (after a restore or an import, the new
 * one). Records older than a day are dropped at start-up: a retry comes within seconds.
 */
import type { Database, PreparedStatement } from '@sqlite.org/sqlite-wasm';

/**
 * How long a write's request id is remembered. A request is re-sent within seconds of a hand-over; a day is far
 * more than any retry needs, and keeps the table (which holds each write's answer) from growing without end.
 */
export const REQUEST_MEMORY_MS = 24 * 60 * 60 * 1000;

/** Reads and writes the ledger of one database at a time (statements are prepared once per database handle). */
export interface RequestLedger {
  /** What `requestId` was answered, or undefined when it was never applied. */
  find(db: Database, requestId: string): { result: unknown } | undefined;
  /** Records that `requestId` (a call of `handler`) was applied and answered `result`. */
  record(db: Database, requestId: string, handler: string, result: unknown): void;
}

/** A ledger whose statements follow the database handle: after a swap the old handle's are gone with it. */
export function createRequestLedger(): RequestLedger {
  let statements: { db: Database; find: PreparedStatement; record: PreparedStatement } | null = null;
  const prepared = (db: Database) => {
    if (statements?.db !== db) {
      statements = {
        db,
        find: db.prepare('SELECT result FROM applied_requests WHERE request_id = ?'),
        record: db.prepare('INSERT INTO applied_requests (request_id, handler, result, applied_at) VALUES (?, ?, ?, ?)'),
      };
    }
    return statements;
  };
  return {
    find(db, requestId) {
      const { find } = prepared(db);
      try {
        find.bind([requestId]);
        return find.step() ? { result: JSON.parse(find.get(0) as string) as unknown } : undefined;
      } finally {
        find.reset(true);
      }
    },
    record(db, requestId, handler, result) {
      prepared(db).record.bind([requestId, handler, JSON.stringify(result ?? null), new Date().toISOString()]).stepReset();
    },
  };
}

/** Drops request records older than {@link REQUEST_MEMORY_MS}. */
export function forgetOldRequests(db: Database, now: Date): number {
  db.exec({ sql: 'DELETE FROM applied_requests WHERE applied_at < ?', bind: [new Date(now.getTime() - REQUEST_MEMORY_MS).toISOString()] });
  return db.changes();
}
