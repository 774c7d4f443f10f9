/** `backup.*` and `data.*`: backups made, listed, checked, restored, deleted; emptying the database. */

/** Why a backup was taken; decides how long it is kept (see `backups/retention.ts`). */
export type BackupKind =
  | 'scheduled'
  | 'pre-migration'
  | 'upgrade'
  | 'before-empty'
  | 'before-import'
  | 'before-restore'
  | 'manual'
  /** The fresh snapshot an export ("Download backup") saves outside the browser. */
  | 'export';

/** What a backup holds, read from the copy itself. Null where the schema has no such table yet. */
export interface BackupSummary {
  products: number | null;
  sales: number | null;
  /** UTC ISO time of the newest sale, or null. */
  lastSaleAt: string | null;
  /** Rows in all business tables together (everything but the bookkeeping tables). */
  rows: number;
  tables: number;
}

/**
 * One backup as the catalogue knows it. `state` says whether its file last checked out whole: `copied` (its
 * bytes verified as written, SQLite's check still to come, in the background), `verified`, or `damaged`.
 */
export interface BackupRecord {
  /** The file name in OPFS `backups/`, which is also its key. */
  name: string;
  kind: BackupKind;
  /** UTC ISO time. */
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  size: number;
  sha256: string;
  /** How `sha256` was computed: absent for the SHA-256 of the whole file, else the SHA-256 of 1 MiB chunks' digests. */
  digestKind?: 'sha256-of-1MiB-chunks';
  description: string | null;
  summary: BackupSummary;
  state: 'copied' | 'verified' | 'damaged';
  /** Which SQLite check the last verification ran: `quick_check`, or the full integrity and foreign-key check. */
  checkDepth?: 'quick' | 'full';
  /** UTC ISO time of the last verification (when written, or by "verify again"). */
  verifiedAt: string;
  /** What was wrong when `state` is `damaged`. */
  problem: string | null;
  /**
   * Set only while a new backup's first check replaces its file with one that carries the manifest of its rows:
   * the new file's checksum, recorded before the replacement (either file then matches the record).
   */
  nextSha256?: string;
}

/** One line of the backup log: every backup attempt, restore, deletion and prune, good or bad. */
export interface BackupLogEntry {
  id: number;
  at: string;
  action: 'backup' | 'verify' | 'restore' | 'delete' | 'prune' | 'empty' | 'reconcile' | 'import' | 'folder';
  ok: boolean;
  kind: BackupKind | null;
  name: string | null;
  message: string;
  durationMs: number | null;
}

/** The Data view's header: the schedule, the last success, and the warning that stays until a backup succeeds. */
export interface BackupStatus {
  intervalHours: number;
  lastSuccessAt: string | null;
  /** When the next scheduled backup is due (UTC ISO). */
  nextScheduledAt: string;
  /** The newest failed backup attempt when no backup succeeded after it. */
  warning: BackupLogEntry | null;
  log: BackupLogEntry[];
}

/** Backups: made, listed, checked, restored, deleted; and emptying the database (which takes one first). */
export interface BackupHandlers {
  'backup.list': (args: { kind?: BackupKind }) => { backups: BackupRecord[] };
  'backup.status': (args: Record<string, never>) => BackupStatus;
  /** "Back up now". */
  'backup.create': (args: { description?: string }) => BackupRecord;
  'backup.delete': (args: { name: string }) => { deleted: string };
  /** Recomputes the checksum and runs `integrity_check` on the file. */
  'backup.verify': (args: { name: string }) => BackupRecord;
  /**
   * Replaces the live database with a verified backup, after a `before-restore` snapshot (`undo`, null only
   * when the live database was too damaged to copy). Also answered while the live database cannot be used.
   */
  'backup.restore': (args: { name: string }) => { restored: BackupRecord; undo: BackupRecord | null; migratedTo: number };
  /**
   * The scheduler's heartbeat: takes a scheduled backup when one is due at `now` (UTC ISO), which the caller's
   * clock gives, so that tests can drive it.
   */
  'backup.tick': (args: { now: string }) => { created: BackupRecord | null; nextScheduledAt: string };
  'backup.setInterval': (args: { hours: number }) => { intervalHours: number };
  /** What the live database holds now (shown beside a backup before restoring it). */
  'data.summary': (args: Record<string, never>) => BackupSummary;
  /** Removes all business data after a `before-empty` snapshot. `confirm` must be the word EMPTY. */
  'data.empty': (args: { confirm: string }) => { snapshot: BackupRecord; tables: { name: string; rows: number }[] };
}
