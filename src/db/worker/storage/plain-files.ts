/**
 * The seam for plain files: a directory of files outside the pool (backups, staged imports), written and read a
 * chunk at a time. The app's implementation is OPFS through sync access handles (`opfs-plain-files.ts`); unit
 * tests use byte arrays in memory (`memory-plain-files.ts`), so the snapshot, the background check, retention,
 * restore and import run in Node against the same code as in the browser.
 */
import type { ChunkSource } from './database-files';

/** An open chunked reader; `close()` releases the file (also done when the last chunk has been read). */
export interface FileChunks {
  size: number;
  source: ChunkSource;
  close(): void;
}

/** A file being written from its start. Nothing is readable under its name until `close()` has flushed it. */
export interface FileWriter {
  /** Appends one chunk; a short write (a full disk) throws. */
  write(chunk: Uint8Array): Promise<void>;
  /**
   * Reads `into.length` bytes written so far, from byte `at`, through the same open file: a chunk is read back
   * and compared right after it is written. A short read throws.
   */
  readBack(at: number, into: Uint8Array): Promise<void>;
  /** Flushes and releases the file. */
  close(): Promise<void>;
  /** Releases the file without flushing (after a failure); the caller removes it. */
  abort(): void;
}

/** A directory of plain files by name (no paths). */
export interface PlainFiles {
  /** The names of the files held. */
  list(): Promise<string[]>;
  /** Creates (or empties) `name` for writing. */
  create(name: string): Promise<FileWriter>;
  /**
   * Opens `name` for reading in chunks of `chunkSize` bytes, or null when there is no such file. With `reuse`,
   * every chunk is a view of one buffer, valid only until the next chunk is asked for: for a consumer that is done
   * with each chunk by then (a streamed copy), so that a copy of any size leaves no garbage of its size behind.
   */
  read(name: string, chunkSize?: number, reuse?: boolean): Promise<FileChunks | null>;
  /** Renames `from` to `to`, replacing a file already called `to` (as OPFS and POSIX rename do). */
  move(from: string, to: string): Promise<void>;
  /** Removes a file; true when there was one. */
  remove(name: string): Promise<boolean>;
  /** When `name` was last written (ms since the epoch), or null when there is no such file. */
  modified(name: string): Promise<number | null>;
  /**
   * Refuses (with the quota error) before anything is written when `bytes` more cannot be held; the space is
   * actually claimed and given back, because browsers may report room they then refuse.
   */
  reserve(bytes: number): Promise<void>;
}

/** The chunk size of every streamed copy: large enough for the disk's speed, small against the memory. */
export const CHUNK_BYTES = 1 << 20;

/**
 * A file being written is flushed each time this much more of it is written, not only when it is closed. On
 * ext4 (measured here) a flush of a file holding hundreds of MB not yet on disk holds every other file's flush
 * until it ends: the live WAL's, that is a sale's commit, waited 100–170 ms behind a backup's closing flush at
 * 54 MB. Flushed every 4 MiB, a commit waits a few milliseconds at most, for a few more flushes in all.
 */
export const FLUSH_EVERY_BYTES = 4 << 20;

/** Reads a whole plain file into memory (small files, and old backups whose checksum covers the whole file). */
export async function readWhole(files: PlainFiles, name: string): Promise<Uint8Array | null> {
  const reader = await files.read(name);
  if (!reader) return null;
  const bytes = new Uint8Array(reader.size);
  let at = 0;
  try {
    for (let chunk = await reader.source(); chunk; chunk = await reader.source()) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
  } finally {
    reader.close();
  }
  return bytes;
}
