/**
 * The one protocol between the UI and the database worker, and between workers of different tabs.
 * Types only: both sides import it, neither side's code lives here.
 *
 * A handler map names every call the UI may make. Each domain declares its own slice and the map is their
 * intersection, so `send()` on the client accepts only these names with their exact argument types.
 */

/** Why a call failed, in a form both sides understand. `message` is written for a person to read. */
export type ErrorCode =
  /** OPFS or the VFS cannot be opened: private window, unsupported browser, storage blocked. */
  | 'storage-unavailable'
  /** Another window holds the database and this browser cannot hand it over (no Web Locks). */
  | 'open-elsewhere'
  /** The database was written by a newer Tillite than this one. */
  | 'newer-schema'
  /** A migration failed; the database stays at the last good version. */
  | 'migration-failed'
  /** The database fails its integrity check. */
  | 'damaged'
  /** This tab runs a different app version than the tab that holds the database. */
  | 'version-mismatch'
  /** The arguments are not acceptable (a person can fix them). */
  | 'invalid'
  | 'not-found'
  | 'conflict'
  /** Not enough storage quota for the operation; nothing was written. */
  | 'quota'
  | 'unknown-handler'
  | 'internal';

/** An error as it crosses a postMessage boundary. */
export interface WireError {
  code: ErrorCode;
  message: string;
  /** Extra facts for the UI (for example the schema versions involved). */
  detail?: Record<string, unknown>;
}

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

/** One row written through the worker by the status page's "write a row" button. */
export interface TallyEntry {
  id: string;
  note: string;
  tab: string;
  createdAt: string;
}

/** What `tally.add` did: `applied` is false when the same request had already been applied. */
export interface TallyAddResult {
  entry: TallyEntry;
  total: number;
}

/** Calls about the database itself. */
export interface SystemHandlers {
  'system.info': (args: Record<string, never>) => SystemInfo;
  /** Returns its argument: proves the round trip, and measures it. */
  'system.ping': (args: { at: number }) => { at: number; leaderId: string };
}

/** The foundation's proof of the write path: rows written through the worker, exactly once each. */
export interface TallyHandlers {
  'tally.add': (args: { id: string; note: string; tab: string }) => TallyAddResult;
  'tally.list': (args: { limit: number }) => { total: number; entries: TallyEntry[] };
}

/** Why a backup was taken; decides how long it is kept (see `backups/retention.ts`). */
export type BackupKind =
  | 'scheduled'
  | 'pre-migration'
  | 'upgrade'
  | 'before-empty'
  | 'before-import'
  | 'before-restore'
  | 'manual';

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

/** One backup as the catalogue knows it. `state` says whether its file last checked out whole. */
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
  description: string | null;
  summary: BackupSummary;
  state: 'verified' | 'damaged';
  /** UTC ISO time of the last verification (when written, or by "verify again"). */
  verifiedAt: string;
  /** What was wrong when `state` is `damaged`. */
  problem: string | null;
}

/** One line of the backup log: every backup attempt, restore, deletion and prune, good or bad. */
export interface BackupLogEntry {
  id: number;
  at: string;
  action: 'backup' | 'verify' | 'restore' | 'delete' | 'prune' | 'empty' | 'reconcile';
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

/** Every call the UI may make. Domains add their slice here. */
export type Handlers = SystemHandlers & TallyHandlers & BackupHandlers;

export type HandlerName = keyof Handlers;
export type ArgsOf<K extends HandlerName> = Parameters<Handlers[K]>[0];
export type ResultOf<K extends HandlerName> = ReturnType<Handlers[K]>;

/** Topics a write may change; views refresh on the topics they show. */
export type ChangeTopic = 'tally' | 'catalog' | 'sales' | 'backups' | 'settings' | 'all';

/** A call. `requestId` is made by the client once and kept across retries, so a write is applied once. */
export interface RequestMessage<K extends HandlerName = HandlerName> {
  type: 'request';
  id: number;
  requestId: string;
  name: K;
  args: ArgsOf<K>;
}

export type ResponseMessage =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: WireError };

/** Where this tab's worker stands. */
export type WorkerStatus =
  | { state: 'starting'; detail: string }
  | { state: 'ready'; role: 'leader' | 'follower'; leaderId: string; workerId: string }
  | { state: 'failed'; error: WireError }
  /** Another tab runs a newer app version: this tab must reload before it may use the database. */
  | { state: 'outdated'; otherVersion: string };

/** What the UI sends to its worker. */
export type ToWorker =
  | {
      type: 'init';
      appVersion: string;
      /** The main thread detects features once and tells the worker (both run in the same browser). */
      features: { locks: boolean };
    }
  | RequestMessage;

/** What a worker sends to its UI. */
export type FromWorker =
  | ResponseMessage
  | { type: 'status'; status: WorkerStatus }
  | { type: 'changed'; topics: ChangeTopic[] };

/**
 * What workers say to each other over the BroadcastChannel. Every message carries the sender's app version:
 * workers of different versions never serve each other.
 */
export type BusMessage =
  | { type: 'who-leads'; from: string; appVersion: string }
  | { type: 'leader'; leaderId: string; appVersion: string; state: 'ready' }
  | { type: 'leader'; leaderId: string; appVersion: string; state: 'failed'; error: WireError }
  | { type: 'forward'; from: string; to: string; appVersion: string; request: RequestMessage }
  | { type: 'forwarded'; to: string; from: string; response: ResponseMessage }
  | { type: 'changed'; from: string; topics: ChangeTopic[] }
  /** A newer tab asks an older leader to let go of the database. */
  | { type: 'step-down'; from: string; appVersion: string };

export const BUS_NAME = 'tillite-db-bus';
export const LOCK_NAME = 'tillite-db';
