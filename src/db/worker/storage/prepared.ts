/**
 * Statements prepared once per database connection, for the few on every call's path outside the sales
 * module's own set (`handlers/sale-store.ts`): the owner's existence that every approval and every sale asks,
 * who is signed in, the open shift a sale needs, and a transaction's BEGIN and COMMIT. Preparing from SQL text on each call cost tens of microseconds each,
 * twice per sale for the owner alone (measured in Node on sqlite-wasm: a sale's commit, 0.6 ms of statement
 * time in all).
 */
import type { Database, PreparedStatement } from '@sqlite.org/sqlite-wasm';

// Keyed by the connection: a closed one (after a restore) finalized its statements and is dropped with them.
const cache = new WeakMap<Database, Map<string, PreparedStatement>>();

/** `sql` prepared on `db`, once (the sales module's named statements come from here too). */
export function preparedOn(db: Database, sql: string): PreparedStatement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/**
 * Runs `sql` (prepared once on `db`) with `bind` and returns the first column of its first row, or undefined
 * when it has none; the statement is reset whatever happens.
 */
export function stepOnce(db: Database, sql: string, bind: readonly unknown[] = []): unknown {
  return firstRow(db, sql, bind, (statement) => statement.get(0));
}

/** {@link stepOnce}'s first row as an object (column names as keys), or undefined. */
export function rowOnce(db: Database, sql: string, bind: readonly unknown[] = []): Record<string, unknown> | undefined {
  return firstRow(db, sql, bind, (statement) => statement.get({}) as Record<string, unknown>) as Record<string, unknown> | undefined;
}

function firstRow(db: Database, sql: string, bind: readonly unknown[], read: (statement: PreparedStatement) => unknown): unknown {
  const statement = preparedOn(db, sql);
  try {
    if (bind.length > 0) statement.bind(bind as never);
    return statement.step() ? read(statement) : undefined;
  } finally {
    // Without throwing: a failed step (a COMMIT on a full disk) keeps its own error, which reset() would replace.
    statement.resetNoThrow(true);
  }
}
