/// <reference lib="webworker" />
/**
 * The backup checker's worker: runs `checkBackupFile` (the same code the database worker would run) on a
 * backup file in OPFS `backups/`, with its own sahpool in its own directory, so that SQLite's check of a large
 * table never holds the database worker (and the sale waiting behind it). Started by `check-remote.ts`.
 */
import { OPFS_DIRS } from '../../../lib/opfs-paths';
import { poolFiles } from '../storage/pool-files';
import { backupDirectory } from '../storage/opfs-files';
import { opfsPlainFiles } from '../storage/opfs-plain-files';
import { loadSqlite } from '../storage/sqlite';
import type { DatabaseFiles } from '../storage/database-files';
import { checkBackupFile } from './check';
import type { CheckReply, CheckRequest } from './check-remote';

let files: Promise<DatabaseFiles> | null = null;

async function openPool(): Promise<DatabaseFiles> {
  const sqlite3 = await loadSqlite();
  // Its own directory, emptied at each start: it only ever holds a copy being checked.
  const pool = await sqlite3.installOpfsSAHPoolVfs({ name: 'tillite-check-sahpool', directory: OPFS_DIRS.checkPool, initialCapacity: 4, clearOnInit: true });
  return poolFiles(pool);
}

self.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { id, name, expected, depth } = event.data;
  const reply = (message: CheckReply) => self.postMessage(message);
  let pool: DatabaseFiles;
  try {
    pool = await (files ??= openPool());
  } catch (error) {
    files = null;
    reply({ id, unavailable: true, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  try {
    reply({ id, result: await checkBackupFile(pool, opfsPlainFiles(backupDirectory), name, expected, depth) });
  } catch (error) {
    reply({ id, message: error instanceof Error ? error.message : String(error), code: (error as { code?: string }).code });
  }
};
