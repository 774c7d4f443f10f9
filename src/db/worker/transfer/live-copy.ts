/**
 * What still works while the database is refused (a failed migration, a newer schema, a failed check): a copy of
 * the file as it is, for the user to keep. Restoring a backup is the backups module's `restoreBackup`.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { schemaVersionOf } from '../schema/version';
import { markStandalone } from '../storage/db-header';
import { snapshotFileName } from '../backups/file-names';

/**
 * A consistent copy of the live database, made by SQLite's serializer: it only reads, so a database from a newer
 * Tillite can be handed to the user exactly as it is.
 */
export function exportLive(db: Database, exporter: (db: Database) => Uint8Array): { fileName: string; bytes: Uint8Array } {
  // A downloaded copy stands alone: it says "rollback journal" even though the live file is in WAL mode.
  const bytes = markStandalone(exporter(db));
  const version = schemaVersionOf(db);
  return { fileName: snapshotFileName('copy', String(version), new Date()), bytes };
}
