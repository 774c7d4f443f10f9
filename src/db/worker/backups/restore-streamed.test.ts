/**
 * Restore on the in-memory storage (streamed): it brings back the backup's data after a before-restore snapshot,
 * streams the file (its bytes hashed as they stream: a file changed on disk is refused before the switch, and the
 * snapshot taken for it removed), and a fault injected at any step leaves the old database or the restored one,
 * whole, at the next start, with no half-made backup listed.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { describe, expect, it } from 'vitest';
import { addProducts, faultAt, memoryShop } from '../testing/memory-backups';
import { chooseLiveFile } from '../storage/atomic-swap';
import { restoreBackup } from './restore';
import { cleanSnapshotLeftovers } from './snapshot';

const count = (db: Database) => Number(db.selectValue('SELECT count(*) FROM products'));
const BASE = 6_000;
const ADDED = 500;

/** A shop with a verified backup of `BASE` products, then `ADDED` more products sold in since. */
async function shopWithBackup(tick?: (where: string) => void) {
  const shop = await memoryShop(BASE, { tick });
  const backup = await shop.service.snapshot('manual');
  await shop.service.checksSettled();
  addProducts(shop.live.db, ADDED, BASE);
  return { ...shop, backup };
}

describe('restore', () => {
  it('brings the backup back after a before-restore snapshot of what it replaces', async () => {
    const shop = await shopWithBackup();
    const before = shop.live.fileName;
    const result = await restoreBackup({ live: shop.live, service: shop.service, appVersion: '1.0.0', notify: () => undefined }, shop.backup.name);
    expect(count(shop.live.db)).toBe(BASE);
    expect(shop.live.fileName).not.toBe(before);
    expect(result.undo?.kind).toBe('before-restore');
    await shop.service.checksSettled();
    expect((await shop.store.get(result.undo!.name))?.state).toBe('verified');
    shop.live.closeDb();
  });

  it('checks a backup not yet verified before using it, and refuses one whose file changed', async () => {
    const shop = await shopWithBackup();
    await shop.store.put({ ...shop.backup, state: 'copied' });
    const bytes = shop.backups.bytes(shop.backup.name)!.slice();
    bytes[9000] = bytes[9000]! ^ 0x55;
    shop.backups.put(shop.backup.name, bytes);
    const deps = { live: shop.live, service: shop.service, appVersion: '1.0.0', notify: () => undefined };
    await expect(restoreBackup(deps, shop.backup.name)).rejects.toThrow(/damaged and cannot be restored.*unchanged/);
    expect(count(shop.live.db)).toBe(BASE + ADDED);
    expect((await shop.store.get(shop.backup.name))?.state).toBe('damaged');
    shop.live.closeDb();
  });

  it('refuses a verified backup whose file changed on disk after its check, and keeps the current database', async () => {
    const shop = await shopWithBackup();
    expect((await shop.store.get(shop.backup.name))?.state).toBe('verified');
    const bytes = shop.backups.bytes(shop.backup.name)!.slice();
    bytes[9000] = bytes[9000]! ^ 0x55;
    shop.backups.put(shop.backup.name, bytes);
    const before = shop.live.fileName;
    const deps = { live: shop.live, service: shop.service, appVersion: '1.0.0', notify: () => undefined };
    await expect(restoreBackup(deps, shop.backup.name)).rejects.toThrow(/damaged and cannot be restored.*changed on disk.*unchanged/);
    expect(shop.live.fileName).toBe(before);
    expect(count(shop.live.db)).toBe(BASE + ADDED);
    const record = await shop.store.get(shop.backup.name);
    expect(record?.state).toBe('damaged');
    expect(record?.problem).toMatch(/changed on disk/);
    expect((await shop.store.all()).filter((r) => r.kind === 'before-restore')).toEqual([]);
    // Only the live file (and its journals) is left: the copy that was refused is gone.
    shop.live.closeDb();
    expect(shop.files.list().filter((name) => !name.startsWith(before))).toEqual([]);
  });

  it('failing at any step leaves the old or the restored database whole at the next start', async () => {
    const outcomes = new Set<string>();
    for (let failAt = 1; ; failAt++) {
      const point = faultAt(failAt);
      const shop = await shopWithBackup((where) => point.tick(where));
      point.arm();
      let failed: string | null = null;
      try {
        await restoreBackup({ live: shop.live, service: shop.service, appVersion: '1.0.0', notify: () => undefined }, shop.backup.name);
        await shop.service.checksSettled();
      } catch (error) {
        failed = (error as Error).message;
      }
      // The worker dies here, whatever it was doing; the next one starts from what is on "disk".
      shop.files.crash();
      const live = await chooseLiveFile(shop.files, shop.records);
      const db = shop.files.open(live.name);
      expect(db.selectValue('PRAGMA integrity_check')).toBe('ok');
      const products = count(db);
      expect([BASE, BASE + ADDED], failed ?? 'no fault').toContain(products);
      db.close();
      await cleanSnapshotLeftovers(shop.files, shop.backups);
      expect((await shop.backups.list()).filter((name) => !name.endsWith('.db'))).toEqual([]);
      for (const record of await shop.store.all()) expect(shop.backups.bytes(record.name), record.name).toBeDefined();
      outcomes.add(products === BASE ? 'restored' : 'old');
      if (point.steps < failAt) break;
    }
    expect([...outcomes].sort()).toEqual(['old', 'restored']);
  }, 300_000);
});
