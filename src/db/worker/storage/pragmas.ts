import type { Database } from '@sqlite.org/sqlite-wasm';

/**
 * Settings every connection to the live database gets.
 *
 * WAL is only honoured under exclusive locking (wasm has no shared memory; without it `journal_mode=WAL`
 * silently stays `delete`), and sahpool gives one connection exclusive use of the file anyway.
 * `synchronous=FULL` syncs the WAL on every commit: a commit that returned survives the tab or the browser being
 * killed the next instant. NORMAL would be faster and could lose the last commits, so it is not used.
 */
export function applyConnectionSettings(db: Database): void {
  db.exec('PRAGMA locking_mode = EXCLUSIVE');
  const mode = String(db.selectValue('PRAGMA journal_mode = WAL'));
  if (mode !== 'wal' && mode !== 'memory') throw new Error(`SQLite refused WAL mode (it answered "${mode}")`);
  db.exec('PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF');
  // Checkpoints are scheduled off the commit path (see checkpoint.ts, which turns wal_autocheckpoint off on the
  // live file). After one large write (a migration, an import) the WAL file is cut back to this size once it is
  // checkpointed, instead of keeping its largest size for ever.
  db.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT}`);
}

/** The size the WAL file is cut back to after a checkpoint: above the checkpoint bound, so a till never cuts it. */
export const WAL_SIZE_LIMIT = 32 * 1024 * 1024;

/** Page cache of a scratch copy (a snapshot's staging file, a backup's check copy, a file being imported). */
export const SCRATCH_CACHE_KIB = 16 * 1024;

/**
 * Settings of a scratch copy in the pool: a snapshot's staging file, a backup's check copy, an imported file
 * under check. Such a copy is never the shop's data: its bytes are written out and read back against their
 * digests (a snapshot), or it is thrown away after the check, so syncing it buys nothing and only costs time.
 * Its page cache is larger than SQLite's 2 MiB default, because the checks and the manifest read every page
 * (16 MiB stays well under the 0.25× memory target at 200 MB). A `readOnly` copy (an imported file under check)
 * writes nothing, so only its cache is set.
 */
export function applyScratchSettings(db: Database, readOnly = false): void {
  db.exec(`PRAGMA cache_size = -${SCRATCH_CACHE_KIB}`);
  if (!readOnly) db.exec('PRAGMA synchronous = OFF');
}
