/**
 * The live database as something that can be replaced. Handlers reach the database through `live.db`, read at
 * each call, so after a restore (or an import) every handler serves the new file without being rebuilt.
 *
 * It also carries the database's health: when the file failed to open, failed its check or failed to migrate,
 * `failure` says why, and only the recovery handlers (list backups, restore one) are answered.
 */
import type { Database, SAHPoolUtil, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import type { WireError } from '../../protocol/envelope';
import { VFS_NAME } from './sahpool';
import { attachCheckpointer, checkpointerOf } from './checkpoint';
import { gatherWalWrites } from './wal-writes';
import { HandlerError } from '../runtime/errors';
import { chooseLiveFile, LIVE_NAMES, type LiveFile } from './atomic-swap';
import type { DatabaseFiles } from './database-files';
import { opfsSwitchRecords } from './opfs-switch-records';
import { poolFiles } from './pool-files';
import type { SwitchRecordStore } from './switch-record';

/** The live database, swappable, with its pool. */
export interface LiveDatabase {
  readonly sqlite3: Sqlite3Static;
  readonly pool: SAHPoolUtil;
  readonly vfs: string;
  /** The pool name of the live file: one of two, the switch record says which (see `atomic-swap.ts`). */
  readonly fileName: string;
  /** The pool's files and the switch record, behind the storage seam (memory ones in unit tests). */
  readonly files: DatabaseFiles;
  readonly records: SwitchRecordStore;
  /** Which file is live, with its record's sequence number. */
  readonly file: LiveFile;
  /** Reads the switch record and settles which file is live (removing a cut-off swap's leftover). Before `open`. */
  choose(): Promise<LiveFile>;
  /** Makes `db`, opened by a swap on `file`, the live database. */
  adopt(db: Database, file: LiveFile): void;
  /** The open database. Throws the failure when the database cannot be used. */
  readonly db: Database;
  /** The open database even when it failed its check (for a last snapshot), or null when it is closed. */
  readonly raw: Database | null;
  /** Why the database cannot be used, or null when it is healthy. */
  readonly failure: WireError | null;
  setFailure(failure: WireError | null): void;
  /** Opens the live file (closing any open handle first). */
  open(): Database;
  /** Closes the live file, keeping the pool. */
  closeDb(): void;
  /** Closes the file and releases the pool's handles, so another worker can open them. */
  close(): void;
  /**
   * While a swap runs, every other call waits for this promise: nothing may touch the database between the
   * close of the old file and the open of the new one.
   */
  readonly busy: Promise<void> | null;
  /** Runs `fn` with every other call held back until it ends. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * The live WAL's writes gathered into one call per commit (`wal-writes.ts`). Where that cannot be set up, the
 * WAL is written as SQLite writes it, which is only slower.
 */
function gatherWal(sqlite3: Sqlite3Static, db: Database): void {
  try {
    gatherWalWrites(sqlite3, db);
  } catch (error) {
    console.warn('[tillite] the WAL is written write by write', error);
  }
}

/** Wraps an installed pool. `onHealth` hears every change of `failure` (the leader tells the tabs). */
export function createLiveDatabase(
  sqlite3: Sqlite3Static,
  pool: SAHPoolUtil,
  onHealth: (failure: WireError | null) => void,
  stores: { files: DatabaseFiles; records: SwitchRecordStore } = { files: poolFiles(sqlite3, pool), records: opfsSwitchRecords() },
): LiveDatabase {
  let current: Database | null = null;
  let file: LiveFile = { name: LIVE_NAMES[0], seq: 0 };
  let failure: WireError | null = null;
  let busy: Promise<void> | null = null;
  const live: LiveDatabase = {
    sqlite3,
    pool,
    vfs: VFS_NAME,
    get fileName() {
      return file.name;
    },
    files: stores.files,
    records: stores.records,
    get file() {
      return file;
    },
    async choose() {
      file = await chooseLiveFile(stores.files, stores.records);
      return file;
    },
    adopt(db, next) {
      live.closeDb();
      current = db;
      file = next;
      attachCheckpointer(sqlite3, current);
      gatherWal(sqlite3, current);
    },
    get db() {
      if (failure) throw new HandlerError(failure.code, failure.message, failure.detail);
      if (!current) throw new HandlerError('internal', 'The database is being replaced. Try again in a moment.');
      return current;
    },
    get raw() {
      return current;
    },
    get failure() {
      return failure;
    },
    setFailure(next) {
      const changed = (failure === null) !== (next === null);
      failure = next;
      if (changed) onHealth(next);
    },
    open() {
      live.closeDb();
      current = stores.files.open(file.name);
      // Checkpoints off the commit path, when the till is quiet or the WAL reaches its bound (checkpoint.ts).
      attachCheckpointer(sqlite3, current);
      gatherWal(sqlite3, current);
      return current;
    },
    closeDb() {
      if (current) checkpointerOf(current)?.stop();
      if (current?.isOpen()) current.close();
      current = null;
    },
    close() {
      live.closeDb();
      if (!pool.isPaused()) pool.pauseVfs();
    },
    get busy() {
      return busy;
    },
    async exclusive(fn) {
      while (busy) await busy;
      let release!: () => void;
      busy = new Promise<void>((resolve) => (release = resolve));
      try {
        return await fn();
      } finally {
        busy = null;
        release();
      }
    },
  };
  return live;
}
