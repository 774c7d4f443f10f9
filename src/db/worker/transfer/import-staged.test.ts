/**
 * The import on the in-memory storage: the staged file is checked where it lies (its header first, then a copy in
 * the pool that SQLite reads a page at a time), previewed, and swapped in after a before-import snapshot. A file
 * refused by its header is never copied; every refusal and every failure leaves the old database as it was and no
 * staged file or check copy behind; a fault injected at any step ends with the old database or the imported one,
 * whole, and a message that says which.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '@sqlite.org/sqlite-wasm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addProducts, faultAt, memoryShop, withFaults } from '../testing/memory-backups';
import { memoryPlainFiles } from '../storage/memory-plain-files';
import { chooseLiveFile, LIVE_NAMES } from '../storage/atomic-swap';
import { chunksOf } from '../storage/database-files';
import { cleanSnapshotLeftovers } from '../backups/snapshot';
import { CHECK_COPY_PREFIX } from './check-staged';
import { UNCHANGED } from './header';
import { importStaged, inspectStaged } from './import';
import { cleanStaging } from './staging';

const count = (db: Database) => Number(db.selectValue('SELECT count(*) FROM products'));
const BASE = 6_000;
const ADDED = 500;
const HOUR = 60 * 60 * 1000;

/** An export made by Tillite (through the backup service) of a shop with `BASE + ADDED` products. */
let exported: Uint8Array;

beforeAll(async () => {
  const other = await memoryShop(BASE);
  addProducts(other.live.db, ADDED, BASE);
  const record = await other.service.snapshot('export');
  await other.service.checksSettled();
  exported = other.backups.bytes(record.name)!.slice();
  other.live.closeDb();
}, 120_000);

/** A shop of `BASE` products with `bytes` staged for import; with `tick`, every file operation ticks. */
async function shopWithStaged(bytes: Uint8Array, tick?: (where: string) => void) {
  const shop = await memoryShop(BASE, { tick });
  const staging = memoryPlainFiles();
  const staged = `${randomUUID()}.db`;
  staging.put(staged, bytes);
  const seen = tick ? withFaults(shop.files, staging, shop.records, tick).backups : staging;
  const deps = { live: shop.live, service: shop.service, appVersion: '1.0.0', notify: () => undefined, staging: seen };
  return { ...shop, staging, staged, deps };
}

/** Pool files other than the live database's: a check copy or a swap's half-made file left behind. */
const strayPoolFiles = (names: string[]) => names.filter((name) => !(LIVE_NAMES as readonly string[]).some((live) => name === live || name.startsWith(`${live}-`)));

describe('import through the storage seam', () => {
  it('previews a staged file beside the data here, imports it, and leaves no staged file or check copy', async () => {
    const shop = await shopWithStaged(exported);
    const preview = await inspectStaged(shop.deps, shop.staged);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.file.products).toBe(BASE + ADDED);
    expect(preview.current?.products).toBe(BASE);
    expect(preview.manifest.status).toBe('match');
    expect(strayPoolFiles(shop.files.list())).toEqual([]);

    const result = await importStaged(shop.deps, shop.staged);
    expect(count(shop.live.db)).toBe(BASE + ADDED);
    expect(result.undo.kind).toBe('before-import');
    expect(await shop.staging.list()).toEqual([]);
    expect(strayPoolFiles(shop.files.list())).toEqual([]);
    shop.live.closeDb();
  });

  it('refuses a file whose header does not match its size before copying any of it', async () => {
    const padded = new Uint8Array(exported.length + (4 << 20));
    padded.set(exported);
    const seen: string[] = [];
    const shop = await shopWithStaged(padded, (where) => seen.push(where));
    seen.length = 0;
    const result = await inspectStaged(shop.deps, shop.staged);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('size-mismatch');
    expect(!result.ok && result.message).toContain(UNCHANGED);
    expect(seen.filter((where) => where.startsWith('write') || where === 'reserve')).toEqual([]);
    expect(await shop.staging.list()).toEqual([]);
    expect(count(shop.live.db)).toBe(BASE);
    shop.live.closeDb();
  });

  it('refuses a damaged file found in the pool copy, and keeps the data here as it was', async () => {
    const damaged = exported.slice();
    const pageSize = (damaged[16]! << 8) | damaged[17]!;
    // A page well inside the products table: its b-tree header and cells overwritten.
    damaged.fill(0x5a, pageSize * 40, pageSize * 40 + 600);
    const shop = await shopWithStaged(damaged);
    const result = await inspectStaged(shop.deps, shop.staged);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(UNCHANGED);
    expect(!result.ok && result.message).not.toMatch(/^SQLITE_/);
    expect(await shop.staging.list()).toEqual([]);
    expect(strayPoolFiles(shop.files.list())).toEqual([]);
    expect(count(shop.live.db)).toBe(BASE);
    shop.live.closeDb();
  });

  it("a leader's start removes check copies and staged files over an hour old, and keeps a recent one", async () => {
    const shop = await shopWithStaged(exported);
    const staging = memoryPlainFiles();
    const [stale, recent] = [`${randomUUID()}.db`, `${randomUUID()}.db`];
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-02T08:00:00Z'));
      staging.put(stale, exported);
      vi.setSystemTime(new Date('2026-12-02T08:50:00Z'));
      staging.put(recent, exported);
    } finally {
      vi.useRealTimers();
    }
    const copy = `${CHECK_COPY_PREFIX}${stale}`;
    await shop.files.write(copy, chunksOf(exported));
    const removed = await cleanStaging(staging, shop.files, Date.parse('2026-12-02T09:01:00Z'));
    expect(removed.sort()).toEqual([copy, stale].sort());
    expect(await staging.list()).toEqual([recent]);
    expect(shop.files.has(copy)).toBe(false);
    shop.live.closeDb();
  });

  it('failing at any step leaves the old or the imported database whole, says which, and leaves nothing behind', async () => {
    const outcomes = new Set<string>();
    for (let failAt = 1; ; failAt++) {
      const point = faultAt(failAt);
      let where: string | null = null;
      const shop = await shopWithStaged(exported, (at) => {
        try {
          point.tick(at);
        } catch (error) {
          where = at;
          throw error;
        }
      });
      point.arm();
      let failed: string | null = null;
      try {
        const preview = await inspectStaged(shop.deps, shop.staged);
        if (!preview.ok) throw new Error(preview.message);
        await importStaged(shop.deps, shop.staged);
        await shop.service.checksSettled();
      } catch (error) {
        failed = (error as Error).message;
      }
      const leftStaged = await shop.staging.list();
      expect(leftStaged, `${where}`).toEqual(where === `remove ${shop.staged}` ? [shop.staged] : []);

      // The worker dies here; the next one starts from what is on "disk" and tidies up as a leader does.
      shop.files.crash();
      await cleanSnapshotLeftovers(shop.files, shop.backups);
      await cleanStaging(shop.staging, shop.files, Date.now() + 2 * HOUR);
      const live = await chooseLiveFile(shop.files, shop.records);
      expect(await shop.staging.list()).toEqual([]);
      expect(strayPoolFiles(shop.files.list()), `${where}`).toEqual([]);
      expect(shop.files.list().some((name) => name.startsWith(CHECK_COPY_PREFIX))).toBe(false);
      const db = shop.files.open(live.name);
      expect(db.selectValue('PRAGMA integrity_check')).toBe('ok');
      const products = count(db);
      db.close();
      if (failed !== null) {
        // A failed import never replaced the data, and says so in words a shop owner reads.
        expect(products, `${where}: ${failed}`).toBe(BASE);
        expect(failed, `${where}`).toMatch(/your data is as it was|database is untouched|nothing was changed/i);
      } else {
        expect(products, `${where}`).toBe(BASE + ADDED);
      }
      outcomes.add(products === BASE ? 'old' : 'imported');
      if (point.steps < failAt) break;
    }
    expect([...outcomes].sort()).toEqual(['imported', 'old']);
  }, 600_000);
});
