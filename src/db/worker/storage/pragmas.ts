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
