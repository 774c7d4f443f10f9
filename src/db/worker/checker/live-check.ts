/**
 * The start-up integrity check of the live database, off the leader's thread.
 *
 * SQLite's `integrity_check` of one table cannot be split: at a large shop the sales lines alone take seconds, and
 * in the leader's worker a sale (or a backup's copy) waited behind each table's check for as long. So the leader
 * freezes the live file (a full checkpoint, then none until the copy is read: `backups/frozen-copy.ts`) and the
 * checker worker pulls it, 1 MiB at a time, into a scratch file of its own pool, then checks that copy table by
 * table (`schema/integrity.ts`). The leader only reads each chunk, giving way to requests before each read.
 *
 * A problem found on the copy is not yet a damaged database: the copy could have gone wrong on its way. Only what
 * SQLite reports is looked for (no business rule sends a shop to recovery), and the leader confirms it on the
 * live file itself before it switches to recovery (`runtime/session.ts`). Where the checker cannot do it (no
 * workers inside workers, a full disk for the copy, the checker crashed), the leader checks in its own worker.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { checkTableByTable } from '../schema/integrity';
import type { ChunkSource, DatabaseFiles } from '../storage/database-files';
import { sideFiles } from '../storage/database-files';
import { applyScratchSettings } from '../storage/pragmas';

/** The checker pool's scratch file for the live database's copy (a backup's check uses another). */
export const LIVE_CHECK_FILE = '/live-check.db';

/**
 * Writes the chunks of `source` (the frozen live file) into `files` and checks the copy table by table; returns
 * SQLite's problems (empty when whole; an error SQLite throws while checking is one). Throws when the copy could
 * not be written (the disk is full, the leader stopped sending): then nothing was checked.
 */
export async function checkLiveCopy(files: DatabaseFiles, source: ChunkSource): Promise<string[]> {
  const scratch = [LIVE_CHECK_FILE, ...sideFiles(LIVE_CHECK_FILE)];
  for (const file of scratch) files.unlink(file);
  try {
    await files.writeScratch(LIVE_CHECK_FILE, source);
    // From here on, what goes wrong is what SQLite says of the copy (a page it cannot read throws).
    let db: Database | null = null;
    try {
      db = files.openPlain(LIVE_CHECK_FILE);
      applyScratchSettings(db);
      const opened = db;
      return await checkTableByTable(() => opened);
    } catch (error) {
      return [error instanceof Error ? error.message : String(error)];
    } finally {
      if (db?.isOpen()) db.close();
    }
  } finally {
    for (const file of scratch) files.unlink(file);
  }
}

/**
 * The checker's side of the pull: `pull()` asks the leader for the next chunk. One chunk is asked for ahead, so
 * that the leader reads the next while this one is written.
 */
export function pulledChunks(pull: () => Promise<Uint8Array | undefined>): ChunkSource {
  let next: Promise<Uint8Array | undefined> | null = null;
  let ended = false;
  return async () => {
    if (ended) return undefined;
    const chunk = await (next ?? pull());
    next = null;
    if (chunk === undefined) {
      ended = true;
      return undefined;
    }
    next = pull();
    // A failure of the chunk asked ahead is met when it is awaited, not before.
    next.catch(() => undefined);
    return chunk;
  };
}
