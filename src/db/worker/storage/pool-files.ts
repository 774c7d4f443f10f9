/**
 * {@link DatabaseFiles} over the opfs-sahpool pool: the app's implementation. The pool keeps each file in a slot
 * whose header (its name and a digest) is written and flushed after the data (`importDb` with a chunk callback),
 * so a write cut off half-way leaves a slot without a name, which the pool frees at its next start.
 */
import type { SAHPoolUtil } from '@sqlite.org/sqlite-wasm';
import { openWithSettings, type DatabaseFiles } from './database-files';

/** The pool's files. */
export function poolFiles(pool: SAHPoolUtil): DatabaseFiles {
  const files: DatabaseFiles = {
    list: () => pool.getFileNames(),
    has: (name) => pool.getFileNames().includes(name),
    open: (name) => openWithSettings(() => new pool.OpfsSAHPoolDb(name)),
    openPlain: (name) => new pool.OpfsSAHPoolDb(name),
    async write(name, chunks) {
      // Importing over an existing name would overwrite that slot in place: the very failure the swap avoids.
      if (files.has(name)) throw new Error(`${name} exists already in the pool`);
      return pool.importDb(name, chunks);
    },
    unlink: (name) => pool.unlink(name),
  };
  return files;
}
