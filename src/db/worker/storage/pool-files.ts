/**
 * {@link DatabaseFiles} over the opfs-sahpool pool: the app's implementation. The pool keeps each file in a slot
 * whose header (its name and a digest) is written and flushed after the data (`importDb` with a chunk callback),
 * so a write cut off half-way leaves a slot without a name, which the pool frees at its next start.
 */
import type { SAHPoolUtil, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { openWithSettings, type DatabaseFiles } from './database-files';
import { markStandalone, startsAsDatabase } from './db-header';
import { CHUNK_BYTES, FLUSH_EVERY_BYTES } from './plain-files';
import { rawFileOf } from './raw-file';

/** The pool's files. */
export function poolFiles(sqlite3: Sqlite3Static, pool: SAHPoolUtil): DatabaseFiles {
  const files: DatabaseFiles = {
    list: () => pool.getFileNames(),
    has: (name) => pool.getFileNames().includes(name),
    open: (name) => openWithSettings(sqlite3, () => new pool.OpfsSAHPoolDb(name)),
    openPlain: (name) => new pool.OpfsSAHPoolDb(name),
    async write(name, chunks) {
      // Importing over an existing name would overwrite that slot in place: the very failure the swap avoids.
      if (files.has(name)) throw new Error(`${name} exists already in the pool`);
      return pool.importDb(name, chunks);
    },
    async writeScratch(name, chunks) {
      if (files.has(name)) throw new Error(`${name} exists already in the pool`);
      // The file is opened (and so named) by a connection that never runs SQL, and written through its VFS
      // (`importDb` flushes once, at the end, the whole file).
      const { wasm, capi } = sqlite3;
      const db = new pool.OpfsSAHPoolDb(name);
      let buffer = 0;
      let room = 0;
      let size = 0;
      try {
        const raw = rawFileOf(sqlite3, db);
        const check = (rc: number, what: string) => {
          if (rc !== 0) throw new Error(`${what} failed (${capi.sqlite3_js_rc_str(rc) ?? rc}; is the disk full?)`);
        };
        let flushedAt = 0;
        for (let chunk = await chunks(); chunk !== undefined; chunk = await chunks()) {
          if (chunk.length > room) {
            if (buffer) wasm.dealloc(buffer);
            room = Math.max(chunk.length, CHUNK_BYTES);
            buffer = wasm.alloc(room);
          }
          // Into wasm memory (which may have grown since the last chunk: a fresh view each time).
          const into = wasm.heap8u().subarray(buffer, buffer + chunk.length);
          into.set(chunk);
          if (size === 0) {
            // As the pool checks an import: an SQLite header, then marked rollback-journal.
            if (!startsAsDatabase(into)) throw new Error(`${name}: the bytes are not an SQLite database`);
            markStandalone(into);
          }
          check(raw.write(buffer, chunk.length, size), 'writing the copy');
          size += chunk.length;
          if (size - flushedAt >= FLUSH_EVERY_BYTES) {
            check(raw.sync(), 'flushing the copy');
            flushedAt = size;
          }
        }
        if (size < 512 || size % 512 !== 0) throw new Error(`${name}: the bytes are not an SQLite database (${size} bytes)`);
        check(raw.sync(), 'flushing the copy');
      } catch (error) {
        db.close();
        pool.unlink(name);
        throw error;
      } finally {
        if (buffer) wasm.dealloc(buffer);
        if (db.isOpen()) db.close();
      }
      return size;
    },
    unlink: (name) => pool.unlink(name),
  };
  return files;
}
