/** {@link PlainFiles} in an OPFS directory, through sync access handles (the fastest way from a worker). */
import { readInChunks } from './opfs-chunks';
import { FLUSH_EVERY_BYTES, type FileWriter, type PlainFiles } from './plain-files';
import { assertRoom } from './quota';

const notFound = (error: unknown) => (error as DOMException)?.name === 'NotFoundError';

/** The plain files of the directory `directory()` opens (created on first use by it). */
export function opfsPlainFiles(directory: () => Promise<FileSystemDirectoryHandle>): PlainFiles {
  return {
    async list() {
      const names: string[] = [];
      for await (const [name, handle] of ((await directory()) as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'file') names.push(name);
      }
      return names;
    },
    async create(name) {
      const access = await (await (await directory()).getFileHandle(name, { create: true })).createSyncAccessHandle();
      access.truncate(0);
      let at = 0;
      let flushedAt = 0;
      let open = true;
      const release = () => {
        if (open) access.close();
        open = false;
      };
      const writer: FileWriter = {
        async write(chunk) {
          const written = access.write(chunk, { at });
          at += written;
          if (written !== chunk.length) throw new Error('short write (is the disk full?)');
          // Little at a time to disk, so that the live database's flushes never wait long behind this file's.
          if (at - flushedAt >= FLUSH_EVERY_BYTES) {
            access.flush();
            flushedAt = at;
          }
        },
        async readBack(from, into) {
          if (access.read(into, { at: from }) !== into.length) throw new Error(`short read back at byte ${from}`);
        },
        async close() {
          access.flush();
          release();
        },
        abort: release,
      };
      return writer;
    },
    async read(name, chunkSize, reuse) {
      try {
        return await readInChunks(await directory(), name, chunkSize, reuse);
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    async move(from, to) {
      const handle = await (await directory()).getFileHandle(from);
      await (handle as FileSystemFileHandle & { move(name: string): Promise<void> }).move(to);
    },
    async remove(name) {
      try {
        await (await directory()).removeEntry(name);
        return true;
      } catch (error) {
        if (notFound(error)) return false;
        throw error;
      }
    },
    async modified(name) {
      try {
        return (await (await (await directory()).getFileHandle(name)).getFile()).lastModified;
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    async reserve(bytes) {
      await assertRoom(bytes, await directory());
    },
  };
}
