/**
 * The manifest's records form (`record-digest.ts`) on sqlite-wasm in memory: which tables take it, that it counts
 * every row and reads b-trees of several levels and overflow pages, that it does not depend on how the pages lie
 * (rows written in another order, a VACUUM) but sees any value change (one in an interior cell, one inside an
 * overflow page, a rowid), and that a manifest of the text form (format 1) is still checked in that form.
 */
import { describe, expect, it } from 'vitest';
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { exportBytes, openBytes } from '../testing/memory-db';
import { seededShop } from '../testing/seeded-shop';
import { checkManifest, embedManifest, loadManifestHasher, takeManifest } from './manifest';
import { RECORDS_DIGEST, recordTableOf } from './record-digest';

const series = (n: number) => `WITH RECURSIVE series(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM series WHERE value < ${n})`;

/** A shop with tables of every shape: deep WITHOUT ROWID b-trees, rows that overflow, keys of each kind. */
async function shapes(): Promise<{ db: Database; sqlite3: Sqlite3Static }> {
  const { db, sqlite3 } = await seededShop();
  db.exec(`
    CREATE TABLE wide_up (a INTEGER NOT NULL, b TEXT NOT NULL, note TEXT, PRIMARY KEY (a, b)) STRICT, WITHOUT ROWID;
    CREATE TABLE wide_down (a INTEGER NOT NULL, b TEXT NOT NULL, note TEXT, PRIMARY KEY (a, b)) STRICT, WITHOUT ROWID;
    ${series(20000)} INSERT INTO wide_up SELECT value % 97, printf('k%06d', value), printf('%.*c', value % 300, 'x') FROM series ORDER BY value;
    ${series(20000)} INSERT INTO wide_down SELECT value % 97, printf('k%06d', value), printf('%.*c', value % 300, 'x') FROM series ORDER BY value DESC;
    CREATE TABLE big (id INTEGER PRIMARY KEY, body BLOB);
    ${series(40)} INSERT INTO big SELECT value, randomblob(20000 + value * 911) FROM series;
    CREATE TABLE big_keyed (k TEXT NOT NULL, body TEXT, PRIMARY KEY (k)) WITHOUT ROWID;
    ${series(30)} INSERT INTO big_keyed SELECT printf('k%03d', value), printf('%.*c', 9000 + value * 500, 'y') FROM series;
    CREATE TABLE loose (a, b);
    ${series(3000)} INSERT INTO loose SELECT value, value * 2 FROM series;
    CREATE TABLE text_keyed (code TEXT PRIMARY KEY, n INTEGER);
    ${series(100)} INSERT INTO text_keyed SELECT printf('c%03d', value), value FROM series;
    CREATE TABLE desc_keyed (id INTEGER PRIMARY KEY DESC, v);
    INSERT INTO desc_keyed VALUES (1, 'a'), (2, 'b');
  `);
  return { db, sqlite3 };
}

/** Flips one byte of a BLOB, which stays a BLOB of the same length (SQL's `||` would make it text). */
const flipByte = (table: string, where: string, at: number) => (db: Database) => {
  const body = (db.selectValue(`SELECT body FROM ${table} WHERE ${where}`) as Uint8Array).slice();
  body[at] = body[at]! ^ 0x01;
  db.exec({ sql: `UPDATE ${table} SET body = ? WHERE ${where}`, bind: [body] });
};

describe('the manifest in the records form', () => {
  it('takes the records where the b-tree is in key order, and the text form elsewhere', async () => {
    const { db } = await shapes();
    expect(recordTableOf(db, 'wide_up')?.rowid).toBeNull();
    expect(recordTableOf(db, 'big')?.rowid).toBe('include');
    expect(recordTableOf(db, 'loose')?.rowid).toBe('omit');
    expect(recordTableOf(db, 'text_keyed')).toBeNull();
    expect(recordTableOf(db, 'desc_keyed')).toBeNull();
    const manifest = takeManifest(db, await loadManifestHasher());
    expect(manifest.format).toBe(2);
    const form = (table: string) => (manifest.tables[table]?.digest.startsWith(RECORDS_DIGEST) ? 'records' : 'text');
    expect(['sales', 'sale_lines', 'products', 'wide_up', 'big', 'big_keyed', 'loose'].map(form)).toEqual(Array(7).fill('records'));
    expect(['app_meta', 'text_keyed', 'desc_keyed'].map(form)).toEqual(['text', 'text', 'text']);
    for (const [table, { rows }] of Object.entries(manifest.tables)) {
      const expected = Number(db.selectValue(`SELECT count(*) FROM "${table}"${table === 'app_meta' ? " WHERE key <> 'manifest'" : ''}`));
      expect(rows, table).toBe(expected);
    }
    db.close();
  });

  it('is the same for the same rows however their pages lie, and after a VACUUM', async () => {
    const { db, sqlite3 } = await shapes();
    const hash = await loadManifestHasher();
    // Written in opposite orders, the two b-trees split differently (several levels: interior cells hold rows).
    expect(Number(db.selectValue("SELECT count(*) FROM dbstat WHERE name = 'wide_up' AND pagetype = 'internal'"))).toBeGreaterThan(1);
    const manifest = takeManifest(db, hash);
    expect(manifest.tables.wide_up).toEqual(manifest.tables.wide_down);
    const copy = openBytes(sqlite3, exportBytes(sqlite3, db));
    embedManifest(copy, manifest);
    copy.exec('VACUUM');
    expect(checkManifest(copy, hash).status).toBe('match');
    db.close();
  });

  it.each([
    ['a row held in an interior cell', "UPDATE wide_up SET note = note || '!' WHERE (a, b) = (SELECT a, b FROM wide_up ORDER BY a, b LIMIT 1 OFFSET 9000)", 'wide_up'],
    ['one byte inside an overflow page', flipByte('big', 'id = 7', 15000), 'big'],
    ['one byte inside a keyed overflow row', "UPDATE big_keyed SET body = substr(body, 1, 8000) || 'z' || substr(body, 8002) WHERE k = 'k010'", 'big_keyed'],
    ['a rowid that is the key', 'UPDATE big SET id = 1000 WHERE id = 40', 'big'],
    ['a row of a table with no key', 'UPDATE loose SET b = -1 WHERE a = 1500', 'loose'],
    ['a row of a table keyed by text', "UPDATE text_keyed SET n = -1 WHERE code = 'c050'", 'text_keyed'],
  ])('sees %s changed, and names only that table', async (_what, change, table) => {
    const { db, sqlite3 } = await shapes();
    const hash = await loadManifestHasher();
    const copy = openBytes(sqlite3, exportBytes(sqlite3, db));
    embedManifest(copy, takeManifest(db, hash));
    expect(checkManifest(copy, hash).status).toBe('match');
    if (typeof change === 'string') copy.exec(change);
    else change(copy);
    const check = checkManifest(copy, hash);
    expect(check.status === 'changed' ? check.tables.map((t) => t.table) : check.status).toEqual([table]);
    db.close();
  });

  it('checks a manifest of the text form (format 1) in that form', async () => {
    const { db, sqlite3 } = await shapes();
    const hash = await loadManifestHasher();
    const old = takeManifest(db, hash, new Date('2026-01-01T00:00:00.000Z'), 'text');
    expect(old.format).toBe(1);
    expect(Object.values(old.tables).every((t) => t.digest.startsWith('xxh64:'))).toBe(true);
    const copy = openBytes(sqlite3, exportBytes(sqlite3, db));
    embedManifest(copy, old);
    expect(checkManifest(copy, hash)).toEqual({ status: 'match', takenAt: old.takenAt });
    copy.exec("UPDATE sale_taxes SET net = 8375 WHERE (sale_id, tax_bp) = (SELECT sale_id, tax_bp FROM sale_taxes LIMIT 1)");
    const check = checkManifest(copy, hash);
    expect(check.status === 'changed' ? check.tables.map((t) => t.table) : check.status).toEqual(['sale_taxes']);
    db.close();
  });
});
