/** `transfer.*` and `folder.*`: export and import of the `.db` file, copies to a chosen folder. */
import type { BackupRecord } from './backups';

/** What a database file holds, shown side by side before an import replaces the data. */
export interface DatabaseFacts {
  /** The shop's name, or null when the shop is not set up (or the schema has no shop yet). */
  shopName: string | null;
  products: number | null;
  sales: number | null;
  /** UTC ISO times of the first and the last sale, or null. */
  firstSaleAt: string | null;
  lastSaleAt: string | null;
  schemaVersion: number;
  /** Rows in all business tables together. */
  rows: number;
  /** Bytes. */
  size: number;
}

/** Why a file picked for import was refused; each has its own message. */
export type ImportRefusalReason =
  | 'empty'
  | 'not-sqlite'
  | 'size-mismatch'
  | 'wal'
  | 'not-tillite'
  | 'newer-schema'
  | 'damaged'
  | 'broken-references'
  | 'unexpected-schema'
  | 'history-mismatch'
  /** A sale's lines, tax bands or payments do not add up to its totals, or a stock is not its movements' sum. */
  | 'inconsistent'
  | 'missing';

/** One table whose rows differ from the record of contents the file carries; null where a side has no table. */
export interface ChangedTable {
  table: string;
  recordedRows: number | null;
  actualRows: number | null;
}

/**
 * What a file's rows are beside the record of its contents (the manifest) Tillite wrote into it: `none` for a
 * file without one (an older Tillite, another tool), `unreadable` when what it carries is not one.
 */
export type ManifestCheck =
  | { status: 'none' }
  | { status: 'unreadable' }
  | { status: 'match'; takenAt: string }
  | { status: 'changed'; takenAt: string; tables: ChangedTable[] };

/** How many bytes of a picked file the early check reads: the header, and enough to name a foreign file. */
export const IMPORT_HEAD_BYTES = 4096;

/** What the header alone says about a picked file: go on and copy it in, or the refusal. */
export type HeadCheck = { ok: true } | { ok: false; reason: ImportRefusalReason; message: string };

/** What checking a staged file found: a preview of it beside the current data, or the reason it is refused. */
export type ImportInspection =
  | { ok: true; staged: string; file: DatabaseFacts; current: DatabaseFacts | null; migrateTo: number | null; manifest: ManifestCheck }
  | { ok: false; reason: ImportRefusalReason; message: string };

/** The last copy saved outside the browser, and whether to remind the user to make one. */
export interface ExportStatus {
  lastExport: { at: string; name: string; dataAt: string } | null;
  /** Remind when the newest exported data is older than this many days. */
  reminderDays: number;
  /** True when a reminder is due now (at most once a day). */
  remind: boolean;
}

/** Copies of scheduled backups to a folder the user chose (Chromium's File System Access). */
export interface FolderStatus {
  /** The folder's name, or null when none was chosen. */
  name: string | null;
  /** `paused`: the browser no longer lets Tillite write there until the user allows it again. */
  state: 'none' | 'active' | 'paused';
  lastCopy: { at: string; name: string } | null;
  /** What went wrong with the last copy, or null. */
  problem: string | null;
}

/**
 * Export and import of the whole database as one `.db` file, and copies to a chosen folder. The page moves the
 * bytes (streams between the picker's file and OPFS); the worker makes snapshots, checks and swaps.
 */
export interface TransferHandlers {
  /** A fresh verified snapshot for an export, catalogued as kind `export`, dated `at` (the page's clock). */
  'transfer.snapshot': (args: { at: string }) => BackupRecord;
  /** Records that backup `name` was saved outside the browser at `at` (the page's clock). */
  'transfer.exported': (args: { name: string; at: string }) => ExportStatus;
  'transfer.status': (args: { now: string }) => ExportStatus;
  /** "Later": no reminder for a day. */
  'transfer.dismissReminder': (args: { now: string }) => ExportStatus;
  'transfer.setReminderDays': (args: { days: number; now: string }) => ExportStatus;
  /**
   * Checks a picked file from its first {@link IMPORT_HEAD_BYTES} bytes and its size, before the page copies it
   * in: what the header already shows wrong (a size that does not match the page count, another application's
   * database, a newer schema, WAL mode, not SQLite) is refused without reading the rest. A refusal is logged.
   */
  'transfer.checkHead': (args: { head: Uint8Array; size: number }) => HeadCheck;
  /** Checks a file the page copied to OPFS `staging/`; a refused file is removed. Nothing else is touched. */
  'transfer.inspect': (args: { staged: string }) => ImportInspection;
  /**
   * Replaces the live database with a staged file, after checking it again and taking a `before-import`
   * snapshot (`undo`); migrates it when it is older. A file whose rows differ from its manifest is imported only
   * with `acceptChanged` (the person confirmed the changes in the preview).
   */
  'transfer.import': (args: { staged: string; acceptChanged?: boolean }) => { file: DatabaseFacts; undo: BackupRecord; migratedTo: number };
  /** Removes a staged file (the preview was cancelled). */
  'transfer.discard': (args: { staged: string }) => { discarded: boolean };
  'folder.status': (args: Record<string, never>) => FolderStatus;
  /** The page stored a new folder handle (or removed it): check it and copy the newest scheduled backup there. */
  'folder.changed': (args: { now: string }) => FolderStatus;
}
