/**
 * The live database's WAL written in one call per commit instead of two per page.
 *
 * SQLite appends a commit to the WAL frame by frame, each frame in two writes (its 24-byte header, then the
 * page), and then syncs the file. Through opfs-sahpool each write is a call on the file's sync access handle,
 * and in Chromium a call costs about 0.06 ms in a run of them and 0.2–0.3 ms as the first after a flush or a
 * pause, whatever its size: a sale of some 12 frames paid more for its two dozen writes than for its flush
 * (measured in `bench.flushProbe`: one 240 KB write 0.4 ms, thirty 8 KB writes 1.5–2.4 ms).
 *
 * So the WAL's writes are gathered in a buffer while they follow one another in the file, and written in one
 * call before anything that must see them: the sync of the commit (so what a commit waits for is unchanged:
 * every byte written and flushed before it returns, `synchronous=FULL`), any read, size, truncation or close of
 * the WAL, a write elsewhere in the file, or a buffer full. Nothing is reordered: the writes reach the file in
 * the order SQLite made them, only later, and never later than the sync that makes them durable. What a killed
 * worker loses is only what SQLite had not synced yet, which a recovery of the WAL ignores anyway.
 *
 * Only for a WAL of a connection that syncs every commit (the live database: `applyConnectionSettings`); the
 * file's own methods stay those of its VFS, wrapped per file (its `pMethods` pointer points at a copy of its
 * VFS's methods with these in front).
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { filePointerOf } from './raw-file';
import { copyMethods, replaceMethods } from './io-methods';

/**
 * Bytes gathered before they are written anyway: a large transaction (an import) writes in runs of this size. A
 * sale's two dozen frames of 8 KiB (about 200 KB, measured) fit, so a sale is one call. A VFS need not take a
 * write of any size: sqlite-wasm's `unix` VFS in Node (the unit tests') refuses one of 128 KiB or more with
 * SQLITE_FULL, so those tests gather less ({@link gatherWalWrites}'s `capacity`); opfs-sahpool takes 1 MiB writes
 * (every streamed copy makes them).
 */
export const WAL_BUFFER_BYTES = 1 << 20;

/** What the buffer needs of the file and of wasm memory: plain functions, so that a unit test can drive it. */
export interface GatherTarget {
  /** Writes `n` bytes at wasm address `from` to byte `offset` of the file; SQLite's result code. */
  write(from: number, n: number, offset: number): number;
  /** Copies `n` bytes inside wasm memory from `from` to `to`. */
  copy(to: number, from: number, n: number): void;
}

/** Writes gathered for one file: `add` in place of a write, `drain` before anything that must see them. */
export interface GatheredWrites {
  add(from: number, n: number, offset: number): number;
  drain(): number;
  /** Bytes gathered and not written yet. */
  pending(): number;
  /** Writes made by SQLite and calls made on the file (every WAL's together: `walWriteStats`), for the bench. */
  readonly stats: { writes: number; calls: number };
}

/**
 * Gathers writes that follow one another into the `capacity` bytes at wasm address `buffer`, counting them in
 * `stats` (which several files may share).
 */
export function gatherWrites(target: GatherTarget, buffer: number, capacity: number, stats = { writes: 0, calls: 0 }): GatheredWrites {
  let start = 0;
  let length = 0;
  // A failed drain keeps what it holds, to be written by the next: SQLite was told those writes were done. Not all
  // of them are followed by a sync of the commit that made them: with synchronous=FULL a commit pads the WAL to a
  // sector boundary, syncs there, and writes the rest of the last padding frame after that sync, which then waits
  // here for the next sync, read or checkpoint. Dropped on a failed drain (a full disk), that frame was missing
  // from the file while the WAL's index named it: every later read of its page failed (SQLITE_IOERR_SHORT_READ)
  // until a restart (the full-disk test, once a checkpoint came between the commit and the full disk).
  const drain = () => {
    if (length === 0) return 0;
    stats.calls++;
    const rc = target.write(buffer, length, start);
    if (rc === 0) length = 0;
    return rc;
  };
  return {
    add(from, n, offset) {
      stats.writes++;
      if (length > 0 && offset === start + length && length + n <= capacity) {
        target.copy(buffer + length, from, n);
        length += n;
        return 0;
      }
      const rc = drain();
      if (rc !== 0) return rc;
      if (n > capacity) {
        stats.calls++;
        return target.write(from, n, offset);
      }
      target.copy(buffer, from, n);
      start = offset;
      length = n;
      return 0;
    },
    drain,
    pending: () => length,
    stats,
  };
}

interface Wrapped {
  methods: number;
  files: Map<number, { gathered: GatheredWrites; buffer: number }>;
}

/** Per sqlite3 module and VFS methods struct: the copy with the gathering methods in front. */
const wrappedMethods = new Map<number, Wrapped>();

/** Totals over every WAL gathered so far (for the bench's figures). */
export const walWriteStats = { writes: 0, calls: 0 };

/**
 * Bytes gathered and not yet written, over every open WAL: once a commit returned, at most the tail of its last
 * padding frame (see `drain` in {@link gatherWrites}), or what a failed drain kept.
 */
export function walBytesPending(): number {
  let total = 0;
  for (const wrapped of new Set(wrappedMethods.values())) for (const file of wrapped.files.values()) total += file.gathered.pending();
  return total;
}

function wrap(sqlite3: Sqlite3Static, original: number, capacity: number): Wrapped {
  const { wasm } = sqlite3;
  const known = wrappedMethods.get(original);
  if (known) return known;
  const files = new Map<number, { gathered: GatheredWrites; buffer: number }>();
  const ours = copyMethods(sqlite3, original, 'the WAL', (entry) => {
    const xClose = entry('xClose');
    const xRead = entry('xRead');
    const xWrite = entry('xWrite');
    const xTruncate = entry('xTruncate');
    const xSync = entry('xSync');
    const xFileSize = entry('xFileSize');
    const of = (pFile: number) => {
      let file = files.get(pFile);
      if (!file) {
        const buffer = wasm.alloc(capacity) as number;
        const target: GatherTarget = {
          write: (from, n, offset) => xWrite(pFile, from, n, BigInt(offset)),
          copy: (to, from, n) => void wasm.heap8u().copyWithin(to, from, from + n),
        };
        file = { gathered: gatherWrites(target, buffer, capacity, walWriteStats), buffer };
        files.set(pFile, file);
      }
      return file.gathered;
    };
    /** Drains what `pFile` gathered, then runs `then` (unless the drain failed: its code is the answer). */
    const drained = (pFile: number, then: () => number) => {
      const rc = of(pFile).drain();
      return rc !== 0 ? rc : then();
    };
    return {
      xWrite: (pFile, from, n, offset) => of(Number(pFile)).add(Number(from), Number(n), Number(offset)),
      xRead: (pFile, into, n, offset) => drained(Number(pFile), () => xRead(pFile, into, n, offset)),
      xSync: (pFile, flags) => drained(Number(pFile), () => xSync(pFile, flags)),
      xTruncate: (pFile, size) => drained(Number(pFile), () => xTruncate(pFile, size)),
      xFileSize: (pFile, out) => drained(Number(pFile), () => xFileSize(pFile, out)),
      xClose: (pFile) => {
        const file = files.get(Number(pFile));
        // What was not written is what SQLite never synced: written now all the same, then the file closed.
        const rc = file ? drained(Number(pFile), () => 0) : 0;
        if (file) {
          wasm.dealloc(file.buffer);
          files.delete(Number(pFile));
        }
        const closed = xClose(pFile);
        return rc !== 0 ? rc : closed;
      },
    };
  });
  const wrapped = { methods: ours.pointer, files };
  wrappedMethods.set(original, wrapped);
  wrappedMethods.set(wrapped.methods, wrapped);
  return wrapped;
}

/**
 * Gathers the writes of `db`'s WAL (see the module comment). Returns false, changing nothing, where `db` is not
 * in WAL mode or its WAL is not open. Safe to call again on the same connection. `capacity`: the most bytes one
 * call writes (the first wrapping of a VFS's methods sets it for every WAL of that VFS).
 */
export function gatherWalWrites(sqlite3: Sqlite3Static, db: Database, capacity = WAL_BUFFER_BYTES): boolean {
  if (String(db.selectValue('PRAGMA journal_mode')).toLowerCase() !== 'wal') return false;
  // A read opens the WAL (SQLite opens it with the first transaction).
  db.selectValue('SELECT count(*) FROM sqlite_schema');
  const pFile = filePointerOf(sqlite3, db, sqlite3.capi.SQLITE_FCNTL_JOURNAL_POINTER);
  if (!pFile) return false;
  return replaceMethods(sqlite3, pFile, (methods) => wrap(sqlite3, methods, capacity).methods) !== 0;
}
