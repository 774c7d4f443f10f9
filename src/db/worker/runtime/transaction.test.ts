import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { openMemoryDatabase } from '../storage/memory';
import { explainFailure } from './errors';
import { inTransaction } from './transaction';

let db: Database;
let sqlite3: Sqlite3Static;
beforeEach(async () => {
  ({ db, sqlite3 } = await openMemoryDatabase());
  db.exec('CREATE TABLE t (x INTEGER)');
});
afterEach(() => db.close());

describe('inTransaction', () => {
  it('keeps the real error when SQLite has already rolled back (as after a COMMIT that hit a full disk)', () => {
    const fail = () =>
      inTransaction(db, sqlite3.capi, 'IMMEDIATE', () => {
        db.exec('INSERT INTO t VALUES (1)');
        db.exec('ROLLBACK'); // what SQLite does itself when COMMIT fails with an I/O error
        throw new Error('disk I/O error');
      });
    expect(fail).toThrow('disk I/O error');
    expect(db.selectValue('SELECT count(*) FROM t')).toBe(0);
  });

  it('rolls back what is still open and keeps the cause: a constraint that fails only at COMMIT', () => {
    db.exec('PRAGMA foreign_keys = ON; CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)');
    expect(() => inTransaction(db, sqlite3.capi, 'IMMEDIATE', () => db.exec('INSERT INTO c VALUES (42)'))).toThrow(/FOREIGN KEY/);
    expect(sqlite3.capi.sqlite3_get_autocommit(db.pointer!)).not.toBe(0);
    expect(db.selectValue('SELECT count(*) FROM c')).toBe(0);
  });

  it('commits what succeeds', () => {
    expect(inTransaction(db, sqlite3.capi, 'IMMEDIATE', () => (db.exec('INSERT INTO t VALUES (1)'), 'done'))).toBe('done');
    expect(db.selectValue('SELECT count(*) FROM t')).toBe(1);
  });
});

describe('explainFailure', () => {
  const ioError = Object.assign(new Error('SQLITE_IOERR: sqlite3 result code 10: disk I/O error'), { resultCode: 10 });

  it('names a full disk in words, with what to do, and SQLite\'s code only in small print at the end', async () => {
    const error = await explainFailure(ioError, async () => true);
    expect(error.code).toBe('quota');
    expect(error.message).toMatch(/^This device's storage is full, so this was not saved/);
    expect(error.message).toContain('Free some space');
    expect(error.message).toMatch(/\(SQLITE_IOERR\)$/);
  });

  it('an I/O error with room left is a storage error, not "full"', async () => {
    const error = await explainFailure(ioError, async () => false);
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/^The device could not write Tillite's data/);
  });

  it('other failures are translated as before, without asking about the storage', async () => {
    let asked = false;
    const constraint = Object.assign(new Error('SQLITE_CONSTRAINT_UNIQUE: UNIQUE constraint failed'), { resultCode: 2067 });
    const error = await explainFailure(constraint, async () => (asked = true));
    expect(error.code).toBe('conflict');
    expect(asked).toBe(false);
  });
});
