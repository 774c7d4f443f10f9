/**
 * The backup catalogue in IndexedDB (through `idb`): one record per backup file, the backup log, and the
 * scheduler's settings. Only the leader writes it. The files in OPFS `backups/` are the truth: at start-up the
 * catalogue is reconciled with them (see `service.ts`).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BackupLogEntry, BackupRecord } from '../../protocol/backups';

const DB_NAME = 'tillite-backups';
const DB_VERSION = 1;
/** How many log lines are kept; older ones are dropped. */
const LOG_LIMIT = 500;

interface CatalogueSchema extends DBSchema {
  backups: { key: string; value: BackupRecord; indexes: { createdAt: string } };
  log: { key: number; value: BackupLogEntry };
  settings: { key: string; value: unknown };
}

/** The catalogue's operations. */
export interface Catalogue {
  all(): Promise<BackupRecord[]>;
  get(name: string): Promise<BackupRecord | undefined>;
  put(record: BackupRecord): Promise<void>;
  remove(name: string): Promise<void>;
  log(entry: Omit<BackupLogEntry, 'id' | 'at'> & { at?: string }): Promise<BackupLogEntry>;
  /** Newest first. */
  recentLog(limit: number): Promise<BackupLogEntry[]>;
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
}

/** Opens (creating on first use) the catalogue. */
export async function openCatalogue(): Promise<Catalogue> {
  const idb: IDBPDatabase<CatalogueSchema> = await openDB<CatalogueSchema>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      const backups = database.createObjectStore('backups', { keyPath: 'name' });
      backups.createIndex('createdAt', 'createdAt');
      database.createObjectStore('log', { keyPath: 'id', autoIncrement: true });
      database.createObjectStore('settings');
    },
  });
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
    getSetting: async <T,>(key: string) => (await idb.get('settings', key)) as T | undefined,
    setSetting: async (key, value) => {
      await idb.put('settings', value, key);
    },
  };
}
