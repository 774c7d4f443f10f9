/**
 * The restore module's own write (emptying the database) against sqlite-wasm in Node, in memory. The live file,
 * the backup service and the exclusive lock are stand-ins that only run what they are given: the snapshot and the
 * swap need OPFS and are covered end to end in Chromium (restore.spec.ts, swap-kill.spec.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { migrate } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { memoryDb } from '../testing/memory-db';
import { emptyDatabase, EMPTY_CONFIRMATION, type RestoreDeps } from './restore';
import { businessTables } from './inspect';

let db: Database;
let sqlite3: Sqlite3Static;
let logged: { action: string; ok: boolean }[];

/** Deps whose live database is `db`, with no other call to hold back and a snapshot that is only named. */
function deps(): RestoreDeps {
  const live = { db, sqlite3, exclusive: <T>(work: () => Promise<T>) => work() };
  const service = {
    serial: <T>(work: () => Promise<T>) => work(),
    snapshot: async () => ({ name: 'tillite-before-empty-test.db' }),
    log: async (entry: { action: string; ok: boolean }) => void logged.push(entry),
  };
  return { live, service, appVersion: 'test', notify: () => undefined } as unknown as RestoreDeps;
}

const rowCount = () => businessTables(db).reduce((sum, t) => sum + t.rows, 0);

beforeEach(async () => {
  ({ db, sqlite3 } = await memoryDb());
  await migrate(db, bundledMigrations, { appVersion: 'test' });
  db.exec("INSERT INTO categories (name) VALUES ('Tea')");
  logged = [];
});
afterEach(() => db.close());

describe('emptying the database', () => {
  it('removes every business row after its snapshot', async () => {
    expect(rowCount()).toBeGreaterThan(0);
    const result = await emptyDatabase(deps(), EMPTY_CONFIRMATION);
    expect(result.snapshot.name).toBe('tillite-before-empty-test.db');
    expect(rowCount()).toBe(0);
    expect(logged).toMatchObject([{ action: 'empty', ok: true }]);
  });

  it('a COMMIT that fails reports that failure, not "cannot rollback", and removes nothing', async () => {
    const before = rowCount();
    // A refusing commit hook makes SQLite roll the transaction back itself at COMMIT, as a full disk does.
    sqlite3.capi.sqlite3_commit_hook(db.pointer!, () => 1, 0);
    try {
      const error = await emptyDatabase(deps(), EMPTY_CONFIRMATION).then(() => null, (e: unknown) => e as Error);
      expect(error?.message).toMatch(/SQLITE_CONSTRAINT_COMMITHOOK/);
      expect(error?.message).not.toMatch(/cannot rollback/);
    } finally {
      sqlite3.capi.sqlite3_commit_hook(db.pointer!, 0, 0);
    }
    expect(rowCount()).toBe(before);
    expect(logged).toEqual([]);
  });
});
