/// <reference lib="webworker" />
/**
 * The checker worker: checks backup files for the leader's worker, which starts it (see `remote.ts`). It has
 * its own sqlite-wasm and its own opfs-sahpool pool (a directory of its own: the live pool belongs to the
 * leader), into which a backup is streamed to be checked. Only a backup's staging copy ever lives there, so
 * the pool is emptied when it is installed (a check cut off leaves nothing that matters).
 */
import { OPFS_DIRS } from '../../../lib/opfs-paths';
import { backupDirectory } from '../storage/opfs-files';
import { opfsPlainFiles } from '../storage/opfs-plain-files';
import { poolFiles } from '../storage/pool-files';
import { loadSqlite } from '../storage/sqlite';
import type { FromChecker, ToChecker } from './protocol';
import { serveChecker, type CheckerFiles } from './serve';

declare const self: DedicatedWorkerGlobalScope;

async function start(): Promise<CheckerFiles> {
  const sqlite3 = await loadSqlite();
  const pool = await sqlite3.installOpfsSAHPoolVfs({ name: 'tillite-checker', directory: OPFS_DIRS.checkerPool, initialCapacity: 6, clearOnInit: true });
  return { files: poolFiles(sqlite3, pool), backups: opfsPlainFiles(backupDirectory) };
}

const handle = serveChecker(start(), (message: FromChecker) => self.postMessage(message));
self.onmessage = (event: MessageEvent<ToChecker>) => void handle(event.data);
