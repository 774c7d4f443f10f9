/**
 * Declaring power-safe overwrites (`powersafe.ts`) on a real WAL: sqlite-wasm's `unix` VFS in Node, on its
 * in-memory file system, told by `psow=0` not to declare them itself (as opfs-sahpool does not), in the live
 * database's settings (exclusive locking, WAL, synchronous=FULL).
 */
import { describe, expect, it } from 'vitest';
import type { Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { loadSqlite } from './sqlite';
import { applyConnectionSettings } from './pragmas';
import { declarePowersafeOverwrite } from './powersafe';

let files = 0;

/** The frames one commit of one page adds to the WAL (SQLite's own count, from a PASSIVE checkpoint). */
function framesOfOneCommit(sqlite3: Sqlite3Static, declare: boolean): number {
  const db = new sqlite3.oo1.DB({ filename: `file:/powersafe-${++files}.db?psow=0`, flags: 'c', vfs: 'unix' });
  try {
    if (declare) expect(declarePowersafeOverwrite(sqlite3, db)).toBe(true);
    applyConnectionSettings(db);
    db.exec('CREATE TABLE t (x)');
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    db.exec('INSERT INTO t VALUES (1)');
    const [busy, frames] = (db.selectArray('PRAGMA wal_checkpoint(PASSIVE)') ?? []).map(Number);
    expect(busy).toBe(0);
    expect(db.selectValue('SELECT count(*) FROM t')).toBe(1);
    return frames ?? -1;
  } finally {
    db.close();
  }
}

describe('declaring power-safe overwrites', () => {
  it('leaves out the frame a commit padded its sector with, and nothing else', async () => {
    const sqlite3 = await loadSqlite();
    // Not declared: the commit's page, then a copy of it up to the sector boundary.
    expect(framesOfOneCommit(sqlite3, false)).toBe(2);
    expect(framesOfOneCommit(sqlite3, true)).toBe(1);
  });

  it('can be declared twice on one file, and the file still reads and writes through its own methods', async () => {
    const sqlite3 = await loadSqlite();
    const db = new sqlite3.oo1.DB({ filename: `file:/powersafe-${++files}.db?psow=0`, flags: 'c', vfs: 'unix' });
    try {
      expect(declarePowersafeOverwrite(sqlite3, db)).toBe(true);
      expect(declarePowersafeOverwrite(sqlite3, db)).toBe(true);
      applyConnectionSettings(db);
      db.exec('CREATE TABLE t (x); WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 5000) INSERT INTO t SELECT v FROM n');
      expect(db.selectValue('SELECT sum(x) FROM t')).toBe(12_502_500);
      expect(db.selectValue('PRAGMA integrity_check')).toBe('ok');
    } finally {
      db.close();
    }
  });
});
