/**
 * A copy of the live database read straight from its file while sales go on.
 *
 * In WAL mode a commit is written to the WAL only; the database file changes only when a checkpoint copies the
 * WAL back into it. So a full checkpoint, then no checkpoint until the copy is done ({@link Checkpointer.freeze}),
 * leaves the database file as the database at that instant, every commit whole or absent, for as long as the
 * copy takes: sales meanwhile go to the WAL and are in the next backup. The file is then read in 1 MiB chunks
 * through its VFS, with no page cache and no SQL in between, which is as fast as the storage reads (the issue
 * measured the backup API staging copy at several times the raw read).
 *
 * What else must come from that instant (the facts shown beside a backup) is read through a second, read-only
 * connection opened `immutable` on the same file: SQLite then reads the file as it is and never looks at the WAL
 * (nor takes a lock, which the live connection holds exclusively), so it sees exactly the frozen database.
 *
 * Only for a live connection in WAL mode with the checkpoint scheduler attached; any other database (a file
 * being migrated, the in-memory files of the unit tests) is copied with the backup API (`stream-copy.ts`).
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { checkpointerOf } from '../storage/checkpoint';
import { markStandalone } from '../storage/db-header';
import { guardPages, type PageGuard } from '../storage/page-guard';
import { filePointerOf, rawFileOf } from '../storage/raw-file';
import type { ChunkSource } from '../storage/database-files';
import { CHUNK_BYTES } from '../storage/plain-files';
import type { Slicer } from '../storage/slices';

/** The live database held still for a copy. */
export interface FrozenCopy {
  /** A read-only connection that sees the database file as of the freeze. Closed by {@link release}. */
  view: Database;
  /**
   * The frozen file's pages in chunks of 1 MiB, the first page's header marked standalone (rollback journal),
   * giving way (`slicer`) before each read. Every chunk is a view of one buffer that the next read overwrites.
   */
  chunks(slicer: Slicer): ChunkSource;
  /** Closes the view and lets checkpoints run again. Safe to call twice. */
  release(): void;
}

/** A file name as a URI path: only the characters a URI would read otherwise are escaped. */
const uriPath = (name: string) => name.replace(/[%?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The VFS and the name `db`'s main file is open under. */
function mainFileOf(sqlite3: Sqlite3Static, db: Database): { vfs: string; name: string } {
  const { capi, wasm } = sqlite3;
  const struct = new capi.sqlite3_vfs(filePointerOf(sqlite3, db, capi.SQLITE_FCNTL_VFS_POINTER));
  const vfs = wasm.cstrToJs(struct.$zName) ?? '';
  struct.dispose();
  return { vfs, name: capi.sqlite3_db_filename(db.pointer!, 'main') };
}

/**
 * {@link freezeLive} once no other copy holds the file still (a backup, an export, the start-up check's copy): a
 * second full checkpoint would change the file under that copy, so this waits for it to end, then freezes in the
 * same task (no other freeze can come between). Null as {@link freezeLive}, or when `db` was closed meanwhile.
 */
export async function freezeLiveWhenFree(sqlite3: Sqlite3Static, db: Database): Promise<FrozenCopy | null> {
  const checkpointer = checkpointerOf(db);
  while (checkpointer?.held) await checkpointer.whenUnheld();
  return db.isOpen() ? freezeLive(sqlite3, db) : null;
}

/**
 * Freezes the live database `db` for a copy, or returns null when it cannot be frozen (not the live connection
 * in WAL mode, a transaction open, another copy holding it): the caller then copies it another way. Must be
 * released.
 */
export function freezeLive(sqlite3: Sqlite3Static, db: Database): FrozenCopy | null {
  const checkpointer = checkpointerOf(db);
  if (!checkpointer || String(db.selectValue('PRAGMA journal_mode')).toLowerCase() !== 'wal') return null;
  const { vfs, name } = mainFileOf(sqlite3, db);
  // Closing the connection ends the copy: its reader is closed, and the pool can then be released for another tab.
  const hold = checkpointer.freeze(() => release());
  if (!hold) return null;
  // Read in the same task as the checkpoint: no commit can come between (the worker runs one task at a time).
  const pageSize = Number(db.selectValue('PRAGMA page_size'));
  const pageCount = Number(db.selectValue('PRAGMA page_count'));
  let view: Database | null = null;
  let buffer = 0;
  let guard: PageGuard | null = null;
  const release = () => {
    if (view?.isOpen()) view.close();
    view = null;
    if (buffer) sqlite3.wasm.dealloc(buffer);
    buffer = 0;
    guard?.release();
    guard = null;
    hold.release();
  };
  try {
    // The pages checkpoints overwrite from now on are kept for the copy (`page-guard.ts`), so checkpoints need
    // not wait for it: where that cannot be set up, they are held off until the copy ends, as before.
    try {
      guard = guardPages(sqlite3, db, pageCount * pageSize, pageSize);
    } catch (error) {
      console.warn('[tillite] checkpoints wait for this copy: its pages cannot be guarded', error);
    }
    view = new sqlite3.oo1.DB({ filename: `file:${uriPath(name)}?immutable=1`, flags: 'r', vfs });
    // Every read of the view (SQLite's, and the copy's raw reads below, through the same methods) sees the kept pages.
    guard?.guardReads(view);
    const seen = Number(view.selectValue('PRAGMA page_count'));
    if (seen !== pageCount) throw new Error(`the database file holds ${seen} pages where ${pageCount} were expected`);
    if (guard) hold.resume();
    const { read } = rawFileOf(sqlite3, view);
    const perChunk = Math.max(1, Math.floor(CHUNK_BYTES / pageSize));
    const frozenView = view;
    return {
      view: frozenView,
      release,
      chunks(slicer) {
        const total = pageSize * pageCount;
        const chunkBytes = perChunk * pageSize;
        buffer ||= sqlite3.wasm.alloc(chunkBytes);
        // The chunk leaves wasm memory at once: that memory may grow (and its views go stale) while the chunk is
        // hashed and written.
        const chunk = new Uint8Array(chunkBytes);
        let offset = 0;
        return async () => {
          if (offset >= total) return undefined;
          if (offset > 0) await slicer.pause();
          if (!frozenView.isOpen() || !buffer) throw new Error('the copy was stopped');
          const n = Math.min(chunkBytes, total - offset);
          const rc = read(buffer, n, offset);
          if (rc !== 0) throw new Error(`the database file could not be read at byte ${offset} (${sqlite3.capi.sqlite3_js_rc_str(rc) ?? rc})`);
          const part = chunk.subarray(0, n);
          part.set(sqlite3.wasm.heap8u().subarray(buffer, buffer + n));
          if (offset === 0) markStandalone(part);
          offset += n;
          return part;
        };
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
