/**
 * Replaces the live database with another file (a restore, an import): the one function every replacement goes
 * through, so that each closes, writes, reopens and migrates the same way.
 *
 * The new file is streamed from `source` into the pool beside the live one, opened and checked there, and
 * migrated; only then does the switch record name it (see `atomic-swap.ts`). Until that record is written the
 * old file is the database, untouched; if anything fails before it, the new file is removed and the old one
 * reopened, and the error rethrown. A crash at any instant leaves one whole database for the next start.
 *
 * The caller takes the verified before-* snapshot first and runs this inside `live.exclusive`.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { swapDatabase, type SwapOptions } from './atomic-swap';
import type { ChunkSource } from './database-files';
import type { LiveDatabase } from './live';

/** Runs on the new file once it is open; throwing rolls the swap back. Returns what the caller wants back. */
export type AfterSwap<T> = (db: Database) => Promise<T>;

/** Puts the file read from `source` in place of the live database and runs `after` (the migrations) on it. */
export async function swapLiveDatabase<T>(
  live: LiveDatabase,
  source: ChunkSource,
  after: AfterSwap<T>,
  options: SwapOptions = {},
): Promise<{ result: T }> {
  const before = live.file;
  live.closeDb();
  try {
    const swapped = await swapDatabase(live.files, live.records, before, source, after, options);
    live.adopt(swapped.db, swapped.live);
    return { result: swapped.result };
  } catch (error) {
    try {
      live.open();
    } catch {
      // The old file did not open before either (a restore from the recovery screen): leave it closed.
    }
    throw error;
  }
}
