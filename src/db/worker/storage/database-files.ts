/**
 * The seam between Tillite's file operations and where database files live. The app's implementation is the
 * opfs-sahpool pool (`pool-files.ts`); unit tests use byte arrays in memory (`memory-files.ts`). The swap, the
 * start-up choice of the live file and their crash tests are written against this interface only, so the same
 * code runs in the browser and in Vitest.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { applyConnectionSettings } from './pragmas';
import { declarePowersafeOverwrite } from './powersafe';

/**
 * Opens a connection with `openPlain`, declares its file power-safe to overwrite (`powersafe.ts`: before the WAL
 * opens) and applies the app's connection settings, closing it if they fail.
 */
export function openWithSettings(sqlite3: Sqlite3Static, openPlain: () => Database): Database {
  const db = openPlain();
  try {
    declarePowersafeOverwrite(sqlite3, db);
    applyConnectionSettings(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * The next chunk of a file being copied, or undefined at its end. Async, so that a copy reads its source a
 * chunk at a time (flat memory) and yields between chunks.
 */
export type ChunkSource = () => Promise<Uint8Array | undefined>;

/** Database files by name (names start with "/", as the pool keeps them). */
export interface DatabaseFiles {
  /** Every file held, databases and their journals. */
  list(): string[];
  /** Whether a file of that name exists. */
  has(name: string): boolean;
  /** Opens `name` (created when missing) with the live database's connection settings. */
  open(name: string): Database;
  /**
   * Opens `name` (created when missing) as SQLite opens any file, without the live database's settings: for
   * copies and checks, which must not turn a rollback-journal file into a WAL one.
   */
  openPlain(name: string): Database;
  /**
   * Writes a new database file `name` from `chunks`. The file carries that name only once every byte is written
   * and flushed: a write cut off at any point leaves no file of that name (the pool writes its slot's name last).
   * Returns the bytes written. `name` must not exist.
   */
  write(name: string, chunks: ChunkSource): Promise<number>;
  /**
   * Writes a scratch copy `name` (a backup or an imported file copied to be checked, then removed) from
   * `chunks`, flushed a few MiB at a time (`FLUSH_EVERY_BYTES` in `plain-files.ts`) so that the live database's flushes (a
   * sale's commit) never wait long behind it, as they would behind one flush of the whole file at its end. The
   * same checks and header as {@link write}; but the name comes first, so a copy cut off half-way is a partial
   * file of that name, which its owner removes at the next start. `name` must not exist.
   */
  writeScratch(name: string, chunks: ChunkSource): Promise<number>;
  /** Removes a file; true when there was one. */
  unlink(name: string): boolean;
}

/** The journal files SQLite may keep beside database `name`. */
export const sideFiles = (name: string): string[] => [`${name}-wal`, `${name}-journal`];

/** A {@link ChunkSource} over bytes already in memory, in slices of `chunkSize`. */
export function chunksOf(bytes: Uint8Array, chunkSize = 1 << 20): ChunkSource {
  let offset = 0;
  return async () => {
    if (offset >= bytes.length) return undefined;
    const chunk = bytes.subarray(offset, offset + chunkSize);
    offset += chunk.length;
    return chunk;
  };
}
