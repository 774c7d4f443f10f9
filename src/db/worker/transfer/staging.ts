/**
 * The staging area for imports: a plain OPFS directory, `staging/`, outside the sahpool's directory (which the
 * VFS owns). The page streams a picked file there; the worker reads it from there to check and import it. A
 * file is staged under a name the page makes (a UUID), so two tabs importing at once never meet.
 */
import { HandlerError } from '../runtime/errors';
import { OPFS_DIRS } from '../../../lib/opfs-paths';
import { opfsDirectory, readFile } from '../storage/opfs-files';
import { opfsPlainFiles } from '../storage/opfs-plain-files';
import { CHUNK_BYTES, type FileChunks } from '../storage/plain-files';

/** Staged files older than this are leftovers (a closed tab, a crash) and are removed at start-up. */
const STALE_MS = 60 * 60 * 1000;
const NAME = /^[0-9a-f-]{36}\.db$/;

/** Refuses a staged name that the page could not have made (no paths, nothing outside `staging/`). */
export function assertStagedName(name: string): void {
  if (!NAME.test(name)) throw new HandlerError('invalid', `"${name}" is not a staged import.`);
}

function stagingDirectory(): Promise<FileSystemDirectoryHandle> {
  return opfsDirectory(OPFS_DIRS.staging);
}

/** The staged file's bytes, or null when it is gone. */
export async function readStaged(name: string): Promise<Uint8Array | null> {
  assertStagedName(name);
  try {
    return await readFile(await stagingDirectory(), name);
  } catch (error) {
    if ((error as DOMException)?.name === 'NotFoundError') return null;
    throw error;
  }
}

/** The staged file read a chunk at a time (the import's copy into the pool), or null when it is gone. */
export async function stagedChunks(name: string): Promise<FileChunks | null> {
  assertStagedName(name);
  return opfsPlainFiles(stagingDirectory).read(name, CHUNK_BYTES);
}

/** The staged file's first `length` bytes and its size (for the header check before it is read whole), or null. */
export async function stagedHead(name: string, length: number): Promise<{ head: Uint8Array; size: number } | null> {
  assertStagedName(name);
  try {
    const file = await (await (await stagingDirectory()).getFileHandle(name)).getFile();
    return { head: new Uint8Array(await file.slice(0, length).arrayBuffer()), size: file.size };
  } catch (error) {
    if ((error as DOMException)?.name === 'NotFoundError') return null;
    throw error;
  }
}

/** Removes a staged file; true when there was one. */
export async function removeStaged(name: string): Promise<boolean> {
  assertStagedName(name);
  try {
    await (await stagingDirectory()).removeEntry(name);
    return true;
  } catch (error) {
    if ((error as DOMException)?.name === 'NotFoundError') return false;
    throw error;
  }
}

/**
 * Removes staged files left by an import that never finished. Recent ones are kept: another tab may be showing
 * its preview while this worker takes over the database.
 */
export async function cleanStaging(now = Date.now()): Promise<string[]> {
  const dir = await stagingDirectory();
  const removed: string[] = [];
  for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
    const stale = handle.kind !== 'file' || now - (await (handle as FileSystemFileHandle).getFile()).lastModified > STALE_MS;
    if (stale) {
      await dir.removeEntry(name, { recursive: true }).catch(() => undefined);
      removed.push(name);
    }
  }
  return removed;
}
