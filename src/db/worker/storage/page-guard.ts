/**
 * The live database file's pages kept as they were at an instant, while checkpoints go on writing the file: copy
 * on write, for a copy that reads the file in slices (`backups/frozen-copy.ts`).
 *
 * A copy used to hold checkpoints off for as long as it read (a second or so per 200 MB), so sales went to the WAL
 * only and the first checkpoint after it copied all of them at once: 16–29 ms at the large shop, which a sale
 * arriving then waited for (measured; it was the p99 of a sale during a backup). With the guard, the live
 * connection's writes to its file first keep the page they overwrite (the first time only, and only pages the
 * copy covers), and the copy lays those kept pages over what it reads: it reads the file as it was at the guard's
 * start, and checkpoints run as at any other time. What is kept is the pages checkpointed during the copy: a few
 * MB at most.
 *
 * Wraps the file's methods as `wal-writes.ts` does (its `pMethods` pointed at a copy with these in front), and puts
 * them back on release.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { filePointerOf } from './raw-file';
import { copyMethods, replaceMethods, type Method, type MethodsCopy } from './io-methods';

/** The pages a guard kept, and the connections that read the file as it was. */
export interface PageGuard {
  /**
   * Makes `view` (another connection on the same file) read it as the guard keeps it: its reads, SQLite's and raw
   * ones through its methods (`raw-file.ts`, taken after this call), have the kept pages laid over them.
   */
  guardReads(view: Database): void;
  /** Pages kept so far. */
  readonly kept: number;
  /** Puts the file's own methods back and drops what was kept. Safe to call twice. */
  release(): void;
}

interface Wrapped {
  restore(): void;
}

/** The `sqlite3_file` of `db`'s main file. */
const mainFile = (sqlite3: Sqlite3Static, db: Database): number => filePointerOf(sqlite3, db, sqlite3.capi.SQLITE_FCNTL_FILE_POINTER);

/** Puts `methods(original)` in front of file `pFile`'s own; `restore` puts its own back (unless it was closed). */
function wrapFile(sqlite3: Sqlite3Static, pFile: number, methods: (entry: (name: string) => Method) => Record<string, Method>): Wrapped {
  let closed = false;
  let ours: MethodsCopy | null = null;
  const original = replaceMethods(sqlite3, pFile, (theirs) => {
    ours = copyMethods(sqlite3, theirs, 'the file', (entry) => {
      const xClose = entry('xClose');
      return {
        ...methods(entry),
        xClose: (p) => {
          closed = true;
          return xClose(p);
        },
      };
    });
    return ours.pointer;
  });
  const copy = ours as MethodsCopy | null;
  if (!original || !copy) throw new Error('the file has no methods to guard');
  return {
    restore() {
      if (!closed) replaceMethods(sqlite3, pFile, () => original);
      // Nothing points at these methods now (the file has its own back, or was closed and freed): the struct and
      // the functions it installed go.
      copy.dispose();
    },
  };
}

/**
 * Keeps the first `bytes` of `db`'s main file (its pages of `pageSize`) as they are now, for as long as the guard
 * is held. Throws, changing nothing, where the file's methods cannot be wrapped (the caller then holds
 * checkpoints off instead).
 */
export function guardPages(sqlite3: Sqlite3Static, db: Database, bytes: number, pageSize: number): PageGuard {
  const { wasm } = sqlite3;
  const kept = new Map<number, Uint8Array>();
  const pages = Math.ceil(bytes / pageSize);
  const scratch = wasm.alloc(pageSize) as number;
  const wrappers: Wrapped[] = [];
  let released = false;
  const live = mainFile(sqlite3, db);
  /** Keeps pages `first`…`last` (those the guard covers, not kept yet) through `xRead`; SQLite's code. */
  const keep = (xRead: Method, pFile: number, first: number, last: number): number => {
    for (let page = Math.max(0, first); page <= Math.min(last, pages - 1); page++) {
      if (kept.has(page)) continue;
      const rc = xRead(pFile, scratch, pageSize, BigInt(page * pageSize));
      if (rc !== 0) return rc;
      kept.set(page, wasm.heap8u().slice(scratch, scratch + pageSize));
    }
    return 0;
  };
  try {
    wrappers.push(
      wrapFile(sqlite3, live, (entry) => {
        const xRead = entry('xRead');
        const xWrite = entry('xWrite');
        const xTruncate = entry('xTruncate');
        return {
          xWrite: (pFile, from, n, offset) => {
            const at = Number(offset);
            const rc = keep(xRead, Number(pFile), Math.floor(at / pageSize), Math.floor((at + Number(n) - 1) / pageSize));
            return rc !== 0 ? rc : xWrite(pFile, from, n, offset);
          },
          xTruncate: (pFile, size) => {
            const rc = keep(xRead, Number(pFile), Math.floor(Number(size) / pageSize), pages - 1);
            return rc !== 0 ? rc : xTruncate(pFile, size);
          },
        };
      }),
    );
  } catch (error) {
    wasm.dealloc(scratch);
    throw error;
  }
  /** Lays the kept pages over `n` bytes read at `offset` of the file into `target` from its index `start`. */
  const layOver = (target: Uint8Array, start: number, offset: number, n: number) => {
    if (kept.size === 0) return;
    const end = Math.min(offset + n, pages * pageSize);
    for (let page = Math.floor(offset / pageSize); page * pageSize < end; page++) {
      const saved = kept.get(page);
      if (!saved) continue;
      const from = Math.max(offset, page * pageSize);
      const to = Math.min(end, (page + 1) * pageSize);
      target.set(saved.subarray(from - page * pageSize, to - page * pageSize), start + from - offset);
    }
  };
  return {
    guardReads(view) {
      wrappers.push(
        wrapFile(sqlite3, mainFile(sqlite3, view), (entry) => {
          const xRead = entry('xRead');
          return {
            xRead: (pFile, into, n, offset) => {
              const rc = xRead(pFile, into, n, offset);
              // A read past the end now (a file cut short since) is whole when the kept pages cover it.
              if (rc !== 0 && rc !== sqlite3.capi.SQLITE_IOERR_SHORT_READ) return rc;
              layOver(wasm.heap8u(), Number(into), Number(offset), Number(n));
              return rc !== 0 && Number(offset) + Number(n) > pages * pageSize ? rc : 0;
            },
          };
        }),
      );
    },
    get kept() {
      return kept.size;
    },
    release() {
      if (released) return;
      released = true;
      for (const wrapped of wrappers.splice(0).reverse()) wrapped.restore();
      kept.clear();
      wasm.dealloc(scratch);
    },
  };
}
