/**
 * The migration runner against sqlite-wasm in Node (in memory). Snapshots are SQLite-serialized bytes kept by
 * the injected hooks (see testing/memory-db.ts); the real OPFS snapshot path is covered end to end.
 */
import { describe, expect, it } from 'vitest';
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { HandlerError } from '../runtime/errors';
import { migrate, migrationHistory } from './runner';
import { schemaVersionOf, TILLITE_APPLICATION_ID } from './version';
import { bundledMigrations, checksumOf, type Migration } from './loader';
import { exportBytes, memoryDb, memorySnapshotHooks, openBytes, withExtra } from '../testing/memory-db';

const LATEST = bundledMigrations.length;
const APP = '1.0.0';

/**
 * A database at the latest real schema with three rows the user wrote, in a table of the test's own that the
 * test migrations below change (the app's tables change with every release; this one stays put).
 */
async function shopAtLatest(): Promise<{ db: Database; sqlite3: Sqlite3Static }> {
  const { db, sqlite3 } = await memoryDb();
  await migrate(db, bundledMigrations, { appVersion: APP });
  db.exec('CREATE TABLE notes (id TEXT PRIMARY KEY, note TEXT NOT NULL, tab TEXT NOT NULL, created_at TEXT NOT NULL) STRICT');
  for (const [id, note] of [['a', 'one'], ['b', 'two'], ['c', 'three']]) {
    db.exec({ sql: "INSERT INTO notes (id, note, tab, created_at) VALUES (?, ?, 'tab', '2026-01-01T00:00:00.000Z')", bind: [id, note] });
  }
  return { db, sqlite3 };
}

const notes = (db: Database) => db.selectValues('SELECT note FROM notes ORDER BY id').map(String);

/** Runs `migrate` expecting a HandlerError; returns it. */
async function refusal(run: Promise<unknown>): Promise<HandlerError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HandlerError);
  return error as HandlerError;
}

const ADD_COLUMN: [string, string] = ['notes_amount', 'ALTER TABLE notes ADD COLUMN amount_cents INTEGER NOT NULL DEFAULT 0;'];
const ADD_TABLE: [string, string] = [
  'notes_tags',
  'CREATE TABLE notes_tags (notes_id TEXT NOT NULL REFERENCES notes (id), tag TEXT NOT NULL, PRIMARY KEY (notes_id, tag)) STRICT;',
];
const TRANSFORM: [string, string] = ['notes_upper_tab', "UPDATE notes SET tab = upper(tab), amount_cents = length(note) * 100;"];

describe('the migration runner', () => {
  it('creates a fresh database from the first migration, marked as Tillite\'s and recorded', async () => {
    const { db, sqlite3 } = await memoryDb();
    const { hooks, calls } = memorySnapshotHooks(sqlite3, db);
    const report = await migrate(db, bundledMigrations, { appVersion: APP, hooks, now: () => new Date('2026-03-01T09:30:00Z') });
    expect(report).toMatchObject({ from: 0, to: LATEST, snapshot: null });
    expect(schemaVersionOf(db)).toBe(LATEST);
    expect(Number(db.selectValue('PRAGMA application_id'))).toBe(TILLITE_APPLICATION_ID);
    const history = migrationHistory(db);
    expect(history.map((r) => r.version)).toEqual(bundledMigrations.map((m) => m.version));
    expect(history[0]).toMatchObject({ name: bundledMigrations[0]!.name, appliedAt: '2026-03-01T09:30:00.000Z', appVersion: APP });
    expect(history[0]!.checksum).toBe(await checksumOf(bundledMigrations[0]!.source));
    expect(history.every((r) => Number.isInteger(r.durationMs) && r.durationMs >= 0)).toBe(true);
    // A fresh file holds nothing to save: no snapshot is taken.
    expect(calls.filter((c) => !c.startsWith('start'))).toEqual([]);
    expect(db.selectValue("SELECT value FROM app_meta WHERE key = 'last_app_version'")).toBe(APP);
  });

  it('does nothing to an up-to-date database opened by the same app version', async () => {
    const { db, sqlite3 } = await shopAtLatest();
    const before = exportBytes(sqlite3, db);
    const { hooks, calls } = memorySnapshotHooks(sqlite3, db);
    const report = await migrate(db, bundledMigrations, { appVersion: APP, hooks });
    expect(report).toMatchObject({ from: LATEST, to: LATEST, applied: [], snapshot: null });
    expect(calls).toEqual([]);
    expect(exportBytes(sqlite3, db)).toEqual(before);
  });

  it('applies one pending migration after a snapshot that holds the data as it was', async () => {
    const { db, sqlite3 } = await shopAtLatest();
    const { hooks, snapshots, calls } = memorySnapshotHooks(sqlite3, db);
    const report = await migrate(db, withExtra(bundledMigrations, [ADD_COLUMN]), { appVersion: APP, hooks });
    expect(report.applied.map((a) => a.name)).toEqual(['notes_amount']);
    expect(calls).toEqual([`beforeMigrate ${LATEST}->${LATEST + 1}`, `start ${LATEST + 1}`]);
    expect(schemaVersionOf(db)).toBe(LATEST + 1);
    expect(notes(db)).toEqual(['one', 'two', 'three']);
    const snapshot = openBytes(sqlite3, snapshots.get(report.snapshot!)!);
    expect(schemaVersionOf(snapshot)).toBe(LATEST);
    expect(notes(snapshot)).toEqual(['one', 'two', 'three']);
    expect(snapshot.selectValue('PRAGMA integrity_check')).toBe('ok');
  });

  it('applies several pending migrations in order, each recorded, with one snapshot first', async () => {
    const { db, sqlite3 } = await shopAtLatest();
    const { hooks, calls } = memorySnapshotHooks(sqlite3, db);
    const transformInCode: Migration = {
      version: LATEST + 4,
      name: 'notes_trimmed',
      source: 'export default (db) => …',
      up: (target) => {
        for (const row of target.selectObjects('SELECT id, note FROM notes')) {
          target.exec({ sql: 'UPDATE notes SET note = ? WHERE id = ?', bind: [`${String(row.note)}!`, String(row.id)] });
        }
      },
    };
    const migrations = [...withExtra(bundledMigrations, [ADD_COLUMN, ADD_TABLE, TRANSFORM]), transformInCode];
    const report = await migrate(db, migrations, { appVersion: APP, hooks });
    expect(report.applied.map((a) => a.version)).toEqual([LATEST + 1, LATEST + 2, LATEST + 3, LATEST + 4]);
    expect(calls.filter((c) => c.startsWith('before'))).toHaveLength(1);
    expect(migrationHistory(db).slice(-4).map((r) => r.name)).toEqual(['notes_amount', 'notes_tags', 'notes_upper_tab', 'notes_trimmed']);
    expect(db.selectValues('SELECT amount_cents FROM notes ORDER BY id').map(Number)).toEqual([300, 300, 500]);
    expect(notes(db)).toEqual(['one!', 'two!', 'three!']);
    expect(db.selectValue('SELECT DISTINCT tab FROM notes')).toBe('TAB');
  });

  it('rolls back a failing migration: the database stays at the last good version and the snapshot is whole', async () => {
    const { db, sqlite3 } = await shopAtLatest();
    const { hooks, snapshots } = memorySnapshotHooks(sqlite3, db);
    // The failing migration's first statement succeeds before its second fails: that part must be undone too.
    const failing: [string, string] = ['broken', "CREATE TABLE half_done (id INTEGER PRIMARY KEY); DELETE FROM notes; INSERT INTO no_such_table VALUES (1);"];
    const error = await refusal(migrate(db, withExtra(bundledMigrations, [ADD_COLUMN, failing, ADD_TABLE]), { appVersion: APP, hooks }));
    expect(error.code).toBe('migration-failed');
    expect(error.detail).toMatchObject({ version: LATEST + 2, name: 'broken', at: LATEST + 1 });
    expect(String(error.detail?.reason)).toMatch(/no_such_table/);
    // Kept intact: the migration before it, every row, and no trace of the failing one or those after it.
    expect(schemaVersionOf(db)).toBe(LATEST + 1);
    expect(migrationHistory(db).at(-1)?.name).toBe('notes_amount');
    expect(notes(db)).toEqual(['one', 'two', 'three']);
    expect(db.selectValue("SELECT count(*) FROM sqlite_schema WHERE name IN ('half_done', 'notes_tags')")).toBe(0);
    expect(db.selectValue('PRAGMA foreign_keys')).toBe(1);
    const snapshotName = String(error.detail?.snapshot);
    const snapshot = openBytes(sqlite3, snapshots.get(snapshotName)!);
    expect(snapshot.selectValue('PRAGMA integrity_check')).toBe('ok');
    expect(schemaVersionOf(snapshot)).toBe(LATEST);
    expect(notes(snapshot)).toEqual(['one', 'two', 'three']);
  });

  it('a migration whose COMMIT fails reports that failure, not "cannot rollback", and changes nothing', async () => {
    const { db, sqlite3 } = await shopAtLatest();
    // A commit hook that refuses turns COMMIT into a ROLLBACK done by SQLite itself, as a full disk does: the
    // transaction is gone before the wrapper sees the error.
    sqlite3.capi.sqlite3_commit_hook(db.pointer!, () => 1, 0);
    try {
      const error = await refusal(migrate(db, withExtra(bundledMigrations, [ADD_COLUMN]), { appVersion: APP, capi: sqlite3.capi }));
      expect(error.code).toBe('migration-failed');
      expect(String(error.detail?.reason)).toMatch(/SQLITE_CONSTRAINT_COMMITHOOK/);
      expect(error.message).not.toMatch(/cannot rollback/);
    } finally {
      sqlite3.capi.sqlite3_commit_hook(db.pointer!, 0, 0);
    }
    expect(schemaVersionOf(db)).toBe(LATEST);
    expect(db.selectValue("SELECT count(*) FROM pragma_table_info('notes') WHERE name = 'amount_cents'")).toBe(0);
    expect(notes(db)).toEqual(['one', 'two', 'three']);
  });

  it('refuses a migration that leaves broken foreign keys, and keeps the rows it would have orphaned', async () => {
    const { db, sqlite3 } = await shopAtLatest();
    db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent (id)); INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1);');
    const { hooks } = memorySnapshotHooks(sqlite3, db);
    const error = await refusal(migrate(db, withExtra(bundledMigrations, [['drop_parent_rows', 'DELETE FROM parent;']]), { appVersion: APP, hooks }));
    expect(String(error.detail?.reason)).toMatch(/foreign key/);
    expect(db.selectValue('SELECT count(*) FROM parent')).toBe(1);
    expect(schemaVersionOf(db)).toBe(LATEST);
  });

  it('refuses to migrate when a recorded checksum differs from the bundled migration, changing nothing', async () => {
    const { db, sqlite3 } = await shopAtLatest();
    await migrate(db, withExtra(bundledMigrations, [ADD_COLUMN]), { appVersion: APP });
    const before = exportBytes(sqlite3, db);
    const { hooks, calls } = memorySnapshotHooks(sqlite3, db);
    const edited: [string, string] = ['notes_amount', 'ALTER TABLE notes ADD COLUMN amount_cents INTEGER NOT NULL DEFAULT 1;'];
    const error = await refusal(migrate(db, withExtra(bundledMigrations, [edited, ADD_TABLE]), { appVersion: APP, hooks }));
    expect(error.code).toBe('migration-failed');
    expect(error.message).toMatch(/checksum mismatch/);
    expect(calls).toEqual([]);
    expect(exportBytes(sqlite3, db)).toEqual(before);
  });

  it('refuses a database from a newer schema and leaves every byte of it as it was', async () => {
    const { db, sqlite3 } = await shopAtLatest();
    await migrate(db, withExtra(bundledMigrations, [ADD_COLUMN]), { appVersion: '2.0.0' });
    const before = exportBytes(sqlite3, db);
    const { hooks, calls } = memorySnapshotHooks(sqlite3, db);
    const error = await refusal(migrate(db, bundledMigrations, { appVersion: APP, hooks }));
    expect(error.code).toBe('newer-schema');
    expect(error.detail).toMatchObject({ fileVersion: LATEST + 1, appSchemaVersion: LATEST });
    expect(calls).toEqual([]);
    expect(exportBytes(sqlite3, db)).toEqual(before);
  });

  it('refuses a file that belongs to another application, untouched', async () => {
    const { db, sqlite3 } = await memoryDb();
    db.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY); PRAGMA application_id = 1234;');
    const before = exportBytes(sqlite3, db);
    const error = await refusal(migrate(db, bundledMigrations, { appVersion: APP }));
    expect(error.message).toMatch(/not a Tillite database/);
    expect(exportBytes(sqlite3, db)).toEqual(before);
  });

  it('refuses a history with a missing record rather than guess', async () => {
    const { db } = await shopAtLatest();
    db.exec(`DELETE FROM schema_migrations WHERE version = ${LATEST}`);
    const error = await refusal(migrate(db, bundledMigrations, { appVersion: APP }));
    expect(error.detail).toMatchObject({ reason: 'inconsistent migration history' });
  });

  it('takes an upgrade snapshot when only the app version changed, naming both versions', async () => {
    const { db, sqlite3 } = await shopAtLatest();
    const { hooks, snapshots, calls } = memorySnapshotHooks(sqlite3, db);
    const report = await migrate(db, bundledMigrations, { appVersion: '1.1.0', hooks });
    expect(calls).toEqual(['onAppVersionChange 1.0.0->1.1.0']);
    expect(report.previousAppVersion).toBe('1.0.0');
    expect(notes(openBytes(sqlite3, snapshots.get(report.snapshot!)!))).toEqual(['one', 'two', 'three']);
    expect(db.selectValue("SELECT value FROM app_meta WHERE key = 'last_app_version'")).toBe('1.1.0');
    // Opening again with the same version takes no further snapshot.
    const again = memorySnapshotHooks(sqlite3, db);
    await migrate(db, bundledMigrations, { appVersion: '1.1.0', hooks: again.hooks });
    expect(again.calls).toEqual([]);
  });

  it('does not migrate when the pre-migration snapshot cannot be taken', async () => {
    const { db, sqlite3 } = await shopAtLatest();
    const before = exportBytes(sqlite3, db);
    const hooks = { beforeMigrate: async () => Promise.reject(new HandlerError('quota', 'no room')) };
    const error = await refusal(migrate(db, withExtra(bundledMigrations, [ADD_COLUMN]), { appVersion: APP, hooks }));
    expect(error.code).toBe('quota');
    expect(exportBytes(sqlite3, db)).toEqual(before);
  });
});
