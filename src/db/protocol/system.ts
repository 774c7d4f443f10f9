/** `system.*`: the database itself, for the status page. */

/** What the status page shows about the database. */
export interface SystemInfo {
  sqliteVersion: string;
  schemaVersion: number;
  appVersion: string;
  vfs: string;
  journalMode: string;
  /** The file name of the database inside the VFS. */
  fileName: string;
  pageSize: number;
  pageCount: number;
  /** Which worker (tab) holds the database. */
  leaderId: string;
}

/** One applied migration, as recorded in `schema_migrations`. */
export interface MigrationRecord {
  version: number;
  name: string;
  /** SHA-256 of the migration's source, hex. */
  checksum: string;
  /** UTC, ISO 8601. */
  appliedAt: string;
  /** The app version that applied it. */
  appVersion: string;
  durationMs: number;
}

/** Calls about the database itself. */
export interface SystemHandlers {
  'system.info': (args: Record<string, never>) => SystemInfo;
  /** The applied migrations, oldest first. */
  'system.migrations': (args: Record<string, never>) => { schemaVersion: number; history: MigrationRecord[] };
  /** The pre-migration and upgrade snapshots kept on this device, newest first. */
  'system.migration-snapshots': (args: Record<string, never>) => { name: string; size: number }[];
  /** Returns its argument: proves the round trip, and measures it. */
  'system.ping': (args: { at: number }) => { at: number; leaderId: string };
}
