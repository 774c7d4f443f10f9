/**
 * {@link PlainFiles} in memory, for unit tests in Node. A file being written is kept apart and gets its name's
 * bytes only when closed, as a flushed OPFS file would; `capacity` plays a full disk. Never used by the app.
 */
import { HandlerError } from '../runtime/errors';
import { CHUNK_BYTES, type FileChunks, type PlainFiles } from './plain-files';

/** The in-memory files, with what tests need to look at them and to change them behind the app's back. */
export interface MemoryPlainFiles extends PlainFiles {
  bytes(name: string): Uint8Array | undefined;
  put(name: string, bytes: Uint8Array): void;
  /** Bytes held in all files. */
  used(): number;
}

/** Creates an empty in-memory directory holding at most `capacity` bytes. */
export function memoryPlainFiles(capacity = Number.POSITIVE_INFINITY): MemoryPlainFiles {
  const stored = new Map<string, Uint8Array>();
  // When each file was last written, as OPFS keeps it (a staged import's age decides whether it is a leftover).
  const written = new Map<string, number>();
  const used = () => [...stored.values()].reduce((sum, bytes) => sum + bytes.length, 0);
  const full = (needed: number) => new HandlerError('quota', `Not enough storage: it needs about ${Math.ceil(needed / 1e6)} MB. Nothing was written.`);
  const files: MemoryPlainFiles = {
    list: async () => [...stored.keys()],
    async create(name) {
      stored.set(name, new Uint8Array(0));
      const parts: Uint8Array[] = [];
      let size = 0;
      return {
        async write(chunk) {
          if (used() + size + chunk.length > capacity) throw new Error('short write (is the disk full?)');
          parts.push(chunk.slice());
          size += chunk.length;
        },
        async readBack(from, into) {
          let part = 0;
          let start = 0;
          while (part < parts.length && start + parts[part]!.length <= from) start += parts[part++]!.length;
          for (let at = 0; at < into.length; part++) {
            const bytes = parts[part];
            if (!bytes) throw new Error(`short read back at byte ${from + at}`);
            const piece = bytes.subarray(from + at - start, from + at - start + into.length - at);
            into.set(piece, at);
            at += piece.length;
            start += bytes.length;
          }
        },
        async close() {
          const bytes = new Uint8Array(size);
          let at = 0;
          for (const part of parts) {
            bytes.set(part, at);
            at += part.length;
          }
          stored.set(name, bytes);
          written.set(name, Date.now());
        },
        abort() {
          parts.length = 0;
        },
      };
    },
    async read(name, chunkSize = CHUNK_BYTES, reuse = false): Promise<FileChunks | null> {
      const bytes = stored.get(name);
      if (!bytes) return null;
      let at = 0;
      // With `reuse`, as in OPFS: one buffer overwritten by each read, so a consumer that keeps a chunk fails here too.
      const buffer = reuse ? new Uint8Array(chunkSize) : null;
      return {
        size: bytes.length,
        source: async () => {
          if (at >= bytes.length) return undefined;
          const part = bytes.subarray(at, at + chunkSize);
          const chunk = buffer ? (buffer.set(part), buffer.subarray(0, part.length)) : part.slice();
          at += chunk.length;
          return chunk;
        },
        close() {},
      };
    },
    async move(from, to) {
      const bytes = stored.get(from);
      if (!bytes) throw new Error(`${from} does not exist`);
      // As OPFS's move (and POSIX rename): a file already called `to` is replaced.
      stored.delete(from);
      stored.set(to, bytes);
      written.set(to, written.get(from) ?? Date.now());
      written.delete(from);
    },
    remove: async (name) => (written.delete(name), stored.delete(name)),
    modified: async (name) => (stored.has(name) ? (written.get(name) ?? Date.now()) : null),
    async reserve(bytes) {
      if (used() + bytes > capacity) throw full(bytes);
    },
    bytes: (name) => stored.get(name),
    put(name, bytes) {
      stored.set(name, bytes.slice());
      written.set(name, Date.now());
    },
    used,
  };
  return files;
}
