/**
 * The backup store in IndexedDB (through `idb`): one record per backup file, the backup log, and the worker's
 * settings (one typed record, see `settings.ts`). Only the leader writes it. The files in OPFS `backups/` are the
 * truth: at start-up the store is reconciled with them (see `service.ts`).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BackupLogEntry, BackupRecord } from '../../protocol/backups';
import { fromLooseKeys, normalizeSettings, type WorkerSettings } from './settings';

const DB_NAME = 'tillite-backups';
/** 2: the six loose setting keys (and the retired `request:<id>` records) became one `worker` settings record. */
const DB_VERSION = 2;
/** How many log lines are kept; older ones are dropped. */
const LOG_LIMIT = 500;
const SETTINGS_KEY = 'worker';

interface StoreSchema extends DBSchema {
  backups: { key: string; value: BackupRecord; indexes: { createdAt: string } };
  log: { key: number; value: BackupLogEntry };
  settings: { key: string; value: unknown };
}

/** The backup store's operations. */
export interface BackupStore {
  all(): Promise<BackupRecord[]>;
  get(name: string): Promise<BackupRecord | undefined>;
  put(record: BackupRecord): Promise<void>;
  remove(name: string): Promise<void>;
  log(entry: Omit<BackupLogEntry, 'id' | 'at'> & { at?: string }): Promise<BackupLogEntry>;
  /** Newest first. */
  recentLog(limit: number): Promise<BackupLogEntry[]>;
  /** The worker's settings, whole, with defaults where nothing was stored. */
  settings(): Promise<WorkerSettings>;
  /** Changes some settings: `change` gets the current record and returns the next one. */
  updateSettings(change: (current: WorkerSettings) => WorkerSettings): Promise<WorkerSettings>;
}

/** Opens (creating or upgrading on first use) the backup store. */
export async function openBackupStore(): Promise<BackupStore> {
  const idb: IDBPDatabase<StoreSchema> = await openDB<StoreSchema>(DB_NAME, DB_VERSION, {
    async upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const backups = database.createObjectStore('backups', { keyPath: 'name' });
        backups.createIndex('createdAt', 'createdAt');
        database.createObjectStore('log', { keyPath: 'id', autoIncrement: true });
        database.createObjectStore('settings');
      }
      if (oldVersion === 1) {
        // Version 1 kept six loose keys and a `request:<id>` record per destructive task (never pruned; the
        // processor now remembers requests itself). Keep the settings, drop the rest.
        const store = transaction.objectStore('settings');
        const keys = (await store.getAllKeys()).map(String);
        const values = new Map<string, unknown>();
        for (const key of keys) values.set(key, await store.get(key));
        await store.clear();
        await store.put(fromLooseKeys((key) => values.get(key)), SETTINGS_KEY);
      }
    },
  });
  const settings = async () => normalizeSettings(await idb.get('settings', SETTINGS_KEY));
  return {
    all: () => idb.getAllFromIndex('backups', 'createdAt').then((list) => list.reverse()),
    get: (name) => idb.get('backups', name),
    put: async (record) => {
      await idb.put('backups', record);
    },
    remove: (name) => idb.delete('backups', name),
    async log(entry) {
      const line = { ...entry, at: entry.at ?? new Date().toISOString() } as Omit<BackupLogEntry, 'id'>;
      const tx = idb.transaction('log', 'readwrite');
      // The store's key generator fills in `id`.
      const id = await tx.store.add(line as BackupLogEntry);
      const count = await tx.store.count();
      if (count > LOG_LIMIT) {
        let cursor = await tx.store.openCursor();
        for (let extra = count - LOG_LIMIT; cursor && extra > 0; extra--) {
          await cursor.delete();
          cursor = await cursor.continue();
        }
      }
      await tx.done;
      return { ...line, id };
    },
    async recentLog(limit) {
      const lines: BackupLogEntry[] = [];
      let cursor = await idb.transaction('log').store.openCursor(null, 'prev');
      while (cursor && lines.length < limit) {
        lines.push(cursor.value);
        cursor = await cursor.continue();
      }
      return lines;
    },
    settings,
    async updateSettings(change) {
      // One leader writes, one call at a time per setting: read, change and write in one IndexedDB transaction.
      const tx = idb.transaction('settings', 'readwrite');
      const next = normalizeSettings(change(normalizeSettings(await tx.store.get(SETTINGS_KEY))));
      await tx.store.put(next, SETTINGS_KEY);
      await tx.done;
      return next;
    },
  };
}
