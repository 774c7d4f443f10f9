/**
 * Consistent snapshots of the live database, kept as plain OPFS files under `backups/`.
 *
 * A snapshot is made by SQLite (`VACUUM INTO` a staging file inside the pool), checked there with
 * `integrity_check`, then written to `backups/<name>.tmp`, read back and compared by SHA-256, and only then
 * renamed to its final name. A half-written file therefore never carries a backup's name, and leftovers
 * (`*.tmp`, the staging file) are removed at start-up.
 *
 * Plain files rather than pool files: a backup is then a disk-backed `File` that can be streamed to a
 * download or a save picker without passing through the wasm heap.
 */
import type { Database, SAHPoolUtil } from '@sqlite.org/sqlite-wasm';
import { HandlerError } from '../runtime/errors';
import { schemaVersionOf } from '../schema/runner';

/** The OPFS directory that holds backups. */
export const BACKUP_DIR = 'backups';
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

/** "2026-11-22T10:15:00.123Z" → "2026-11-22T10-15-00Z": sortable, and valid in every file system. */
export function fileTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
}

/** Keeps a description safe and short in a file name. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\w\s.-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 40);
}

/** `tillite-{kind}-v{schema}-{UTC time}[-{description}].db` */
export function snapshotFileName(kind: string, schema: string, date: Date, description?: string): string {
  const tail = description ? `-${slug(description)}` : '';
  return `tillite-${kind}-v${schema}-${fileTime(date)}${tail}.db`;
}

/** Hex SHA-256 of bytes. */
export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The backups directory, created on first use. */
export async function backupDirectory(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(BACKUP_DIR, { create: true });
}

/** Writes bytes to a plain OPFS file through a sync access handle (the fastest way from a worker). */
export async function writeFile(dir: FileSystemDirectoryHandle, name: string, bytes: Uint8Array): Promise<void> {
  const handle = await dir.getFileHandle(name, { create: true });
  const access = await handle.createSyncAccessHandle();
  try {
    access.truncate(0);
    const CHUNK = 1 << 20;
    for (let offset = 0; offset < bytes.length; offset += CHUNK) {
      const written = access.write(bytes.subarray(offset, offset + CHUNK), { at: offset });
      if (written !== Math.min(CHUNK, bytes.length - offset)) throw new Error('short write (is the disk full?)');
    }
    access.flush();
  } finally {
    access.close();
  }
}

/** Reads a whole plain OPFS file. */
export async function readFile(dir: FileSystemDirectoryHandle, name: string): Promise<Uint8Array> {
  const handle = await dir.getFileHandle(name);
  const access = await handle.createSyncAccessHandle();
  try {
    const size = access.getSize();
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const read = access.read(bytes.subarray(offset), { at: offset });
      if (read <= 0) throw new Error(`short read of ${name}`);
      offset += read;
    }
    return bytes;
  } finally {
    access.close();
  }
}

function quotaError(needed: number, free: number | null): HandlerError {
  const freeText = free === null ? 'the browser refused the space' : `${Math.floor(free / 1e6)} MB are free`;
  return new HandlerError(
    'quota',
    `Not enough storage for a backup: it needs about ${Math.ceil(needed / 1e6)} MB and ${freeText}. Nothing was written; the database is untouched. Delete old backups or free space on the device.`,
    { needed, free },
  );
}

/** The file a backup reserves its space with; its `.tmp` ending has it cleaned at start-up if left. */
const RESERVATION = '.space-reservation.tmp';

/**
 * Refuses before writing anything when the origin cannot hold `needed` more bytes. The estimate alone is not
 * enough (browsers may report a quota they then do not grant: Chromium's estimate ignores an overridden quota),
 * so the space is also reserved: a file is grown to that size and removed. If the browser refuses the growth,
 * no part of the backup has been written.
 */
export async function assertRoom(needed: number, dir: FileSystemDirectoryHandle): Promise<void> {
  const estimate = await navigator.storage.estimate?.();
  if (estimate?.quota) {
    const free = estimate.quota - (estimate.usage ?? 0);
    if (free < needed) throw quotaError(needed, free);
  }
  const handle = await dir.getFileHandle(RESERVATION, { create: true });
  const access = await handle.createSyncAccessHandle();
  try {
    // Chromium refuses growth beyond the quota silently (the size stays as it was), or with QuotaExceededError.
    access.truncate(Math.ceil(needed));
    access.flush();
    if (access.getSize() < Math.ceil(needed)) throw quotaError(needed, null);
  } catch (error) {
    if (error instanceof HandlerError) throw error;
    if ((error as DOMException)?.name === 'QuotaExceededError') throw quotaError(needed, null);
    throw error;
  } finally {
    access.close();
    await dir.removeEntry(RESERVATION).catch(() => undefined);
  }
}

/**
 * Opens a file in the pool, runs `integrity_check`, and (when whole) reads facts from it with `read`.
 * A file that does not even open counts as damaged.
 */
export function inspectPoolFile<T>(pool: SAHPoolUtil, name: string, read: (db: Database) => T): { problems: string[]; facts: T | null } {
  let db: Database;
  try {
    db = new pool.OpfsSAHPoolDb(name);
  } catch (error) {
    return { problems: [error instanceof Error ? error.message : String(error)], facts: null };
  }
  try {
    const result = db.selectValues('PRAGMA integrity_check').map(String);
    const problems = result.length === 1 && result[0] === 'ok' ? [] : result;
    return { problems, facts: problems.length === 0 ? read(db) : null };
  } catch (error) {
    return { problems: [error instanceof Error ? error.message : String(error)], facts: null };
  } finally {
    db.close();
  }
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
    const { problems, facts } = inspectPoolFile(pool, STAGING_FILE, read);
    if (problems.length > 0) throw new Error(`the copy failed its integrity check: ${problems.slice(0, 3).join('; ')}`);
    const bytes = pool.exportFile(STAGING_FILE);
    // VACUUM INTO keeps the WAL flag of a WAL source; a backup is a plain rollback-journal file, so that any
    // SQLite opens it on its own (no -wal file is expected beside it).
    if (bytes[18] === 2 && bytes[19] === 2) {
      bytes[18] = 1;
      bytes[19] = 1;
    }
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
