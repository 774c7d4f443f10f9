/**
 * The two halves of a streamed snapshot of a database that cannot be copied from its frozen file (see
 * `frozen-copy.ts`: an export, whose manifest is written into the copy; a database that is not the live
 * connection). First SQLite's backup API copies the database into a staging file in the pool, a few hundred
 * pages per step, giving the worker back between steps: a sale committed on the live connection between two
 * steps is written into the copy by SQLite itself (a backup whose source is changed through the same connection
 * is updated, not restarted), so the copy is the database as of its last step, every commit whole or absent.
 * Then the copy's pages are read in 1 MiB chunks (from its file, see {@link writePages}) and written out, each
 * chunk hashed on its way.
 *
 * `sqlite_dbpage` read in one read transaction of the live connection is not an option: the live database has
 * one connection under exclusive locking, and a read transaction held across slices would refuse every sale's
 * write transaction until the copy ends. The backup API holds nothing between its steps.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { markStandalone } from '../storage/db-header';
import { rawFileOf } from '../storage/raw-file';
import { loadSqlite } from '../storage/sqlite';
import { CHUNK_BYTES, type FileWriter, type PlainFiles } from '../storage/plain-files';
import type { ChunkSource } from '../storage/database-files';
import type { Slicer } from '../storage/slices';
import { digesting } from './chunk-digest';

/** Copies `source` into the empty database `copy` with the backup API, `pagesPerStep` pages at a time. */
export async function backupInSteps(sqlite3: Sqlite3Static, source: Database, copy: Database, slicer: Slicer, pagesPerStep: number): Promise<void> {
  const { capi } = sqlite3;
  const backup = capi.sqlite3_backup_init(copy.pointer!, 'main', source.pointer!, 'main');
  if (!backup) throw new Error(`the copy could not start: ${capi.sqlite3_errmsg(copy.pointer!)}`);
  let rc: number = capi.SQLITE_OK;
  try {
    for (;;) {
      rc = capi.sqlite3_backup_step(backup, pagesPerStep);
      if (rc === capi.SQLITE_DONE) break;
      if (rc !== capi.SQLITE_OK && rc !== capi.SQLITE_BUSY && rc !== capi.SQLITE_LOCKED) break;
      await slicer.pause();
    }
  } finally {
    capi.sqlite3_backup_finish(backup);
  }
  if (rc !== capi.SQLITE_DONE) throw new Error(`the copy stopped: ${capi.sqlite3_js_rc_str(rc) ?? rc} (${capi.sqlite3_errmsg(copy.pointer!)})`);
}

/** What a chunked write left: the checksum of the chunks ({@link digesting}) and the bytes written. */
export interface WrittenChunks {
  sha256: string;
  size: number;
}

/**
 * Writes every chunk of `chunks` to `writer`, hashing each (`digesting`: off this thread, while the chunk is
 * written) and reading it straight back to compare (`writeVerified`): the bytes are verified as they are written,
 * with no second pass over the file.
 */
export async function writeChunks(chunks: ChunkSource, writer: FileWriter): Promise<WrittenChunks> {
  const hashed = digesting(chunks);
  let back = new Uint8Array(0);
  for (let chunk = await hashed.source(); chunk; chunk = await hashed.source()) {
    if (back.length < chunk.length) back = new Uint8Array(chunk.length);
    await writeVerified(writer, chunk, hashed.size() - chunk.length, back);
  }
  return { sha256: await hashed.checksum(), size: hashed.size() };
}

/**
 * Writes the new plain file `name` of `files` with `write`, closing (flushing) it when `write` is done and
 * releasing it unflushed when it throws (the caller removes it).
 */
export async function writeNewFile<T>(files: PlainFiles, name: string, write: (writer: FileWriter) => Promise<T>): Promise<T> {
  const writer = await files.create(name);
  try {
    const written = await write(writer);
    await writer.close();
    return written;
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/**
 * Writes every page of `copy` to `writer` ({@link writeChunks}) in chunks of about 1 MiB, giving way (`slicer`)
 * between chunks; the first page's header is marked standalone (rollback journal) on its way out. A copy in a
 * rollback journal mode (a staging or check copy: every commit is in its file once it returns) is read straight
 * from its file through its VFS (`raw-file.ts`), which at the large shop's 180 MB took half the time of reading it
 * through `sqlite_dbpage` (measured); a copy in WAL mode, whose file may lack what its WAL holds, is read through
 * `sqlite_dbpage`.
 */
export async function writePages(copy: Database, writer: FileWriter, slicer: Slicer): Promise<WrittenChunks> {
  const pageSize = Number(copy.selectValue('PRAGMA page_size'));
  const pageCount = Number(copy.selectValue('PRAGMA page_count'));
  const perChunk = Math.max(1, Math.floor(CHUNK_BYTES / pageSize));
  // One buffer for every chunk (hashed and written before the next is filled): a fresh one per chunk is garbage
  // the size of the file, which the worker's heap may hold until a late collection.
  const buffer = new Uint8Array(perChunk * pageSize);
  const wal = String(copy.selectValue('PRAGMA journal_mode')).toLowerCase() === 'wal';
  const fill = (!wal && (await pagesFromFile(copy, pageSize, perChunk))) || pagesThroughSql(copy, pageSize);
  let first = 1;
  const pages: ChunkSource = async () => {
    if (first > pageCount) return undefined;
    if (first > 1) await slicer.pause();
    const last = Math.min(pageCount, first + perChunk - 1);
    const chunk = buffer.subarray(0, (last - first + 1) * pageSize);
    fill.read(chunk, first, last);
    if (first === 1) markStandalone(chunk);
    first = last + 1;
    return chunk;
  };
  try {
    return await writeChunks(pages, writer);
  } finally {
    fill.close();
  }
}

/** Reads pages `first`…`last` of a copy into `into`. */
interface PageReader {
  read(into: Uint8Array, first: number, last: number): void;
  close(): void;
}

/** Pages read through `sqlite_dbpage`, which sees what the WAL holds. */
function pagesThroughSql(copy: Database, pageSize: number): PageReader {
  const read = copy.prepare('SELECT pgno, data FROM sqlite_dbpage WHERE pgno BETWEEN ? AND ? ORDER BY pgno');
  return {
    read(into, first, last) {
      read.bind([first, last]);
      let expected = first;
      while (read.step()) {
        const pgno = Number(read.get(0));
        const data = read.get(1) as Uint8Array;
        if (pgno !== expected || data.length !== pageSize) throw new Error(`page ${expected} of the copy could not be read`);
        into.set(data, (pgno - first) * pageSize);
        expected++;
      }
      read.reset(true);
      if (expected !== last + 1) throw new Error(`page ${expected} of the copy is missing`);
    },
    close: () => read.finalize(),
  };
}

/**
 * Pages read from the copy's file through its VFS, into one wasm buffer of a chunk; null for a copy with no file
 * (a plain `:memory:` database of the unit tests has no file methods).
 */
async function pagesFromFile(copy: Database, pageSize: number, perChunk: number): Promise<PageReader | null> {
  const sqlite3 = await loadSqlite();
  let file: ReturnType<typeof rawFileOf>;
  try {
    file = rawFileOf(sqlite3, copy);
  } catch {
    return null;
  }
  const buffer = sqlite3.wasm.alloc(perChunk * pageSize) as number;
  return {
    read(into, first, last) {
      const offset = (first - 1) * pageSize;
      const rc = file.read(buffer, into.length, offset);
      // A short read (SQLITE_IOERR_SHORT_READ) is a file smaller than its page count: a copy that is not whole.
      if (rc !== 0) throw new Error(`pages ${first} to ${last} of the copy could not be read (${sqlite3.capi.sqlite3_js_rc_str(rc) ?? rc})`);
      into.set(sqlite3.wasm.heap8u().subarray(buffer, buffer + into.length));
    },
    close: () => sqlite3.wasm.dealloc(buffer),
  };
}

/** Whether two byte arrays hold the same bytes (four at a time where both are aligned for it). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = a.length >>> 2;
    const x = new Uint32Array(a.buffer, a.byteOffset, words);
    const y = new Uint32Array(b.buffer, b.byteOffset, words);
    for (; i < words; i++) if (x[i] !== y[i]) return false;
    i = words << 2;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Appends `chunk` (which starts at byte `at`) to `writer`, reads it straight back into `back` (at least the
 * chunk's size) and compares.
 */
async function writeVerified(writer: FileWriter, chunk: Uint8Array, at: number, back: Uint8Array): Promise<void> {
  await writer.write(chunk);
  const read = back.subarray(0, chunk.length);
  await writer.readBack(at, read);
  if (!sameBytes(chunk, read)) throw new Error(`the file read back differs from what was written (at byte ${at})`);
}
