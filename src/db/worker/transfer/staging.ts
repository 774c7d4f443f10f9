/**
 * The staging area for imports: a directory of plain files outside the sahpool's directory (which the VFS owns),
 * reached through the {@link PlainFiles} seam: OPFS `staging/` in the app, byte arrays in memory in unit tests.
 * The page streams a picked file there; the worker reads it from there to check and import it. A file is staged
 * under a name the page makes (a UUID), so two tabs importing at once never meet.
 */
import { HandlerError } from '../runtime/errors';
import { OPFS_DIRS } from '../../../lib/opfs-paths';
import type { DatabaseFiles } from '../storage/database-files';
import { opfsDirectory } from '../storage/opfs-files';
import { opfsPlainFiles } from '../storage/opfs-plain-files';
import { CHUNK_BYTES, type FileChunks, type PlainFiles } from '../storage/plain-files';
import { CHECK_COPY_PREFIX } from './check-staged';

/** Staged files older than this are leftovers (a closed tab, a crash) and are removed at start-up. */
const STALE_MS = 60 * 60 * 1000;
const NAME = /^[0-9a-f-]{36}\.db$/;

/** Refuses a staged name that the page could not have made (no paths, nothing outside `staging/`). */
export function assertStagedName(name: string): void {
  if (!NAME.test(name)) throw new HandlerError('invalid', `"${name}" is not a staged import.`);
}

/** The app's staging area: OPFS `staging/`, where the page writes picked files. */
export function opfsStaging(): PlainFiles {
  return opfsPlainFiles(() => opfsDirectory(OPFS_DIRS.staging));
}

/** The staged file read a chunk at a time, or null when it is gone. */
export async function stagedChunks(staging: PlainFiles, name: string): Promise<FileChunks | null> {
  assertStagedName(name);
  return staging.read(name, CHUNK_BYTES);
}

/** Removes a staged file; true when there was one. */
export async function removeStaged(staging: PlainFiles, name: string): Promise<boolean> {
  assertStagedName(name);
  return staging.remove(name);
}

/**
 * Removes what imports that never finished left: staged files over an hour old (recent ones are kept: another tab
 * may be showing its preview while this worker takes over the database), and every pool copy an import's checks
 * ran on (only the leader checks, and at its start no check is running). Returns the names removed.
 */
export async function cleanStaging(staging: PlainFiles, files: DatabaseFiles, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await staging.list()) {
    const modified = await staging.modified(name);
    if (modified !== null && now - modified > STALE_MS && (await staging.remove(name).catch(() => false))) removed.push(name);
  }
  for (const name of files.list()) if (name.startsWith(CHECK_COPY_PREFIX) && files.unlink(name)) removed.push(name);
  return removed;
}
