/**
 * Consistent snapshots of the live database, kept as plain OPFS files under `backups/`.
 *
 * A snapshot is made by SQLite (`VACUUM INTO` a staging file inside the pool), given its manifest there (the
 * digest of every table's rows, see `manifest.ts`), checked with `integrity_check`, then written to
 * `backups/<name>.tmp`, read back and compared by SHA-256, and only then
 * renamed to its final name. A half-written file therefore never carries a backup's name, and leftovers
 * (`*.tmp`, the staging file) are removed at start-up.
 *
 * Plain files rather than pool files: a backup is then a disk-backed `File` that can be streamed to a
 * download or a save picker without passing through the wasm heap.
 */
import type { Database, SAHPoolUtil } from '@sqlite.org/sqlite-wasm';
import { HandlerError } from '../runtime/errors';
import { schemaVersionOf } from '../schema/version';
import { sha256Hex as sha256 } from '../../../lib/sha256';
import { backupDirectory, readFile, writeFile } from '../storage/opfs-files';
import { markStandalone } from '../storage/db-header';
import { assertRoom } from '../storage/quota';
import { inspectPoolFile } from './pool-check';
import { embedManifest, loadManifestHasher, takeManifestInSlices } from './manifest';

/** The pool file a snapshot is made in before it is copied out. */
export const STAGING_FILE = '/snapshot-staging.db';
/** The pool file a backup is copied into to be checked (verify, restore, reconcile). */
export const VERIFY_STAGING_FILE = '/verify-staging.db';

/** What was written. `facts` is what the optional reader found in the verified copy. */
export interface SnapshotFile<T = null> {
  name: string;
  size: number;
  sha256: string;
  schemaVersion: number;
  createdAt: string;
  facts: T;
}

/** What a snapshot needs from the open database. */
export interface SnapshotSource {
  db: Database;
  pool: SAHPoolUtil;
  vfs: string;
}

/**
 * Takes a verified snapshot of the live database into `backups/<name>`. Throws (and leaves no file behind)
 * when anything fails; the live database is only read.
 */
export async function takeSnapshot<T = null>(
  source: SnapshotSource,
  name: string,
  read: (db: Database) => T = () => null as T,
): Promise<SnapshotFile<T>> {
  const { db, pool } = source;
  const pageSize = Number(db.selectValue('PRAGMA page_size'));
  const pageCount = Number(db.selectValue('PRAGMA page_count'));
  const dir = await backupDirectory();
  // Room for the staging copy in the pool and the plain copy, with a margin.
  await assertRoom(pageSize * pageCount * 2.2 + 1e6, dir);
  const temp = `${name}.tmp`;
  pool.unlink(STAGING_FILE);
  try {
    db.exec({ sql: 'VACUUM INTO ?', bind: [`file:${STAGING_FILE}?vfs=${source.vfs}`] });
    await embedOwnManifest(pool, STAGING_FILE);
    const { problems, facts } = inspectPoolFile(pool, STAGING_FILE, read);
    if (problems.length > 0) throw new Error(`the copy failed its integrity check: ${problems.slice(0, 3).join('; ')}`);
    const bytes = pool.exportFile(STAGING_FILE);
    // A backup is a plain rollback-journal file that any SQLite opens on its own.
    markStandalone(bytes);
    const digest = await sha256(bytes);
    await writeFile(dir, temp, bytes);
    const readBack = await sha256(await readFile(dir, temp));
    if (readBack !== digest) throw new Error('the file read back differs from what was written');
    const handle = await dir.getFileHandle(temp);
    await (handle as FileSystemFileHandle & { move(name: string): Promise<void> }).move(name);
    return {
      name,
      size: bytes.length,
      sha256: digest,
      schemaVersion: schemaVersionOf(db),
      createdAt: new Date().toISOString(),
      facts: facts as T,
    };
  } catch (error) {
    await dir.removeEntry(temp).catch(() => undefined);
    if (error instanceof HandlerError) throw error;
    throw new HandlerError('internal', `The backup failed: ${error instanceof Error ? error.message : String(error)}. The database is untouched.`);
  } finally {
    pool.unlink(STAGING_FILE);
  }
}

/** Writes the manifest of pool file `name` (a fresh copy) into it, so that the file proves its own rows. */
async function embedOwnManifest(pool: SAHPoolUtil, name: string): Promise<void> {
  const hash = await loadManifestHasher();
  const copy = new pool.OpfsSAHPoolDb(name);
  try {
    embedManifest(copy, await takeManifestInSlices(copy, hash));
  } finally {
    copy.close();
  }
}

/** Removes what an interrupted snapshot or check left: `*.tmp` files and the staging files. Returns their names. */
export async function cleanSnapshotLeftovers(pool: SAHPoolUtil): Promise<string[]> {
  const removed: string[] = [];
  for (const file of [STAGING_FILE, VERIFY_STAGING_FILE]) {
    for (const name of [file, `${file}-journal`, `${file}-wal`]) if (pool.unlink(name)) removed.push(name);
  }
  const dir = await backupDirectory();
  for await (const [entryName] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
    if (entryName.endsWith('.tmp')) {
      await dir.removeEntry(entryName);
      removed.push(entryName);
    }
  }
  return removed;
}
