/**
 * Helpers for unit tests of the migration runner in Node, where sqlite-wasm runs in memory only.
 *
 * A "snapshot" here is the bytes of `sqlite3_js_db_export` (SQLite's serializer: a consistent copy made by
 * SQLite), re-opened with `sqlite3_deserialize`. The real snapshot path (VACUUM INTO, integrity check, plain OPFS
 * file, SHA-256 read-back, rename) needs OPFS and is covered end to end in Chromium.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { loadSqlite } from '../storage/sqlite';
import { openMemoryDatabase } from '../storage/memory';
import type { MigrateHooks } from '../schema/runner';
import { parseMigrations, type Migration } from '../schema/loader';

/** A fresh in-memory database with the live settings, and the sqlite3 module. */
export async function memoryDb(): Promise<{ db: Database; sqlite3: Sqlite3Static }> {
  const opened = await openMemoryDatabase();
  return { db: opened.db, sqlite3: opened.sqlite3 };
}

/** The database's bytes, as SQLite serializes them. */
export function exportBytes(sqlite3: Sqlite3Static, db: Database): Uint8Array {
  return sqlite3.capi.sqlite3_js_db_export(db);
}

/** Opens serialized bytes as a new in-memory database (the copy owns its memory). */
export function openBytes(sqlite3: Sqlite3Static, bytes: Uint8Array): Database {
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  const pointer = sqlite3.wasm.allocFromTypedArray(bytes);
  const flags = sqlite3.capi.SQLITE_DESERIALIZE_FREEONCLOSE | sqlite3.capi.SQLITE_DESERIALIZE_RESIZEABLE;
  db.checkRc(sqlite3.capi.sqlite3_deserialize(db.pointer!, 'main', pointer, bytes.length, bytes.length, flags));
  return db;
}

/** Runner hooks that keep every snapshot in memory by name, and record what was called. */
export function memorySnapshotHooks(sqlite3: Sqlite3Static, db: Database) {
  const snapshots = new Map<string, Uint8Array>();
  const calls: string[] = [];
  const hooks: MigrateHooks = {
    beforeMigrate: async ({ from, to }) => {
      const name = `tillite-pre-migration-v${from}-to-v${to}.db`;
      snapshots.set(name, exportBytes(sqlite3, db));
      calls.push(`beforeMigrate ${from}->${to}`);
      return name;
    },
    onAppVersionChange: async ({ fromApp, toApp, schema }) => {
      const name = `tillite-upgrade-v${schema}-${fromApp}-to-${toApp}.db`;
      snapshots.set(name, exportBytes(sqlite3, db));
      calls.push(`onAppVersionChange ${fromApp}->${toApp}`);
      return name;
    },
    onMigrationStart: ({ version }) => void calls.push(`start ${version}`),
  };
  return { hooks, snapshots, calls };
}

/** Test migrations appended after `base`, numbered on from it: `extra` maps a snake_case name to SQL. */
export function withExtra(base: readonly Migration[], extra: [name: string, sql: string][]): Migration[] {
  const files: Record<string, string> = {};
  for (const m of base) files[`/base/${String(m.version).padStart(4, '0')}_${m.name}.sql`] = m.source;
  extra.forEach(([name, sql], index) => {
    files[`/extra/${String(base.length + index + 1).padStart(4, '0')}_${name}.sql`] = sql;
  });
  const parsed = parseMigrations(files);
  // Keep the real migrations' own implementations (a TypeScript migration is not plain SQL).
  return parsed.map((m, index) => (index < base.length ? (base[index] as Migration) : m));
}

/** Loads the sqlite3 module (shared with the memory driver). */
export const sqlite = loadSqlite;
