/**
 * The manifest on sqlite-wasm in memory (the module the worker runs): taken from a seeded shop, embedded into a
 * copy of it, and checked on that copy after the changes nothing else notices (the three silent
 * mutations among them), after a VACUUM that moves every row, and on files without one.
 */
import { describe, expect, it } from 'vitest';
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { exportBytes, openBytes } from '../testing/memory-db';
import { seededShop } from '../testing/seeded-shop';
import { checkManifest, embedManifest, loadManifestHasher, manifestSteps, MANIFEST_KEY, readManifest, takeManifest, takeManifestByOffsets } from './manifest';
import { bundledMigrations } from '../schema/loader';

/** A seeded shop and a copy of it that carries the shop's manifest, as a backup does. */
async function shopAndCopy(): Promise<{ db: Database; copy: Database; sqlite3: Sqlite3Static }> {
  const { db, sqlite3 } = await seededShop();
  const manifest = takeManifest(db, await loadManifestHasher());
  const copy = openBytes(sqlite3, exportBytes(sqlite3, db));
  embedManifest(copy, manifest);
  return { db, copy, sqlite3 };
}

describe('manifest', () => {
  it('is the same whether each batch is a range of the key or found by offset, at every schema version', async () => {
    const hash = await loadManifestHasher();
    const at = new Date('2026-01-01T00:00:00.000Z');
    for (let version = 1; version <= bundledMigrations.length; version++) {
      const { db } = await seededShop(version);
      // More sales lines than one batch holds, under keys with gaps, so that the ranges must adapt and skip.
      const reference = takeManifestByOffsets(db, hash, at);
      expect(takeManifest(db, hash, at, 'text'), `schema ${version}`).toEqual(reference);
      db.close();
    }
  });

  it('is the same for keys the ranges do not take (text, NULLs, reals, huge and sparse integers)', async () => {
    const { db } = await seededShop();
    const hash = await loadManifestHasher();
    const at = new Date('2026-01-01T00:00:00.000Z');
    const series = 'WITH RECURSIVE series(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM series WHERE value < 9000)';
    db.exec(`
      CREATE TABLE t_text (k TEXT PRIMARY KEY, v);
      ${series} INSERT INTO t_text SELECT 'k' || value, value FROM series;
      CREATE TABLE t_pair (a, b, v, PRIMARY KEY (a, b));
      ${series} INSERT INTO t_pair SELECT value % 7, value, value FROM series;
      INSERT INTO t_pair VALUES (NULL, 1, 'null first'), (2.5, 1, 'a real'), ('x', 1, 'text last');
      CREATE TABLE t_mixed (a INTEGER, b, v, PRIMARY KEY (a, b)) WITHOUT ROWID;
      ${series} INSERT INTO t_mixed SELECT value * 1000003, value, value FROM series;
      INSERT INTO t_mixed VALUES (3.5, 1, 'a real between'), (9223372036854775807, 1, 'the largest key'), (-9223372036854775808, 1, 'the smallest');
      CREATE TABLE t_sparse (id INTEGER PRIMARY KEY, v);
      ${series} INSERT INTO t_sparse SELECT value * value * value, value FROM series;
      CREATE TABLE t_empty (id INTEGER PRIMARY KEY, v);
    `);
    const reference = takeManifestByOffsets(db, hash, at);
    expect(reference.tables.t_mixed?.rows).toBe(9003);
    expect(takeManifest(db, hash, at, 'text')).toEqual(reference);
    db.close();
  });

  it('covers every table of the shop with its row count, and matches an untouched copy', async () => {
    const { db, copy } = await shopAndCopy();
    const manifest = readManifest(copy);
    if (manifest === null || manifest === 'unreadable') throw new Error('the copy carries no manifest');
    for (const table of ['sales', 'sale_lines', 'sale_taxes', 'sale_payments', 'stock_movements', 'products', 'schema_migrations', 'app_meta']) {
      expect(manifest.tables[table]?.rows, table).toBe(Number(db.selectValue(`SELECT count(*) FROM ${table}`)));
    }
    expect(manifest.tables.products_fts_data).toBeUndefined();
    expect(checkManifest(copy, await loadManifestHasher())).toEqual({ status: 'match', takenAt: manifest.takenAt });
  });

  it.each([
    ['a tax band’s net', 'UPDATE sale_taxes SET net = 8375 WHERE (sale_id, tax_bp) = (SELECT sale_id, tax_bp FROM sale_taxes LIMIT 1)', 'sale_taxes'],
    ['a product’s updated_at', "UPDATE products SET updated_at = '2031-01-01T00:00:00.000Z' WHERE id = (SELECT min(id) FROM products)", 'products'],
    ['a migration’s time', "UPDATE schema_migrations SET applied_at = '2030-05-05T05:05:05.000Z' WHERE version = 2", 'schema_migrations'],
    ['a deleted payment', 'DELETE FROM sale_payments WHERE (sale_id, seq) = (SELECT sale_id, seq FROM sale_payments LIMIT 1)', 'sale_payments'],
  ])('detects %s changed in the copy, and names only that table', async (_what, sql, table) => {
    const { copy } = await shopAndCopy();
    const rowsBefore = Number(copy.selectValue(`SELECT count(*) FROM ${table}`));
    copy.exec(`PRAGMA foreign_keys = OFF; ${sql}`);
    const check = checkManifest(copy, await loadManifestHasher());
    expect(check.status).toBe('changed');
    if (check.status !== 'changed') return;
    expect(check.tables).toEqual([{ table, recordedRows: rowsBefore, actualRows: Number(copy.selectValue(`SELECT count(*) FROM ${table}`)) }]);
  });

  it('still matches after a VACUUM rewrote every page, and the manifest leaves its own row out', async () => {
    const { copy, sqlite3 } = await shopAndCopy();
    copy.exec('VACUUM');
    const reopened = openBytes(sqlite3, exportBytes(sqlite3, copy));
    expect(checkManifest(reopened, await loadManifestHasher()).status).toBe('match');
  });

  it('says when a file has none, and when what it carries is not a manifest', async () => {
    const { db, copy } = await shopAndCopy();
    const hash = await loadManifestHasher();
    expect(checkManifest(db, hash)).toEqual({ status: 'none' });
    copy.exec({ sql: 'UPDATE app_meta SET value = ? WHERE key = ?', bind: ['{"format":1,"tables":{"sales":{"rows":"x"}}}', MANIFEST_KEY] });
    expect(checkManifest(copy, hash)).toEqual({ status: 'unreadable' });
  });

  it('encodes values unambiguously: a comma moved between two columns, NULL against the text NULL', async () => {
    const { db } = await seededShop();
    const hash = await loadManifestHasher();
    db.exec("CREATE TABLE pair (id INTEGER PRIMARY KEY, a TEXT, b TEXT) STRICT; INSERT INTO pair VALUES (1, 'x,', 'y')");
    const first = takeManifest(db, hash).tables.pair?.digest;
    db.exec("UPDATE pair SET a = 'x', b = ',y'");
    const second = takeManifest(db, hash).tables.pair?.digest;
    db.exec("UPDATE pair SET a = NULL, b = 'NULL'");
    const third = takeManifest(db, hash).tables.pair?.digest;
    db.exec("UPDATE pair SET a = 'NULL', b = NULL");
    const fourth = takeManifest(db, hash).tables.pair?.digest;
    expect(new Set([first, second, third, fourth]).size).toBe(4);
  });

  it('reads a large table in batches, in key order whatever order the rows were written in', async () => {
    const { db, sqlite3 } = await seededShop();
    const hash = await loadManifestHasher();
    db.exec("CREATE TABLE keyed (code TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT; CREATE TABLE other (code TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT");
    // The same 10,000 rows, written in opposite orders (so their rowids differ).
    db.exec("WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 10000) INSERT INTO keyed SELECT printf('c%05d', n), n FROM i ORDER BY n");
    db.exec("WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 10000) INSERT INTO other SELECT printf('c%05d', n), n FROM i ORDER BY n DESC");
    let steps = 0;
    const walk = manifestSteps(db, hash);
    let step = walk.next();
    for (; !step.done; step = walk.next()) steps++;
    const { keyed, other } = step.value.tables;
    expect(keyed).toEqual(other);
    expect(keyed?.rows).toBe(10000);
    expect(steps).toBeGreaterThan(3);
    // A change in the third batch is seen.
    const copy = openBytes(sqlite3, exportBytes(sqlite3, db));
    embedManifest(copy, step.value);
    copy.exec("UPDATE keyed SET n = -1 WHERE code = 'c09000'");
    const check = checkManifest(copy, hash);
    expect(check.status === 'changed' ? check.tables.map((t) => t.table) : check.status).toEqual(['keyed']);
  });
});
