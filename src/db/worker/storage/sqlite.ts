/** Loads sqlite-wasm once per worker. */
import sqlite3InitModule, { type Sqlite3Static } from '@sqlite.org/sqlite-wasm';

let loading: Promise<Sqlite3Static> | null = null;

/** The initialised sqlite3 module (the same promise on every call). */
export function loadSqlite(): Promise<Sqlite3Static> {
  // The app uses opfs-sahpool only. In a cross-origin-isolated page sqlite-wasm would also install its `opfs` and
  // `opfs-wl` VFSes at start (starting a helper worker and waiting for it); turning them off keeps start-up the
  // same whatever headers the page is served with. Its `kvvfs` (databases in localStorage) is off too: the app
  // never uses it, and it was set up at every start. Read once, when the module initialises.
  if (!loading) {
    (globalThis as { sqlite3ApiConfig?: unknown }).sqlite3ApiConfig = { disable: { vfs: { opfs: true, 'opfs-wl': true, kvvfs: true } } };
    loading = sqlite3InitModule();
  }
  return loading;
}
