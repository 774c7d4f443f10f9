/**
 * Tells SQLite that a database file's storage is power-safe to overwrite (`SQLITE_IOCAP_POWERSAFE_OVERWRITE`):
 * a write to one part of a sector cannot damage the rest of it when the power fails. SQLite's own unix and
 * Windows VFSes say so by default (`SQLITE_POWERSAFE_OVERWRITE=1`), so native SQLite on the same disk already
 * runs this way; opfs-sahpool does not say it.
 *
 * Where it is not said, a WAL commit under `synchronous=FULL` pads the WAL to the next sector boundary with a copy
 * of its last frame (one more 8 KiB frame per sale here, about 6% of its WAL bytes), syncs in the middle of that
 * copy, and writes the copy's tail after the sync. That tail then waits, unsynced, until the next sync: the one a
 * checkpoint makes before it copies the WAL back, which so became a real flush on every checkpoint.
 *
 * OPFS files are ordinary files of the browser's profile on the device's own file system (ext4, APFS, NTFS on
 * flash), the storage the native default was chosen for. Durability against a killed tab or browser does not
 * depend on it at all: what SQLite wrote is in the operating system's hands either way.
 *
 * SQLite reads the flag when it opens the WAL (its first transaction on the file), so this runs right after the
 * file is opened, before the connection's settings. The file's `pMethods` points at a copy of its VFS's methods
 * with `xDeviceCharacteristics` in front; the page guard (`page-guard.ts`) and the WAL's gathering wrap that copy
 * in turn, and restore it.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { copyMethods, replaceMethods } from './io-methods';
import { filePointerOf } from './raw-file';

/** Per sqlite3 module: VFS methods struct → the copy that declares power-safe overwrites. */
const declared = new WeakMap<Sqlite3Static, Map<number, number>>();

function copyDeclaring(sqlite3: Sqlite3Static, original: number): number {
  const { capi } = sqlite3;
  let copies = declared.get(sqlite3);
  if (!copies) declared.set(sqlite3, (copies = new Map()));
  const known = copies.get(original);
  if (known !== undefined) return known;
  const { pointer } = copyMethods(sqlite3, original, 'the database file', (entry) => {
    const characteristics = entry('xDeviceCharacteristics');
    return { xDeviceCharacteristics: (pFile) => characteristics(pFile) | capi.SQLITE_IOCAP_POWERSAFE_OVERWRITE };
  });
  copies.set(original, pointer);
  // A copy is its own original: declaring on a file that already declares changes nothing.
  copies.set(pointer, pointer);
  return pointer;
}

/**
 * Declares power-safe overwrites for `db`'s main file (see the module comment). Returns false, changing
 * nothing, where the file or its methods cannot be reached. Call it before the connection's first transaction.
 */
export function declarePowersafeOverwrite(sqlite3: Sqlite3Static, db: Database): boolean {
  const { capi } = sqlite3;
  let pFile = 0;
  try {
    pFile = filePointerOf(sqlite3, db, capi.SQLITE_FCNTL_FILE_POINTER);
  } catch {
    return false;
  }
  if (!pFile) return false;
  try {
    return replaceMethods(sqlite3, pFile, (methods) => copyDeclaring(sqlite3, methods)) !== 0;
  } catch (error) {
    // Only slower: the WAL pads its commits as before.
    console.warn('[tillite] the database file could not be declared power-safe to overwrite', error);
    return false;
  }
}
