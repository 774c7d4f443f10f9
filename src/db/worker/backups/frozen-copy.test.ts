/**
 * A snapshot copied straight from the live database's file while sales go on. The app's file is on OPFS (covered
 * end to end); here the same code runs on a real file of sqlite-wasm's Node build (its in-memory file system,
 * the `unix-none` VFS), in WAL mode with exclusive locking and the checkpoint scheduler attached, as the live
 * database is opened in the app.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { describe, expect, it } from 'vitest';
import { addProducts, memoryShop } from '../testing/memory-backups';
import { openBytes } from '../testing/memory-db';
import { attachCheckpointer, checkpointerOf } from '../storage/checkpoint';
import { memoryPlainFiles } from '../storage/memory-plain-files';
import type { PlainFiles } from '../storage/plain-files';
import { CHUNKED_DIGEST, fileDigest } from './chunk-digest';
import { embedManifest, hasManifest } from './manifest';
import { readFacts } from './inspect';
import { takeSnapshot } from './snapshot';

const count = (db: Database, table = 'products') => Number(db.selectValue(`SELECT count(*) FROM ${table}`));

let files = 0;
/** A shop of `products` products in a real file, opened as the live database is. */
async function liveFileShop(products: number): Promise<{ sqlite3: Sqlite3Static; db: Database; shop: Awaited<ReturnType<typeof memoryShop>> }> {
  const shop = await memoryShop(products);
  const name = `/frozen-copy-test-${++files}.db`;
  shop.live.db.exec(`VACUUM INTO '${name}'`);
  const db = new shop.sqlite3.oo1.DB(name, 'w');
  db.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL');
  attachCheckpointer(shop.sqlite3, db);
  return { sqlite3: shop.sqlite3, db, shop };
}

/** `backups` whose writers hand every chunk to `onWrite` first, which returns the bytes the disk is to keep. */
function onEachWrite(backups: PlainFiles, onWrite: (chunk: Uint8Array) => Uint8Array): PlainFiles {
  return {
    ...backups,
    async create(name) {
      const writer = await backups.create(name);
      return { ...writer, write: async (chunk) => writer.write(onWrite(chunk)) };
    },
  };
}

/** Backups whose every chunk written lets a "sale" commit on `db` first, as the worker's slices do. */
function withSalesBetweenChunks(backups: PlainFiles, db: Database, perChunk: number) {
  let sold = 0;
  let checkpoints = 0;
  const files = onEachWrite(backups, (chunk) => {
    addProducts(db, perChunk, 1_000_000 + sold);
    sold += perChunk;
    if (checkpointerOf(db)!.runNow('forced')) checkpoints++;
    return chunk;
  });
  return {
    files,
    sold: () => sold,
    /** Checkpoints that ran although asked for after each sale (as a sale crossing the WAL's bound asks). */
    checkpoints: () => checkpoints,
  };
}

describe('a snapshot of the live file', () => {
  it('is the database at its start, whole, while sales and their checkpoints during the copy stay in the live database', async () => {
    const { sqlite3, db, shop } = await liveFileShop(20_000);
    const before = count(db);
    // A database restored from a file carries that file's manifest: the backup must not.
    embedManifest(db, { format: 1, takenAt: '2020-01-01T00:00:00.000Z', tables: { products: { rows: 1, digest: 'xxh64:0000000000000000' } } });
    const backups = memoryPlainFiles();
    const sales = withSalesBetweenChunks(backups, db, 25);
    const file = await takeSnapshot({ db, sqlite3, files: shop.files, backups: sales.files }, 'tillite-manual-test.db', { read: readFacts });
    expect(sales.sold()).toBeGreaterThanOrEqual(75); // the copy took several chunks, each after a commit
    // Checkpoints went on writing the file under the copy (the pages they overwrote kept for it, page-guard.ts).
    expect(sales.checkpoints()).toBe(sales.sold() / 25);
    expect(checkpointerOf(db)?.stats.frozen).toBe(1);
    // Nothing sold during the copy is in it; all of it is in the live database.
    expect(count(db)).toBe(before + sales.sold());
    const bytes = backups.bytes('tillite-manual-test.db')!;
    expect(bytes.length).toBe(file.size);
    expect([bytes[18], bytes[19]]).toEqual([1, 1]);
    const copy = openBytes(sqlite3, bytes);
    expect(copy.selectValue('PRAGMA integrity_check')).toBe('ok');
    expect(count(copy)).toBe(before);
    expect(hasManifest(copy)).toBe(false);
    copy.close();
    // The facts beside it are of the same instant, and its checksum is its bytes'.
    expect(file.facts.summary.products).toBe(before);
    expect(file.digestKind).toBe(CHUNKED_DIGEST);
    expect(await fileDigest(backups, 'tillite-manual-test.db', CHUNKED_DIGEST)).toBe(file.sha256);
    // The sales' checkpoints left the live file whole and holding every sale.
    checkpointerOf(db)!.runNow('idle');
    expect(checkpointerOf(db)?.stats.pending).toBe(0);
    expect(db.selectValue('PRAGMA integrity_check')).toBe('ok');
    expect(count(db)).toBe(before + sales.sold());
    db.close();
    shop.live.closeDb();
  });

  it('is refused when the disk gives back other bytes than were written, and leaves no file', async () => {
    const { sqlite3, db, shop } = await liveFileShop(20_000);
    const backups = memoryPlainFiles();
    let chunks = 0;
    // A disk that flips a bit in the third chunk it is given: only reading it back can tell.
    const flaky = onEachWrite(backups, (chunk) => {
      const stored = chunk.slice();
      if (++chunks === 3) stored[100] = stored[100]! ^ 1;
      return stored;
    });
    await expect(takeSnapshot({ db, sqlite3, files: shop.files, backups: flaky }, 'tillite-manual-flaky.db')).rejects.toThrow(
      /read back differs from what was written \(at byte 2097152\)/,
    );
    expect(await backups.list()).toEqual([]);
    db.close();
    shop.live.closeDb();
  });

  it('that fails half-way leaves no file and lets checkpoints run again', async () => {
    const { sqlite3, db, shop } = await liveFileShop(20_000);
    const backups = memoryPlainFiles();
    let writes = 0;
    const failing = onEachWrite(backups, (chunk) => {
      if (++writes === 3) throw new Error('short write (is the disk full?)');
      return chunk;
    });
    await expect(takeSnapshot({ db, sqlite3, files: shop.files, backups: failing }, 'tillite-manual-full.db')).rejects.toThrow(/backup failed: short write/);
    expect(writes).toBe(3);
    expect(await backups.list()).toEqual([]);
    addProducts(db, 10, 2_000_000);
    expect(checkpointerOf(db)!.runNow('forced')).toBe(true);
    expect(db.selectValue('PRAGMA integrity_check')).toBe('ok');
    db.close();
    shop.live.closeDb();
  });
});
