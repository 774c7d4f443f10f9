/**
 * The import's checks on a staged file without reading it into memory. The header is checked on the first chunk
 * (a file it refuses, such as 1 GB of zeros after a valid header, is never copied); then room for a copy is
 * reserved, the file is streamed into the pool under a check name a chunk at a time (each chunk's digest taken
 * on the way, so the import can prove later that it swaps in the bytes that were checked), and SQLite reads that
 * copy through the VFS, a page at a time, with every defence on (`validate.ts`). The copy is removed whatever
 * happens; one a crash leaves is removed at the next start (`cleanStaging`).
 *
 * Only the storage seam is touched (`DatabaseFiles`, `PlainFiles`), so Vitest runs it on the in-memory files
 * with a fault injected at every step.
 */
import type { Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { IMPORT_HEAD_BYTES } from '../../protocol/transfer';
import { HandlerError, isDamagedFileError } from '../runtime/errors';
import type { Migration } from '../schema/loader';
import { sideFiles, type ChunkSource, type DatabaseFiles } from '../storage/database-files';
import { CHUNK_BYTES, type PlainFiles } from '../storage/plain-files';
import { digesting } from '../backups/chunk-digest';
import { checkHeaderOf, type HeaderFacts, type Refusal } from './header';
import { openUntrustedFile, refuseByHeader, unreadable, validateOpened, type Accepted } from './validate';

/** The page cache of the connection the checks read the pool copy with, in KiB. */
const CHECK_CACHE_KIB = 2048;

/** The pool names of the copies an import's checks run on start with this. */
export const CHECK_COPY_PREFIX = '/import-check-';

/** What the checks of a staged file found, and the checksum of the bytes they read. */
export interface StagedCheck {
  result: Accepted | Refusal;
  /** The checksum (digest of the 1 MiB chunk digests) of the bytes checked; null when refused by the header. */
  digest: string | null;
}

/** What {@link checkStagedFile} needs: the module, the pool's files, the staging area and this build's migrations. */
export interface StagedCheckDeps {
  sqlite3: Sqlite3Static;
  files: DatabaseFiles;
  staging: PlainFiles;
  migrations: readonly Migration[];
}

/** Removes the check copy `name` and any journal beside it. */
function removeCopy(files: DatabaseFiles, name: string): void {
  for (const file of [name, ...sideFiles(name)]) files.unlink(file);
}

/** Reserves room for the check's copy; a full disk is said in the import's words. */
async function reserveRoom(staging: PlainFiles, size: number): Promise<void> {
  try {
    await staging.reserve(size);
  } catch (error) {
    if (!(error instanceof HandlerError) || error.code !== 'quota') throw error;
    throw new HandlerError(
      'quota',
      `Not enough storage to check this file: it needs about ${Math.ceil(size / 1e6)} MB free. Nothing was changed: your data is as it was. Delete old backups or free space on the device, then pick the file again.`,
      error.detail,
    );
  }
}

/**
 * Checks staged file `staged` as a database to import, or null when it is no longer there. Never throws for a
 * bad file (every problem is a refusal); a storage failure (a full disk, a lost handle) throws.
 */
export async function checkStagedFile(deps: StagedCheckDeps, staged: string): Promise<StagedCheck | null> {
  const { sqlite3, files, staging, migrations } = deps;
  // One reused buffer: the header check and the copy into the pool are done with each chunk before the next.
  const reader = await staging.read(staged, CHUNK_BYTES, true);
  if (!reader) return null;
  const copy = `${CHECK_COPY_PREFIX}${staged}`;
  try {
    const first = await reader.source();
    const header = checkHeaderOf((first ?? new Uint8Array(0)).subarray(0, IMPORT_HEAD_BYTES), reader.size);
    if ('ok' in header) return { result: header, digest: null };
    const early = refuseByHeader(header, migrations.length);
    if (early) return { result: early, digest: null };
    await reserveRoom(staging, reader.size);
    // The first chunk was read for the header: hand it on first, then the rest as it comes.
    let pending: Uint8Array | undefined = first;
    const source: ChunkSource = async () => {
      if (!pending) return reader.source();
      const chunk = pending;
      pending = undefined;
      return chunk;
    };
    const hashed = digesting(source);
    removeCopy(files, copy);
    try {
      await files.writeScratch(copy, hashed.source);
    } catch (error) {
      removeCopy(files, copy);
      throw error;
    }
    return { result: await checkCopy(deps, copy, header, reader.size), digest: await hashed.checksum() };
  } finally {
    reader.close();
  }
}

/**
 * Opens the pool copy `copy` with every defence on, runs the checks, closes and removes it. SQLite finding the
 * file damaged while it opens it or first reads its schema (the cache pragma) is refused like any damaged page;
 * any other failure to open is the storage's, so it throws.
 */
async function checkCopy(deps: StagedCheckDeps, copy: string, header: HeaderFacts, size: number): Promise<Accepted | Refusal> {
  try {
    let db;
    try {
      db = openUntrustedFile(deps.sqlite3, deps.files, copy);
    } catch (error) {
      if (isDamagedFileError(error)) return unreadable(error);
      throw error;
    }
    try {
      // The page cache is what the checks hold of the file (this build's default is 16 MiB, a third of a 50 MB
      // shop): 2 MiB keeps it small; pages missed come back from OPFS through the pool's sync access handle.
      // The pragma reads the file's schema, so a damaged file fails here: a refusal like any other.
      try {
        db.exec(`PRAGMA cache_size = -${CHECK_CACHE_KIB}`);
      } catch (error) {
        return unreadable(error);
      }
      return await validateOpened(deps.sqlite3, db, header, size, deps.migrations);
    } finally {
      db.close();
    }
  } finally {
    removeCopy(deps.files, copy);
  }
}
