/**
 * Streamed snapshots on the in-memory storage: every kind is written, read back, listed as copied at once and
 * verified by the background check, which writes the manifest of its rows into it (an export is handed over only
 * once checked); a file changed on disk fails its check loudly; an export whose copy fails its check is refused;
 * and a fault injected at every step of a snapshot leaves the live database whole and no half-made backup listed.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { describe, expect, it } from 'vitest';
import type { BackupKind } from '../../protocol/backups';
import { faultAt, memoryShop } from '../testing/memory-backups';
import { openBytes } from '../testing/memory-db';
import { CHUNKED_DIGEST, fileDigest } from './chunk-digest';
import { checkManifest, embedManifest, loadManifestHasher } from './manifest';
import { cleanSnapshotLeftovers } from './snapshot';
import { createBackupService } from './service';
import { checkBackupFile } from './check';

const KINDS: BackupKind[] = ['scheduled', 'manual', 'pre-migration', 'upgrade', 'before-import', 'before-restore', 'before-empty', 'export'];

const count = (db: Database, table = 'products') => Number(db.selectValue(`SELECT count(*) FROM ${table}`));

describe('a streamed snapshot', () => {
  it('of every kind is listed as copied at once, then verified, and holds the database', { timeout: 120_000 }, async () => {
    const shop = await memoryShop();
    const products = count(shop.live.db);
    const hash = await loadManifestHasher();
    // The live database carries a manifest of other rows (as one restored from a file does): no backup keeps it.
    embedManifest(shop.live.db, { format: 1, takenAt: '2020-01-01T00:00:00.000Z', tables: { products: { rows: 1, digest: 'xxh64:0000000000000000' } } });
    for (const kind of KINDS) {
      const record = await shop.service.snapshot(kind);
      // A backup is listed as copied at once and its manifest comes with its first check; an export is handed
      // over only once it has passed that check.
      expect(record.state).toBe(kind === 'export' ? 'verified' : 'copied');
      expect((await shop.store.get(record.name))?.state).toBe(record.state);
      const copied = openBytes(shop.sqlite3, shop.backups.bytes(record.name)!);
      expect(checkManifest(copied, hash).status, kind).toBe(kind === 'export' ? 'match' : 'none');
      copied.close();
      await shop.service.checksSettled();
      const checked = await shop.store.get(record.name);
      expect(checked?.state, checked?.problem ?? '').toBe('verified');
      expect(checked?.nextSha256).toBeUndefined();
      const bytes = shop.backups.bytes(record.name)!;
      expect(bytes.length).toBe(checked?.size);
      expect(bytes.length).toBeGreaterThan(3 << 20);
      // A standalone file: rollback journal in its header, and SQLite opens it on its own.
      expect([bytes[18], bytes[19]]).toEqual([1, 1]);
      const copy = openBytes(shop.sqlite3, bytes);
      expect(copy.selectValue('PRAGMA integrity_check')).toBe('ok');
      expect(count(copy)).toBe(products);
      // Verified, it proves its own rows: the manifest in it matches them, and names a changed one.
      expect(checkManifest(copy, hash).status, kind).toBe('match');
      copy.exec('UPDATE products SET price = price + 1 WHERE id = (SELECT min(id) FROM products)');
      expect(checkManifest(copy, hash)).toMatchObject({ status: 'changed', tables: [{ table: 'products' }] });
      copy.close();
      expect(checked?.digestKind).toBe(CHUNKED_DIGEST);
      expect(await fileDigest(shop.backups, record.name, CHUNKED_DIGEST)).toBe(checked?.sha256);
    }
    expect((await shop.backups.list()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    shop.live.closeDb();
  });

  it('whose file changes on disk before its check is listed as damaged, and the warning says so', async () => {
    const shop = await memoryShop();
    const record = await shop.service.snapshot('manual');
    const bytes = shop.backups.bytes(record.name)!.slice();
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    shop.backups.put(record.name, bytes);
    await shop.service.checksSettled();
    const checked = await shop.store.get(record.name);
    expect(checked?.state).toBe('damaged');
    expect(checked?.problem).toMatch(/checksum differs/);
    const status = await shop.service.status(new Date());
    expect(status.warning?.message).toMatch(/is damaged/);
    shop.live.closeDb();
  });

  it('for an export that fails its check is refused, kept and listed as damaged', async () => {
    const shop = await memoryShop();
    // Stock that no longer equals the sum of its movements: SQLite's check passes, the business rules do not.
    shop.live.db.exec('UPDATE products SET stock = stock + 5 WHERE id = (SELECT min(id) FROM products)');
    await expect(shop.service.snapshot('export')).rejects.toThrow(/copy made for the export failed its check, so nothing was exported/);
    const [record] = (await shop.store.all()).filter((r) => r.kind === 'export');
    expect(record?.state).toBe('damaged');
    expect(await shop.backups.list()).toContain(record?.name);
    const status = await shop.service.status(new Date());
    expect(status.warning?.message).toMatch(/damaged|failed/);
    shop.live.closeDb();
  });

  it('of a shop whose numbers do not add up is still verified by its first check (its bytes and structure), unlike an export', async () => {
    const shop = await memoryShop();
    shop.live.db.exec('UPDATE products SET stock = stock + 5 WHERE id = (SELECT min(id) FROM products)');
    const backup = await shop.service.snapshot('manual');
    await shop.service.checksSettled();
    // A faithful copy of the shop as it is stays restorable; the export of it is refused (the test above).
    expect((await shop.store.get(backup.name))?.state).toBe('verified');
    shop.live.closeDb();
  });

  it('"Back up now" does not wait behind a background check; a delete waits for the check running', async () => {
    const shop = await memoryShop();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started = 0;
    // The same check, held at its start until the test lets it go (a check of a large shop takes seconds).
    const service = createBackupService({
      live: shop.live,
      store: shop.store,
      appVersion: '1.0.0',
      notify: () => undefined,
      backups: shop.backups,
      timeZone: 'UTC',
      check: async (...args) => {
        started++;
        await gate;
        return checkBackupFile(shop.live.files, shop.backups, ...args);
      },
    });
    const first = await service.create('first');
    while (started === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // The first backup's check is running (held): a second backup is taken and listed all the same.
    const second = await service.create('second');
    expect(second.state).toBe('copied');
    let removed = false;
    const removing = service.remove(first.name).then(() => (removed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(removed).toBe(false);
    open();
    await removing;
    await service.checksSettled();
    expect(await shop.store.get(first.name)).toBeUndefined();
    expect((await shop.store.get(second.name))?.state).toBe('verified');
    expect(started).toBe(2);
    shop.live.closeDb();
  });

  it('failing at any step leaves the database whole and no half-made backup listed', async () => {
    const outcomes = new Set<string>();
    for (let failAt = 1; ; failAt++) {
      const point = faultAt(failAt);
      const shop = await memoryShop(6_000, { tick: (where) => point.tick(where) });
      const products = count(shop.live.db);
      point.arm();
      let failed: string | null = null;
      try {
        await shop.service.snapshot('manual');
        await shop.service.checksSettled();
      } catch (error) {
        failed = (error as Error).message;
      }
      // What the next start does: leftovers removed, the list reconciled with the files.
      await cleanSnapshotLeftovers(shop.files, shop.backups);
      const clean = createBackupService({ live: shop.live, store: shop.store, appVersion: '1.0.0', notify: () => undefined, backups: shop.backups, timeZone: 'UTC' });
      await clean.reconcile();
      await clean.checksSettled();
      const listed = await shop.store.all();
      expect(shop.live.db.selectValue('PRAGMA integrity_check')).toBe('ok');
      expect(count(shop.live.db)).toBe(products);
      expect((await shop.backups.list()).filter((name) => !name.endsWith('.db'))).toEqual([]);
      for (const record of listed) {
        expect(record.state, `${failed}: ${record.problem}`).not.toBe('copied');
        if (record.state === 'verified') expect(count(openBytes(shop.sqlite3, shop.backups.bytes(record.name)!))).toBe(products);
      }
      outcomes.add(failed ? (listed.length ? 'failed, a whole backup listed' : 'failed, nothing listed') : 'done');
      shop.live.closeDb();
      if (point.steps < failAt) break;
    }
    expect(outcomes).toContain('done');
    expect(outcomes).toContain('failed, nothing listed');
  }, 300_000);
});
