/**
 * The messages between the leader's worker and its checker worker (`checker-worker.ts`, started by `remote.ts`).
 * The checker runs a backup file's check (`backups/check.ts`) on a pool of its own, off the leader's thread, so
 * that the check's long slices (SQLite's check of the largest table: hundreds of milliseconds at a large shop)
 * never hold a sale.
 */
import type { CheckDepth, ExpectedDigest, FileCheck } from '../backups/check';

/** Leader → checker. */
export type ToChecker =
  | { type: 'check'; id: number; name: string; expected: ExpectedDigest | null; depth: CheckDepth; writing: boolean; sums: boolean }
  /** The answer to a `before-replace`: the leader recorded the new checksum (or could not: `error`). */
  | { type: 'replace-recorded'; id: number; error: string | null }
  /** Check the live database, whose frozen file the checker pulls chunk by chunk (`live-check.ts`). */
  | { type: 'check-live'; id: number }
  /** The answer to a `live-pull`: the next chunk (its buffer transferred), null at the end, or why none came. */
  | { type: 'live-chunk'; id: number; pull: number; bytes: Uint8Array | null; error: string | null };

/** Checker → leader. */
export type FromChecker =
  /** The checker's pool is installed: it takes checks. */
  | { type: 'ready' }
  /** The checker cannot run here (no OPFS, its pool held by another window): the leader checks itself. */
  | { type: 'unavailable'; message: string }
  /** Asks the leader to record the checksum of the file about to replace the backup (see ManifestWriting). */
  | { type: 'before-replace'; id: number; file: { sha256: string; size: number } }
  | { type: 'done'; id: number; check: FileCheck }
  /** Asks the leader for the live file's next chunk (pull `pull` of check `id`). */
  | { type: 'live-pull'; id: number; pull: number }
  /** The live database's copy was checked: SQLite's problems, none when whole. */
  | { type: 'live-checked'; id: number; problems: string[] }
  | { type: 'failed'; id: number; code: string; message: string };
