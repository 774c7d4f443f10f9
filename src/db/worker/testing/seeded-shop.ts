/**
 * A small shop with every table in use, for unit tests of the checks on whole files: each migration's seed goes in
 * at that migration's version, as the shop's data grew release by release (the seeds of `src/db/migrations/seeds`).
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { migrate } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { memoryDb } from './memory-db';
// The seeds' arithmetic settled as the till would have recorded it (why: in the file).
import settleSql from '../../../../e2e/fixtures/settle-seeds.sql?raw';

const seeds = import.meta.glob<string>('../../migrations/seeds/*.sql', { query: '?raw', import: 'default', eager: true });

/** An in-memory database at schema `version` (the latest by default) with its seeds, its arithmetic settled. */
export async function seededShop(version = bundledMigrations.length): Promise<{ db: Database; sqlite3: Sqlite3Static }> {
  const { db, sqlite3 } = await memoryDb();
  const seedList = Object.entries(seeds)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, sql]) => sql);
  for (let v = 1; v <= version; v++) {
    await migrate(db, bundledMigrations.slice(0, v), { appVersion: '1.0.0' });
    db.exec(seedList[v - 1] ?? '');
  }
  if (db.selectValue("SELECT 1 FROM sqlite_schema WHERE name = 'sale_payments'")) {
    const rounding = db.selectValue("SELECT 1 FROM pragma_table_info('sales') WHERE name = 'cash_rounding'") ? 'cash_rounding' : '0';
    db.exec(settleSql.replaceAll('$rounding', rounding));
  }
  return { db, sqlite3 };
}
