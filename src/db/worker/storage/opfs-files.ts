/**
 * Plain OPFS files (outside the sahpool's directory) read and written from the worker through sync access
 * handles, the fastest way there is: backups, staged imports, exports.
 */
import { OPFS_DIRS } from '../../../lib/opfs-paths';

/** The backups directory, created on first use. */
export function backupDirectory(): Promise<FileSystemDirectoryHandle> {
  return opfsDirectory(OPFS_DIRS.backups);
}

/** A top-level OPFS directory, created on first use. */
export async function opfsDirectory(name: string): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(name, { create: true });
}

/** Writes bytes to a plain OPFS file through a sync access handle (the fastest way from a worker). */
export async function writeFile(dir: FileSystemDirectoryHandle, name: string, bytes: Uint8Array): Promise<void> {
  const handle = await dir.getFileHandle(name, { create: true });
  const access = await handle.createSyncAccessHandle();
  try {
    access.truncate(0);
    const CHUNK = 1 << 20;
    for (let offset = 0; offset < bytes.length; offset += CHUNK) {
      const written = access.write(bytes.subarray(offset, offset + CHUNK), { at: offset });
      if (written !== Math.min(CHUNK, bytes.length - offset)) throw new Error('short write (is the disk full?)');
    }
    access.flush();
  } finally {
    access.close();
  }
}

/** Reads a whole plain OPFS file. */
export async function readFile(dir: FileSystemDirectoryHandle, name: string): Promise<Uint8Array> {
  const handle = await dir.getFileHandle(name);
  const access = await handle.createSyncAccessHandle();
  try {
    const size = access.getSize();
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const read = access.read(bytes.subarray(offset), { at: offset });
      if (read <= 0) throw new Error(`short read of ${name}`);
      offset += read;
    }
    return bytes;
  } finally {
    access.close();
  }
}
