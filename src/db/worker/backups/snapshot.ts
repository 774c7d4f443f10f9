/**
 * Snapshots of the live database, kept as plain files under `backups/`, made in slices so that sales go on.
 *
 * Two ways to a consistent copy:
 * - the live database (every backup and export): its file is frozen by a full checkpoint and held still while it
 *   is read in 1 MiB chunks, sales going to the WAL meanwhile (see `frozen-copy.ts`); the facts shown beside the
 *   backup are read from the same instant;
 * - a database that is not the live connection (one being migrated, or replaced by the recovery screen): copied
 *   with SQLite's backup API in steps into a staging file in the pool (`stream-copy.ts`), from which the facts
 *   are read and the pages are read out through `sqlite_dbpage`.
 * Either way the pages go to `backups/<name>.tmp` in 1 MiB chunks, each hashed on its way and read straight back
 * and compared, and only then is the file renamed to its final name. A half-written file never carries a
 * backup's name; leftovers (`*.tmp`, the staging files) are removed at start-up. SQLite's own check of the new
 * file (`quick_check`, or the full check) runs afterwards, in the checker worker (see `check.ts`), and writes the
 * manifest of its rows into it: a snapshot is listed as "copied" until it has passed (an export waits for it).
 *
 * Memory is flat in the file's size: one chunk (and the staging connection's page cache).
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { HandlerError } from '../runtime/errors';
import { schemaVersionOf } from '../schema/version';
import { sideFiles, type DatabaseFiles } from '../storage/database-files';
import { CHUNK_BYTES, type PlainFiles } from '../storage/plain-files';
import { applyScratchSettings } from '../storage/pragmas';
import { createSlicer, nextTask } from '../storage/slices';
import { CHUNKED_DIGEST } from './chunk-digest';
import { backupInSteps, writeChunks, writeNewFile, writePages, type WrittenChunks } from './stream-copy';
import { freezeLiveWhenFree, type FrozenCopy } from './frozen-copy';
import { dropManifest, hasManifest } from './manifest';

/** The pool file a snapshot is copied into before it is written out. */
export const STAGING_FILE = '/snapshot-staging.db';
/** The pool file a backup is copied into to be checked (verify, restore, reconcile). */
export const VERIFY_STAGING_FILE = '/verify-staging.db';

/** What was written. `facts` is what the optional reader found in the copy. */
export interface SnapshotFile<T = null> {
  name: string;
  size: number;
  /** The checksum in the {@link CHUNKED_DIGEST} scheme. */
  sha256: string;
  digestKind: typeof CHUNKED_DIGEST;
  schemaVersion: number;
  createdAt: string;
  facts: T;
}

/** What a snapshot needs: the database to copy, the pool it is staged in, and where backups are written. */
export interface SnapshotSource {
  db: Database;
  sqlite3: Sqlite3Static;
  files: DatabaseFiles;
  backups: PlainFiles;
}

/** What a snapshot runs on its consistent copy before the copy is written out. */
export interface SnapshotHooks<T> {
  /** Reads facts from the copy (the summary shown beside the backup), calling `pause` between slices. */
  read?: (copy: Database, pause: () => Promise<void>) => Promise<T>;
}

function removeStaging(files: DatabaseFiles, name: string): void {
  for (const file of [name, ...sideFiles(name)]) files.unlink(file);
}

/**
 * Takes a snapshot of `source.db` into `backups/<name>`, byte-verified. Throws (and leaves no file behind) when
 * anything fails; the database copied is only read (but for a stale manifest row, see below).
 */
export async function takeSnapshot<T = null>(source: SnapshotSource, name: string, hooks: SnapshotHooks<T> = {}): Promise<SnapshotFile<T>> {
  const { db, backups } = source;
  const pageSize = Number(db.selectValue('PRAGMA page_size'));
  const pageCount = Number(db.selectValue('PRAGMA page_count'));
  // Room for the plain copy, with a margin (sales may grow the database meanwhile).
  await backups.reserve(pageSize * pageCount * 1.1 + 1e6);
  if (hasManifest(db)) {
    // A database restored from a file keeps the file's manifest, stale from its first sale on: a backup must not
    // carry it (its first check takes the backup's own, see `check.ts`). Dropped before the file is frozen, so
    // that the frozen file is without it.
    dropManifest(db);
  }
  // Null when the database is not the live connection (or cannot be frozen now): then the backup API copies it.
  const frozen = await freezeLiveWhenFree(source.sqlite3, db);
  const temp = `${name}.tmp`;
  try {
    const written = frozen ? await writeFrozen(frozen, backups, temp, hooks) : await writeStaged(source, temp, hooks);
    await backups.move(temp, name);
    return {
      name,
      size: written.size,
      sha256: written.sha256,
      digestKind: CHUNKED_DIGEST,
      schemaVersion: written.schemaVersion,
      createdAt: new Date().toISOString(),
      facts: written.facts,
    };
  } catch (error) {
    await backups.remove(temp).catch(() => undefined);
    if (error instanceof HandlerError) throw error;
    throw new HandlerError('internal', `The backup failed: ${error instanceof Error ? error.message : String(error)}. The database is untouched.`);
  }
}

/** What was written to the temporary file, and what was read from the same instant. */
interface Written<T> extends WrittenChunks {
  schemaVersion: number;
  facts: T;
}

/** The live database's file, frozen (see `frozen-copy.ts`), written to `temp`; checkpoints resume after it. */
async function writeFrozen<T>(frozen: FrozenCopy, backups: PlainFiles, temp: string, hooks: SnapshotHooks<T>): Promise<Written<T>> {
  try {
    // Every step gives way to a request waiting (a budget of 0): with the 4 ms budget of other slices a step ran
    // on into the next chunk, and a sale during a backup waited for both (slowest 10-17 ms against 9-13 ms, the
    // same probe); a copy with no sale waiting only yields a task per chunk.
    const slicer = createSlicer(0);
    const facts = (hooks.read ? await hooks.read(frozen.view, () => slicer.pause()) : null) as T;
    const schemaVersion = schemaVersionOf(frozen.view);
    const written = await writeNewFile(backups, temp, (writer) => writeChunks(frozen.chunks(slicer), writer));
    return { ...written, schemaVersion, facts };
  } finally {
    frozen.release();
  }
}

/**
 * A database that is not the live connection (one being migrated, or replaced by the recovery screen): copied
 * with the backup API in steps into a staging file in the pool, whose facts are read and whose pages are then
 * written out to `temp`.
 */
async function writeStaged<T>(source: SnapshotSource, temp: string, hooks: SnapshotHooks<T>): Promise<Written<T>> {
  const { db, files, backups } = source;
  const pageSize = Number(db.selectValue('PRAGMA page_size'));
  const slicer = createSlicer();
  let copy: Database | null = null;
  try {
    removeStaging(files, STAGING_FILE);
    copy = files.openPlain(STAGING_FILE);
    // Exclusive locking lets the copy be read although its header says WAL (the backup API copies the source's
    // header); the page size must be the source's for the copy to start.
    copy.exec(`PRAGMA locking_mode = EXCLUSIVE; PRAGMA page_size = ${pageSize}`);
    applyScratchSettings(copy);
    await backupInSteps(source.sqlite3, db, copy, slicer, Math.max(1, Math.floor(CHUNK_BYTES / pageSize)));
    const facts = (hooks.read ? await hooks.read(copy, nextTask) : null) as T;
    const schemaVersion = schemaVersionOf(copy);
    const staged = copy;
    const written = await writeNewFile(backups, temp, (writer) => writePages(staged, writer, slicer));
    return { ...written, schemaVersion, facts };
  } finally {
    if (copy?.isOpen()) copy.close();
    removeStaging(files, STAGING_FILE);
  }
}

/** Removes what an interrupted snapshot or check left: `*.tmp` files and the staging files. Returns their names. */
export async function cleanSnapshotLeftovers(files: DatabaseFiles, backups: PlainFiles): Promise<string[]> {
  const removed: string[] = [];
  for (const file of [STAGING_FILE, VERIFY_STAGING_FILE]) {
    for (const name of [file, ...sideFiles(file)]) if (files.unlink(name)) removed.push(name);
  }
  for (const entryName of await backups.list()) {
    if (entryName.endsWith('.tmp') && (await backups.remove(entryName))) removed.push(entryName);
  }
  return removed;
}
