/** SQLite's errors about a checked file, turned into words with the code last, from real sqlite-wasm errors. */
import { describe, expect, it } from 'vitest';
import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import { fileProblemInWords, sqliteSmallPrint } from './sqlite-words';

describe('SQLite errors in words', () => {
  it('explains a scrambled file without leading with the code, and keeps the code for the small print', async () => {
    const sqlite3 = await sqlite3InitModule();
    const source = new sqlite3.oo1.DB(':memory:', 'c');
    source.exec("CREATE TABLE t (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO t SELECT printf('%0500d', i) FROM n");
    const bytes = new Uint8Array(sqlite3.capi.sqlite3_js_db_export(source));
    source.close();
    // The table's pages scrambled, as a failing disk would: its root page (2) and after.
    bytes.fill(0xa5, 4096);
    const db = new sqlite3.oo1.DB(':memory:', 'c');
    const pointer = sqlite3.wasm.allocFromTypedArray(bytes);
    db.checkRc(sqlite3.capi.sqlite3_deserialize(db.pointer!, 'main', pointer, bytes.length, bytes.length, sqlite3.capi.SQLITE_DESERIALIZE_FREEONCLOSE));
    let thrown: unknown;
    try {
      db.selectValues('SELECT x FROM t');
    } catch (error) {
      thrown = error;
    } finally {
      db.close();
    }
    expect(String(thrown)).toContain('SQLITE_CORRUPT');
    expect(fileProblemInWords(thrown)).toBe('parts of it are scrambled, so SQLite cannot read them');
    expect(sqliteSmallPrint(thrown)).toMatch(/^SQLite code 11, SQLITE_CORRUPT: database disk image is malformed/);
  });

  it('keeps SQLite\'s own words, without the prefix, for a code it does not explain', () => {
    const other = Object.assign(new Error('SQLITE_ERROR: sqlite3 result code 1: no such table: x'), { resultCode: 1 });
    expect(fileProblemInWords(other)).toBe('SQLite could not read it (no such table: x)');
    expect(sqliteSmallPrint(new Error('a short read'))).toBeNull();
  });
});
