/**
 * {@link DatabaseFiles} in memory, for unit tests in Node (sqlite-wasm has no OPFS there). A file is a byte
 * array; an open file is an in-memory SQLite database deserialized from it and written back when it closes.
 * `crash()` plays the worker dying: what open databases committed is kept (in the app the WAL holds it, synced
 * at every commit), their handles are dropped, nothing is closed cleanly. Never used by the app.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { openWithSettings, type ChunkSource, type DatabaseFiles } from './database-files';
import { startsAsDatabase } from './db-header';

/** The in-memory files, with what tests need to look at them and to crash them. */
export interface MemoryFiles extends DatabaseFiles {
  /** A file's bytes as they would be found after a crash (committed state of an open database included). */
  bytes(name: string): Uint8Array | undefined;
  /** The worker dies: open databases are dropped without closing, their committed state kept. */
  crash(): void;
}


/** Creates empty in-memory files over the given sqlite3 module. */
export function memoryFiles(sqlite3: Sqlite3Static): MemoryFiles {
  const stored = new Map<string, Uint8Array>();
  const opened = new Map<string, Database>();
  const serialize = (db: Database) => new Uint8Array(sqlite3.capi.sqlite3_js_db_export(db));

  function deserialize(bytes: Uint8Array | undefined): Database {
    const db = new sqlite3.oo1.DB(':memory:', 'c');
    if (bytes && bytes.length > 0) {
      const pointer = sqlite3.wasm.allocFromTypedArray(bytes);
      const flags = sqlite3.capi.SQLITE_DESERIALIZE_FREEONCLOSE | sqlite3.capi.SQLITE_DESERIALIZE_RESIZEABLE;
      db.checkRc(sqlite3.capi.sqlite3_deserialize(db.pointer!, 'main', pointer, bytes.length, bytes.length, flags));
    }
    return db;
  }

  const files: MemoryFiles = {
    list: () => [...new Set([...stored.keys(), ...opened.keys()])],
    has: (name) => stored.has(name) || opened.has(name),
    open: (name) => openWithSettings(sqlite3, () => files.openPlain(name)),
    openPlain(name) {
      if (opened.has(name)) throw new Error(`${name} is already open`);
      const db = deserialize(stored.get(name));
      const close = db.close.bind(db);
      // Written back on close, as the pool's file holds what the connection wrote once it is closed.
      db.close = () => {
        if (opened.get(name) === db) {
          stored.set(name, serialize(db));
          opened.delete(name);
        }
        return close();
      };
      opened.set(name, db);
      return db;
    },
    async write(name: string, chunks: ChunkSource) {
      if (files.has(name)) throw new Error(`${name} exists already`);
      const parts: Uint8Array[] = [];
      let total = 0;
      for (let chunk = await chunks(); chunk !== undefined; chunk = await chunks()) {
        parts.push(chunk.slice());
        total += chunk.length;
      }
      const bytes = new Uint8Array(total);
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.length;
      }
      // The pool's checks: an SQLite header and a whole number of 512-byte sectors; the header says rollback.
      if (total < 512 || total % 512 !== 0 || !startsAsDatabase(bytes)) {
        throw new Error(`${name}: the bytes are not an SQLite database`);
      }
      bytes[18] = 1;
      bytes[19] = 1;
      // Only a whole file gets the name, as in the pool (whose slot header is written after the data).
      stored.set(name, bytes);
      return total;
    },
    // In memory nothing waits behind a flush.
    writeScratch: (name, chunks) => files.write(name, chunks),
    unlink(name) {
      const db = opened.get(name);
      if (db) {
        opened.delete(name);
        db.close();
      }
      return stored.delete(name) || db !== undefined;
    },
    bytes: (name) => {
      const db = opened.get(name);
      return db ? serialize(db) : stored.get(name);
    },
    crash() {
      for (const [name, db] of opened) {
        stored.set(name, serialize(db));
        opened.delete(name);
        db.close();
      }
    },
  };
  return files;
}
