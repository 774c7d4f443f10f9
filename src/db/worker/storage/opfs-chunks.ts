/**
 * A plain OPFS file read a chunk at a time through a sync access handle (the fastest read from a worker), as a
 * {@link ChunkSource}: a restore or an import copies a file of any size into the pool with one chunk in memory.
 */
import type { ChunkSource } from './database-files';
import type { FileChunks } from './plain-files';

/** Opens `name` in `dir` for reading in chunks of `chunkSize` bytes (1 MiB by default). */
export async function readInChunks(dir: FileSystemDirectoryHandle, name: string, chunkSize = 1 << 20): Promise<FileChunks> {
  const access = await (await dir.getFileHandle(name)).createSyncAccessHandle();
  const size = access.getSize();
  let offset = 0;
  let open = true;
  const close = () => {
    if (open) access.close();
    open = false;
  };
  const source: ChunkSource = async () => {
    if (offset >= size) {
      close();
      return undefined;
    }
    const chunk = new Uint8Array(Math.min(chunkSize, size - offset));
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
