/**
 * A plain OPFS file read a chunk at a time through a sync access handle (the fastest read from a worker), as a
 * {@link ChunkSource}: a restore or an import copies a file of any size into the pool with one chunk in memory.
 */
import type { ChunkSource } from './database-files';
import type { FileChunks } from './plain-files';

/**
 * Opens `name` in `dir` for reading in chunks of `chunkSize` bytes (1 MiB by default); with `reuse`, every chunk
 * is a view of one buffer, overwritten by the next read (see `PlainFiles.read`).
 */
export async function readInChunks(dir: FileSystemDirectoryHandle, name: string, chunkSize = 1 << 20, reuse = false): Promise<FileChunks> {
  const access = await (await dir.getFileHandle(name)).createSyncAccessHandle();
  const size = access.getSize();
  let offset = 0;
  let open = true;
  let buffer: Uint8Array | undefined;
  const close = () => {
    if (open) access.close();
    open = false;
  };
  const source: ChunkSource = async () => {
    if (offset >= size) {
      close();
      return undefined;
    }
    const length = Math.min(chunkSize, size - offset);
    // A fresh buffer per chunk is garbage the size of the file by the end of a copy, which the worker's heap may
    // hold until a late collection; one reused buffer keeps the copy's memory at one chunk.
    const chunk = reuse ? (buffer ??= new Uint8Array(chunkSize)).subarray(0, length) : new Uint8Array(length);
    const read = access.read(chunk, { at: offset });
    if (read !== chunk.length) {
      close();
      throw new Error(`short read of ${name} at byte ${offset}`);
    }
    offset += read;
    return chunk;
  };
  return { size, source, close };
}
