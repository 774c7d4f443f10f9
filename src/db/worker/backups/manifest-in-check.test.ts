/**
 * A backup's manifest is written into it by its first check (on the in-memory storage): the worker stopped at any
 * step of that check (each chunk read and written, the read-back, the checksum recorded, the move over the old
 * file) leaves, at the next start, the backup listed and verified, its file whole and carrying the manifest of its
 * rows; never a backup that reads as damaged because its file and its record disagree.
 */
import { describe, expect, it } from 'vitest';
import type { BackupRecord } from '../../protocol/backups';
import { memoryShop } from '../testing/memory-backups';
import { openBytes } from '../testing/memory-db';
import { CHUNKED_DIGEST, fileDigest } from './chunk-digest';
import { checkManifest, loadManifestHasher } from './manifest';
import { createBackupService } from './service';
import { cleanSnapshotLeftovers } from './snapshot';
import type { BackupStore } from './store';

/** The store as a worker that has stopped sees it: nothing it writes after `dead()` lands. */
function dyingStore(store: BackupStore, dead: () => boolean): BackupStore {
  const refuse = () => {
    throw new Error('the worker has stopped');
  };
  return {
    ...store,
    put: async (record: BackupRecord) => (dead() ? refuse() : store.put(record)),
    remove: async (name: string) => (dead() ? refuse() : store.remove(name)),
    log: async (entry) => (dead() ? refuse() : store.log(entry)),
  };
}

describe("a backup's first check, which writes its manifest into it", () => {
  it('stopped at any step, leaves the backup verified with its manifest at the next start', async () => {
    const hash = await loadManifestHasher();
    const stoppedAt = new Set<string>();
    for (let stopAt = 1; ; stopAt++) {
      // Ticks are counted from the check's first read of the backup file; from the `stopAt`-th on, nothing runs.
      let checking = false;
      let ticks = 0;
      let dead = false;
      const shop = await memoryShop(6_000, {
        tick: (where) => {
          if (!checking && /^read tillite-.*\.db$/.test(where)) checking = true;
          if (checking && ++ticks >= stopAt) {
            if (!dead) stoppedAt.add(where);
            dead = true;
          }
          if (dead) throw new Error(`the worker stopped at: ${where}`);
        },
      });
      const products = Number(shop.live.db.selectValue('SELECT count(*) FROM products'));
      const service = createBackupService({
        live: shop.live,
        store: dyingStore(shop.store, () => dead),
        appVersion: '1.0.0',
        notify: () => undefined,
        backups: shop.service.files,
        timeZone: 'UTC',
      });
      const record = await service.create();
      await service.checksSettled();
      const finished = !dead;
      // The next start: leftovers removed, the list reconciled with the files, pending checks run.
      dead = false;
      checking = false;
      await cleanSnapshotLeftovers(shop.files, shop.backups);
      const next = createBackupService({ live: shop.live, store: shop.store, appVersion: '1.0.0', notify: () => undefined, backups: shop.backups, timeZone: 'UTC' });
      await next.reconcile();
      await next.checksSettled();
      const listed = await shop.store.get(record.name);
      expect(listed?.state, `stopped at ${[...stoppedAt].at(-1)}: ${listed?.problem}`).toBe('verified');
      expect(listed?.nextSha256).toBeUndefined();
      expect(await fileDigest(shop.backups, record.name, CHUNKED_DIGEST)).toBe(listed?.sha256);
      expect((await shop.backups.list()).filter((name) => !name.endsWith('.db'))).toEqual([]);
      const copy = openBytes(shop.sqlite3, shop.backups.bytes(record.name)!);
      expect(checkManifest(copy, hash).status).toBe('match');
      expect(Number(copy.selectValue('SELECT count(*) FROM products'))).toBe(products);
      copy.close();
      shop.live.closeDb();
      if (finished) break;
    }
    // The stops covered the steps that matter: the file written beside it (each chunk read back), the move over it.
    const steps = [...stoppedAt].join('\n');
    expect(steps).toMatch(/^write tillite-.*\.db\.tmp: a chunk$/m);
    expect(steps).toMatch(/^read back tillite-.*\.db\.tmp$/m);
    expect(steps).toMatch(/^move tillite-.*\.db\.tmp$/m);
    expect(steps).toMatch(/^unlink \/verify-staging\.db$/m);
  }, 300_000);
});
