/**
 * `bench.*`: calls that exist only in bench builds (`TILLITE_BENCH=1`, see vite.config.ts); a normal build
 * bundles none of this (an end-to-end test checks the built files for these names). They generate a shop and
 * time the app's own code in the worker: sale commits and lookups through the real processor and handlers,
 * snapshots through the backup service, restores through `backup.restore`, and, until they are pointed at the transfer handlers, the
 * operations those will be made of (export, import with validation, restore), labelled as such in the results.
 *
 * Every call is a `task`: it manages its own transactions, and its timings are taken inside the worker.
 */
import type { SAHPoolUtil } from '@sqlite.org/sqlite-wasm';
import type { HandlerContext } from '../../src/db/worker/runtime/processor';
import { LIVE_NAMES } from '../../src/db/worker/storage/atomic-swap';
import { loadSqlite } from '../../src/db/worker/storage/sqlite';
import { checkpointerOf, walBoundBytes } from '../../src/db/worker/storage/checkpoint';
import { backupHandlers } from '../../src/db/worker/handlers/backups';
import { STAGING_FILE } from '../../src/db/worker/backups/snapshot';
import { backupDirectory, readFile, writeFile } from '../../src/db/worker/storage/opfs-files';
import { generateShop, type ShopSize } from './shop-data';
import { benchProcessor, lookupInputs, makeSales, timeCommits, timeLookups, timeReportYear, validateImported, type BenchSale } from './workloads';

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
const EXPORT_FILE = 'tillite-export.db';

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
    run: async (ctx) => {
      const pool = poolOf(ctx);
      const pageSize = Number(ctx.db.selectValue('PRAGMA page_size'));
      const wal = `${ctx.live?.fileName ?? LIVE_NAMES[0]}-wal`;
      const walBytes = pool.getFileNames().includes(wal) ? pool.exportFile(wal).length : 0;
      const stats = checkpointerOf(ctx.db)?.stats;
      if (!stats) throw new Error('The live database has no checkpoint scheduler.');
      return { walBytes, boundBytes: walBoundBytes(pageSize), ...stats };
    },
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
    run: async (ctx, { count, seed }: { count: number; seed: number }) => timeCommits(benchProcessor(ctx), makeSales(ctx.db, count, seed), now),
  } satisfies BenchTask<{ count: number; seed: number }, unknown>,

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
   * The app's "Back up now": a verified snapshot (VACUUM INTO, integrity_check, write, read back, SHA-256,
   * rename) with its summary, catalogued and pruned by the backup service, as the Data view does it.
   */
  'bench.snapshot': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, { keep }: { keep: boolean }) => {
      if (!ctx.backups) throw new Error('The bench needs the backup service.');
      const heapBefore = await wasmHeapBytes();
      const dbBytes = databaseBytes(ctx);
      const t0 = now();
      const file = await ctx.backups.create(`bench ${String(Math.random()).slice(2, 8)}`);
      const ms = now() - t0;
      if (!keep) await ctx.backups.remove(file.name);
      return { ms, dbBytes, bytes: file.size, name: file.name, heapBefore, heapAfter: await wasmHeapBytes() };
    },
  } satisfies BenchTask<{ keep: boolean }, unknown>,

  /**
   * Export's underlying operation (issue 5 not built yet): checkpoint, sahpool `exportFile` of the live file,
   * header set to rollback-journal, written to a plain OPFS file that a download or save picker streams from.
   */
  'bench.export': {
    kind: 'task',
    effect: 'read',
    run: async (ctx) => {
      const pool = poolOf(ctx);
      const heapBefore = await wasmHeapBytes();
      const t0 = now();
      ctx.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      const bytes = pool.exportFile(ctx.live?.fileName ?? LIVE_NAMES[0]);
      bytes[18] = 1;
      bytes[19] = 1;
      await writeFile(await exportDirectory(), EXPORT_FILE, bytes);
      return { ms: now() - t0, bytes: bytes.length, heapBefore, heapAfter: await wasmHeapBytes() };
    },
  } satisfies BenchTask<Record<string, never>, unknown>,

  /**
   * Import's underlying operation (issue 5 not built yet): read the exported plain file, sahpool `importDb` into
   * the staging slot, validate there (integrity_check, foreign_key_check, application id, schema version). The
   * swap into the live slot is what `bench.restore` measures (close, unlink, importDb, reopen).
   */
  'bench.import': {
    kind: 'task',
    effect: 'read',
    run: async (ctx) => {
      const pool = poolOf(ctx);
      const heapBefore = await wasmHeapBytes();
      const t0 = now();
      const bytes = await readFile(await exportDirectory(), EXPORT_FILE);
      const t1 = now();
      pool.unlink(STAGING_FILE);
      void pool.importDb(STAGING_FILE, bytes);
      const t2 = now();
      const staged = new pool.OpfsSAHPoolDb(STAGING_FILE);
      let checks: ReturnType<typeof validateImported>;
      try {
        checks = validateImported(staged);
      } finally {
        staged.close();
        pool.unlink(STAGING_FILE);
      }
      const t3 = now();
      if (checks.integrity !== 'ok' || checks.foreignKeyProblems > 0) throw new Error(`the imported file fails its checks: ${JSON.stringify(checks)}`);
      return { ms: t3 - t0, readMs: t1 - t0, importMs: t2 - t1, validateMs: t3 - t2, bytes: bytes.length, checks, heapBefore, heapAfter: await wasmHeapBytes() };
    },
  } satisfies BenchTask<Record<string, never>, unknown>,

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
