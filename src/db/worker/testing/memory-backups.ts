/**
 * A shop in memory for unit tests of backups, restore and import: the live database on the in-memory pool
 * files (`memory-files.ts`), backup files in memory (`memory-plain-files.ts`), an in-memory backup store, and the
 * real backup service over them. Nothing here stands in for Tillite's own code; it replaces only OPFS and
 * IndexedDB, which do not exist in Node.
 */
import type { SAHPoolUtil, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import type { BackupLogEntry, BackupRecord } from '../../protocol/backups';
import { createBackupService } from '../backups/service';
import { normalizeSettings, type WorkerSettings } from '../backups/settings';
import type { BackupStore } from '../backups/store';
import { migrate } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { createLiveDatabase } from '../storage/live';
import { memoryFiles } from '../storage/memory-files';
import { chunksOf, type DatabaseFiles } from '../storage/database-files';
import type { PlainFiles } from '../storage/plain-files';
import { memoryPlainFiles } from '../storage/memory-plain-files';
import { loadSqlite } from '../storage/sqlite';
import { memorySwitchRecords, type SwitchRecordStore } from '../storage/switch-record';

/** The backup store in memory, with the same contract as the IndexedDB one. */
export function memoryBackupStore(): BackupStore {
  const records = new Map<string, BackupRecord>();
  const lines: BackupLogEntry[] = [];
  let settings: WorkerSettings = normalizeSettings(undefined);
  return {
    all: async () => [...records.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    get: async (name) => records.get(name),
    put: async (record) => void records.set(record.name, structuredClone(record)),
    remove: async (name) => void records.delete(name),
    async log(entry) {
      const line = { ...entry, at: entry.at ?? new Date().toISOString(), id: lines.length + 1 };
      lines.push(line);
      return line;
    },
    recentLog: async (limit) => lines.slice(-limit).reverse(),
    settings: async () => settings,
    async updateSettings(change) {
      settings = normalizeSettings(change(settings));
      return settings;
    },
  };
}

/** No pool in Node: any use of it fails loudly rather than pass silently. */
const NO_POOL = new Proxy({} as SAHPoolUtil, {
  get(_target, key) {
    throw new Error(`the sahpool pool is not available in unit tests (${String(key)})`);
  },
});

/** `count` products with long names from number `from` on (none in stock, so stock equals its movements): enough of them make a file of several 1 MiB chunks. */
export function addProducts(db: import('@sqlite.org/sqlite-wasm').Database, count: number, from = 0): void {
  const insert = db.prepare(
    "INSERT INTO products (name, sku, price, tax_bp, stock, created_at, updated_at) VALUES (?, ?, ?, 2000, 0, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z')",
  );
  try {
    db.transaction(() => {
      for (let n = from; n < from + count; n++) insert.bind([`Product ${n} ${'x'.repeat(150)}`, `SKU-${n}`, 100 + n]).stepReset();
      // Each stock comes with the movement that set it, as the catalogue records one (verify checks the sum).
      db.exec(
        "INSERT INTO stock_movements (product_id, delta, reason, created_at) SELECT id, stock, 'initial', 1767600000000 FROM products WHERE id NOT IN (SELECT product_id FROM stock_movements)",
      );
    });
  } finally {
    insert.finalize();
  }
}

/** The migrated shops made so far, by their number of products, as file bytes (each test starts from a copy). */
const madeShops = new Map<number, Uint8Array>();

/** Calls `tick(where)` before every file operation and every chunk; a tick that throws is the fault. */
export function withFaults(files: DatabaseFiles, backups: PlainFiles, records: SwitchRecordStore, tick: (where: string) => void) {
  const faultyFiles: DatabaseFiles = {
    ...files,
    open: (name) => (tick(`open ${name}`), files.open(name)),
    openPlain: (name) => (tick(`open ${name}`), files.openPlain(name)),
    unlink: (name) => (tick(`unlink ${name}`), files.unlink(name)),
    write: (name, chunks) => (tick(`write ${name}`), files.write(name, async () => (tick(`write ${name}: a chunk`), chunks()))),
    writeScratch: (name, chunks) => (tick(`write ${name}`), files.writeScratch(name, async () => (tick(`write ${name}: a chunk`), chunks()))),
  };
  const faultyBackups: PlainFiles = {
    ...backups,
    reserve: async (bytes) => (tick('reserve'), backups.reserve(bytes)),
    async create(name) {
      tick(`create ${name}`);
      const writer = await backups.create(name);
      return { ...writer, write: async (chunk) => (tick(`write ${name}: a chunk`), writer.write(chunk)), readBack: async (at, into) => (tick(`read back ${name}`), writer.readBack(at, into)), close: async () => (tick(`close ${name}`), writer.close()) };
    },
    async read(name, size, reuse) {
      tick(`read ${name}`);
      const reader = await backups.read(name, size, reuse);
      return reader && { ...reader, source: async () => (tick(`read ${name}: a chunk`), reader.source()) };
    },
    move: async (from, to) => (tick(`move ${from}`), backups.move(from, to)),
    remove: async (name) => (tick(`remove ${name}`), backups.remove(name)),
  };
  const faultyRecords: SwitchRecordStore = {
    read: () => records.read(),
    write: async (record) => (tick('record write'), records.write(record)),
  };
  return { files: faultyFiles, backups: faultyBackups, records: faultyRecords };
}

/**
 * A fault injector: once armed, throws at the `failAt`-th tick (never when 0); `steps` says how many ticks
 * there were. Ticks before `arm()` (setting the shop up) are not counted.
 */
export function faultAt(failAt: number) {
  let steps = 0;
  let armed = false;
  return {
    arm() {
      armed = true;
    },
    tick(where: string) {
      if (armed && ++steps === failAt) throw new Error(`fault injected: ${where}`);
    },
    get steps() {
      return steps;
    },
  };
}

/**
 * A migrated shop with `products` products, its backup service, and the in-memory stores under it. With
 * `tick`, the service and the live database reach the files through {@link withFaults} (`files`, `backups` and
 * `records` in the answer stay the plain ones, for looking at what was left).
 */
export async function memoryShop(products = 12_000, options: { capacity?: number; tick?: (where: string) => void } = {}) {
  const sqlite3: Sqlite3Static = await loadSqlite();
  const files = memoryFiles(sqlite3);
  const records = memorySwitchRecords();
  const backups = memoryPlainFiles(options.capacity);
  const seen = options.tick ? withFaults(files, backups, records, options.tick) : { files, backups, records };
  const live = createLiveDatabase(sqlite3, NO_POOL, () => undefined, { files: seen.files, records: seen.records });
  const file = await live.choose();
  const made = madeShops.get(products);
  if (made) await files.write(file.name, chunksOf(made));
  const db = live.open();
  if (!made) {
    await migrate(db, bundledMigrations, { appVersion: '1.0.0' });
    addProducts(db, products);
    madeShops.set(products, files.bytes(file.name)!);
  }
  const store = memoryBackupStore();
  const service = createBackupService({ live, store, appVersion: '1.0.0', notify: () => undefined, backups: seen.backups, timeZone: 'UTC' });
  return { sqlite3, files, records, live, backups, store, service };
}
