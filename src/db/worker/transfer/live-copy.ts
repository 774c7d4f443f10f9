/**
 * What still works while the database is refused (a failed migration, a newer schema, a failed check): a copy of
 * the file as it is, for the user to keep. Restoring a backup is the backups module's `restoreBackup`.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { schemaVersionOf } from '../schema/runner';
import { snapshotFileName } from '../backups/snapshot';

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
