/**
 * An in-memory database for unit tests in Node. Never used by the app: if OPFS cannot be opened the app says
 * so rather than run on a database that would lose the shop's sales.
 */
import { loadSqlite } from './sqlite';
import { applyConnectionSettings } from './pragmas';
import type { OpenedDatabase } from './driver';

/** Opens a fresh in-memory database with the live database's settings. */
export async function openMemoryDatabase(): Promise<OpenedDatabase> {
  const sqlite3 = await loadSqlite();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  applyConnectionSettings(db);
  return { db, sqlite3, pool: null, vfs: 'memory', fileName: ':memory:', close: () => db.close() };
}
