/**
 * `bench.*`: calls that exist only in bench builds (`TILLITE_BENCH=1`, see vite.config.ts); a normal build
 * bundles none of this (an end-to-end test checks the built files for these names). They generate a shop and
 * time the app's own code in the worker: sale commits and lookups through the real processor and handlers,
 * snapshots through the backup service (and its background check), the export through `transfer.snapshot`, the
 * import's checks through `transfer.inspect`'s code on a staged copy, and restores through `backup.restore`.
 *
 * Every call is a `task`: it manages its own transactions, and its timings are taken inside the worker.
 */
import type { SAHPoolUtil } from '@sqlite.org/sqlite-wasm';
import type { HandlerContext } from '../../src/db/worker/runtime/processor';
import { LIVE_NAMES } from '../../src/db/worker/storage/atomic-swap';
import { loadSqlite } from '../../src/db/worker/storage/sqlite';
import { checkpointerOf, walBoundBytes } from '../../src/db/worker/storage/checkpoint';
import { walWriteStats } from '../../src/db/worker/storage/wal-writes';
import { backupHandlers } from '../../src/db/worker/handlers/backups';
import { transferHandlers } from '../../src/db/worker/handlers/transfer';
import { opfsStaging, removeStaged } from '../../src/db/worker/transfer/staging';
import { backupDirectory, opfsDirectory } from '../../src/db/worker/storage/opfs-files';
import { opfsPlainFiles } from '../../src/db/worker/storage/opfs-plain-files';
import { OPFS_DIRS } from '../../src/lib/opfs-paths';
import { backgroundPending, backgroundSettled } from '../../src/db/worker/storage/slices';
import { generateShop, type ShopSize } from './shop-data';
import { benchProcessor, lookupInputs, makeSales, timeCommits, timeLookups, timeReportYear, type BenchSale } from './workloads';

/** A bench call: always a task, run with the leader's context. */
interface BenchTask<A, R> {
  kind: 'task';
  /**
   * The bench runner sends each call once and never re-sends it: its answers (timings) are not worth keeping in
   * the request ledger, so every bench call is run as a `read` whatever it does to the shop.
   */
  effect: 'read';
  run(ctx: HandlerContext, args: A): Promise<R>;
}

const now = () => performance.now();
/** Where the bench's export lands: a plain OPFS file, as an export to the user's disk would stream from. */
const EXPORT_DIR = 'bench-exports';
/** The backup file the last `bench.export` wrote (the import's checks run on a staged copy of it). */
let lastExport: string | null = null;

function poolOf(ctx: HandlerContext): SAHPoolUtil {
  if (!ctx.live) throw new Error('The bench needs the database on OPFS (sahpool).');
  return ctx.live.pool;
}

/** The size of the live database in bytes (pages × page size, WAL checkpointed). */
function databaseBytes(ctx: HandlerContext): number {
  return Number(ctx.db.selectValue('PRAGMA page_size')) * Number(ctx.db.selectValue('PRAGMA page_count'));
}

/** The wasm heap's size: it grows to the peak an operation needed and never shrinks. */
async function wasmHeapBytes(): Promise<number> {
  return (await loadSqlite()).wasm.heap8u().byteLength;
}

async function exportDirectory(): Promise<FileSystemDirectoryHandle> {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(EXPORT_DIR, { create: true });
}

async function removeAll(dir: FileSystemDirectoryHandle, keep: (name: string) => boolean = () => false): Promise<number> {
  let removed = 0;
  for await (const [name] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
    if (keep(name)) continue;
    try {
      await dir.removeEntry(name);
      removed++;
    } catch {
      // In use right now (the backup service verifying a file after a restart): the next clean-up takes it.
    }
  }
  return removed;
}

/** The bench's calls, by name. */
export const benchHandlers = {
  /**
   * The live WAL: its file's size in the pool as SQLite wrote it, the most the checkpoint scheduler lets it reach,
   * and what the scheduler has done (end-to-end tests of checkpoint.ts read it).
   */
  'bench.wal': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, args) => {
      const pool = poolOf(ctx);
      const pageSize = Number(ctx.db.selectValue('PRAGMA page_size'));
      const wal = `${ctx.live?.fileName ?? LIVE_NAMES[0]}-wal`;
      const walBytes = pool.getFileNames().includes(wal) ? pool.exportFile(wal).length : 0;
      const stats = checkpointerOf(ctx.db)?.stats;
      if (!stats) throw new Error('The live database has no checkpoint scheduler.');
      // SQLite's writes to the WAL and the calls they became (wal-writes.ts).
      const answer = { walBytes, boundBytes: walBoundBytes(pageSize), ...stats, walWrites: { ...walWriteStats } };
      // The longest checkpoint is then counted afresh, so that a run reports its own (not the generator's or
      // the import's, which ran before any sale).
      if (args.resetLongest) stats.longestMs = 0;
      return answer;
    },
  } satisfies BenchTask<{ resetLongest?: boolean }, unknown>,

  /**
   * Waits until the worker's background work has ended (a new backup's first check, the start-up housekeeping
   * and its integrity check): the idle till's commit rows are timed after it, and commits beside a snapshot and
   * its check have rows of their own. Answers how much was pending and how long it took.
   */
  /**
   * The storage's floor: `count` writes of `bytes` to a sync access handle of a file of its own, each flushed,
   * `gapMs` apart (`burst` writes before each flush; `prealloc`: the file sized first, so no write extends it).
   */
  'bench.flushProbe': {
    kind: 'task',
    effect: 'read',
    run: async (_ctx, { gapMs, count, bytes, prealloc, burst = 1 }: { gapMs: number; count: number; bytes: number; prealloc?: boolean; burst?: number }) => {
      const root = await navigator.storage.getDirectory();
      const handle = await root.getFileHandle('flush-probe.bin', { create: true });
      const sah = await (handle as unknown as { createSyncAccessHandle(): Promise<{ write(b: Uint8Array, o: { at: number }): number; flush(): void; close(): void; truncate(n: number): void }> }).createSyncAccessHandle();
      const buf = new Uint8Array(bytes).fill(7);
      const write: number[] = [];
      const flush: number[] = [];
      if (prealloc) sah.truncate(1 << 24);
      try {
        for (let i = 0; i < count; i++) {
          let t = now();
          for (let k = 0; k < burst; k++) sah.write(buf, { at: ((i * burst + k) * bytes) % (1 << 24) });
          write.push((now() - t) / burst);
          t = now();
          sah.flush();
          flush.push(now() - t);
          await new Promise((resolve) => setTimeout(resolve, gapMs));
        }
      } finally {
        sah.close();
        await root.removeEntry('flush-probe.bin');
      }
      return { write, flush };
    },
  } satisfies BenchTask<{ gapMs: number; count: number; bytes: number; prealloc?: boolean; burst?: number }, unknown>,

  'bench.idle': {
    kind: 'task',
    effect: 'read',
    run: async () => {
      const pending = backgroundPending();
      const t0 = now();
      await backgroundSettled();
      return { pending, waitedMs: now() - t0 };
    },
  } satisfies BenchTask<Record<string, never>, unknown>,

  /** The worker's start marks (`start-marks.ts`), as absolute times (timeOrigin + startTime), so the page can place them. */
  'bench.startMarks': {
    kind: 'task',
    effect: 'read',
    run: async () => ({
      timeOrigin: performance.timeOrigin,
      marks: performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('tillite:'))
        .map((m) => ({ phase: m.name.slice('tillite:'.length), at: performance.timeOrigin + m.startTime })),
    }),
  } satisfies BenchTask<Record<string, never>, unknown>,

  'bench.info': {
    kind: 'task',
    effect: 'read',
    run: async (ctx) => ({
      dbBytes: databaseBytes(ctx),
      wasmHeapBytes: await wasmHeapBytes(),
      sqliteVersion: String(ctx.db.selectValue('SELECT sqlite_version()')),
      journalMode: String(ctx.db.selectValue('PRAGMA journal_mode')),
      pageSize: Number(ctx.db.selectValue('PRAGMA page_size')),
      crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
    }),
  } satisfies BenchTask<Record<string, never>, unknown>,

  'bench.generate': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, size: ShopSize) => {
      const t0 = now();
      const counts = generateShop(ctx.db, size);
      const generateMs = now() - t0;
      ctx.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      return { ...counts, generateMs, totalMs: now() - t0, dbBytes: databaseBytes(ctx) };
    },
  } satisfies BenchTask<ShopSize, unknown>,

  /** Sales for the UI's round trip, priced in the worker with the app's pricing code. */
  'bench.sales': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, { count, seed }: { count: number; seed: number }) => makeSales(ctx.db, count, seed),
  } satisfies BenchTask<{ count: number; seed: number }, BenchSale[]>,

  'bench.commits': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, { count, seed, gapMs, sync }: { count: number; seed: number; gapMs?: number; sync?: string }) => {
      if (sync) ctx.db.exec(`PRAGMA synchronous = ${sync}`);
      try {
        return await timeCommits(benchProcessor(ctx), makeSales(ctx.db, count, seed), now, gapMs);
      } finally {
        if (sync) ctx.db.exec('PRAGMA synchronous = FULL');
      }
    },
  } satisfies BenchTask<{ count: number; seed: number; gapMs?: number; sync?: string }, unknown>,

  'bench.lookups': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, { count, searches, seed }: { count: number; searches: number; seed: number }) => timeLookups(benchProcessor(ctx), lookupInputs(ctx.db, count, searches, seed), now),
  } satisfies BenchTask<{ count: number; searches: number; seed: number }, unknown>,

  /** A year's sales report (the Reports page's call), timed `runs` times in the worker. */
  'bench.reportYear': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, { runs }: { runs: number }) => timeReportYear(benchProcessor(ctx), ctx.db, runs, now),
  } satisfies BenchTask<{ runs: number }, unknown>,

  /**
   * The app's "Back up now": a streamed snapshot (backup API in steps, pages written in 1 MiB chunks with a
   * digest each, read back and compared, renamed), catalogued and pruned by the backup service, as the Data view
   * does it; then the background check of the new file (`checkMs`), which sales do not wait for. With
   * `separately`, it answers once the backup is listed and `bench.checked` waits for the check (so that the
   * bench can measure each one's memory apart); the backup is then left for `bench.checked` to remove.
   */
  'bench.snapshot': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, { keep, separately }: { keep: boolean; separately?: boolean }) => {
      if (!ctx.backups) throw new Error('The bench needs the backup service.');
      const heapBefore = await wasmHeapBytes();
      const dbBytes = databaseBytes(ctx);
      const t0 = now();
      const file = await ctx.backups.create(`bench ${String(Math.random()).slice(2, 8)}`);
      const ms = now() - t0;
      if (separately) return { ms, endedAt: now(), dbBytes, bytes: file.size, name: file.name, heapBefore };
      await ctx.backups.checksSettled();
      const checkMs = now() - t0 - ms;
      const state = (await ctx.backups.getRecord(file.name)).state;
      if (!keep) await ctx.backups.remove(file.name);
      return { ms, checkMs, state, dbBytes, bytes: file.size, name: file.name, heapBefore, heapAfter: await wasmHeapBytes() };
    },
  } satisfies BenchTask<{ keep: boolean; separately?: boolean }, unknown>,

  /** After `bench.snapshot` with `separately`: waits for the new backup's check, then removes the backup unless kept. */
  'bench.checked': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, { name, since, keep }: { name: string; since: number; keep: boolean }) => {
      if (!ctx.backups) throw new Error('The bench needs the backup service.');
      await ctx.backups.checksSettled();
      const checkMs = now() - since;
      const state = (await ctx.backups.getRecord(name)).state;
      if (!keep) await ctx.backups.remove(name);
      return { checkMs, state };
    },
  } satisfies BenchTask<{ name: string; since: number; keep: boolean }, unknown>,

  /**
   * The app's export (`transfer.snapshot`): a streamed snapshot of kind `export`, then its check (in the checker
   * worker, which writes the manifest in), which the page then saves. The copy's and the check's times are the
   * backup log's durations of the two steps.
   */
  'bench.export': {
    kind: 'task',
    effect: 'read',
    run: async (ctx) => {
      const heapBefore = await wasmHeapBytes();
      const t0 = now();
      const file = await transferHandlers['transfer.snapshot'].run(ctx, { at: new Date().toISOString() });
      const ms = now() - t0;
      lastExport = file.name;
      const log = (await ctx.backups!.store.recentLog(20)).filter((entry) => entry.name === file.name);
      const stepMs = (action: string) => log.find((entry) => entry.action === action)?.durationMs ?? null;
      return { ms, copyMs: stepMs('backup'), checkMs: stepMs('verify'), bytes: file.size, name: file.name, heapBefore, heapAfter: await wasmHeapBytes() };
    },
  } satisfies BenchTask<Record<string, never>, unknown>,

  /**
   * The import's checks on the last export (`transfer.inspect`'s code): the file is first staged as the page
   * stages a picked file (a plain OPFS copy under a UUID name), then checked whole (header, integrity and
   * foreign keys, schema, business rules), then the staged copy removed. The swap is what `bench.restore` times.
   */
  'bench.import': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, { name }: { name?: string }) => {
      // Each run is in a fresh worker (the page reloads between runs), so the runner names the export to check.
      const exported = name ?? lastExport;
      if (!ctx.backups || !ctx.live || !exported) throw new Error('bench.import needs a bench.export first.');
      // The export's background check reads its file through a sync access handle, which is exclusive.
      await ctx.backups.checksSettled();
      const heapBefore = await wasmHeapBytes();
      const t0 = now();
      const staged = `${crypto.randomUUID()}.db`;
      const reader = await ctx.backups.files.read(exported);
      if (!reader) throw new Error(`the export ${exported} is gone`);
      const writer = await opfsPlainFiles(() => opfsDirectory(OPFS_DIRS.staging)).create(staged);
      try {
        for (let chunk = await reader.source(); chunk; chunk = await reader.source()) await writer.write(chunk);
        await writer.close();
      } finally {
        reader.close();
      }
      const t1 = now();
      const inspection = await transferHandlers['transfer.inspect'].run(ctx, { staged });
      const t2 = now();
      await removeStaged(opfsStaging(), staged);
      if (!inspection.ok) throw new Error(`the exported file was refused: ${inspection.message}`);
      return { ms: t2 - t0, readMs: t1 - t0, importMs: 0, validateMs: t2 - t1, bytes: reader.size, checks: inspection.file, heapBefore, heapAfter: await wasmHeapBytes() };
    },
  } satisfies BenchTask<{ name?: string }, unknown>,

  /**
   * The app's restore (`backup.restore`: verify the backup, take a verified `before-restore` snapshot, swap the
   * file in, reopen, check and migrate). The runner then reloads the page and times the worker's reopen.
   */
  'bench.restore': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, { name }: { name: string }) => {
      const t0 = now();
      const result = await backupHandlers['backup.restore'].run(ctx, { name });
      return { ms: now() - t0, restored: result.restored.name, undo: result.undo?.name ?? null };
    },
  } satisfies BenchTask<{ name: string }, unknown>,

  /** Deletes what the bench wrote beside the database (snapshots, exports) so runs do not fill the disk. */
  'bench.cleanup': {
    kind: 'task',
    effect: 'read',
    run: async (_ctx, { keep }: { keep?: string }) => ({
      backups: await removeAll(await backupDirectory(), (name) => name === keep),
      exports: await removeAll(await exportDirectory()),
    }),
  } satisfies BenchTask<{ keep?: string }, unknown>,
};
