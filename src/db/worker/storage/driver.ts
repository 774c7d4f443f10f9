import type { Database, SAHPoolUtil, Sqlite3Static } from '@sqlite.org/sqlite-wasm';

/** A database opened by a driver, with what the leader needs to run it and to let go of it. */
export interface OpenedDatabase {
  db: Database;
  sqlite3: Sqlite3Static;
  /** The sahpool's utilities; null for the in-memory driver used by unit tests. */
  pool: SAHPoolUtil | null;
  vfs: string;
  fileName: string;
  /** Closes the database and releases every file handle, so another worker can open it. */
  close(): void;
}
