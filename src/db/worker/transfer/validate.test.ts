/**
 * The import check against sqlite-wasm in Node (in memory): every kind of bad file is refused with its own reason,
 * and a good file (at the newest or an older schema) is accepted with the facts the preview shows. The end-to-end
 * specs run the same module in the worker on files made by Python's SQLite.
 */
import { describe, expect, it } from 'vitest';
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { TILLITE_APPLICATION_ID } from '../schema/version';
import { bundledMigrations } from '../schema/loader';
import { exportBytes, memoryDb } from '../testing/memory-db';
import { seededShop } from '../testing/seeded-shop';
import { checkHeader, describeForeignFile } from './header';
import { damagedPage, validateImport } from './validate';

const LATEST = bundledMigrations.length;

/** A Tillite database at `version` with each migration's seed rows, as a shop would have it. */
async function shopBytes(version = LATEST, change?: (db: Database) => void): Promise<{ bytes: Uint8Array; sqlite3: Sqlite3Static }> {
  const { db, sqlite3 } = await seededShop(version);
  change?.(db);
  // A file as it is on disk: in rollback-journal mode (the live connection's WAL flag is not part of an export).
  const bytes = exportBytes(sqlite3, db);
  bytes[18] = 1;
  bytes[19] = 1;
  db.close();
  return { bytes, sqlite3 };
}

async function reasonOf(bytes: Uint8Array) {
  const { sqlite3 } = await memoryDb();
  const result = await validateImport(sqlite3, bytes, bundledMigrations);
  return result.ok ? { reason: 'accepted', message: '' } : result;
}

describe('checking a file to import', () => {
  it('accepts a Tillite database at the newest schema, with what the preview shows', async () => {
    const { bytes, sqlite3 } = await shopBytes();
    const result = await validateImport(sqlite3, bytes, bundledMigrations);
    expect(result).toMatchObject({
      ok: true,
      // The seeds up to the newest migration's: four sales from 0002's seed, a fifth from 0009's, a sixth from 0010's,
      // a seventh from 0011's.
      facts: { shopName: 'Corner Café', products: 4, sales: 7, firstSaleAt: '2026-01-05T09:12:00.000Z', lastSaleAt: '2026-01-09T14:00:00.000Z', schemaVersion: LATEST, size: bytes.length },
    });
  });

  it('reads the same facts from a file at schema 2, whose times are ISO text', async () => {
    const { bytes, sqlite3 } = await shopBytes(2);
    const result = await validateImport(sqlite3, bytes, bundledMigrations);
    expect(result).toMatchObject({
      ok: true,
      facts: { shopName: 'Corner Café', products: 4, sales: 2, firstSaleAt: '2026-01-05T09:12:00.000Z', lastSaleAt: '2026-01-05T11:30:00.000Z', schemaVersion: 2 },
    });
  });

  it('accepts a Tillite database at an older schema (the import migrates it)', async () => {
    const { bytes, sqlite3 } = await shopBytes(1);
    const result = await validateImport(sqlite3, bytes, bundledMigrations);
    expect(result).toMatchObject({ ok: true, facts: { schemaVersion: 1, shopName: null, products: null, sales: null } });
  });

  it('refuses an empty file, text, an image', async () => {
    expect(await reasonOf(new Uint8Array())).toMatchObject({ reason: 'empty', message: expect.stringContaining('empty') });
    const text = new TextEncoder().encode('name,price\nCoffee,3.20\n'.repeat(20));
    expect(await reasonOf(text)).toMatchObject({ reason: 'not-sqlite', message: expect.stringContaining('a text file') });
    const png = new Uint8Array(300).fill(7);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await reasonOf(png)).toMatchObject({ reason: 'not-sqlite', message: expect.stringContaining('a PNG image') });
    expect(describeForeignFile(new Uint8Array([0, 1, 2, 3, 0, 0]))).toBe('a file of another kind');
  });

  it('refuses a truncated database and one with bytes added, by its header', async () => {
    const { bytes } = await shopBytes();
    const cut = await reasonOf(bytes.subarray(0, bytes.length - 4096));
    expect(cut).toMatchObject({ reason: 'size-mismatch', message: expect.stringContaining('incomplete') });
    const longer = new Uint8Array(bytes.length + 100);
    longer.set(bytes);
    expect(await reasonOf(longer)).toMatchObject({ reason: 'size-mismatch', message: expect.stringContaining('does not match') });
  });

  it('refuses a WAL-mode file, whose latest changes may be in a -wal file that did not come with it', async () => {
    const { bytes } = await shopBytes();
    bytes[18] = 2;
    bytes[19] = 2;
    expect(await reasonOf(bytes)).toMatchObject({ reason: 'wal', message: expect.stringContaining('journal_mode=DELETE') });
  });

  it('refuses another application\'s database, and a newer Tillite\'s', async () => {
    const { db, sqlite3 } = await memoryDb();
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'hello\')');
    const other = exportBytes(sqlite3, db);
    other[18] = 1;
    other[19] = 1;
    expect(await reasonOf(other)).toMatchObject({ reason: 'not-tillite', message: expect.stringContaining('This is not a Tillite database') });
    const { bytes: newer } = await shopBytes(LATEST, (d) => d.exec(`PRAGMA user_version = ${LATEST + 1}`));
    expect(await reasonOf(newer)).toMatchObject({ reason: 'newer-schema', message: expect.stringContaining(`newer version of Tillite (schema ${LATEST + 1}); update the app first`) });
  });

  it('refuses a damaged page and names it', async () => {
    // Enough rows that the app_meta table has leaf pages of its own; the damage goes on its last one.
    let last = 0;
    const { bytes } = await shopBytes(LATEST, (d) => {
      for (let i = 0; i < 400; i++) d.exec({ sql: "INSERT INTO app_meta (key, value) VALUES (?, 'a note long enough to fill pages')", bind: [`note-${i}`] });
      last = Number(d.selectValue("SELECT max(pageno) FROM dbstat WHERE name = 'app_meta' AND pagetype = 'leaf'"));
    });
    const pageSize = (bytes[16]! << 8) | bytes[17]!;
    // Scribble over the cell pointers of that page, as a failing disk might.
    bytes.fill(0xa5, (last - 1) * pageSize + 100, (last - 1) * pageSize + 400);
    const result = await reasonOf(bytes);
    expect(result).toMatchObject({ reason: 'damaged', message: expect.stringContaining(`damaged at page ${last}`) });
    expect(damagedPage(['row 3 missing from index x', 'Tree 2 page 4 cell 7: out of range'])).toBe(4);
  });

  it('refuses a Tillite database carrying an extra trigger, view, table or index, and nothing in it runs', async () => {
    const trap = "CREATE TABLE trap (hit INTEGER); CREATE TRIGGER evil AFTER INSERT ON app_meta BEGIN INSERT INTO trap VALUES (1); END;";
    const { bytes: trigger } = await shopBytes(LATEST, (d) => d.exec(trap));
    const result = await reasonOf(trigger);
    expect(result).toMatchObject({ reason: 'unexpected-schema', message: expect.stringContaining('an extra trigger “evil”') });
    const { bytes: view } = await shopBytes(LATEST, (d) => d.exec('CREATE VIEW everything AS SELECT * FROM products'));
    expect(await reasonOf(view)).toMatchObject({ reason: 'unexpected-schema', message: expect.stringContaining('an extra view “everything”') });
    const { bytes: index } = await shopBytes(LATEST, (d) => d.exec('CREATE INDEX sneaky ON app_meta (value)'));
    expect(await reasonOf(index)).toMatchObject({ reason: 'unexpected-schema', message: expect.stringContaining('an extra index “sneaky”') });
    const { bytes: dropped } = await shopBytes(LATEST, (d) => d.exec('DROP INDEX sales_created_at'));
    expect(await reasonOf(dropped)).toMatchObject({ reason: 'unexpected-schema', message: expect.stringContaining('no index “sales_created_at”') });
  });

  it('refuses broken references between tables and an edited migration history', async () => {
    const { bytes: orphan } = await shopBytes(LATEST, (d) => {
      d.exec('PRAGMA foreign_keys = OFF');
      d.exec("INSERT INTO sale_payments (sale_id, seq, method, amount, tendered) VALUES (999999, 1, 'cash', 100, 100)");
    });
    expect(await reasonOf(orphan)).toMatchObject({ reason: 'broken-references', message: expect.stringContaining('sale_payments') });
    const { bytes: edited } = await shopBytes(LATEST, (d) => d.exec("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1"));
    expect(await reasonOf(edited)).toMatchObject({ reason: 'history-mismatch' });
  });

  it('reads the header of a good file', async () => {
    const { bytes } = await shopBytes();
    expect(checkHeader(bytes)).toMatchObject({ wal: false, userVersion: LATEST, applicationId: TILLITE_APPLICATION_ID, pageCount: bytes.length / ((bytes[16]! << 8) | bytes[17]!) });
  });
});
