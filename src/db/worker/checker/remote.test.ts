/**
 * Backup checks through the checker worker's protocol: the leader's side (`remote.ts`) and the checker's
 * (`serve.ts`) joined by a message channel that clones every message as `postMessage` does, over the in-memory
 * files (the checker with a pool of its own). The real worker runs in every end-to-end backup test.
 */
import { describe, expect, it } from 'vitest';
import type { BackupCheck } from '../backups/check';
import { checkBackupFile } from '../backups/check';
import { createBackupService } from '../backups/service';
import { memoryShop } from '../testing/memory-backups';
import { memoryFiles } from '../storage/memory-files';
import { chunksOf, type ChunkSource } from '../storage/database-files';
import type { FromChecker, ToChecker } from './protocol';
import { remoteChecker } from './remote';
import { serveChecker, type CheckerFiles } from './serve';

/**
 * Starts workers whose other end is {@link serveChecker} (started with the worker, as a real one's script is);
 * `crash` makes it die at its first check.
 */
function channelWorkers(starting: () => Promise<CheckerFiles>, options: { crash?: boolean; crashOn?: ToChecker['type'] } = {}) {
  const seen: string[] = [];
  let current: { terminated: boolean } | null = null;
  const create = () => {
    const worker = {
      onmessage: null as ((event: { data: FromChecker }) => void) | null,
      onerror: null as ((event: { message: string; preventDefault(): void }) => void) | null,
      terminated: false,
      postMessage(message: ToChecker) {
        seen.push(message.type);
        if (options.crash && message.type === (options.crashOn ?? 'check')) {
          setTimeout(() => worker.onerror?.({ message: 'the worker crashed', preventDefault: () => undefined }), 1);
          return;
        }
        setTimeout(() => void handle(structuredClone(message)), 0);
      },
      terminate() {
        worker.terminated = true;
      },
    };
    const handle = serveChecker(starting(), (message) => setTimeout(() => !worker.terminated && worker.onmessage?.({ data: structuredClone(message) }), 0));
    current = worker;
    return worker as unknown as Worker;
  };
  return { create, seen, terminated: () => current?.terminated ?? false };
}

async function shopWithChecker(options: { crash?: boolean; crashOn?: ToChecker['type']; unavailable?: boolean } = {}) {
  const shop = await memoryShop();
  let localChecks = 0;
  const local: BackupCheck = (...args) => {
    localChecks++;
    return checkBackupFile(shop.files, shop.backups, ...args);
  };
  // The checker's own pool: the backup's staging copy never goes into the leader's.
  const checkerPool = memoryFiles(shop.sqlite3);
  const starting = () =>
    options.unavailable ? Promise.reject(new Error('the pool is held by another window')) : Promise.resolve({ files: checkerPool, backups: shop.backups });
  const channel = channelWorkers(starting, options);
  const checker = remoteChecker(local, channel.create);
  const service = createBackupService({ live: shop.live, store: shop.store, appVersion: '1.0.0', notify: () => undefined, backups: shop.backups, timeZone: 'UTC', check: checker.check });
  return { shop, service, checker, channel, checkerPool, localChecks: () => localChecks };
}

describe('backup checks in the checker worker', () => {
  it('check a new backup there, write its manifest in through the leader, and leave the leader\'s pool alone', async () => {
    const { shop, service, checker, channel, checkerPool, localChecks } = await shopWithChecker();
    const record = await service.snapshot('manual');
    await service.checksSettled();
    const checked = await shop.store.get(record.name);
    expect(checked?.state, checked?.problem ?? '').toBe('verified');
    expect(checked?.nextSha256).toBeUndefined();
    expect(checked?.sha256).not.toBe(record.sha256); // the file now carries its manifest
    expect(channel.seen).toEqual(['check', 'replace-recorded']);
    expect(localChecks()).toBe(0);
    expect(checkerPool.list()).toEqual([]);
    // A check on request goes there too, and finds the file whole.
    expect((await service.verify(record.name)).state).toBe('verified');
    expect(channel.seen.filter((type) => type === 'check')).toHaveLength(2);
    checker.close();
    expect(channel.terminated()).toBe(true);
    shop.live.closeDb();
  });

  it('that crashes: the check runs in the database worker instead, and the backup is not called damaged', async () => {
    const { shop, service, localChecks, channel } = await shopWithChecker({ crash: true });
    const record = await service.snapshot('manual');
    await service.checksSettled();
    expect((await shop.store.get(record.name))?.state).toBe('verified');
    expect(localChecks()).toBe(1);
    expect(channel.terminated()).toBe(true);
    shop.live.closeDb();
  });

  it('that cannot start (its pool held elsewhere): the database worker checks', async () => {
    const { shop, service, localChecks, channel } = await shopWithChecker({ unavailable: true });
    const record = await service.snapshot('manual');
    await service.checksSettled();
    expect((await shop.store.get(record.name))?.state).toBe('verified');
    expect(localChecks()).toBe(1);
    expect(channel.seen).toEqual([]);
    shop.live.closeDb();
  });
});

/** The first b-tree leaf page (table rows or index keys) from the end of database `bytes`, filled with 0xa5. */
function damageOneLeaf(bytes: Uint8Array): Uint8Array {
  const damaged = bytes.slice();
  const view = new DataView(damaged.buffer);
  const pageSize = view.getUint16(16) === 1 ? 65536 : view.getUint16(16);
  let page = view.getUint32(28);
  while (page > 1 && ![0x0d, 0x0a].includes(damaged[(page - 1) * pageSize] ?? 0)) page--;
  damaged.fill(0xa5, (page - 1) * pageSize, page * pageSize);
  return damaged;
}

describe('the start-up check of the live database in the checker worker', () => {
  const liveBytes = (shop: Awaited<ReturnType<typeof shopWithChecker>>['shop']) => shop.files.bytes(shop.live.fileName)!;

  it('pulls the file chunk by chunk into its own pool, checks it, finds a whole database whole and leaves nothing behind', async () => {
    const { shop, checker, channel, checkerPool } = await shopWithChecker();
    const bytes = liveBytes(shop);
    let reads = 0;
    const source = chunksOf(bytes, 256 * 1024);
    const problems = await checker.checkLive(async () => (reads++, source()));
    expect(problems).toEqual([]);
    expect(reads).toBe(Math.ceil(bytes.length / (256 * 1024)) + 1); // every chunk, then the end
    expect(channel.seen.filter((type) => type === 'live-chunk')).toHaveLength(reads);
    expect(checkerPool.list()).toEqual([]);
    checker.close();
    shop.live.closeDb();
  });

  it('reports SQLite\'s problems on a copy with a damaged page', async () => {
    const { shop, checker, checkerPool } = await shopWithChecker();
    const problems = await checker.checkLive(chunksOf(damageOneLeaf(liveBytes(shop)), 256 * 1024));
    expect(problems).not.toBeNull();
    expect(problems!.length).toBeGreaterThan(0);
    expect(checkerPool.list()).toEqual([]);
    checker.close();
    shop.live.closeDb();
  });

  it('answers null (the leader then checks itself) when the copy stops half-way, the checker crashes or cannot start', async () => {
    const stopped = await shopWithChecker();
    const source = chunksOf(liveBytes(stopped.shop), 256 * 1024);
    let reads = 0;
    const failing: ChunkSource = async () => {
      if (++reads === 3) throw new Error('the copy was stopped');
      return source();
    };
    expect(await stopped.checker.checkLive(failing)).toBeNull();
    expect(stopped.checkerPool.list()).toEqual([]);
    // The checker still takes the next one.
    expect(await stopped.checker.checkLive(chunksOf(liveBytes(stopped.shop), 256 * 1024))).toEqual([]);
    stopped.checker.close();
    stopped.shop.live.closeDb();

    const crashing = await shopWithChecker({ crash: true, crashOn: 'check-live' });
    expect(await crashing.checker.checkLive(chunksOf(liveBytes(crashing.shop)))).toBeNull();
    expect(crashing.channel.terminated()).toBe(true);
    crashing.shop.live.closeDb();

    const unavailable = await shopWithChecker({ unavailable: true });
    expect(await unavailable.checker.checkLive(chunksOf(liveBytes(unavailable.shop)))).toBeNull();
    expect(unavailable.channel.seen).toEqual([]);
    unavailable.shop.live.closeDb();
  });
});
