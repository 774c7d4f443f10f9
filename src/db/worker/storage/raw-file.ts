/**
 * A connection's main file read and written through its VFS's own methods (`xRead`, `xWrite`, `xSync`), with no
 * SQL and no page cache in between: for copies that move a whole file at storage speed (the frozen live file,
 * a scratch copy streamed into the pool). The file pointer comes from `SQLITE_FCNTL_FILE_POINTER`.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';

/** The main file of a connection; each call answers SQLite's result code (0 when it went well). */
export interface RawFile {
  /** Reads `n` bytes at byte `offset` of the file into wasm memory at `into`. */
  read(into: number, n: number, offset: number): number;
  /** Writes `n` bytes from wasm memory at `from` to byte `offset` of the file. */
  write(from: number, n: number, offset: number): number;
  /** Flushes the file to the disk. */
  sync(): number;
}

type Method = (file: number, pointer: number, n: number, offset: bigint) => number;

/**
 * The pointer a file control answers for `db`'s main database: its `sqlite3_file` (`SQLITE_FCNTL_FILE_POINTER`),
 * its journal's or WAL's (`SQLITE_FCNTL_JOURNAL_POINTER`, 0 when none is open), or its VFS (`SQLITE_FCNTL_VFS_POINTER`).
 */
export function filePointerOf(
  sqlite3: Sqlite3Static,
  db: Database,
  op: Sqlite3Static['capi']['SQLITE_FCNTL_FILE_POINTER' | 'SQLITE_FCNTL_JOURNAL_POINTER' | 'SQLITE_FCNTL_VFS_POINTER'],
): number {
  const { capi, wasm } = sqlite3;
  return wasm.scopedAllocCall(() => {
    const out = wasm.scopedAlloc(8); // room for a pointer of either width
    db.checkRc(capi.sqlite3_file_control(db.pointer!, 'main', op, out));
    return wasm.peekPtr(out) as number;
  });
}

/** The main file `db` has open, through its VFS. */
export function rawFileOf(sqlite3: Sqlite3Static, db: Database): RawFile {
  const { capi, wasm } = sqlite3;
  const pFile = filePointerOf(sqlite3, db, capi.SQLITE_FCNTL_FILE_POINTER);
  // Wrappers over SQLite's own structs: disposing them frees nothing of SQLite's.
  const file = new capi.sqlite3_file(pFile);
  // Its members are pointers, read with `$` (the typings name them as functions).
  const methods = new capi.sqlite3_io_methods(file.$pMethods) as unknown as { $xRead: number; $xWrite: number; $xSync: number; dispose(): void };
  const xRead = wasm.functionEntry(methods.$xRead) as Method | undefined;
  const xWrite = wasm.functionEntry(methods.$xWrite) as Method | undefined;
  const xSync = wasm.functionEntry(methods.$xSync) as ((file: number, flags: number) => number) | undefined;
  methods.dispose();
  file.dispose();
  if (!xRead || !xWrite || !xSync) throw new Error('the database file cannot be reached directly');
  return {
    read: (into, n, offset) => xRead(pFile, into, n, BigInt(offset)),
    write: (from, n, offset) => xWrite(pFile, from, n, BigInt(offset)),
    sync: () => xSync(pFile, capi.SQLITE_SYNC_NORMAL),
  };
}
