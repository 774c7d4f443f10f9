/**
 * What still works while the database is refused (a failed migration, a newer schema, a failed check): restore
 * the snapshot the runner took, or download a copy of the file as it is.
 *
 * Minimal on purpose: the backups work (issue 4) owns the general recovery screen and restore; this module is
 * what the migration runner's failure screen needs, and the lead reconciles the two.
 */
import type { Database, SAHPoolUtil } from '@sqlite.org/sqlite-wasm';
import { HandlerError } from './errors';
import { DB_FILE } from './drivers/opfs-sahpool';
import { schemaVersionOf, TILLITE_APPLICATION_ID } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { backupDirectory, checkPoolFile, readFile, snapshotFileName, STAGING_FILE, takeSnapshot } from './snapshot';

/** What a restore needs: the refused database, still open, and its pool. */
export interface RecoverySource {
  db: Database;
  pool: SAHPoolUtil;
  vfs: string;
}

const SNAPSHOT_NAME = /^tillite-[A-Za-z0-9.-]+\.db$/;

/** Reads `backups/<name>`, refusing names that could reach outside the directory. */
async function readSnapshot(name: string): Promise<Uint8Array> {
  if (!SNAPSHOT_NAME.test(name)) throw new HandlerError('invalid', `"${name}" is not the name of a Tillite snapshot.`);
  try {
    return await readFile(await backupDirectory(), name);
  } catch (error) {
    if ((error as { name?: string })?.name === 'NotFoundError') throw new HandlerError('not-found', `The snapshot ${name} is not on this device.`);
    throw error;
  }
}

/** Checks that `bytes` are a whole Tillite database this build can open; returns its schema version. */
function verifyInPool(pool: SAHPoolUtil, bytes: Uint8Array, name: string): number {
  const header = new TextDecoder().decode(bytes.subarray(0, 15));
  if (header !== 'SQLite format 3') throw new HandlerError('damaged', `${name} is not an SQLite database.`);
  pool.unlink(STAGING_FILE);
  // importDb is synchronous for plain bytes (see the shared notes), whatever its type says.
  void pool.importDb(STAGING_FILE, bytes);
  try {
    const problems = checkPoolFile(pool, STAGING_FILE);
    if (problems.length > 0) throw new HandlerError('damaged', `${name} fails its integrity check: ${problems.slice(0, 3).join('; ')}`);
    const db = new pool.OpfsSAHPoolDb(STAGING_FILE);
    try {
      if (Number(db.selectValue('PRAGMA application_id')) !== TILLITE_APPLICATION_ID) {
        throw new HandlerError('invalid', `${name} is not a Tillite database.`);
      }
      const version = schemaVersionOf(db);
      if (version > LATEST_SCHEMA_VERSION) {
        throw new HandlerError('newer-schema', `${name} comes from a newer Tillite (schema ${version}).`);
      }
      return version;
    } finally {
      db.close();
    }
  } finally {
    pool.unlink(STAGING_FILE);
  }
}

/**
 * Replaces the live database with `backups/<name>`. Order: read and verify the snapshot, take a verified
 * snapshot of the current file, close it, remove it with its journals, import the snapshot. If anything before
 * the removal fails, the live file is untouched; the safety snapshot covers everything after.
 */
export async function restoreSnapshot(
  source: RecoverySource,
  name: string,
): Promise<{ restored: string; schemaVersion: number; safetySnapshot: string }> {
  const { db, pool } = source;
  const bytes = await readSnapshot(name);
  const schemaVersion = verifyInPool(pool, bytes, name);
  const safety = await takeSnapshot(source, snapshotFileName('pre-restore', String(schemaVersionOf(db)), new Date()));
  db.close();
  for (const file of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-journal`]) pool.unlink(file);
  void pool.importDb(DB_FILE, bytes);
  return { restored: name, schemaVersion, safetySnapshot: safety.name };
}

/**
 * A consistent copy of the live database, made by SQLite's serializer: it only reads, so a database from a newer
 * Tillite can be handed to the user exactly as it is.
 */
export function exportLive(db: Database, exporter: (db: Database) => Uint8Array): { fileName: string; bytes: Uint8Array } {
  const bytes = exporter(db);
  // The serializer copies the WAL flag; a downloaded copy stands alone, so it says "rollback journal".
  if (bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  const version = schemaVersionOf(db);
  return { fileName: snapshotFileName('copy', String(version), new Date()), bytes };
}
